"""What a writer is told when a page's ``Reviewer:`` is not a key of the reviewers file:
the file's path, and the lines to add to it, valid TOML as they stand.

A name such as "Dr. Sarah Lee" is not a TOML bare key (``[Dr. Sarah Lee]`` is a table
"Dr" with a sub-table " Sarah Lee", and a parse error with the space), so the key
offered is the name in lower-case words joined by hyphens, without the title
("sarah-lee"). The entry is a table of its own, lines to add at the end of the file: a
one-line inline table (``sarah-lee = { ... }``) pasted there would be read as a key of
the table above it, the last reviewer's. Its ``credentials`` and ``github`` (the
accounts whose approval signs for the reviewer) are left empty for the writer to fill:
the reviewers file refuses a reviewer without them, so pasted lines never stand for a
review by nobody in particular.
"""

import re
import unicodedata
from typing import TYPE_CHECKING

from ..core.problems import Fault

if TYPE_CHECKING:
    from ..settings.config import Config

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")  # TOML's bare keys
_WORD = re.compile(r"[a-z0-9]+")
_TITLES = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir"})
_EXAMPLE_CREDENTIALS = "MD, board-certified in pain medicine"
_EXAMPLE_ACCOUNT = "alex-example"


def key_for(written: str) -> str:
    """A bare key for the reviewer a page names: itself if it is one, else the name's
    words without a title: "Dr. Sarah Lee" -> "sarah-lee", "José Núñez" -> "jose-nunez"."""
    if _BARE_KEY.match(written):
        return written
    plain = unicodedata.normalize("NFKD", written.casefold()).encode("ascii", "ignore")
    words = _WORD.findall(plain.decode("ascii"))
    return "-".join([word for word in words if word not in _TITLES] or words) or "reviewer"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry(written: str) -> tuple[str, tuple[str, ...]]:
    """(key, the reviewers file's lines for it) of the reviewer a page names."""
    key = key_for(written)
    name = "" if key == written else written  # a key says nothing of the name
    return key, (f"[{key}]", f"name = {_toml_string(name)}", 'credentials = ""', "github = []")


def missing(written: str, config: "Config") -> Fault:
    """The fault of a ``Reviewer:`` that is not a key of the reviewers file."""
    path = config.reviewers_file
    known = ", ".join(sorted(config.reviewers)) or "(none yet)"
    key, lines = entry(written)
    fill = "their qualifications" if key != written else "their full name and qualifications"
    then = f"; then write 'Reviewer: {key}' here" if key != written else ""
    return Fault(
        f"Reviewer {written!r} is not in the reviewers file, {path}",
        f"use one of its keys ({known}), or add the reviewer at the end of {path}, in "
        f"these {len(lines)} lines with {fill} between the empty quotes (e.g. credentials "
        f'= "{_EXAMPLE_CREDENTIALS}") and the GitHub accounts that sign for them between '
        f'the brackets (e.g. github = ["{_EXAMPLE_ACCOUNT}"]): '
        + ", ".join(f"'{line}'" for line in lines)
        + then,
        field="reviewer",
    )
