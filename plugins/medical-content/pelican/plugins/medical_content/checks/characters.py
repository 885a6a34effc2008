"""Characters a reader does not see, refused at their source line: an invisible
character inside a word (a zero-width space, a joiner, the soft hyphen, a byte-order
mark, typed or written as ``&shy;`` or ``&#8203;``) shows the reader a word that the
source does not spell, and a direction control (U+202A-U+202E, U+2066-U+2069) makes the
browser show the text in another order than it is written.

The ones a writer may need pass: a no-break space is a space, not a format character;
a joiner or non-joiner between the letters of a script that joins them (Arabic,
Persian, the Indic scripts) or inside an emoji sequence; a direction mark beside
right-to-left text.
"""

import html
import re
import unicodedata

from ..core.problems import Fault
from ..core.reading import is_invisible

_DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200c\u200d")
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Letters of the scripts that look like Latin, whose words a joiner has no business in:
# Latin, IPA, Greek, Cyrillic (U+0000-U+052F), and their extensions.
_LATIN_LIKE = ((0x0000, 0x052F), (0x1D00, 0x1FFF), (0x2C60, 0x2C7F), (0xA640, 0xA7FF))


def faults(text: str) -> list[Fault]:
    """The faults of a source's text, one a line at most, each at its line."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        written = _ENTITY.sub(lambda m: html.unescape(m.group()), line) if "&" in line else line
        if written.isascii():
            continue
        fault = _line_fault(written, number)
        if fault is not None:
            found.append(fault)
    return found


def _line_fault(line: str, number: int) -> Fault | None:
    for at, character in enumerate(line):
        if not is_invisible(character):
            continue
        before, after = _word_before(line, at), _word_after(line, at)
        name = f"U+{ord(character):04X} ({unicodedata.name(character, 'a format character')})"
        if character in _DIRECTION_CONTROLS:
            return Fault(
                f"the direction control {name} makes the browser show the text after it in "
                "another order than it is written",
                "delete it; a passage in a right-to-left language needs none (the browser "
                "orders its letters), and one marked with dir= is refused on Latin text",
                line=number,
            )
        if _needed(line, at, character):
            continue
        if before and after:
            return Fault(
                f"the invisible character {name} stands inside the word "
                f"'{before}{after}': a reader sees the word, and search and the site's "
                "checks see two",
                f"delete the invisible character between '{before}' and '{after}'",
                line=number,
            )
        return Fault(
            f"the invisible character {name} stands "
            + (f"after '{before}'" if before else f"before '{after}'" if after else "here"),
            "delete it: it shows nothing, and changes what search and the site's checks read",
            line=number,
        )
    return None


def _needed(line: str, at: int, character: str) -> bool:
    """A joiner in a script that joins, or in an emoji; a direction mark by RTL text."""
    left = line[at - 1] if at else ""
    right = line[at + 1] if at + 1 < len(line) else ""
    if character in _JOINERS:
        return _emoji(left) or _emoji(right) or (_joining(left) and _joining(right))
    if character in _DIRECTION_MARKS:
        return _right_to_left(left) or _right_to_left(right)
    return False


def _joining(character: str) -> bool:
    return bool(character) and character.isalpha() and not _latin_like(character)


def _latin_like(character: str) -> bool:
    code = ord(character)
    return any(low <= code <= high for low, high in _LATIN_LIKE)


def _emoji(character: str) -> bool:
    return bool(character) and (
        unicodedata.category(character) == "So" or 0x1F000 <= ord(character) <= 0x1FAFF
    )


def _right_to_left(character: str) -> bool:
    return bool(character) and unicodedata.bidirectional(character) in ("R", "AL")


def _word_before(line: str, at: int) -> str:
    start = at
    while start > 0 and (line[start - 1].isalnum() or is_invisible(line[start - 1])):
        start -= 1
    return "".join(c for c in line[start:at] if not is_invisible(c))


def _word_after(line: str, at: int) -> str:
    end = at + 1
    while end < len(line) and (line[end].isalnum() or is_invisible(line[end])):
        end += 1
    return "".join(c for c in line[at + 1 : end] if not is_invisible(c))
