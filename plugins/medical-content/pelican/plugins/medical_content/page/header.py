"""A Markdown source's metadata header, read line by line as Python-Markdown's "meta"
extension reads it, so that every fault about a key can name the line it is on; and the
header checked against its schema (``settings.schema``): unknown keys, values of the
wrong type or format, required keys that are missing.

A mistake in a header must never pass silently: a misspelt key would otherwise be
ignored (and with it a safeguard, such as a condition's other names that the claims
check looks for), and a date such as 03/04/2026 would be read as some month's day
without a word.
"""

import datetime
import difflib
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.problems import Fault
from ..settings.schema import Key

if TYPE_CHECKING:
    from ..settings.config import Config

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# A header line as Python-Markdown's "meta" extension reads it.
_HEADER_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")


@dataclass(frozen=True)
class HeaderLine:
    line: int
    written: str  # the key as the writer typed it
    value: str


def header_lines(text: str) -> tuple[dict[str, HeaderLine], list[Fault]]:
    """{lower-case key: HeaderLine} of a Markdown metadata header, and the faults of
    a key written twice (Markdown would join the two values)."""
    found: dict[str, HeaderLine] = {}
    faults: list[Fault] = []
    end = text.find("\n\n")  # the header ends at the first blank line: split only it
    head = text if end < 0 else text[: end + 1]
    for number, line in enumerate(head.splitlines(), start=1):
        if not line.strip():
            break
        match = _HEADER_LINE.match(line)
        if match:
            written, value = match.group(1), match.group(2).strip()
            name = written.lower()
            if name in found:
                faults.append(
                    Fault(
                        f"{header_name(name)} is written twice (also on line {found[name].line})",
                        "keep one line for it and delete the other",
                        line=number,
                    )
                )
                continue
            found[name] = HeaderLine(number, written, value)
        elif not line.startswith("    "):  # a value's continuation is indented
            break
    return found, faults


def header_name(name: str) -> str:
    """A key as a writer types it: ``regulatory_status`` -> ``Regulatory_status``."""
    return name[:1].upper() + name[1:]


def is_slug(text: str) -> bool:
    """Lower-case words (letters and digits) joined by hyphens."""
    return bool(_SLUG.match(text))


def check(header: Mapping[str, HeaderLine], kind: str, config: "Config") -> list[Fault]:
    """The faults of a header: unknown keys (with the nearest known key the header does
    not have yet), values of the wrong type or format, and required keys that are
    missing (unless an unknown key was taken for a misspelling of one: one fault, at
    the line the writer has to change)."""
    schema = config.metadata
    allowed = {name for name, key in schema.items() if key.allowed_on(kind)}
    faults: list[Fault] = []
    suggested: set[str | None] = set()
    for name, entry in header.items():
        key = schema.get(name)
        if key is None or not key.allowed_on(kind):
            fault, suggestion = _unknown(name, entry, kind, key, allowed - set(header))
            faults.append(fault)
            suggested.add(suggestion)
            continue
        faults += _value_faults(key, entry)
    for name, key in schema.items():
        if key.required_on(kind) and name not in header and name not in suggested:
            faults.append(
                Fault(
                    f"{described(kind)} needs the metadata {header_name(name)!r}, "
                    "and it is missing",
                    f"add a line '{header_name(name)}: {key.example}' to the header at the top "
                    "of the file",
                    line=1,
                )
            )
    return faults


def described(kind: str) -> str:
    if kind == "article":
        return "an article"
    return "a plain page" if kind == "page" else f"a {kind} page"


def _unknown(
    name: str, entry: HeaderLine, kind: str, key: Key | None, allowed: Collection[str]
) -> tuple[Fault, str | None]:
    if key is not None:  # a real key, on a page of a kind that does not take it
        kinds = sorted(key.kinds)
        takes = ", ".join(kinds[:-1]) + " and " + kinds[-1] if len(kinds) > 1 else kinds[0]
        example = next((k for k in kinds if k != "article"), kinds[0])
        return Fault(
            f"{entry.written} is not a key of {described(kind)} (only {takes} pages take it)",
            f"delete the line, or give the page its kind (for example 'Kind: {example}') if "
            "it is one",
            line=entry.line,
        ), None
    close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.6)
    if close:
        return Fault(
            f"{entry.written} is not a key; did you mean {header_name(close[0])}?",
            f"write '{header_name(close[0])}:' instead (docs/writers-guide.md lists every key)",
            line=entry.line,
        ), close[0]
    return Fault(
        f"{entry.written} is not a key of {described(kind)}",
        f"use one of {', '.join(header_name(n) for n in sorted(allowed))}, or delete the line",
        line=entry.line,
    ), None


# --- the value of a key, by its type: (what is wrong, how to fix it), or None ----------


def _date_fault(key: Key, value: str) -> tuple[str, str] | None:
    try:
        if _ISO_DATE.match(value):
            datetime.date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return (
        f"{header_name(key.name)} {value!r} is not a valid date",
        "write a real calendar date as YYYY-MM-DD, for example 2024-11-08 "
        "(year, month, day: other orders are ambiguous)",
    )


def _choice_fault(key: Key, value: str) -> tuple[str, str] | None:
    if value.lower() in key.values:
        return None
    return (
        f"{header_name(key.name)} {value!r} is not one of the allowed values",
        "write " + " or ".join(repr(v) for v in key.values),
    )


def _slug_fault(key: Key, value: str) -> tuple[str, str] | None:
    if all(is_slug(part) for part in value.split("/")):
        return None
    return (
        f"{header_name(key.name)} {value!r} is not a slug",
        f"write lower-case words joined by hyphens, for example '{key.example}'",
    )


def _path_fault(key: Key, value: str) -> tuple[str, str] | None:
    if not (value.startswith(("/", "\\")) or "\\" in value or ".." in value.split("/")):
        return None
    return (
        f"{header_name(key.name)} {value!r} would leave the site's output folder",
        f"write a path inside the site, relative to its root, for example '{key.example}'",
    )


def _empty_fault(key: Key, value: str) -> tuple[str, str] | None:
    if value or not key.required:
        return None
    shown = header_name(key.name)
    return f"{shown} is empty", f"write it: '{shown}: {key.example}'"


_VALUE_FAULTS: dict[str, Callable[[Key, str], tuple[str, str] | None]] = {
    "date": _date_fault,
    "choice": _choice_fault,
    "slug": _slug_fault,
    "path": _path_fault,
    "text": _empty_fault,
    "links": _empty_fault,
    "list": _empty_fault,
}


def _value_faults(key: Key, entry: HeaderLine) -> list[Fault]:
    judge = _VALUE_FAULTS.get(key.type)
    found = judge(key, entry.value) if judge else None
    return [] if found is None else [Fault(*found, line=entry.line)]
