"""Text as a reader takes it in, whatever characters the source spelt it with.

A browser draws "ａｐｐｒｏｖｅｄ" (fullwidth), "𝐚𝐩𝐩𝐫𝐨𝐯𝐞𝐝" (mathematical bold), "аpprоved"
(two Cyrillic letters) and "appr\u200boved" (a zero-width space inside) so that a reader
reads "approved"; a rule that reads the source's characters does not. ``as_read`` gives
every rule the word the reader reads:

- Unicode's compatibility normalisation (NFKC) turns fullwidth, mathematical, ligature
  and other compatibility forms into the letters they stand for;
- format characters (Unicode category Cf: zero-width spaces and joiners, the soft
  hyphen, the byte-order mark, direction marks) show nothing, and are dropped;
- letters of other scripts that look like Latin ones (Cyrillic "а", Greek "ο") are read
  as those Latin letters, from Unicode's own confusables data (``confusables.txt`` of
  UTS #39, shipped and kept by the ``confusable-homoglyphs`` package), not a hand list.

Text that is all ASCII needs none of it, and is returned as it is: most of a site.
"""

import functools
import re
import unicodedata

# Marks a sentence carries beside a brand that NFKC would spell out as letters glued to
# the name ("Botox™" as "BotoxTM"): a reader reads the name.
_MARKS = {ord("\u2122"): None, ord("\u2120"): None}
# The typography of ordinary English text, which needs no reading either: quotes,
# dashes, the ellipsis, bullets, the no-break space, the registered sign. Most pages
# hold nothing else beyond ASCII, and never load the confusables data (a quarter of a
# second).
_TYPOGRAPHY = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00a0\u00ae\u00b7", " ")
)
# Where Unicode has format characters: the basic and supplementary multilingual planes,
# and the tags of plane 14 (none in the planes between: looking there cost 2 s).
_WITH_FORMAT_CHARACTERS = (range(0x20000), range(0xE0000, 0xE1000))
_LATIN_LETTER = re.compile(r"LATIN (?:(SMALL|CAPITAL) )?LETTER (SMALL CAPITAL )?([A-Z])")


def is_invisible(character: str) -> bool:
    """A format character: it changes how text is laid out or joined, and shows nothing."""
    return unicodedata.category(character) == "Cf"


def as_read(text: str) -> str:
    """The text as a reader reads it: compatibility forms as their letters, format
    characters dropped, look-alike letters of other scripts as the Latin ones. Spaces
    are left as they are (a block's text is collapsed where it is put together)."""
    if text.isascii() or text.translate(_TYPOGRAPHY).isascii():
        return text
    text = unicodedata.normalize("NFKC", text.translate(_MARKS))
    return text.translate(_table())


@functools.cache
def _table() -> dict[int, str | None]:
    """Each format character to nothing, and each look-alike of a Latin letter to it."""
    from confusable_homoglyphs import confusables  # loaded where a page needs it

    table: dict[int, str | None] = {
        code: None
        for planes in _WITH_FORMAT_CHARACTERS
        for code in planes
        if is_invisible(chr(code))
    }
    for character, glyphs in confusables.confusables_data.items():
        if len(character) != 1 or character.isascii() or ord(character) in table:
            continue
        letter = next(
            (found for glyph in glyphs if (found := _latin(glyph["c"])) is not None), None
        )
        if letter is not None:
            table[ord(character)] = letter
    return table


def _latin(glyph: str) -> str | None:
    """The ASCII letter a confusable stands for: itself, or a Latin letter of another
    form ("ᴛ", LATIN LETTER SMALL CAPITAL T, is read as "t")."""
    if len(glyph) != 1:
        return None
    if glyph.isascii():
        return glyph if glyph.isalpha() else None
    match = _LATIN_LETTER.fullmatch(unicodedata.name(glyph, ""))
    if match is None:
        return None
    small = match.group(1) == "SMALL" or match.group(2) is not None
    return match.group(3).lower() if small else match.group(3)
