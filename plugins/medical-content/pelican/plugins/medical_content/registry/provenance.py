"""Where a fact of the drug registry was read: in the label's own text, or only in a
secondary copy of it.

A fact a page shows as the label's must have been read in the label itself (FDA's
label services, DailyMed, or a faithful copy of the whole prescribing information),
with the section it stands in and its exact words. A fact read only where someone else
quotes or summarises the label (the manufacturer's sites, a distributor's page, a
monograph) is marked ``secondary``: it may be shown as what its own source says, never
as the label's. The label files and the course files record both the same way
(``labels/README.md``).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.problems import SettingsError

LABEL, SECONDARY = "label", "secondary"
READ_IN = (LABEL, SECONDARY)


@dataclass(frozen=True)
class Provenance:
    """``read_in`` (``LABEL`` or ``SECONDARY``), the label ``section`` the words stand
    in, the exact ``words`` read and the address they were read at."""

    read_in: str
    section: str
    words: str
    read_at: str

    @property
    def from_label(self) -> bool:
        return self.read_in == LABEL


def read(
    table: Mapping[str, Any], where: str, section: str = "", words: str = "", at: str = ""
) -> Provenance:
    """The provenance a table records (``read_in``, ``section``, ``words``, ``read_at``;
    the arguments are what its own other keys already say). A fact read in the label
    needs all four: its section, its words and the address of the text read."""
    read_in = table.get("read_in")
    if read_in not in READ_IN:
        raise SettingsError(
            f"{where}: read_in = {read_in!r}: say where its words were read, "
            f'"{LABEL}" (the label\'s own text) or "{SECONDARY}" (a copy or a '
            "quotation of it); see labels/README.md"
        )
    found = Provenance(
        read_in,
        str(table.get("section") or section).strip(),
        str(table.get("words") or words).strip(),
        str(table.get("read_at") or at).strip(),
    )
    missing = [name for name in ("section", "words", "read_at") if not getattr(found, name)]
    if found.from_label and missing:
        raise SettingsError(
            f"{where}: read in the label, but without its {' and '.join(missing)}: a fact "
            "shown as the label's gives the section, the exact words and the address read"
        )
    return found


def read_all(tables: Mapping[str, Any], where: str) -> dict[str, Provenance]:
    """A label file's ``[read.<fact>]`` tables, each a provenance, by the fact's name."""
    return {name: read(table, f"{where}: [read.{name}]") for name, table in tables.items()}
