"""The review packets of a build (``MEDICAL_REVIEW_PACKETS``, set by ``make review``):
once every page is written, one document for each medical page whose text changed
since its review (``outputs.review_packet``), and an index, in their own folder (never
the site's). What a packet shows is what the build shows: the written page, its facts,
the claims judge and the risk-language rules of the checks."""

import os
import shutil

from ..core import html_text
from ..judges.statements import statements
from ..outputs import review_packet
from ..outputs.review_packet import Fact, Packet
from ..page import view
from ..page.model import Medical
from ..page.shown import shown
from .contents import judged_as
from .state import Located, State


def write(state: State, output_path: str, folder: str) -> list[str]:
    """Write the packets into ``folder`` (emptied first); the paths written."""
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    written = []
    for item in sorted(state.contents.values(), key=lambda i: i.save_as):
        packet = _packet(item, state, output_path)
        if packet is not None:
            name = item.save_as.replace("/index.html", "").replace("/", "-") or "index"
            name = name.removesuffix(".html") + ".html"
            with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                out.write(review_packet.render(packet))
            written.append((name, packet))
    with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as out:
        out.write(review_packet.index(written))
    return [os.path.join(folder, name) for name, _ in written]


def _packet(item: Located, state: State, output_path: str) -> Packet | None:
    medical: Medical = item.content.medical
    review = medical.review
    page_file = os.path.join(output_path, item.save_as)
    if (
        not medical.is_medical
        or review is None
        or not review.stale
        or review.changed is None
        or state.history is None
        or not os.path.isfile(page_file)
    ):
        return None
    main = next(html_text.page(page_file).iter("main"), None)
    if main is None:
        return None
    read = view.of_html(main).root
    judge = state.judges.of(*judged_as(item.content, state))
    base, diff = state.history.since_review(item.content.source_path)
    row = state.report.row(item.content)
    figures = row.measured.get("readability")
    return Packet(
        title=str(item.content.metadata.get("title", "")),
        source=row.page,
        url=item.url,
        reviewer=review.reviewer,
        reviewed=review.reviewed,
        changed=review.changed,
        base=base,
        diff=diff,
        statements=statements(read, state.config.risk_rules, judge),
        facts=_facts(medical),
        grade=figures.grade if figures else None,
        target_grade=state.config.readability_grade,
        sources=[(source.title, source.url) for source in medical.sources],
        page_html=html_text.serialize(main),
        today=state.config.today,
    )


def _facts(medical: Medical) -> list[Fact]:
    """What the page shows from the label registry and the courses, with where each was
    read: in the label's own text (its section), or in another source."""
    found: list[Fact] = []
    for fact in shown(medical):
        read = fact.read
        where = (
            f"read in the label, {read.section}"
            if read.from_label
            else f"read in {read.read_at or 'another source'}, not in the label itself"
        )
        found.append(
            (
                fact.where,
                fact.text,
                f"{fact.source or medical.label.brand}: {where}",
                fact.url or read.read_at,
            )
        )
    return found
