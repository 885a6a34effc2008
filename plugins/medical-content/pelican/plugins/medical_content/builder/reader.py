"""A Markdown reader that checks a source file before Pelican reads it.

Pelican drops a file it cannot read with only "Could not process <file>", and says
nothing at all about a file that is empty or has no title until later. This reader looks
at the raw source first, where it still knows line numbers, and reports each problem
with the line and the fix; then it lets Pelican's own Markdown reader do the reading.
Every source is checked and converted as the build starts (``SourceJob``): on a big
site a worker takes the files Pelican reads last while Pelican reads the first, and the
reader finds each one's faults and HTML (``conversion``).
"""

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pelican.generators import ArticlesGenerator, Generator, PagesGenerator
from pelican.readers import MarkdownReader

from ..checks import svg
from ..checks.source import checked_source
from ..core.problems import ContentSkipped, Fault, Problem, display_path, report
from ..page.model import HEADINGS, SOURCE_HTML
from . import state as build_state
from .conversion import Converted, Converter

# and what Markdown made of a source that passed, if its job was asked to convert it
Found = tuple[str | None, list[Fault], Converted | None]


@dataclass(frozen=True)
class SourceJob:
    """One Markdown source to check before Pelican reads it. Plain values, so that on a
    big site a worker checks every source while Pelican reads the first (``workers``)."""

    path: str
    relative: str  # under the content folder, with "/"
    is_article: bool
    convert: bool  # converted too, as Pelican would (``conversion``)

    def run(self, shared: Any) -> Found | None:
        try:
            with open(self.path, "rb") as source:
                raw = source.read()
        except OSError:
            return None  # the reader reads it again, and Pelican reports what stops it
        kind, faults = checked_source(raw, self.relative, self.is_article, shared.config)
        if not self.convert or faults:
            return kind, faults, None
        try:
            return kind, faults, shared.converter.convert(self.path)
        except Exception:  # the reader converts it again, and Pelican reports why
            return kind, faults, None


def image_texts(html: str, source_path: str, content_root: str) -> tuple[tuple[str, str], ...]:
    """(address as written, text inside) of each SVG image a page's HTML shows from the
    content folder: read here, so that the page's check knows when one changes."""
    if ".svg" not in html:
        return ()
    found = []
    for src in dict.fromkeys(_SVG_SRC.findall(html)):
        path = _content_file(src, source_path, content_root)
        if path is None:
            continue
        try:
            with open(path, "rb") as image:
                found.append((src, svg.text(image.read(_MAX_SVG))))
        except OSError:
            continue  # the link check names an image the site does not have
    return tuple(found)


_SVG_SRC = re.compile(r"""\bsrc=["']([^"']+\.svg)["']""", re.IGNORECASE)
_MAX_SVG = 1 << 20  # an image's words are in its first megabyte, if anywhere


def _content_file(src: str, source_path: str, content_root: str) -> str | None:
    """The content file an image address names ({static}/..., {filename}/..., or a path
    relative to the page's source), or None for another site's."""
    for marker in ("{static}", "{filename}", "|static|", "|filename|"):
        if src.startswith(marker):
            path = src[len(marker) :]
            base = content_root if path.startswith("/") else os.path.dirname(source_path)
            return os.path.normpath(os.path.join(base, path.lstrip("/")))
    if "://" in src or src.startswith(("/", "data:")):
        return None
    return os.path.normpath(os.path.join(os.path.dirname(source_path), src))


# What Pelican's generators of articles and of pages read (their ``generate_context``)
_READS = (
    (ArticlesGenerator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
    (PagesGenerator, "PAGE_PATHS", "PAGE_EXCLUDES"),
)


def source_jobs(generator: Generator, convert: bool) -> list[SourceJob]:
    """A job for each Markdown file ``generator`` will read, in the order it reads them:
    the set of files its ``get_files`` gives, built again in the same way, iterates in
    the same order (another order would only make a worker convert a file the build is
    converting too)."""
    walks = [(paths, excludes) for kind, paths, excludes in _READS if isinstance(generator, kind)]
    if not walks:
        return []
    settings = generator.settings
    jobs = []
    for name in generator.get_files(settings[walks[0][0]], exclude=settings[walks[0][1]]):
        if name.rsplit(".", 1)[-1] in MarkdownReader.file_extensions:
            # as Pelican names the file it reads (``Readers.read_file``)
            path = os.path.abspath(os.path.join(generator.path, name))
            jobs.append(SourceJob(path, *_place(path, settings), convert))
    return jobs


def relative_path(source_path: str, settings: Mapping[str, Any]) -> str:
    """The source's path under the content folder, with "/": as settings name it."""
    return os.path.relpath(source_path, settings["PATH"]).replace(os.sep, "/")


def _place(source_path: str, settings: Mapping[str, Any]) -> tuple[str, bool]:
    """(path under the content folder with "/", whether it is an article)."""
    relative = relative_path(source_path, settings)
    is_article = any(
        relative.startswith(folder.rstrip("/") + "/") for folder in settings["ARTICLE_PATHS"]
    )
    return relative, is_article


class CheckedMarkdownReader(MarkdownReader):
    settings: dict[str, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._converter = Converter(self.settings)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        state = build_state.current()
        found = state.checks.ahead(os.path.abspath(source_path))  # as the build started
        if found is None:  # a file the build found later, or could not read then
            with open(source_path, "rb") as source:
                raw = source.read()
            found = (*checked_source(raw, *_place(source_path, self.settings), state.config), None)
        kind, faults, converted = found
        if faults:
            shown = display_path(source_path, self.settings["PATH"])
            for fault in sorted(faults, key=lambda fault: fault.line):
                report(Problem(shown, fault.line, fault.what, fault.fix))
            why = "is not UTF-8" if kind is None else f"has {len(faults)} problem(s)"
            raise ContentSkipped(f"{shown} {why}")
        content, written, headings = converted or self._converter.convert(source_path)
        metadata = {name: self.process_metadata(name, value) for name, value in written.items()}
        metadata["kind"] = kind  # where it lives or its header says: see page.kind.kind_of
        metadata[HEADINGS] = headings
        # the text as Markdown wrote it, before Pelican resolves its links: what the
        # page's own text is checked on (``plugin.measure_text``). Kept with the metadata,
        # so that Pelican's cache of what readers read keeps it too (the same string: no
        # copy, and pickled once)
        metadata[SOURCE_HTML] = content
        return content, metadata
