"""What a writer's markup may not do to the text a reader sees: borrow a theme's class
(one may hide a word from sight, or make a passage look like the site's own status box,
which the label registry alone decides) or reorder the words with ``dir=`` on text that
holds no right-to-left letter. The reordering and annotating elements themselves
(``<bdo>``, ruby) are refused by the raw-HTML policy (``html_policy``)."""

import unicodedata

from lxml import etree

from ..core.html_text import Element, text_of
from ..core.problems import Fault

# The classes Markdown itself writes (footnotes, a table of contents, a code block's
# language, the box a table scrolls in) and the one the writers' guide gives writers.
_MARKDOWN_CLASSES = frozenset({"footnote", "footnote-ref", "footnote-backref", "toc"})
_MARKDOWN_CLASS_PREFIXES = ("language-",)
_WRITERS_CLASSES = {"img": frozenset({"decorative"}), "div": frozenset({"table-scroll"})}


# the elements that carry either, found in C: most of a page's elements carry neither
_STYLED = etree.XPath(".//*[@class or @dir]")


def faults(root: Element) -> list[Fault]:
    """A class a writer's markup borrows from the theme (one may hide a word, or make a
    passage look like the site's own status box), and ``dir=`` on text with no
    right-to-left letter (it reorders the words a reader sees)."""
    found = []
    for element in _STYLED(root):
        names = (element.get("class") or "").split()
        borrowed = [name for name in names if not _allowed_class(element.tag, name)]
        if borrowed:
            found.append(
                Fault(
                    f'the class="{" ".join(borrowed)}" on <{element.tag}> is not allowed: a '
                    "theme's classes can hide words from sight or make a passage look like "
                    "the site's own boxes (the status of a use comes from the label "
                    "registry), and the reader would get other words than the page's text",
                    "delete it; the one class a writer adds is {.decorative}, after an image "
                    "that is decoration only",
                    raw=max(borrowed, key=len),
                )
            )
        if element.get("dir") is not None and not _right_to_left(text_of(element)):
            found.append(
                Fault(
                    f'dir="{element.get("dir")}" on <{element.tag}> reorders text that holds '
                    "no right-to-left letter, so a reader reads its words in another order "
                    "than they are written",
                    "delete the dir= attribute; it is for a passage in a right-to-left "
                    'language (<p dir="rtl" lang="ar">...</p>)',
                    raw="dir=",
                )
            )
    return found


def _allowed_class(tag: str, name: str) -> bool:
    return (
        name in _MARKDOWN_CLASSES
        or name.startswith(_MARKDOWN_CLASS_PREFIXES)
        or name in _WRITERS_CLASSES.get(tag, ())
    )


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(character) in ("R", "AL") for character in text)
