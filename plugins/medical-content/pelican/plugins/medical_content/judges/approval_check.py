"""Whether one approval clause says what one product's label holds (``approvals``):
what the clause calls approved (``approval_object``), read rule by rule, against the
label's indications, their limits and their exclusions."""

from collections.abc import Sequence

from ..registry.labels import fold
from .approval_limits import first_line, outside_ages, outside_all
from .approval_object import glossed, marker_of, object_of
from .approval_terms import Clause, Indication, Named, Product, Refusal, indication, stem
from .approval_words import (
    APPROVAL,
    FILLER,
    IMPLIED,
    POINTER,
    READER,
    names_something,
    until_its_end,
    words,
)

__all__ = ["Clause", "Indication", "Product", "Refusal", "indication", "judged"]


def judged(clause: Clause) -> list[Refusal]:
    """The refusals of a clause that calls its product approved."""
    after = clause.text[clause.end :]
    following = APPROVAL.search(after)  # a claim of its own (``approval_clauses``)
    after = after[: following.start()] if following else after
    marker = marker_of(after, clause.names)
    found = _named(clause)
    if not (marker or clause.named_a_drug or found or "fda" in clause.text.casefold()):
        return []  # an approval of something else: "prior approval from your insurer"
    implied = _implied(clause, after)
    if implied:
        return implied
    marked, obj = object_of(clause, after, marker, found)
    pointed = _pointed(clause, obj, marked, found)
    if pointed:
        return pointed
    population = _population(clause)
    refusals = _excluded(clause, obj) + outside_ages(clause, obj, found)
    refusals += first_line(clause, found) + outside_all(clause, obj, population)
    return refusals or _unlabelled(clause, obj, [*found, *((None, i) for i in population)])


def _population(clause: Clause) -> list[Indication]:
    """The indications whose population the clause names by the medicine that must have
    failed first ("bladder leaks in adults when anticholinergic pills have not worked"):
    their words may describe what it calls approved."""
    text = clause.text.casefold()
    return [i for i in clause.product.indications if i.prior and i.prior in text]


def _named(clause: Clause) -> list[Named]:
    """The product's indications the clause names, by a synonym or a definition."""
    found: list[Named] = []
    for match in clause.indications.finditer(clause.text):
        meant = indication(clause.product, match.group())
        if meant is not None:
            found.append((match, meant))
    for i in clause.product.indications:
        for phrase in i.defined_by:
            defined = clause.phrases[phrase].search(clause.text)
            if defined:
                found.append((defined, i))
                break
    return found


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


def _pointed(clause: Clause, obj: str, marked: str, found: list[Named]) -> list[Refusal]:
    """An object that points back: "approved to treat it" means the page's condition
    (added to ``found``); with no page condition, "approved for this condition", "the
    approval covers you" (``marked``: what follows the approval word) mean what the
    sentence said before, which must name a use."""
    if clause.subject and POINTER.search(obj):
        meant = indication(clause.product, clause.subject)
        if meant is None:
            return [Refusal(clause.subject, f"not an indication on its label: {clause.where}")]
        found.append((None, meant))
        return []
    pointer = POINTER.search(marked) or READER.search(marked)
    if not pointer or found or names_something(READER.sub(" ", POINTER.sub(" ", marked)), []):
        return []
    said = clause.names.sub(" ", clause.text[: clause.start])
    if not names_something(said, []):
        return []
    return [
        Refusal(
            " ".join(marked.split()).strip(" .,;:)"),
            f"it points back at what the sentence says before it ({' '.join(said.split())}), "
            f"which is not an indication on its label: {clause.where}",
        )
    ]


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


def _unlabelled(clause: Clause, obj: str, found: Sequence[Named]) -> list[Refusal]:
    """What is left of the object once the indications, the drugs' names and the words
    that name nothing are taken out: a use the label does not hold."""
    allowed = FILLER.union(glossed(clause, found), *(named.words for _, named in found))
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
    if rest:  # "leaks" is a word of "leakage"
        stems = {stem(word) for word in allowed}
        rest = [word for word in rest if stem(word) not in stems]
    if not rest:
        return []
    named = " ".join(obj.split()).strip(" .,;:)|")
    return [Refusal(named or " ".join(rest), f"not an indication on its label: {clause.where}")]
