"""The limits a label sets on a use that a clause may overstep (``approval_check``):
the ages it states ("aged 2 and older", "as young as 12 months", "toddlers"), and a use
called a first treatment that the label holds only after another has failed."""

import re
from collections.abc import Sequence

from .approval_terms import Clause, Indication, Named, Refusal, kin
from .approval_words import any_word

__all__ = ["first_line", "outside_ages", "youngest"]

# The lower age bound a clause states: "65 and older", "over 65", "2 years and older",
# "aged 2 and up", "12+", "from age 12", "as young as 2"; in months: "as young as 12 months".
_AGE_FROM = re.compile(
    r"\b(\d{1,3})\s*(?:years?\s*(?:of\s+age\s*)?|\+\s*)?(?:and|or)\s+(?:older|over|above|up)\b"
    r"|\b(?:over|older\s+than|above)\s+(\d{1,3})\b(?!\s*months?)"
    r"|\b(?:(?:from|starting\s+at|beginning\s+at)\s+(?:the\s+)?ages?\s+(?:of\s+)?"
    r"|as\s+young\s+as\s+|ages?\s+)(\d{1,3})\b(?!\s*months?)(?!\s*(?:to|-)\s*\d)"
    r"|\b(\d{1,3})\s*\+",
    re.IGNORECASE,
)
_MONTHS_FROM = re.compile(
    r"\b(?:as\s+young\s+as\s+|from\s+(?:the\s+)?age\s+(?:of\s+)?)?(\d{1,3})[\s-]*months?"
    r"(?=[\s-]*(?:old|of\s+age|(?:and|or)\s+(?:older|over|above|up))\b)"
    r"|\bas\s+young\s+as\s+(\d{1,3})[\s-]*months?\b",
    re.IGNORECASE,
)
# Children, where the label says adults.
CHILDREN = any_word(
    r"child children kids? pediatric paediatric teens? teenagers? adolescents? infants?"
    r" toddlers? under\s+18 minors?"
)
# A use said to come first, where the label allows it only after another treatment
# ("a first-line treatment", "before you have tried any pills", "instead of pills").
FIRST_LINE = re.compile(
    r"\bfirst[\s-]+(?:line|step)\b|\bas\s+(?:a|an|the|your)\s+first\s+"
    r"(?:treatment|therapy|option|choice|resort)\b|\bbefore\s+(?:\w+\s+){0,3}(?:tried|trying|try)\b"
    r"|\bwithout\s+(?:first\s+)?(?:trying|having\s+tried)\b|\bno\s+need\s+to\s+try\b"
    r"|\b(?:instead\s+of|skip(?:ping)?)\s+(?:\w+\s+){0,2}(?:pills?|tablets?|medicines?"
    r"|medications?|creams?|antiperspirants?)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(r"(?:\b(?:not|never|no)\b|n['\u2019]t\b)", re.IGNORECASE)
# The youngest age of a group a clause names ("children" names none: it is read with the
# label's own "pediatric patients").
_GROUP_AGES = {"infant": 0, "babies": 0, "baby": 0, "newborn": 0, "toddler": 1, "teen": 13}
_GROUP_AGES |= {"teenager": 13, "adolescent": 12}
_GROUPS = re.compile(r"\b(" + "|".join(_GROUP_AGES) + r")s?\b", re.IGNORECASE)


def youngest(text: str) -> int | None:
    """The lowest age a clause says it is for ("65 and older": 65; "as young as 12
    months": 1; "toddlers": 1), or None."""
    ages = [int(next(a for a in found if a)) for found in _AGE_FROM.findall(text)]
    ages += [int(next(a for a in found if a)) // 12 for found in _MONTHS_FROM.findall(text)]
    ages += [_GROUP_AGES[group.casefold()] for group in _GROUPS.findall(text)]
    return min(ages) if ages else None


def outside_ages(clause: Clause, obj: str, found: Sequence[Named]) -> list[Refusal]:
    """An indication named for ages none of its kin on the label covers (``kin``)."""
    refusals = []
    starts = [*sorted(m.start() for m, _ in found if m is not None), len(clause.text)]
    for match, named in found:
        # the ages said of a use stand after its name, before the next use's; those
        # before the first use's name are said of it too ("Children 5 and older with ...")
        if match is None:
            near = obj
        else:
            near = clause.text[match.end() : next(at for at in starts if at > match.start())]
            near = clause.text[: match.start()] + " " + near if match.start() == starts[0] else near
        candidates = kin(clause.product, named, match.group()) if match else [named]
        problems = [_age_problem(i, near) for i in candidates]
        if all(problems):
            refusals.append(
                Refusal(f"{named.condition} at that age", f"{problems[0]}: {clause.where}")
            )
    return refusals


def _age_problem(named: Indication, near: str) -> str:
    """What is wrong with the ages ``near`` states for an indication, or ""."""
    age = youngest(near)
    least, oldest = named.min_age_years, named.max_age_years
    if least and ((age is not None and age < least) or (least >= 18 and CHILDREN.search(near))):
        return f"the label covers it from age {least}"
    if oldest and age is not None and age > oldest:
        return f"the label covers it up to age {oldest}"
    return ""


def first_line(clause: Clause, found: Sequence[Named]) -> list[Refusal]:
    """A use called approved as a first treatment that its label holds only after
    another ("in adults who have an inadequate response to ... an anticholinergic")."""
    first = FIRST_LINE.search(clause.text)
    if not first or NEGATION.search(" ".join(clause.text[: first.start()].split()[-3:])):
        return []
    return [
        Refusal(
            f"{named.condition}, {first.group()}",
            f"the label holds it only after another treatment: {clause.where}",
        )
        for _, named in found
        if named.second_line
    ][:1]
