"""The page header as a schema: which keys each kind of page takes, of what type, and
which it must have. Checked on the source, before Markdown reads it, so that every
fault names the line of the key it is about.

A mistake in a header must never pass silently: a misspelt key would otherwise be
ignored (and with it a safeguard, such as a condition's other names that the claims
check looks for), and a date such as 03/04/2026 would be read as some month's day
without a word. The declaration itself is data (``MEDICAL_METADATA``), one entry per
key, so that another site can add its own keys.
"""

import datetime
import difflib
import fnmatch
import re
from dataclasses import dataclass

from .problems import Fault

TYPES = ("text", "date", "choice", "list", "links", "slug", "path", "kind")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A header line as Python-Markdown's "meta" extension reads it.
_HEADER_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")


@dataclass(frozen=True)
class Key:
    name: str  # lower case, as Pelican keeps it
    type: str
    kinds: frozenset  # the kinds whose pages may carry it; empty: every kind
    required: frozenset  # the kinds whose pages must carry it
    values: tuple = ()  # for a choice
    example: str = "..."

    def allowed_on(self, kind):
        return not self.kinds or "*" in self.kinds or kind in self.kinds

    def required_on(self, kind):
        return kind in self.required or "*" in self.required


@dataclass(frozen=True)
class HeaderLine:
    line: int
    written: str  # the key as the writer typed it
    value: str


def header_lines(text):
    """{lower-case key: HeaderLine} of a Markdown metadata header, and the faults of
    a key written twice (Markdown would join the two values)."""
    found, faults = {}, []
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


def header_name(name):
    """A key as a writer types it: ``regulatory_status`` -> ``Regulatory_status``."""
    return name[:1].upper() + name[1:]


def kind_from_path(relative, kind_paths):
    """The kind that a source's place in the content folder gives it, or None."""
    for pattern, kind in kind_paths:
        if fnmatch.fnmatchcase(relative, pattern):
            return kind
    return None


def kind_of(relative, is_article, header, config):
    """(kind, faults): an article is an article; a page's kind follows from where it
    lives (MEDICAL_KIND_PATHS), else from its Kind line, else it is a plain "page"."""
    written = header.get("kind")
    said = written.value.strip().lower() if written else ""
    if is_article:
        implied, where = "article", "the articles folder"
    else:
        implied, where = kind_from_path(relative, config.kind_paths), f"the folder of {relative}"
    if implied is None:
        return said or "page", []
    if said and said != implied:
        return implied, [
            Fault(
                f"Kind {written.value!r} does not match where the file is: pages in {where} "
                f"are {implied} pages",
                f"delete the Kind line (or write 'Kind: {implied}'), or "
                "move the file to the folder of its kind",
                line=written.line,
            )
        ]
    return implied, []


def check_file_name(relative):
    """A source's name becomes its address: lower-case words joined by hyphens only."""
    parts = relative.split("/")
    if parts[0] == "..":
        return []  # not under the content folder: its name makes no address of the site
    for part in parts[1:]:  # the first is the articles or pages folder, as configured
        stem = part[:-3] if part.endswith(".md") else part
        if not _SLUG.match(stem):
            better = "-".join(re.findall(r"[a-z0-9]+", stem.lower())) or "page-name"
            return [
                Fault(
                    f"the name {part!r} becomes part of the page's address, and an address "
                    "may hold only lower-case letters, digits and hyphens",
                    f"rename it to {better + ('.md' if part.endswith('.md') else '')!r}",
                    line=1,
                )
            ]
    return []


def check(header, kind, config):
    """The faults of a header: unknown keys (with the nearest known key the header does
    not have yet), values of the wrong type or format, and required keys that are
    missing (unless an unknown key was taken for a misspelling of one: one fault, at
    the line the writer has to change)."""
    schema = config.metadata
    allowed = {name for name, key in schema.items() if key.allowed_on(kind)}
    faults, suggested = [], set()
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


def described(kind):
    if kind == "article":
        return "an article"
    return "a plain page" if kind == "page" else f"a {kind} page"


def _unknown(name, entry, kind, key, allowed):
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


def _value_faults(key, entry):
    shown, value = header_name(key.name), entry.value
    if key.type == "date":
        try:
            if not _ISO_DATE.match(value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            return [
                Fault(
                    f"{shown} {value!r} is not a valid date",
                    "write a real calendar date as YYYY-MM-DD, for example 2024-11-08 "
                    "(year, month, day: other orders are ambiguous)",
                    line=entry.line,
                )
            ]
    elif key.type == "choice" and value.lower() not in key.values:
        return [
            Fault(
                f"{shown} {value!r} is not one of the allowed values",
                "write " + " or ".join(repr(v) for v in key.values),
                line=entry.line,
            )
        ]
    elif key.type == "slug" and not all(_SLUG.match(part) for part in value.split("/")):
        return [
            Fault(
                f"{shown} {value!r} is not a slug",
                "write lower-case words joined by hyphens, for example 'botox-for-migraine'",
                line=entry.line,
            )
        ]
    elif key.type == "path" and (
        value.startswith(("/", "\\")) or "\\" in value or ".." in value.split("/")
    ):
        return [
            Fault(
                f"{shown} {value!r} would leave the site's output folder",
                f"write a path inside the site, relative to its root, for example '{key.example}'",
                line=entry.line,
            )
        ]
    elif key.type in ("text", "links", "list") and not value and key.required:
        return [Fault(f"{shown} is empty", f"write it: '{shown}: {key.example}'", line=entry.line)]
    return []


def parse(table, medical_kinds, fail):
    """{name: Key} from the MEDICAL_METADATA setting; ``fail(what)`` raises its error."""
    if not isinstance(table, dict):
        fail("a dict of key name -> {type, kinds, required, values, example}")
    keys = {}
    for name, spec in table.items():
        if not isinstance(spec, dict) or spec.get("type") not in TYPES:
            fail(f"for {name!r}, a dict with a 'type' of {', '.join(TYPES)}")

        def kinds(field, spec=spec):
            value = spec.get(field, [])
            value = [value] if isinstance(value, str) else list(value)
            named = set()
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
