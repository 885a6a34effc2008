"""The facts of the drug registry a page shows, each with where it was read: what the
compliance report lists page by page, so that a reviewer sees which of a page's facts
come from the label's own text and which from a copy or another source.

A page shows registry facts in four places: its status line (an approved use's
indication), its course of treatment, the side effects and warnings of its use, and,
off-label, its evidence line and the warning about uses the label does not hold.
"""

from dataclasses import dataclass

from ..registry.courses import Fact
from ..registry.labels import Indication
from ..registry.provenance import Provenance
from .model import Medical


@dataclass(frozen=True)
class Shown:
    where: str  # where on the page: "status line", a course topic's heading, "risks", ...
    text: str  # as the page shows it
    source: str  # the source it is cited to ("" on the status line, which cites none)
    url: str
    read: Provenance

    def as_json(self) -> dict[str, str]:
        return {
            "where": self.where,
            "shown": self.text,
            "source": self.source,
            "url": self.url,
            "read_in": self.read.read_in,
            "section": self.read.section,
            "words": self.read.words,
            "read_at": self.read.read_at,
        }


def shown(medical: Medical) -> list[Shown]:
    """Every registry fact the page shows, in the page's order."""
    found = []
    regulatory = medical.regulatory
    if regulatory is not None and isinstance(regulatory.indication, Indication):
        read = regulatory.indication.read
        found.append(Shown("status line", medical.indication, "", "", read))
    if medical.evidence is not None:
        found.append(_cited("evidence line", medical.evidence.fact))
    found += [_cited("unapproved use", fact) for fact in medical.unapproved_use]
    if medical.course is not None:
        for topic, facts in medical.course[1]:
            found += [_cited(topic, fact) for fact in facts]
    found += [_cited("risks", fact) for fact in medical.risks]
    return found


def _cited(where: str, fact: Fact) -> Shown:
    return Shown(where, fact.text, fact.source.title, fact.source.url, fact.source.read)
