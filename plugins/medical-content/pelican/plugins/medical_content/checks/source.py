"""The checks of a Markdown source file before Markdown reads it, where line numbers are
still known: not UTF-8, empty, control characters, no title, its header against the
schema, its kind against its folder, its file name, characters a reader does not see
(``characters``); a header written as YAML front matter, which the Markdown reader does
not read."""

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
    yaml = _yaml_front_matter(text)
    if yaml:
        return "", [yaml]
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


# A YAML front matter block: a line of three dashes first, ended by another (or "...").
_YAML_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_YAML_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*)$")
_SHOWN_KEYS = 3  # of the writer's own header, shown rewritten in the fix


def _yaml_front_matter(text: str) -> Fault | None:
    """A header written between "---" lines, as other site generators take it: Pelican's
    Markdown reader reads none of it (its "meta" extension stops at the first line that
    is not "Key: value"), so the page would have no title, and following that advice
    would bring the rest of its keys' errors at line 1. One fault, at the first line,
    with the writer's own keys rewritten as the header to use."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    end = next((n for n, line in enumerate(lines[1:], 1) if _YAML_FENCE.match(line)), None)
    keys = [found.groups() for line in lines[1:end] if (found := _YAML_KEY.match(line))]
    if end is None or not keys:
        return None  # a rule (a line of dashes) at the top: Markdown's, not a header
    shown = [f"'{page_header.header_name(key.lower())}: {_unquoted(value)}'" for key, value in keys]
    example = ", ".join(shown[:_SHOWN_KEYS]) + (" ..." if len(shown) > _SHOWN_KEYS else "")
    return Fault(
        "the header is written as YAML front matter (between '---' lines), and Pelican "
        "reads a header of 'Key: value' lines without them: the page has no title and "
        "none of its keys",
        "delete both '---' lines, so that the file starts with its keys, one a line, "
        "then a blank line: " + example,
        line=1,
    )


def _unquoted(value: str) -> str:
    """A YAML value as a header writes it: without the quotes around it."""
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


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
