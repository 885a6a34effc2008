"""The words any match of a regular expression must contain: a cheap test that lets a
text skip the expression altogether.

The risk-language rules are about fifty regular expressions; run over every
sentence of a page they cost about 8 ms a page, twice what bare Pelican spends on the
whole page (``make bench``: +129 % at 1,000 pages). Most text holds none of the words the
rules need, and a substring test is a hundred times cheaper than a regular expression.
Most patterns need more than one word ("no" and one of "risk", "side effects"...): a
text is only tried with a pattern when it holds all that one of the pattern's
``requirements`` needs (``read``).

The words are read from the expression itself, with Python's own regular-expression
parser (``re._parser``, a private module of the standard library: the only way to read
an expression's structure, and the price of a sound filter over hand-kept word lists
that drift from the patterns).
"""

import re
from collections.abc import Sequence

# typeshed describes the deprecated sre_* aliases only, not the modules themselves
from re import _constants as sre  # type: ignore[attr-defined]
from typing import Any

# isort: split
from re import _parser  # type: ignore[attr-defined]

Needles = frozenset[str]
_Item = tuple[Any, Any]  # one (op, value) of a parsed expression

_MIN_LENGTH = 3  # shorter words are in nearly every text: no filter
# The other requirements of a pattern may be shorter ("no"): they are only tested on
# text that holds the first, but a single letter narrows nothing.
_MIN_FURTHER_LENGTH = 2
# Words in nearly every page, and in nearly every patient page, which would let every
# text through: a constraint made of rarer words is preferred. (Which words are picked
# only changes the speed: any constraint read from the expression is sound.)
_COMMON = frozenset(
    """
the and for with that this you your are was were will into only more long good life rest
once very way free help work pain effect body where move real has have not can from its
our all any one get who how what when than then them they out also about over
relief patients people muscle muscles area site risk side symptom symptoms headache
migraine given injected make take reduce improve end more never doctor injection treatment
""".split()
)

WORD = re.compile(r"\w+")


def read(
    pattern: re.Pattern[str],
) -> tuple[Needles | None, tuple[tuple[Needles, ...], ...]]:
    """What the compiled ``pattern`` needs, read from one parse of it:

    - a set of lower-case needles, one of which every match leaves in ``haystack_of``
      the text it matches in; None when no set of useful needles can be read from it.
      A needle is a word, with a space before it where the pattern starts it at a
      word's start and after it where it ends it at a word's end;
    - what a text must hold for it to match: one of these alternatives (one a branch
      of a pattern made of branches, "a|b"), each sets of needles of which each match
      leaves one. An alternative with no set: any text."""
    items = list(_plain(_parser.parse(pattern.pattern, pattern.flags)))
    whole = _required(items, False, False)
    needles = _best(whole)
    at = [position for position, (op, _) in enumerate(items) if op is sre.BRANCH]
    if len(at) == 1:
        # "\\b(?:a|b)c" as "\\ba c" or "\\bb c": each branch with what stands around it
        # (the parser moves what all branches start with out of them)
        branches = [
            _required(
                [*items[: at[0]], (sre.SUBPATTERN, (None, 0, 0, branch)), *items[at[0] + 1 :]],
                False,
                False,
            )
            for branch in items[at[0]][1][1]
        ]
    else:
        branches = [whole]
    return (
        frozenset(needles) if needles and _length(needles) >= _MIN_LENGTH else None,
        tuple(
            tuple(frozenset(n) for n in every if _length(n) >= _MIN_FURTHER_LENGTH)
            for every in branches
        ),
    )


def haystack_of(words: Sequence[str]) -> str:
    """A text as ``read``'s needles are looked for in it: its words (``WORD``,
    as the patterns' ``\\b`` sees them) between single spaces."""
    return " " + " ".join(words) + " "


def _length(needles: set[str] | Needles) -> int:
    """The length of the shortest word of the needles."""
    return min(len(needle.strip()) for needle in needles)


def _best(every: list[set[str]]) -> set[str] | None:
    """The most selective of the constraints (the first of equals)."""
    best = None
    for candidate in every:
        if best is None or _selectivity(candidate) > _selectivity(best):
            best = candidate
    return best


class _Runs:
    """The literal runs of a sequence, each a constraint when it ends."""

    def __init__(self, lead: bool) -> None:
        self.found: list[set[str]] = []
        self.run: list[str] = []
        self.lead = lead

    def add(self, char: str, lead: bool) -> None:
        if not self.run:
            self.lead = lead
        self.run.append(char)

    def end(self, at_boundary: bool) -> None:
        text = "".join(self.run).lower()
        self.run.clear()
        if not text:
            return
        if not WORD.fullmatch(text):  # "can't": its longest word, unanchored
            longest = max(WORD.findall(text) or [""], key=len)
            if longest:
                self.found.append({longest})
            return
        self.found.append({(" " if self.lead else "") + text + (" " if at_boundary else "")})


def _required(items: Sequence[_Item], lead: bool, trail: bool) -> list[set[str]]:
    """Every constraint of a sequence, in order: its literal runs, and what its required
    parts need. ``lead``/``trail``: a word boundary stands before/after it."""
    items = _plain(items)
    runs = _Runs(lead)
    for position, (op, value) in enumerate(items):
        if op is sre.LITERAL:
            runs.add(chr(value), lead if position == 0 else _boundary(items[position - 1]))
        elif op is sre.AT and value is sre.AT_BOUNDARY and runs.run:
            runs.end(True)  # a word ends here
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no text: the run goes on
        else:
            runs.end(_opens_at_edge(items[position:], trail))
            before = (position == 0 and lead) or (position > 0 and _boundary(items[position - 1]))
            runs.found += _part(op, value, before, _trails(items[position + 1 :], trail))
    runs.end(trail)
    return runs.found


def _plain(items: Sequence[_Item]) -> Sequence[_Item]:
    """A parsed sequence as the list it holds: ``re._parser``'s own sequence makes a new
    object for each item or slice read from it, which cost more than the reading."""
    data: Sequence[_Item] = getattr(items, "data", items)
    return data


def _trails(rest: Sequence[_Item], trail: bool) -> bool:
    """Whether a word boundary stands after an item followed by ``rest``."""
    return _opens_at_edge(rest, trail)


def _opens_at_edge(items: Sequence[_Item], trail: bool) -> bool:
    """Whether every match of ``items`` starts at a word's edge: its first character
    cannot be part of a word, or it starts with ``\\b`` or ``$``, or it may be empty and
    ``trail`` (a boundary stands after it). "safe(?:\\s*$|\\s+and)" ends the word "safe"."""
    items = _plain(items)
    for position, (op, value) in enumerate(items):
        if op is sre.AT:
            if value in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING):
                return True
            continue  # takes no text
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue
        rest = items[position + 1 :]
        if op is sre.SUBPATTERN:
            return _opens_at_edge([*_plain(value[-1]), *rest], trail)
        if op is sre.BRANCH:
            return all(_opens_at_edge([*_plain(branch), *rest], trail) for branch in value[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            body = _opens_at_edge([*_plain(value[2]), *rest], trail)
            return body and (value[0] >= 1 or _opens_at_edge(rest, trail))
        return _boundary((op, value))
    return trail


_NON_WORD = (sre.CATEGORY_SPACE,)


def _boundary(item: _Item) -> bool:
    """Whether the item stands at a word's edge: ``\\b``, or one or more characters
    that cannot be part of a word (spaces, a hyphen)."""
    op, value = item
    if op is sre.AT:
        return value is sre.AT_BOUNDARY
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        repeated = _plain(value[2])
        return value[0] >= 1 and len(repeated) == 1 and _boundary(repeated[0])
    if op is sre.IN:
        return all(_not_a_word_character(kind, what) for kind, what in value)
    return op is sre.LITERAL and not WORD.fullmatch(chr(value))


def _not_a_word_character(kind: Any, what: Any) -> bool:
    """Whether a member of a character class can only match outside a word."""
    return (kind is sre.CATEGORY and what in _NON_WORD) or (
        kind is sre.LITERAL and not WORD.fullmatch(chr(what))
    )


def _selectivity(needles: set[str]) -> tuple[bool, bool, int, int]:
    """Useful words first, then rare ones, then one word over a choice of several (a
    text holds one of eight words far more often than one word), then longer and
    anchored ones."""
    words = {needle.strip() for needle in needles}
    shortest = min(map(len, words))
    return (shortest >= _MIN_LENGTH, not words & _COMMON, -len(needles), min(map(len, needles)))


def _part(op: Any, value: Any, lead: bool, trail: bool) -> list[set[str]]:
    if op is sre.SUBPATTERN:
        return _required(value[-1], lead, trail)
    if op is sre.BRANCH:
        # one of the branches matches: one of their own best constraints is there
        branches = [_best(_required(branch, lead, trail)) for branch in value[1]]
        if any(branch is None for branch in branches):
            return []
        return [set().union(*branches)]  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
        # a repeated part's edges are its own only when it cannot repeat
        single = value[1] == 1
        return _required(value[2], lead, trail and single)
    return []
