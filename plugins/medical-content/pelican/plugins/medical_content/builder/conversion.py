"""Pelican's reading of a Markdown source, as plain values that a worker can send back.

Markdown's conversion is most of what a bare Pelican build does. On a big site the
worker that checks each source as the build starts converts it too, while Pelican reads
other files, and the plugin's reader hands Pelican that result (``reader``). This is
there for the speed budget alone: with every conversion in the build's own process the
plugin's checks made a build of 1,000 pages 24 to 28 % slower than bare Pelican's, over
the 10 % budget (``make bench``; docs/benchmark.md), and with the conversions shared
between the two cores, 7 to 9 %.
"""

import html
from collections.abc import Mapping, Sequence
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

# (id, text) of each of a page's level-2 headings, as the toc extension found them:
# tuples, not the extension's dicts and lists, which the garbage collector would go
# through again and again while Pelican reads the rest of the site.
Headings = tuple[tuple[str, str], ...]
# (HTML, each metadata value as Pelican's reader hands it to ``process_metadata``, headings)
Converted = tuple[str, dict[str, Any], Headings]


class Converter(MarkdownReader):
    """Pelican's own Markdown reader, which leaves each metadata value as it hands it to
    ``process_metadata``, for the build's reader to process (``reader``): Pelican's
    processors make objects that carry all the settings (a page's category, authors and
    tags) or a marker that means something only in the process that made it."""

    settings: dict[str, Any]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self._headings = KeptHeadings()
        markdown = self.settings["MARKDOWN"]
        self._made_with = repr(markdown)
        # this reader's own copy: the site's settings stay as the site wrote them
        self.settings = {
            **self.settings,
            "MARKDOWN": {**markdown, "extensions": [*markdown["extensions"], self._headings]},
        }
        self._kept: tuple[Markdown, Markdown] | None = None

    def converts_as(self, settings: Mapping[str, Any]) -> bool:
        """Whether Pelican's Markdown settings are still those this converter was made
        with: a plugin may change them later (when a generator or reader is made), and
        a worker started before then would not convert as Pelican does."""
        return repr(settings["MARKDOWN"]) == self._made_with

    def process_metadata(self, name: str, value: Any) -> Any:
        return value

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Pelican's ``MarkdownReader.read``, with Markdown instances kept from file to
        file (reset before each, as Python-Markdown has it) instead of a new one per
        file: making one, with its extensions, cost a fifth of a millisecond a page, 8 %
        of a bare Pelican build (``make bench``). Pelican converts the formatted
        metadata (a Summary) with an instance from which it takes the header's
        preprocessor first, so that one is an instance of its own.
        ``tests/test_markdown_reader.py`` holds what it reads to what Pelican's reads."""
        if self._kept is None:
            made_with = self.settings["MARKDOWN"]
            self._kept = (Markdown(**made_with), Markdown(**made_with))
        text_md, fields_md = self._kept
        self._source_path = source_path
        with pelican_open(source_path) as text:
            content = text_md.reset().convert(text)
        if "meta" not in fields_md.preprocessors:
            fields_md.preprocessors.register(_Taken(fields_md), "meta", 0)
        self._md = fields_md
        return content, self._parse_metadata(getattr(text_md, "Meta", {}))

    def convert(self, source_path: str) -> Converted:
        self._headings.tokens = None
        content, metadata = self.read(source_path)
        return content, metadata, tuple(headings(self._headings.tokens or []))


class _Taken(Preprocessor):
    """What Pelican takes out of the instance it converts metadata with (it is named as
    the header's preprocessor) before each use: it never runs."""

    def run(self, lines: list[str]) -> list[str]:
        return lines


class KeptHeadings(Extension):
    """Keeps the headings the toc extension found (its ``toc_tokens``) in the first
    document converted after ``tokens`` is set to None: Pelican converts a page's text,
    then its formatted metadata (a Summary) with the same Markdown instance."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[dict[str, Any]] | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        # after the toc extension's tree processor (priority 5), which sets toc_tokens
        md.treeprocessors.register(_KeepHeadings(md, self), "medical_content_headings", 4)


class _KeepHeadings(Treeprocessor):
    def __init__(self, md: Markdown, kept: KeptHeadings) -> None:
        super().__init__(md)
        self.kept = kept

    def run(self, root: Any) -> None:
        if self.kept.tokens is None:
            self.kept.tokens = getattr(self.md, "toc_tokens", [])


def headings(tokens: Sequence[Mapping[str, Any]], level: int = 2) -> list[tuple[str, str]]:
    """(id, text) of each heading of ``level`` in the toc extension's ``toc_tokens``
    (nested by level; its names are HTML-escaped)."""
    found = []
    for token in tokens:
        if token["level"] == level:
            found.append((token["id"], html.unescape(token["name"])))
        found += headings(token["children"], level)
    return found
