"""How the plugin tells a writer what is wrong, and how a build with problems fails.

Every content problem is logged at ERROR as ``<file>:<line>: <what is wrong>; <how to fix
it>`` and the build goes on, so one run lists every problem. A handler counts the errors
(Pelican's own included, such as "Could not process"), and when the build ends with any,
the plugin raises ``BuildFailed``: Pelican exits non-zero and ``tools/build.py`` does not
publish what was written.
"""

import logging
import os
from dataclasses import dataclass

logger = logging.getLogger(__name__)


class MedicalContentError(Exception):
    """A failure the writer can act on: its message says everything, no traceback needed."""

    exitcode = 1


class SettingsError(MedicalContentError):
    """A MEDICAL_* setting is unknown or has the wrong shape."""


class BuildFailed(MedicalContentError):
    """The build logged errors; its output must not be published."""


class ContentSkipped(MedicalContentError):
    """Raised by the reader after it has reported why a source file cannot be used."""


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    what: str
    fix: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.what}; {self.fix}"


def report(problem):
    logger.error("%s", problem)


def display_path(source_path, content_root):
    """The source path as a writer finds it from the project: ``content/pages/faq.md``."""
    root_name = os.path.basename(os.path.normpath(content_root))
    return os.path.join(root_name, os.path.relpath(source_path, content_root))


def find_line(text, needle, occurrence=1):
    """1-based number of the line holding the n-th occurrence of ``needle``, else 1."""
    seen = 0
    wanted = " ".join(needle.split()).casefold()
    for number, line in enumerate(text.splitlines(), start=1):
        if wanted and wanted in " ".join(line.split()).casefold():
            seen += 1
            if seen == occurrence:
                return number
    return 1


class ErrorCounter(logging.Handler):
    """Counts ERROR records from every logger during one build."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


class HideTraceback(logging.Filter):
    """Pelican logs any exception that ends a build with its traceback. Ours carry a
    complete message for the writer, so the traceback is noise and is dropped."""

    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], MedicalContentError):
            record.exc_info = None
            record.exc_text = None
        return True
