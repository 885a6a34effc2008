"""The limits a label sets on a use that a clause may overstep (``approval_check``):
the ages it states ("aged 2 and older", "as young as 12 months", "toddlers"), and a use
called a first treatment that the label holds only after another has failed."""

import re
from collections.abc import Sequence

from .approval_terms import Clause, Indication, Named, Refusal, kin
from .approval_words import any_word

__all__ = ["first_line", "oldest", "outside_ages", "outside_all", "youngest"]

_NOT_AGES = r"(?!\s*(?:units?|u\b|%|percent|mg|ml|kg|lbs?|pounds|days?|weeks?|hours?|minutes?))"
# The upper age bound a clause states, as the oldest age it covers: "under 65" (64),
# "younger than 65" (64), "up to age 64", "64 and younger", "stops at age 64", "aged 18 to
# 64" (a range: 18 is its lower bound).
_AGE_TO = re.compile(
    r"\b(?P<below>under|below|younger\s+than|less\s+than)\s+(?:(?:the\s+)?age\s+(?:of\s+)?)?"
    rf"(?P<n1>\d{{1,3}})\b{_NOT_AGES}"
    r"|\b(?:up\s+to|through|until|till|(?:stops?|ends?|ceases?|caps?)(?:\s+at)?)\s+"
    r"(?:(?:the\s+)?age\s+(?:of\s+)?)(?P<n2>\d{1,3})\b"
    r"|\b(?:up\s+to|through|until)\s+(?P<n3>\d{1,3})(?=[\s-]*(?:years?|-year))"
    r"|\b(?P<n4>\d{1,3})\s*(?:years?\s*(?:of\s+age\s*|old\s*)?)?(?:and|or)\s+"
    r"(?:younger|under|below)\b"
    r"|\b(?P<from>\d{1,3})\s*(?:to|-|\u2013|through)\s*(?P<n5>\d{1,3})(?=[\s-]*(?:years?|-year))"
    r"|\b(?:ages?|aged|patients|people|adults|children|kids|adolescents|teens|those|anyone)"
    r"\s+(?:from\s+)?(?P<from2>\d{1,3})\s*(?:to|-|\u2013|through)\s*(?P<n6>\d{1,3})\b",
    re.IGNORECASE,
)
# What joins the next item of a list: the ages after it are said of that item.
_JOINT = re.compile(r",\s*(?:and|or|as\s+well\s+as|plus)\b|;", re.IGNORECASE)
# What ends the ages said of a use: another clause ("..., so teens are treated
# off-label"), or a negation ("in adults, not children").
_AGES_END = re.compile(
    r"\b(?:so|because|not|never|nor|except|excluding|unlike|off[\s-]label)\b|n['\u2019]t\b",
    re.IGNORECASE,
)

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


def oldest(text: str) -> int | None:
    """The highest age a clause says it is for ("under 65": 64), or None."""
    ages = [
        int(next(n for n in found.group("n1", "n2", "n3", "n4", "n5", "n6") if n))
        - (1 if found.group("below") else 0)  # "under 65": 64
        for found in _AGE_TO.finditer(text)
    ]
    return max(ages) if ages else None


def youngest(text: str) -> int | None:
    """The lowest age a clause says it is for ("65 and older": 65; "as young as 12
    months": 1; "toddlers": 1), or None."""
    ranges = [int(f) for found in _AGE_TO.finditer(text) for f in found.group("from", "from2") if f]
    text = _AGE_TO.sub(" ", text)
    ages = ranges + [int(next(a for a in found if a)) for found in _AGE_FROM.findall(text)]
    ages += [int(next(a for a in found if a)) // 12 for found in _MONTHS_FROM.findall(text)]
    ages += [_GROUP_AGES[group.casefold()] for group in _GROUPS.findall(text)]
    return min(ages) if ages else None


def outside_ages(clause: Clause, obj: str, found: Sequence[Named]) -> list[Refusal]:
    """An indication named for ages none of its kin on the label covers (``kin``)."""
    refusals = []
    starts = [*sorted(m.start() for m, _ in found if m is not None), len(clause.text)]
    for match, named in found:
        near = obj if match is None else _near(clause, match, starts)
        candidates = kin(clause.product, named, match.group()) if match else [named]
        problems = [_age_problem(i, near) for i in candidates]
        if all(problems):
            refusals.append(
                Refusal(f"{named.condition} at that age", f"{problems[0]}: {clause.where}")
            )
    return refusals


def outside_all(clause: Clause, obj: str, group: Sequence[Indication]) -> list[Refusal]:
    """A use named by its population (``approval_check``) for ages none of the
    indications of ``group`` covers."""
    problems = [_age_problem(i, obj) for i in group]
    if not group or not all(problems):
        return []
    return [Refusal(f"{group[0].condition} at that age", f"{problems[0]}: {clause.where}")]


def _near(clause: Clause, match: re.Match[str], starts: Sequence[int]) -> str:
    """The text whose ages are said of the use named at ``match``: after its name, to
    the next use's or to what ends them (``_AGES_END``); for the first use named, the
    text before its name too ("Children 5 and older with ..."), but not an earlier list
    item's ("for: X in patients 12 and up, and <use> in adults")."""
    text = clause.text
    near = text[match.end() : next(at for at in starts if at > match.start())]
    ended = [found.start() for found in (_AGES_END.search(near), _JOINT.search(near)) if found]
    near = near[: min(ended)] if ended else near
    if match.start() != starts[0]:  # "..., and for children with <use>"
        previous = max(at for at in starts if at < match.start())
        _, comma, item = text[previous : match.start()].rpartition(",")
        return item + " " + near if comma else near
    if match.start() > clause.end:  # named after the approval word
        item = text[clause.end : match.start()].rsplit(",", 1)[-1]
        return text[: clause.start] + " " + item + " " + near
    return text[: match.start()] + " " + near


def _age_problem(named: Indication, near: str) -> str:
    """What is wrong with the ages ``near`` states for an indication, or ""."""
    age, upper = youngest(near), oldest(near)
    least, most = named.min_age_years or 0, named.max_age_years
    below = (age is not None and age < least) or (upper is not None and upper < least)
    if least and (below or (least >= 18 and CHILDREN.search(near))):
        return f"the label covers it from age {least}"
    if most and ((age is not None and age > most) or (upper is not None and upper > most)):
        return f"the label covers it up to age {most}"
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
