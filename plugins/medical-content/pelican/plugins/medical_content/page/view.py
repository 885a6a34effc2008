"""The reader's view of a page: every piece of text that a reader, a screen reader, a
search engine or a feed gets from it, as they get it. Every rule reads this, never a
text of its own.

``of_html`` takes a page's HTML (its own text as Markdown rendered it, or the ``<main>``
of the page as written) and gives:

- ``root``: the blocks as a browser shows them. What nobody is shown is left out
  (``hidden``, ``<template>``, ``<script>``, ``<style>``, ruby annotations), and what a
  reader takes as struck out (``<del>``, ``<s>``); a line break reads as a space; a
  superscript or subscript (a footnote's number) stands apart from the word it is glued
  to; every text reads as ``core.reading.as_read`` gives it (look-alike letters as
  Latin ones, no invisible characters);
- ``pieces``: the text outside the blocks, each with where it came from: an image's
  alt text and title, a link's title, an abbreviation's expansion, an ``aria-label``,
  the text inside an SVG image the page shows, and the header fields a page shows
  elsewhere (its Title, Summary, Breadcrumb, the Sources' titles).

A copy is made only when something is to change: a page of plain text is read as it is.
"""

import copy
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..core.html_text import Element, remove, text_of
from ..core.reading import as_read
from .header import header_name

# Elements nobody is shown: a browser draws nothing of them.
_UNSHOWN = frozenset({"template", "script", "style", "rt", "rp"})
# Elements a reader takes as withdrawn: struck-out words are not said.
_STRUCK = frozenset({"del", "s", "strike"})
# Elements that stand apart from the word before them: a footnote's number, an exponent.
_APART = frozenset({"sup", "sub"})
_CHANGING = tuple(_UNSHOWN | _STRUCK | _APART | {"br"})
# Attributes whose text a reader (or a screen reader, or a search engine) gets, and how
# a fault calls them.
_ATTRIBUTES = {
    "alt": "the image's alt text",
    "title": "the title (a tooltip, read by screen readers)",
    "aria-label": "the aria-label (read by screen readers)",
}
IMAGE_TEXT = "the text inside the image"


@dataclass(frozen=True, slots=True)
class Piece:
    """A text of the page outside its blocks, as a reader gets it."""

    text: str
    what: str  # where the reader meets it: "the image's alt text", "Summary"
    field: str = ""  # the header field it is written in
    raw: str = ""  # as the source writes it: what finds its line


@dataclass(frozen=True, slots=True)
class View:
    root: Element
    pieces: tuple[Piece, ...] = ()

    def in_images(self) -> list[Piece]:
        """The pieces that are the text inside the page's SVG images."""
        return [piece for piece in self.pieces if piece.what.startswith(IMAGE_TEXT)]


def of_html(
    root: Element,
    fields: Iterable[Piece] = (),
    image_text: Callable[[str], str] | None = None,
) -> View:
    """The view of a parsed page or snippet (left as it is); ``fields``: the header's
    pieces; ``image_text``: the text inside the image at an address (an SVG), or ""."""
    read = _read(root)
    pieces = list(_attributes(read))
    if image_text is not None:
        for image in read.iter("img"):
            src = image.get("src") or ""
            inside = " ".join(as_read(image_text(src)).split())
            if inside:
                pieces.append(Piece(inside, f"{IMAGE_TEXT} {src}", raw=src))
    pieces += [Piece(" ".join(as_read(p.text).split()), p.what, p.field, p.raw) for p in fields]
    return View(read, tuple(p for p in pieces if p.text))


def field(name: str, value: object, what: str = "") -> Piece:
    """A header field's text as a piece of the view."""
    return Piece(str(value or ""), what or header_name(name), field=name)


_LINK_TITLE = re.compile(r"\[([^\]]*)\]\(")


def header_pieces(metadata: Mapping[str, Any]) -> tuple[Piece, ...]:
    """The header's texts a reader or a search engine gets besides the Title and the
    Summary: the Breadcrumb (the trail of this page and of the pages below it), the
    Sources' titles, a condition's other names (its structured data)."""
    pieces = [field("breadcrumb", metadata.get("breadcrumb"))]
    pieces += [
        Piece(title, "the title of a source", field="sources")
        for title in _LINK_TITLE.findall(str(metadata.get("sources") or ""))
    ]
    pieces.append(field("alternate_name", metadata.get("alternate_name"), "Alternate_name"))
    return tuple(p for p in pieces if p.text.strip())


def _read(root: Element) -> Element:
    """The tree as a reader gets it: a copy, if anything is to change."""
    if next(root.iter(*_CHANGING), None) is None and not _hides(root) and _plain(root):
        return root
    read = copy.deepcopy(root)
    for element in list(read.iter(*_CHANGING)):
        if element.tag == "br":
            element.tail = " " + (element.tail or "")
        elif element.tag in _APART:
            if text_of(element).strip():
                remove(element, " ")
        elif element.getparent() is not None:
            words = text_of(element)
            # struck-out words go; what stood around them stays apart if they were
            apart = words[:1].isspace() or words[-1:].isspace()
            gap = " " if element.tag in _STRUCK and apart else ""
            remove(element, gap)
    for hidden in _HIDDEN(read):
        remove(hidden, " ")
    for element in read.iter():
        if isinstance(element.tag, str) and element.text:
            element.text = as_read(element.text)
        if element.tail:
            element.tail = as_read(element.tail)
    return read


_HIDES = etree.XPath("boolean(.//@hidden)")
_HIDDEN = etree.XPath(".//*[@hidden]")


def _hides(root: Element) -> bool:
    return bool(_HIDES(root))


def _plain(root: Element) -> bool:
    text = text_of(root)
    return as_read(text) == text


_ATTRIBUTE_NAMES = frozenset(_ATTRIBUTES)


def _attributes(root: Element) -> Iterator[Piece]:
    # Walked in Python, looking only at the names of the attributes an element has (a
    # list, where ``attrib`` makes a proxy of them): a third of the walk's cost on a
    # written page. An XPath search (".//*[@alt or @title or @aria-label]") took half
    # as long again as the walk, most of it the search's setup.
    for element in root.iterdescendants():
        if _ATTRIBUTE_NAMES.isdisjoint(element.keys()):
            continue
        for name, what in _ATTRIBUTES.items():
            value = element.get(name)
            if value and value.strip():
                if element.tag == "abbr" and name == "title":
                    what = "the abbreviation's expansion"
                yield Piece(" ".join(as_read(value).split()), what, raw=value)
