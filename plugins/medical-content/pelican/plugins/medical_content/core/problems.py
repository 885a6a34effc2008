"""How the plugin tells a writer what is wrong, and how a build with problems fails.

Every content problem is logged at ERROR as ``<file>:<line>: <what is wrong>; <how to fix
it>`` and the build goes on, so one run lists every problem. A handler counts the errors
(Pelican's own included, such as "Could not process"), and when the build ends with any,
the plugin raises ``BuildFailed``: Pelican exits non-zero and ``tools/build.py`` does not
publish what was written.
"""

import bisect
import itertools
import logging
import os
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .reading import as_read

logger = logging.getLogger(__name__)


class MedicalContentError(Exception):
    """A failure the writer can act on: its message says everything, no traceback needed."""

    exitcode = 1


class SettingsError(MedicalContentError):
    """A MEDICAL_* setting is unknown or has the wrong shape."""


def read_toml(path: str, what: str) -> dict[str, Any]:
    """A TOML file of settings or data; one clear line if it does not parse."""
    try:
        with open(path, "rb") as source:
            return tomllib.load(source)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML ({error}); fix the {what}") from None


class BuildFailed(MedicalContentError):
    """The build logged errors; its output must not be published."""


class ContentRefused(MedicalContentError):
    """The content folder holds what may not be built (``checks.files``): nothing is read."""


class ContentSkipped(MedicalContentError):
    """Raised by the reader after it has reported why a source file cannot be used."""


@dataclass(frozen=True)
class Fault:
    """What is wrong with a source, and where: a line, a metadata field's header line, or
    the line holding a phrase of the text (its n-th occurrence)."""

    what: str
    fix: str
    line: int = 0
    field: str = ""
    text: str = ""
    occurrence: int = 1
    raw: str = ""  # markup to look for as typed: "<script", "onclick=", an address
    # texts that stand together on one source line: a table row's cells
    all_of: tuple[str, ...] = ()

    def locate(self, source_text: str) -> int:
        if self.line:
            return self.line
        if self.all_of:
            wanted = [" ".join(as_read(part).split()).casefold() for part in self.all_of]
            for number, line in enumerate(source_text.splitlines(), start=1):
                if all(part in _plain(line) for part in wanted):
                    return number
        if self.raw:
            raw = self.raw.casefold()
            return next(
                (
                    number
                    for number, line in enumerate(source_text.splitlines(), 1)
                    if raw in line.casefold()
                ),
                1,
            )
        if self.field:
            for number, line in enumerate(source_text.splitlines(), start=1):
                if not line.strip():
                    break
                if line.lower().startswith(self.field.lower() + ":"):
                    return number
            return 1
        if self.text:
            return find_line(source_text, self.text, self.occurrence)
        return 1


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}; {self.fix}"


def report(problem: Problem, level: int = logging.ERROR) -> None:
    logger.log(level, "%s", problem)


def report_faults(
    source_path: str, content_root: str, faults: Sequence[Fault], level: int = logging.ERROR
) -> None:
    """Log each fault of one source file with its line."""
    if not faults:
        return
    text = ""
    if any(not fault.line for fault in faults):
        with open(source_path, encoding="utf-8-sig", errors="replace") as source:
            text = source.read()
    shown = display_path(source_path, content_root)
    for fault in faults:
        report(Problem(shown, fault.locate(text), fault.what, fault.fix), level)


def display_path(source_path: str, content_root: str) -> str:
    """The source path as a writer finds it from the project: ``content/pages/faq.md``."""
    root = os.path.normpath(content_root)
    if source_path.startswith(root + os.sep):  # Pelican's paths: absolute, normalised
        relative = source_path[len(root) + 1 :]
    else:
        relative = os.path.relpath(source_path, root)
    return os.path.join(os.path.basename(root), relative)


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Markup a reader does not read as words: a tag (a line break is a space) and a
# footnote's marker.
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]*>|\[\^[^\]]*\]")
# What a reader does not read at all: struck-out words, ruby annotations (``page.view``).
_UNREAD = re.compile(r"<(del|s|strike|rt|rp)\b[^>]*>.*?</\1\s*>", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
_MARKDOWN_MARKS = re.compile(r"^\s*(?:[-*+>]|#{1,6}|\d+[.)])\s+|[*_`]")


def _plain(text: str) -> str:
    """A line of Markdown as the words a reader sees: no link targets, list marks,
    emphasis, tags, struck-out words or footnote markers, each character as read (a
    finding quotes the sentence as the reader reads it: ``core.reading``)."""
    text = as_read(text)
    if "<" in text or "[^" in text:
        text = _MARKUP.sub("", _LINE_BREAK.sub(" ", _UNREAD.sub("", text)))
    words = _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", text))
    return " ".join(words.split()).casefold()


def find_line(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based number of the source line that shows ``needle`` (its n-th occurrence):
    a line that is exactly the needle wins (a list item, a heading), then the line where
    it starts, read as running text: a sentence a writer's editor wrapped over several
    lines is found at its first; 1 when none shows it."""
    wanted = " ".join(as_read(needle).split()).casefold()
    if not wanted:
        return 1
    # a link's words may be wrapped too: its target goes before the text is split
    lines = [_plain(line) for line in _MARKDOWN_LINK.sub(r"\1", text).splitlines()]
    exact = [number for number, line in enumerate(lines, start=1) if line == wanted]
    if len(exact) >= occurrence:
        return exact[occurrence - 1]
    # the lines joined by one space each (a blank line between paragraphs makes two, so
    # no match runs from one paragraph into the next), and where each starts
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    running = " ".join(lines)
    found = -1
    for _ in range(occurrence):
        found = running.find(wanted, found + 1)
        if found < 0:
            return _most_alike(lines, wanted)
    return bisect.bisect_right(starts, found)


_MOST_ALIKE = 0.6  # of the needle's words, for a line to be taken as where it is written


def _most_alike(lines: Sequence[str], wanted: str) -> int:
    """The line holding most of the needle's words, read as words: a sentence a reader
    reads differently from its source (a struck-out "not", a word split by markup the
    reader does not see) is still found where it is written; 1 when no line holds most."""
    words = set(_WORDS.findall(wanted))
    if not words:
        return 1
    best, best_count = 1, 0
    for number, line in enumerate(lines, start=1):
        count = len(words & set(_WORDS.findall(line)))
        if count > best_count:
            best, best_count = number, count
    return best if best_count >= _MOST_ALIKE * len(words) else 1


class ErrorCounter(logging.Handler):
    """Counts ERROR records from every logger during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class HideTraceback(logging.Filter):
    """Pelican logs any exception that ends a build with its traceback. Ours carry a
    complete message for the writer, so the traceback is noise and is dropped; and
    Pelican's "Could not process <file>" for a file we skipped would only repeat, less
    helpfully, what the writer was already told (it is logged while the exception is
    being handled, so the exception is at hand)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], MedicalContentError):
            record.exc_info = None
            record.exc_text = None
        skipped = isinstance(sys.exc_info()[1], ContentSkipped)
        return not (record.msg == "Could not process %s" and skipped)


class Superseded(logging.Filter):
    """Drops a Pelican message that a check of the plugin's says better: Pelican warns of
    every image with an empty alt, without a line, even one the writer marked as
    decoration; the plugin's image check reports each missing alt as an error with its
    line (``images``)."""

    MESSAGES = frozenset({"Empty alt attribute for image %s in %s"})

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg not in self.MESSAGES
