"""What treatment is like, condition by condition: how it is given, the dose, when it may
start to work, how long it lasts, how often it is repeated, what is checked, and the
evidence - each fact a plain sentence with the source it was read in.

Kept as data beside the label registry (``labels/courses/<product>.toml``): a course is
tied to one of the label's indications, or, for an off-label use, to a condition's
name; a condition page shows its own course from here, not one timeline for every
condition. Besides its facts, a course holds the risks of that use (the side effects and
warnings a page shows under its safety information), and an off-label course the line
of evidence every off-label page shows: what the best review found, and its year, with
the file's warning about uses the label does not hold. A fact marked ``verified = false``
(read only in a weak copy) is kept in the file for the pharmacist, and not shown.

Each source says where its words were read (``provenance``): a source shown as the
prescribing information must have been read in the label's own text, with its section
and words; any other source names who published it, never the label.
"""

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ..core.problems import SettingsError, read_toml
from . import provenance
from .labels import Label, Registry
from .provenance import Provenance

TOPICS = ("how-given", "dose", "onset", "peak", "lasts", "interval", "review", "evidence")
RISK, UNAPPROVED_USE = "risk", "unapproved-use"  # the topics of a course's risks, of the warning
WARNING_TABLE = "unapproved_use"  # the file's [[unapproved_use]] facts
# A source whose title says this is presented to readers as the label itself.
LABEL_TITLE = "prescribing information"


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    read: Provenance  # where its words were read, and whether that was the label itself


@dataclass(frozen=True)
class Fact:
    topic: str
    text: str
    source: Source


@dataclass(frozen=True)
class Evidence:
    """An off-label use's line of evidence: what the best review found, and its year."""

    year: int
    fact: Fact


@dataclass(frozen=True)
class Course:
    product: str
    indication: str  # an indication id of the product's label, or "" for an off-label use
    condition: str  # the condition's name, for an off-label use
    facts: tuple[Fact, ...]  # in the file's order, the shown ones only
    risks: tuple[Fact, ...] = ()  # this use's side effects and warnings, shown ones only
    evidence: Evidence | None = None  # an off-label use's

    def by_topic(self, order: Sequence[str] = TOPICS) -> list[tuple[str, list[Fact]]]:
        """[(topic, [facts])], topics in ``order``."""
        return [
            (topic, [f for f in self.facts if f.topic == topic])
            for topic in order
            if any(f.topic == topic for f in self.facts)
        ]


class Courses:
    def __init__(
        self, courses: Iterable[Course], warnings: Mapping[str, tuple[Fact, ...]] | None = None
    ) -> None:
        self._by_use = {(c.product, c.indication or c.condition.casefold()): c for c in courses}
        self._warnings = dict(warnings or {})

    def of(self, product: str, indication: str = "", condition: str = "") -> Course | None:
        """The course of a use the label holds (its indication id), or of an off-label
        condition (its name); None when there is none."""
        return self._by_use.get((product, indication or condition.strip().casefold()))

    def __iter__(self) -> Iterator[Course]:
        return iter(self._by_use.values())

    def unapproved_use(self, product: str) -> tuple[Fact, ...]:
        """The product's warning about uses its label does not hold, as every off-label
        page shows it."""
        return self._warnings.get(product, ())


def load(folders: Iterable[str], registry: Registry) -> Courses:
    """Every ``courses/*.toml`` under the label folders, checked against the registry."""
    found: list[Course] = []
    warnings: dict[str, tuple[Fact, ...]] = {}
    for folder in folders:
        where = os.path.join(folder, "courses")
        if not os.path.isdir(where):
            continue
        for name in sorted(os.listdir(where)):
            if name.endswith(".toml"):
                courses, product, warning = _read(os.path.join(where, name), registry)
                found += courses
                warnings[product] = warning
    return Courses(found, warnings)


def _read(path: str, registry: Registry) -> tuple[list[Course], str, tuple[Fact, ...]]:
    data = read_toml(path, "treatment course file")
    product = data.get("product")
    if product not in registry:
        raise SettingsError(
            f"{path}: product = {product!r} is not a label of the registry "
            f"({', '.join(sorted(registry.labels))})"
        )
    label = registry[cast(str, product)]  # one of the registry's keys, so a str
    indications = {i.id for i in label.indications}
    sources = {
        key: _source(entry, f"{path}: [sources.{key}]", label)
        for key, entry in data.get("sources", {}).items()
    }
    warning = _facts(data.get(WARNING_TABLE, []), path, sources, UNAPPROVED_USE)
    courses = []
    for number, entry in enumerate(data.get("course", []), start=1):
        where = f"{path}: course {number}"
        indication, condition = entry.get("indication", ""), entry.get("condition", "")
        if bool(indication) == bool(condition):
            raise SettingsError(
                f'{where} needs either indication = "<an id of the '
                f'{product} label>" or condition = "<an off-label use>"'
            )
        if indication and indication not in indications:
            raise SettingsError(
                f"{where}: indication {indication!r} is not one of the "
                f"{product} label's ({', '.join(sorted(indications))})"
            )
        if condition and not warning:
            raise SettingsError(
                f"{where} is an off-label use, and the file has no [[unapproved_use]] "
                "warning for every off-label page to show"
            )
        courses.append(
            Course(
                label.key,
                indication,
                condition,
                _facts(entry.get("facts", []), where, sources),
                _facts(entry.get("risks", []), where, sources, RISK),
                _evidence(entry, where, sources) if condition else None,
            )
        )
    return courses, label.key, warning


def _source(entry: Mapping[str, Any], where: str, label: Label) -> Source:
    """A source, held to where its words were read: shown as the label (its title says
    so, or it links to the label) only if they were read in the label's own text."""
    title, url = str(entry.get("title", "")), str(entry.get("url", ""))
    if not title or not url or not str(entry.get("quote", "")).strip():
        raise SettingsError(f"{where} needs a title, a url and the quote read")
    read = provenance.read(entry, where, words=entry["quote"], at=url)
    presented = LABEL_TITLE in title.casefold() or url in label.urls
    if presented != read.from_label:
        said = "is shown as the label's" if presented else "was read in the label"
        raise SettingsError(
            f"{where} {said}, but read_in = {read.read_in!r}: a source read in the label "
            f"links to it ({', '.join(label.urls)}) with '{LABEL_TITLE}' in its title; any "
            "other names who published it and links there"
        )
    return Source(title, url, read)


def _facts(
    entries: Iterable[Mapping[str, Any]],
    where: str,
    sources: Mapping[str, Source],
    topic: str = "",
) -> tuple[Fact, ...]:
    """The facts to show: the file's verified ones, in its order. ``topic``: the one
    topic of every entry (a risk, the warning), else each names one of ``TOPICS``."""
    facts = []
    for fact in entries:
        if (not topic and fact.get("topic") not in TOPICS) or fact.get("source") not in sources:
            raise SettingsError(
                f"{where}: the fact {fact.get('text', '')[:50]!r} needs "
                + ("" if topic else f"a topic of {', '.join(TOPICS)} and ")
                + "a source of its [sources] table"
            )
        if fact.get("verified", True):
            facts.append(Fact(topic or fact["topic"], fact["text"], sources[fact["source"]]))
    return tuple(facts)


def _evidence(
    entry: Mapping[str, Any], where: str, sources: Mapping[str, Source]
) -> Evidence | None:
    """An off-label course's evidence line: ``[course.evidence]``, with the year."""
    table = entry.get("evidence")
    if not isinstance(table, Mapping) or not isinstance(table.get("year"), int):
        raise SettingsError(
            f"{where} is an off-label use: give it [course.evidence] with the year, the "
            "text (what the best review found) and its source"
        )
    found = _facts([table], where, sources, "evidence")
    return Evidence(table["year"], found[0]) if found else None
