"""The page header as a schema: which keys each kind of page takes, of what type, and
which it must have. Checked on the source, before Markdown reads it, so that every
fault names the line of the key it is about.

A mistake in a header must never pass silently: a misspelt key would otherwise be
ignored (and with it a safeguard, such as a condition's other names that the claims
check looks for), and a date such as 03/04/2026 would be read as some month's day
without a word. The declaration itself is data (``MEDICAL_METADATA``), one entry per
key, so that another site can add its own keys. A page's header is checked
against it by ``page.header``; the kind a page's place gives it is ``page.kind``'s.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, NoReturn

TYPES = ("text", "date", "choice", "list", "links", "slug", "path", "kind")


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
