"""The checks of a Markdown source file before Markdown reads it, where line numbers are
still known: not UTF-8, empty, control characters, no title, its header against the
schema, its kind against its folder, its file name, characters a reader does not see
(``characters``)."""

import re

from ..core.problems import Fault
from ..page import header as page_header, kind as page_kind
from ..settings.config import Config
from . import characters

# C0 controls other than tab, line feed, form feed and carriage return: never typed on
# purpose; they come from a binary file or a bad copy and paste.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The same characters, deleted from the file's bytes to learn whether it holds any: a
# fifth of the cost of searching its text with ``_CONTROL``, which then finds the line.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


# (kind, faults) of a source; kind None: not UTF-8 text, not read at all
Checked = tuple[str | None, list[Fault]]


def source_faults(
    text: str, raw: bytes, relative: str, is_article: bool, config: Config
) -> Checked:
    """(kind, faults) of one Markdown source (its text, and the bytes it was decoded
    from), found before Markdown reads it; ``relative``: its path under the content
    folder, with "/"."""
    if not text.strip():
        return "", [
            Fault(
                "the file is empty",
                "write a metadata header (at least 'Title: ...') and the page "
                "text, or delete the file",
                line=1,
            )
        ]
    # in UTF-8 these bytes stand only for themselves, never inside another character
    control = _CONTROL.search(text) if len(raw.translate(None, _CONTROL_BYTES)) < len(raw) else None
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
    header, faults = page_header.header_lines(text)
    if not header.get("title", page_header.HeaderLine(0, "", "")).value:
        missing = Fault(
            "the page has no title",
            "add 'Title: <page title>' as the first line of the file",
            line=1,
        )
        return "", [*faults, missing]
    kind, found = page_kind.kind_of(relative, is_article, header, config)
    faults += found + page_kind.check_file_name(relative) + page_header.check(header, kind, config)
    return kind, faults + characters.faults(text)


def checked_source(raw: bytes, relative: str, is_article: bool, config: Config) -> Checked:
    """(kind, faults) of a source file's bytes, or (None, [its fault]) if not UTF-8."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Fault(
                "the file is not UTF-8 text",
                "save it as UTF-8 in your editor (a binary file does not belong in content/)",
                line=line,
            )
        ]
    return source_faults(text, raw, relative, is_article, config)
