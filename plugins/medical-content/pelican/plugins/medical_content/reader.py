"""A Markdown reader that checks a source file before Pelican reads it.

Pelican drops a file it cannot read with only "Could not process <file>", and says
nothing at all about a file that is empty or has no title until later. This reader looks
at the raw source first, where it still knows line numbers, and reports each problem
with the line and the fix; then it lets Pelican's own Markdown reader do the reading.
"""

import os
import re

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pelican.readers import MarkdownReader

from . import build_state, schema
from .problems import ContentSkipped, Fault, Problem, display_path, report

# C0 controls other than tab, line feed, form feed and carriage return: never typed on
# purpose; they come from a binary file or a bad copy and paste.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def source_faults(text, relative, is_article, config):
    """(kind, faults) of one Markdown source, found before Markdown reads it;
    ``relative``: its path under the content folder, with "/"."""
    if not text.strip():
        return "", [
            Fault(
                "the file is empty",
                "write a metadata header (at least 'Title: ...') and the page "
                "text, or delete the file",
                line=1,
            )
        ]
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        return "", [
            Fault(
                f"the file holds the invisible control character "
                f"U+{ord(control.group()):04X}; a binary file, or text pasted from "
                "one, is not a page",
                "delete the character (or the file, if it is "
                "not a page: binary files do not belong in content/)",
                line=line,
            )
        ]
    header, faults = schema.header_lines(text)
    if not header.get("title", schema.HeaderLine(0, "", "")).value:
        missing = Fault(
            "the page has no title",
            "add 'Title: <page title>' as the first line of the file",
            line=1,
        )
        return "", [*faults, missing]
    kind, found = schema.kind_of(relative, is_article, header, config)
    faults += found + schema.check_file_name(relative) + schema.check(header, kind, config)
    return kind, faults


class CheckedMarkdownReader(MarkdownReader):
    def read(self, source_path):
        config = build_state.current().config
        with open(source_path, "rb") as source:
            raw = source.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            shown = display_path(source_path, self.settings["PATH"])
            line = raw[: error.start].count(b"\n") + 1
            report(
                Problem(
                    shown,
                    line,
                    "the file is not UTF-8 text",
                    "save it as UTF-8 in your editor (a binary file does not belong in content/)",
                )
            )
            raise ContentSkipped(f"{shown} is not UTF-8") from None
        relative = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        is_article = any(
            relative.startswith(folder.rstrip("/") + "/")
            for folder in self.settings["ARTICLE_PATHS"]
        )
        kind, faults = source_faults(text, relative, is_article, config)
        if faults:
            shown = display_path(source_path, self.settings["PATH"])
            for fault in sorted(faults, key=lambda fault: fault.line):
                report(Problem(shown, fault.line, fault.what, fault.fix))
            raise ContentSkipped(f"{shown} has {len(faults)} problem(s)")
        content, metadata = self._convert(source_path, text)
        metadata["kind"] = kind  # where it lives or its header says: see schema.kind_of
        return content, metadata

    def _convert(self, source_path, text):
        """MarkdownReader.read, on the text already read (opening each file once more was
        a measurable cost on a big site), with Markdown instances kept from file to file:
        setting one up cost more than a sixth of reading a page. Python-Markdown's
        ``reset()`` clears what one document leaves behind (its metadata, footnotes,
        abbreviations, stashed HTML)."""
        self._source_path = source_path
        documents = self._kept("_documents")
        documents.reset()
        content = documents.convert(text)
        if not hasattr(documents, "Meta"):
            return content, {}
        # Pelican converts formatted metadata (Summary) with ``self._md`` once it has
        # taken that instance's "meta" preprocessor out, so that a summary's "Word: ..."
        # is not read as a header: it gets an instance of its own, with a stand-in.
        self._md = self._kept("_formatter")  # reset by Pelican before each field
        self._md.preprocessors.register(_TakenOutByPelican(self._md), "meta", 0)
        return content, self._parse_metadata(documents.Meta)

    def _kept(self, name):
        if getattr(self, name, None) is None:
            setattr(self, name, Markdown(**self.settings["MARKDOWN"]))
        return getattr(self, name)


class _TakenOutByPelican(Preprocessor):
    """Stands where MarkdownReader._parse_metadata expects the "meta" preprocessor; it
    takes it out before any text is converted, so this never runs."""

    def run(self, lines):
        return lines
