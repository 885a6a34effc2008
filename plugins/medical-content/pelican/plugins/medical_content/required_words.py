"""The words any match of a regular expression must contain: a cheap test that lets a
text skip the expression altogether.

The risk-language rules are about fifty regular expressions; run over every
sentence of a page they cost about 8 ms a page, twice what bare Pelican spends on the
whole page (``make bench``: +129 % at 1,000 pages). Most text holds none of the words the
rules need, and a substring test is a hundred times cheaper than a regular expression.

The words are read from the expression itself, with Python's own regular-expression
parser (``re._parser``, a private module of the standard library: the only way to read
an expression's structure, and the price of a sound filter over hand-kept word lists
that drift from the patterns).
"""

import re

# typeshed describes the deprecated sre_* aliases only, not the modules themselves
from re import _constants as sre  # type: ignore[attr-defined]

# isort: split
from re import _parser  # type: ignore[attr-defined]

_MIN_LENGTH = 3  # shorter words are in nearly every text: no filter
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


def required_words(pattern):
    """A set of lower-case needles, one of which every match of the compiled ``pattern``
    leaves in ``haystack`` of the text it matches in; None when no set of useful
    needles can be read from it. A needle is a word, with a space before it where the
    pattern starts it at a word's start and after it where it ends it at a word's end."""
    needles = _required(_parser.parse(pattern.pattern, pattern.flags), False, False)
    return frozenset(needles) if needles and min(map(_length, needles)) >= _MIN_LENGTH else None


def haystack_of(words):
    """A text as ``required_words``' needles are looked for in it: its words (``WORD``,
    as the patterns' ``\\b`` sees them) between single spaces."""
    return " " + " ".join(words) + " "


WORD = re.compile(r"\w+")


def _length(needle):
    return len(needle.strip())


def _required(items, lead, trail):
    """The most selective constraint of a sequence: a literal run, or what one of its
    required parts needs. ``lead``/``trail``: a word boundary stands before/after it."""
    best, run = None, []
    run_lead = lead

    def consider(candidate):
        nonlocal best
        if candidate and (best is None or _selectivity(candidate) > _selectivity(best)):
            best = candidate

    def end_run(at_boundary):
        text = "".join(run).lower()
        run.clear()
        if not text:
            return
        if not WORD.fullmatch(text):  # "can't": its longest word, unanchored
            consider({max(WORD.findall(text) or [""], key=len)} - {""})
            return
        consider({(" " if run_lead else "") + text + (" " if at_boundary else "")})

    for position, (op, value) in enumerate(items):
        if op is sre.LITERAL:
            if not run:
                run_lead = lead if position == 0 else _boundary(items[position - 1])
            run.append(chr(value))
        elif op is sre.AT and value is sre.AT_BOUNDARY and run:
            end_run(True)  # a word ends here
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no text: the run goes on
        else:
            end_run(_boundary((op, value)))
            before = (position == 0 and lead) or (position > 0 and _boundary(items[position - 1]))
            after = (items[position + 1 :] and _boundary(items[position + 1])) or (
                not items[position + 1 :] and trail
            )
            consider(_part(op, value, before, after))
    end_run(trail)
    return best


_NON_WORD = (sre.CATEGORY_SPACE,)


def _boundary(item):
    """Whether the item stands at a word's edge: ``\\b``, or one or more characters
    that cannot be part of a word (spaces, a hyphen)."""
    op, value = item
    if op is sre.AT:
        return value is sre.AT_BOUNDARY
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return value[0] >= 1 and len(value[2]) == 1 and _boundary(value[2][0])
    if op is sre.IN:
        return all(
            (kind is sre.CATEGORY and what in _NON_WORD)
            or (kind is sre.LITERAL and not WORD.fullmatch(chr(what)))
            for kind, what in value
        )
    return op is sre.LITERAL and not WORD.fullmatch(chr(value))


def _selectivity(needles):
    """Useful words first, then rare ones, then one word over a choice of several (a
    text holds one of eight words far more often than one word), then longer and
    anchored ones."""
    words = {needle.strip() for needle in needles}
    shortest = min(map(len, words))
    return (shortest >= _MIN_LENGTH, not words & _COMMON, -len(needles), min(map(len, needles)))


def _part(op, value, lead, trail):
    if op is sre.SUBPATTERN:
        return _required(value[-1], lead, trail)
    if op is sre.BRANCH:
        branches = [_required(branch, lead, trail) for branch in value[1]]
        return None if any(b is None for b in branches) else set().union(*branches)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
        # a repeated part's edges are its own only when it cannot repeat
        single = value[1] == 1
        return _required(value[2], lead, trail and single)
    return None
