"""Parsing a page's rendered HTML, and reading text out of it as a reader sees it."""

import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

# An lxml element: lxml ships no type information.
Element = Any

_BLOCK_END = re.compile(r"[.!?:;]$")
# Plain lxml elements, not lxml.html's: those look up a Python class each time an
# element is touched, which costs more than the parse itself on every page.
_FRAGMENT_PARSER = etree.HTMLParser()
_PAGE_PARSER = etree.HTMLParser(encoding="utf-8")  # Pelican writes UTF-8


def fragment(html: str) -> Element:
    """A rendered HTML snippet (an article's content, a summary) as one element whose
    children are the snippet's top-level blocks."""
    # A browser ignores NUL in text; libxml2 would show it as U+FFFD.
    html = html.replace("\x00", "")
    return etree.fromstring(f"<html><body>{html}</body></html>", _FRAGMENT_PARSER).find("body")


def page(path: str) -> Element:
    """A written HTML page's root element."""
    return etree.parse(path, _PAGE_PARSER).getroot()


def serialize(element: Element) -> str:
    """An element (its tail left out) as HTML."""
    return str(etree.tostring(element, method="html", encoding="unicode", with_tail=False))


def text_of(element: Element) -> str:
    """The text of an element and all inside it (what XPath's string() gives), as
    libxml2 serialises it as text: half the cost of an XPath search for a paragraph,
    and the checks read the text of every block of a page."""
    return str(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def collapse(text: str) -> str:
    """Text with whitespace collapsed as a browser renders it: each run of ASCII
    whitespace as one space (U+00A0 and kin are kept)."""
    # str.replace, not a regular expression: a pattern matches each single space of a
    # paragraph and replaces it with itself, ten times slower on the text of a page.
    for whitespace in "\t\n\f\r":
        if whitespace in text:
            text = text.replace(whitespace, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def visible_text(element: Element) -> str:
    """Text of an element, whitespace collapsed as a browser renders it."""
    if not isinstance(element.tag, str):
        return ""  # a writer's <!-- note --> (or a processing instruction): never shown
    return collapse(text_of(element))


_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}


def heading_level(tag: object) -> int | None:
    """1 for h1 ... 6 for h6; None for anything else (comments have a non-string tag)."""
    return _HEADING_LEVELS.get(tag) if isinstance(tag, str) else None


def sections(root: Element, heading: str) -> Iterator[tuple[str, list[str]]]:
    """(heading text, [text of each block below it]) for each heading of that level
    among root's children, in order; a section ends at the next heading of the same or
    a higher level. Text before the first such heading belongs to no section. Each is
    read as it is asked for: a page's first section is read without the rest."""
    level = heading_level(heading) or 1
    current: tuple[str, list[str]] | None = None
    for child in root:
        child_level = heading_level(child.tag)
        if child.tag == heading:
            if current is not None:
                yield current
            current = (visible_text(child), [])
            continue
        if child_level is not None and child_level < level:
            if current is not None:
                yield current
            current = None
            continue
        if current is None:
            continue
        text = visible_text(child)
        if text:
            current[1].append(text)
        tail = collapse(child.tail or "")
        if tail:
            current[1].append(tail)
    if current is not None:
        yield current


def prose(blocks: Iterable[str]) -> str:
    """Blocks joined as sentences: a heading or list item without a full stop still ends
    one, so a readability formula does not read a list as one long sentence."""
    return " ".join(b if _BLOCK_END.search(b) else b + "." for b in blocks if b)


def block_texts(root: Element) -> list[str]:
    """Text of each top-level block of the content, in order."""
    return [text for text in (visible_text(child) for child in root) if text]


def first_heading(html: str) -> str:
    """The text of the first heading of an HTML snippet, or ""."""
    heading = next(fragment(html).iter("h1", "h2", "h3", "h4", "h5", "h6"), None)
    return visible_text(heading) if heading is not None else ""


def plain(html: str) -> str:
    """Text of an HTML snippet such as a summary."""
    if not html.strip():
        return ""
    return visible_text(fragment(html))


def remove(element: Element, leaving: str = "") -> None:
    """Take the element and its content out of its tree, keeping the text that follows
    it, with ``leaving`` where it stood."""
    parent = element.getparent()
    if parent is None:
        return
    tail = leaving + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
