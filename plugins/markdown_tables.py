"""Tables that scroll inside their own box: a Python-Markdown extension.

A table wider than a phone's screen widens the whole page, and the reader loses the
text's right edge. Each table Markdown writes is put in a box,

    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="...">

that the theme lets scroll sideways instead of the page (theme/static/css/site.css). A
scrolling box needs tabindex="0" so that a keyboard user can reach it and scroll it with
the arrow keys (WCAG 2.1.1; axe's rule scrollable-region-focusable), and a role and a
name so that a screen reader can say what the focused box is. The table itself is left as
Markdown wrote it: styled as anything but a table, it loses its rows and columns in some
screen readers.

The box is named by the heading the table sits under (the heading's id, from the toc
extension or a writer's {#id}). A table with no heading of its own (before any heading,
or a second table under the same heading) is named by its column headers, "Table: A, B,
C": two regions of one name would be one landmark listed twice.

Only Markdown's tables are boxed: a table typed as raw HTML reaches the page untouched.

A Pelican plugin of its own (``PLUGINS``), which adds the extension to ``MARKDOWN`` when
Pelican starts: Pelican finds it on ``PLUGIN_PATHS`` wherever a build is started from,
and a build without plugins (the benchmark's bare Pelican build) reads plain Markdown.
"""

import html
import re
from typing import Any
from xml.etree import ElementTree

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pelican import Pelican, signals

BOX_CLASS = "table-scroll"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TAG = re.compile(r"<[^>]*>")


class TableScroll(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        if next(root.iter("table"), None) is None:
            return  # most pages: nothing to do
        parents = {child: parent for parent in root.iter() for child in parent}
        heading: ElementTree.Element | None = None
        named: set[str] = set()
        boxes: list[tuple[ElementTree.Element, dict[str, str]]] = []
        for element in root.iter():  # in document order: the last heading is the table's
            if element.tag in _HEADINGS:
                heading = element
            elif element.tag == "table" and parents[element].get("class") != BOX_CLASS:
                label = heading.get("id") if heading is not None else None
                if label and label not in named:
                    named.add(label)
                    boxes.append((element, {"aria-labelledby": label}))
                else:
                    boxes.append((element, {"aria-label": self._columns(element)}))
        for table, name in boxes:  # after the walk: the tree is not changed under it
            parent = parents[table]
            box = parent.makeelement(
                "div", {"class": BOX_CLASS, "role": "region", "tabindex": "0", **name}
            )
            box.text, box.tail, table.tail = "\n", table.tail, "\n"
            parent.insert(list(parent).index(table), box)
            parent.remove(table)
            box.append(table)

    def _columns(self, table: ElementTree.Element) -> str:
        headers = [self._text(cell) for cell in table.iter("th")]
        return "Table: " + ", ".join(h for h in headers if h) if any(headers) else "Table"

    def _text(self, element: ElementTree.Element) -> str:
        """An element's text as a reader sees it. At this stage an inline tag or entity a
        writer typed (<br>, &nbsp;) is a placeholder for Markdown's stash; put in an
        attribute, the stashed HTML would come back verbatim, quotes and all."""

        def stashed(match: re.Match[str]) -> str:
            raw = self.md.htmlStash.rawHtmlBlocks[int(match.group(1))]
            return html.unescape(_TAG.sub(" ", raw)) if isinstance(raw, str) else ""

        text = util.HTML_PLACEHOLDER_RE.sub(stashed, "".join(element.itertext()))
        return " ".join(text.split())


class TableScrollExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (priority 5), which gives the headings their ids; before unescape
        # (0), which turns a backslash-escaped character in a name back into itself.
        md.treeprocessors.register(TableScroll(md), "table_scroll", 4)


def makeExtension(**kwargs: Any) -> TableScrollExtension:
    return TableScrollExtension(**kwargs)


def add_to_markdown(pelican: Pelican) -> None:
    extensions = pelican.settings["MARKDOWN"].setdefault("extensions", [])
    if not any(isinstance(extension, TableScrollExtension) for extension in extensions):
        extensions.append(TableScrollExtension())


def register() -> None:
    signals.initialized.connect(add_to_markdown)
