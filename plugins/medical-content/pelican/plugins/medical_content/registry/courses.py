"""What treatment is like, condition by condition: how it is given, the dose, when it may
start to work, how long it lasts, how often it is repeated, what is checked, and the
evidence - each fact a plain sentence with the source it was read in.

Kept as data beside the label registry (``labels/courses/<product>.toml``): a course is
tied to one of the label's indications, or, for an off-label use, to a condition's
name; a condition page shows its own course from here, not one timeline for every
condition. A fact marked ``verified = false`` (read only in a weak copy) is
kept in the file for the pharmacist, and not shown.
"""

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ..core.problems import SettingsError, read_toml
from .labels import Registry

TOPICS = ("how-given", "dose", "onset", "peak", "lasts", "interval", "review", "evidence")


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Fact:
    topic: str
    text: str
    source: Source


@dataclass(frozen=True)
class Course:
    product: str
    indication: str  # an indication id of the product's label, or "" for an off-label use
    condition: str  # the condition's name, for an off-label use
    facts: tuple[Fact, ...]  # in the file's order, the shown ones only

    def by_topic(self, order: Sequence[str] = TOPICS) -> list[tuple[str, list[Fact]]]:
        """[(topic, [facts])], topics in ``order``."""
        return [
            (topic, [f for f in self.facts if f.topic == topic])
            for topic in order
            if any(f.topic == topic for f in self.facts)
        ]


class Courses:
    def __init__(self, courses: Iterable[Course]) -> None:
        self._by_use = {(c.product, c.indication or c.condition.casefold()): c for c in courses}

    def of(self, product: str, indication: str = "", condition: str = "") -> Course | None:
        """The course of a use the label holds (its indication id), or of an off-label
        condition (its name); None when there is none."""
        return self._by_use.get((product, indication or condition.strip().casefold()))


def load(folders: Iterable[str], registry: Registry) -> Courses:
    """Every ``courses/*.toml`` under the label folders, checked against the registry."""
    found: list[Course] = []
    for folder in folders:
        where = os.path.join(folder, "courses")
        if not os.path.isdir(where):
            continue
        for name in sorted(os.listdir(where)):
            if name.endswith(".toml"):
                found += _read(os.path.join(where, name), registry)
    return Courses(found)


def _read(path: str, registry: Registry) -> list[Course]:
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
        key: Source(entry["title"], entry["url"]) for key, entry in data.get("sources", {}).items()
    }
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
        courses.append(Course(label.key, indication, condition, _facts(entry, where, sources)))
    return courses


def _facts(entry: Mapping[str, Any], where: str, sources: Mapping[str, Source]) -> tuple[Fact, ...]:
    """The facts of a course to show: the file's verified ones, in its order."""
    facts = []
    for fact in entry.get("facts", []):
        if fact.get("topic") not in TOPICS or fact.get("source") not in sources:
            raise SettingsError(
                f"{where}: the fact {fact.get('text', '')[:50]!r} needs a topic of "
                f"{', '.join(TOPICS)} and a source of its [sources] table"
            )
        if fact.get("verified", True):
            facts.append(Fact(fact["topic"], fact["text"], sources[fact["source"]]))
    return tuple(facts)
