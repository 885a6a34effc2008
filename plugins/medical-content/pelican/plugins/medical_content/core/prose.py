"""The sentences of a page's blocks, as the content checks (claims, risk language) read
them: a block's own text, cut into sentences, compared in lower case."""

import re

from .html_text import text_of

# The blocks whose own words a reader takes as one text (a list item, a table cell).
LEAVES = (
    *("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"),
    *("figcaption", "caption", "blockquote", "summary"),
)
# Every block: words do not run on from one to the next.
BLOCKS = frozenset(
    {
        *LEAVES,
        *("div", "section", "article", "aside", "header", "footer", "nav", "main"),
        *("ul", "ol", "dl", "table", "thead", "tbody", "tr", "address", "details", "pre"),
        *("figure", "form", "fieldset"),
    }
)
LISTS = frozenset({"ul", "ol"})
SKIPPED = frozenset({"script", "style", "template"})  # hold no text a reader sees

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|U\.S|Dr|vs|etc|approx|No)\.", re.IGNORECASE)

# The characters beyond ASCII that Python's case-insensitive matching takes for an
# ASCII letter: with them folded, a substring test finds what a case-insensitive
# pattern of ASCII words would, at a fraction of the cost of searching a whole page.
ASCII_LOOKALIKES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def fold(text: str) -> str:
    """The text in lower case, with ``ASCII_LOOKALIKES`` as their ASCII letters."""
    # str.replace, not str.translate: translate looks each character up in Python, and
    # took half a millisecond on a page's text. An ASCII text (``isascii`` reads a flag
    # the string carries) holds none of them.
    if text.isascii():
        return text.lower()
    for lookalike, letter in ASCII_LOOKALIKES.items():
        text = text.replace(lookalike, letter)
    return text.lower()


def own_text(element: object, skip: frozenset[str] = BLOCKS) -> str:
    """The element's text without that of the nested elements ``skip`` names: a block's
    nested blocks, or a list item's nested list."""
    parts = [element.text or ""]  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        if not isinstance(child.tag, str):
            pass  # a comment
        elif child.tag in skip or child.tag in SKIPPED:
            # Words do not run on across a block. A word is never made of the text on
            # both sides of what is left out: the claims shortcut (``claims``) relies on it.
            parts.append(" ")
        else:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def sentences(text: str) -> list[str]:
    """The text's sentences, each stripped; an abbreviation's full stop ends none."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group().replace(".", "\0"), text)
    return [s.replace("\0", ".").strip() for s in _SENTENCE_END.split(protected) if s.strip()]
