"""The page header as a schema: which keys each kind of page takes, of what type, and
which it must have. Checked on the source, before Markdown reads it, so that every
fault names the line of the key it is about.

A mistake in a header must never pass silently: a misspelt key would otherwise be
ignored (and with it a safeguard, such as a condition's other names that the claims
check looks for), and a date such as 03/04/2026 would be read as some month's day
without a word. The declaration itself is data (``MEDICAL_METADATA``), one entry per
key, so that another site can add its own keys. Reading the header's lines is
``page_header``'s; the kind a page's place gives it, ``page_kind``'s.
"""

import datetime
import difflib
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from .page_header import HeaderLine, header_lines, header_name
from .page_kind import check_file_name, is_slug, kind_from_path, kind_of
from .problems import Fault

if TYPE_CHECKING:  # settings imports this module
    from .settings import Config

__all__ = [
    "TYPES",
    "HeaderLine",
    "Key",
    "check",
    "check_file_name",
    "described",
    "header_lines",
    "header_name",
    "kind_from_path",
    "kind_of",
    "parse",
]

TYPES = ("text", "date", "choice", "list", "links", "slug", "path", "kind")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Key:
    name: str  # lower case, as Pelican keeps it
    type: str
    kinds: frozenset[str]  # the kinds whose pages may carry it; empty: every kind
    required: frozenset[str]  # the kinds whose pages must carry it
    values: tuple[str, ...] = ()  # for a choice
    example: str = "..."

    def allowed_on(self, kind: str) -> bool:
        return not self.kinds or "*" in self.kinds or kind in self.kinds

    def required_on(self, kind: str) -> bool:
        return kind in self.required or "*" in self.required


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


def parse(
    table: Any, medical_kinds: Collection[str], fail: Callable[[str], NoReturn]
) -> dict[str, Key]:
    """{name: Key} from the MEDICAL_METADATA setting; ``fail(what)`` raises its error."""
    if not isinstance(table, dict):
        fail("a dict of key name -> {type, kinds, required, values, example}")
    keys = {}
    for name, spec in table.items():
        if not isinstance(spec, dict) or spec.get("type") not in TYPES:
            fail(f"for {name!r}, a dict with a 'type' of {', '.join(TYPES)}")

        def kinds(field: str, spec: dict[str, Any] = spec) -> frozenset[str]:
            value = spec.get(field, [])
            value = [value] if isinstance(value, str) else list(value)
            named: set[str] = set()
            for kind in value:
                # "medical": every medical kind; "*": every kind at all
                named |= set(medical_kinds) if kind == "medical" else {kind.lower()}
            return frozenset(named)

        values = tuple(str(v).lower() for v in spec.get("values", ()))
        if spec["type"] == "choice" and not values:
            fail(f"for {name!r}, the allowed 'values' of a choice")
        keys[name.lower()] = Key(
            name.lower(),
            spec["type"],
            kinds("kinds"),
            kinds("required"),
            values,
            spec.get("example", "..."),
        )
    return keys
