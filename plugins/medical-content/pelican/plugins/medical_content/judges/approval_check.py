"""Whether one approval clause says what one product's label holds (``approvals``):
what the clause calls approved, read rule by rule, against the label's indications,
their limits and their exclusions."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..registry.labels import fold
from .approval_words import (
    BEFORE_APPROVAL,
    BRACKETED,
    CHILDREN,
    FILLER,
    IMPLIED,
    OBJECT,
    OBJECT_END,
    POINTER,
    names_something,
    until_its_end,
    words,
    youngest,
)


class Indication(NamedTuple):
    condition: str
    synonyms: tuple[str, ...]  # folded
    min_age_years: int | None
    not_covered: tuple[str, ...]  # uses the label excludes
    words: frozenset[str]  # of the label's own text for it
    max_age_years: int | None
    defined_by: tuple[str, ...]  # phrases that name it by its definition


class Product(NamedTuple):
    key: str
    brand: str
    revised: str
    url: str
    names: tuple[str, ...]
    indications: tuple[Indication, ...]
    drug_class: str  # the key of its class (``drug_classes``)


@dataclass(frozen=True)
class Refusal:
    named: str  # what the clause calls approved, as written
    reason: str  # what the label says instead


# An indication a clause names: where (None when named by a definition or by "it").
Named = tuple[re.Match[str] | None, Indication]


@dataclass(frozen=True)
class Clause:
    """An affirmative approval clause about one product."""

    text: str
    start: int  # of its approval word
    end: int
    product: Product
    indications: re.Pattern[str]  # the product's indications' names
    names: re.Pattern[str]  # every product's names
    phrases: dict[str, re.Pattern[str]]  # what names each condition written in the label
    named_a_drug: bool
    subject: str  # the page's condition: what "it" points at

    @property
    def where(self) -> str:
        """The label, as a refusal cites it."""
        product = self.product
        covered = "; ".join(i.condition for i in product.indications)
        label = f"the {product.brand} label (revised {product.revised}, {product.url})"
        return f"{label} covers: {covered}"


def judged(clause: Clause) -> list[Refusal]:
    """The refusals of a clause that calls its product approved."""
    after = clause.text[clause.end :]
    marker = OBJECT.search(after)
    found = _named(clause)
    if not (marker or clause.named_a_drug or found or "fda" in clause.text.casefold()):
        return []  # an approval of something else: "prior approval from your insurer"
    implied = _implied(clause, after)
    if implied:
        return implied
    obj = _described(clause, _object(after, marker), marker is not None, found)
    if clause.subject and POINTER.search(obj):
        meant = indication(clause.product, clause.subject)
        if meant is None:
            return [Refusal(clause.subject, f"not an indication on its label: {clause.where}")]
        found.append((None, meant))
    refusals = _excluded(clause, obj) + _outside_ages(clause, obj, found)
    return refusals or _unlabelled(clause, obj, found)


def indication(product: Product, text: str) -> Indication | None:
    """The product's indication that ``text`` names exactly, or None."""
    wanted = fold(text)
    return next((i for i in product.indications if wanted in i.synonyms), None)


def _named(clause: Clause) -> list[Named]:
    """The product's indications the clause names, by a synonym or a definition."""
    found: list[Named] = []
    for match in clause.indications.finditer(clause.text):
        meant = indication(clause.product, match.group())
        if meant is not None:
            found.append((match, meant))
    found += [
        (None, i)
        for i in clause.product.indications
        if any(clause.phrases[phrase].search(clause.text) for phrase in i.defined_by)
    ]
    return found


def _object(after: str, marker: re.Match[str] | None) -> str:
    """What the clause says it is approved for, with what stands between ("by the FDA
    as a first-line treatment for ...")."""
    if not marker:
        return ""
    between = after[: marker.start()]
    cut = OBJECT_END.search(between)
    # "FDA-approved or used off-label for each": the object is not the approval's
    return between[: cut.start()] if cut else between + " " + until_its_end(after[marker.end() :])


def _implied(clause: Clause, after: str) -> list[Refusal]:
    """ "approved for cervical dystonia, so it's a natural choice for neck pain": the
    approval offered as a reason for another use is a claim about that use, which must
    be an indication by its own words."""
    implied = IMPLIED.search(after)
    if not implied:
        return []
    other = until_its_end(implied.group(1))
    if all(word in FILLER for word in words(clause.indications.sub(" ", other))):
        return []
    return [
        Refusal(
            " ".join(other.split()).strip(" .,;:)"),
            f"the approval is given as a reason for a use its label does not hold: {clause.where}",
        )
    ]


def _described(clause: Clause, obj: str, marked: bool, found: Sequence[Named]) -> str:
    """The object, with what the approval word describes when it stands beside it
    ("Tension headache | FDA-approved", "Episodic migraine (FDA-approved for adults)"):
    what stands just before it, back to a comma or a bracket."""
    before = clause.text[: clause.start]
    written = [match.group() for match, _ in found if match is not None]
    if marked and not (BRACKETED.search(before) and not names_something(obj, written)):
        return obj
    if BRACKETED.search(before) and "(" in before:
        before = before[: before.rindex("(")]  # what the bracket stands beside
    before = re.sub(r"\([^()]*\)", " ", BEFORE_APPROVAL.sub("", before))
    return obj + " " + OBJECT_END.split(before.split(",")[-1])[-1]


def _excluded(clause: Clause, obj: str) -> list[Refusal]:
    """A use the label excludes, named in the object."""
    excluded: dict[str, str] = {}  # as written -> the indication whose limits exclude it
    for i in clause.product.indications:
        for phrase in i.not_covered:
            match = clause.phrases[phrase].search(obj)
            if match:
                excluded.setdefault(match.group(), i.condition)
    return [
        Refusal(written, f"the label excludes it ({condition}): {clause.where}")
        for written, condition in excluded.items()
    ]


def _outside_ages(clause: Clause, obj: str, found: Sequence[Named]) -> list[Refusal]:
    """An indication named for ages its label does not cover."""
    refusals = []
    starts = [*sorted(m.start() for m, _ in found if m is not None), len(clause.text)]
    for match, named in found:
        # the ages said of a use stand after its name, before the next use's
        near = (
            obj
            if match is None
            else clause.text[match.end() : next(at for at in starts if at > match.start())]
        )
        age = youngest(near)
        least, oldest = named.min_age_years, named.max_age_years
        if least and ((age is not None and age < least) or (least >= 18 and CHILDREN.search(near))):
            refusals.append(
                Refusal(
                    f"{named.condition} at that age",
                    f"the label covers it from age {least}: {clause.where}",
                )
            )
        if oldest and age is not None and age > oldest:
            refusals.append(
                Refusal(
                    f"{named.condition} at that age",
                    f"the label covers it up to age {oldest}: {clause.where}",
                )
            )
    return refusals


def _unlabelled(clause: Clause, obj: str, found: Sequence[Named]) -> list[Refusal]:
    """What is left of the object once the indications, the drugs' names and the words
    that name nothing are taken out: a use the label does not hold."""
    allowed = FILLER.union(*(named.words for _, named in found))
    left = obj
    for match, _ in found:
        if match is not None:
            left = left.replace(match.group(), " ")
    for match in clause.names.finditer(left):
        left = left.replace(match.group(), " ")
    rest = [
        word
        for word in words(left)
        if word.strip("'\u2019") not in allowed and fold(word) not in allowed
    ]
    if not rest:
        return []
    named = " ".join(obj.split()).strip(" .,;:)|")
    return [Refusal(named or " ".join(rest), f"not an indication on its label: {clause.where}")]
