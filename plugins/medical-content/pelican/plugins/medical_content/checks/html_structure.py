"""The structure rules of a page's own HTML that keep it readable by everyone: every
element it opens is closed, its headings go down one level at a time, and its lists
are not nested too deep."""

import html.parser
import re

from ..core.html_text import Element, heading_level, visible_text
from ..core.problems import Fault

MAX_LIST_DEPTH = 4  # deeper lists lose patients, and screen readers announce each level
# Elements inside one another. lxml (libxml2), which every check reads a page with, drops
# the whole text of a page that nests 255 deep, where a browser shows it all: a claim
# after such a block would be read by nobody but the reader. No page needs a tenth of it.
MAX_NESTING = 64

_VOID = {  # elements that have no end tag
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


# A tag: (True, name) opens an element, (False, name) closes one.
Tag = tuple[bool, str]


class _Tags(html.parser.HTMLParser):
    """The tags of any HTML, as Python's HTML tokenizer reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((True, tag))

    def handle_endtag(self, tag: str) -> None:
        self.tags.append((False, tag))


_TAG = re.compile(r"<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)[^<>]*?(/?)>")
# What only a tokenizer reads right: comments, declarations, processing instructions,
# and the elements whose text is not HTML.
_NOT_PLAIN = re.compile(r"<[!?]|<(?:script|style)\b", re.IGNORECASE)


def _tags(content_html: str) -> list[Tag]:
    """The tags of a page's HTML. Markdown's HTML (every "<" and ">" a tag's, no
    comment, no script) is read with one search, as the tokenizer reads it: the
    tokenizer, in Python, cost more than the rest of the page's structure rules."""
    found = list(_TAG.finditer(content_html))
    every_bracket_a_tag = content_html.count("<") == len(found) == content_html.count(">")
    if not every_bracket_a_tag or _NOT_PLAIN.search(content_html):
        tokenizer = _Tags()
        tokenizer.feed(content_html)
        tokenizer.close()
        return tokenizer.tags
    tags: list[Tag] = []
    for match in found:
        closing, name, empty = match.groups()
        name = name.lower()
        if closing:
            tags.append((False, name))
        else:
            tags.append((True, name))
            if empty:  # <div/>: the tokenizer reads an end tag too
                tags.append((False, name))
    return tags


def _unclosed(tags: list[Tag]) -> tuple[list[str], int, str]:
    """(elements left open, the deepest nesting, the first element beyond
    ``MAX_NESTING``): a tag opened in raw HTML and never closed turns the rest of the
    page into raw text, with its Markdown unread."""
    open_: list[str] = []
    unclosed: list[str] = []
    deepest = 0
    beyond = ""
    for opens, tag in tags:
        if opens:
            if tag not in _VOID:
                open_.append(tag)
                deepest = max(deepest, len(open_))
                beyond = beyond or (tag if deepest > MAX_NESTING else "")
        elif tag in open_:
            while open_:
                top = open_.pop()
                if top == tag:
                    break
                unclosed.append(top)
    return unclosed + open_, deepest, beyond


def unclosed_elements(content_html: str) -> list[Fault]:
    """The elements a page's raw HTML opens and never closes (HTML closes some itself),
    and nesting deeper than ``MAX_NESTING``."""
    unclosed, deepest, beyond = _unclosed(_tags(content_html))
    found = []
    if deepest > MAX_NESTING:
        found.append(
            Fault(
                f"the HTML nests {deepest} elements inside one another; the site's checks "
                f"read at most {MAX_NESTING} (deeper, a browser shows text they cannot read)",
                "write the passage in Markdown, or nest fewer elements",
                raw=f"<{beyond}",
            )
        )
    for tag in unclosed:
        if tag in ("p", "li", "dt", "dd", "td", "th", "tr", "option"):
            continue  # HTML closes these by itself
        found.append(
            Fault(
                f"the HTML element <{tag}> is opened but never closed, so what follows it "
                "shows as raw text",
                f"close it with </{tag}>, or write the passage in Markdown",
                raw=f"<{tag}",
            )
        )
    return found


def skipped_heading_levels(root: Element) -> list[Fault]:
    """Headings that skip a level (a level-4 right under a level-2): screen-reader users
    move through a page by its heading levels. The page's title is its level-1 heading."""
    found = []
    previous = 1
    for element in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        level = heading_level(element.tag) or 1  # iter() gave headings only
        text = visible_text(element)
        if level == 1:
            found.append(
                Fault(
                    f"the heading {text!r} is a level-1 heading: the page's title is its one "
                    "level-1 heading",
                    f"make it level 2 ('## {text}')",
                    text=text,
                )
            )
        elif level > previous + 1:
            found.append(
                Fault(
                    f"the heading {text!r} is a level-{level} heading right after a "
                    f"level-{previous} one",
                    f"make it level {previous + 1} "
                    f"('{'#' * (previous + 1)} {text}'), or add the missing level above it",
                    text=text,
                )
            )
        previous = level
    return found


def too_deep_lists(root: Element) -> list[Fault]:
    """The first list item nested deeper than MAX_LIST_DEPTH, if any."""
    for item in root.iter("li"):
        depth = sum(1 for a in item.iterancestors("ul", "ol"))
        if depth > MAX_LIST_DEPTH:
            return [
                Fault(
                    f"a list is nested {depth} levels deep (at most {MAX_LIST_DEPTH}): "
                    "readers lose their way",
                    "flatten the list, or split it into several lists under their own headings",
                    text=(item.text or "").strip()[:60],
                )
            ]
    return []
