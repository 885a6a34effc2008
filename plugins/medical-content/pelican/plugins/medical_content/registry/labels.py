"""The label registry: what each drug's US prescribing information (its label) approves.

Whether a use is approved is a fact of the label, not of the page that names it: a
condition page's status, its indication text and the claims a page may make are all
taken from here. The registry is data, one TOML file per product (``labels/``, beside
this module; a site may add folders with ``MEDICAL_LABELS``), each fact citing the
label section it comes from, with the label's revision and the day a person checked it;
each product names its class (``drug_classes``: ``classes/*.toml`` in the same folders).
"""

import datetime
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..core.dates import add_months
from ..core.problems import SettingsError, read_toml
from . import drug_classes, provenance
from .drug_classes import DrugClass
from .provenance import Provenance

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "labels")
_REVISION = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Indication:
    id: str
    condition: str
    synonyms: tuple[str, ...]  # what a page may write for exactly this use, folded (see ``fold``)
    text: str  # as the label words it
    population: str
    min_age_years: float | None  # None where the label states no age
    max_age_years: float | None  # "adults younger than 65": 64
    section: str
    limits: tuple[str, ...]
    not_covered: tuple[str, ...]  # uses people confuse with this one, which the label excludes
    defined_by: tuple[str, ...]  # phrases of the label's definition of the condition
    read: Provenance  # where its words were read


@dataclass(frozen=True)
class Label:
    key: str  # the file's name, without .toml
    brand: str
    generic: str
    drug_class: str  # a key of the registry's classes
    names: tuple[str, ...]
    manufacturer: str
    url: str
    urls: tuple[str, ...]  # url, and the other addresses of the same prescribing information
    revision: str  # "YYYY-MM"
    checked: datetime.date
    checked_by: str
    first_approved: int | None  # the year
    boxed_warning: str
    indications: tuple[Indication, ...]
    path: str
    # where the label's own facts (its revision, boxed warning ...) were read, by name
    read: Mapping[str, Provenance]

    @property
    def revised(self) -> str:
        """The revision as people write it: "11/2023"."""
        year, month = self.revision.split("-")
        return f"{month}/{year}"

    def named_by(self, text: str) -> bool:
        """Whether ``text`` is one of this product's names (or its key)."""
        wanted = text.strip().casefold()
        return wanted == self.key or wanted in {name.casefold() for name in self.names}

    def indication_for(self, name: str) -> Indication | None:
        """The indication whose condition or synonyms are ``name``, or None."""
        wanted = fold(name)
        return next((i for i in self.indications if wanted in i.synonyms), None)


def fold(name: str) -> str:
    """A condition's name as compared: case, hyphens and a plural "s" do not count."""
    words = re.split(r"[\s\-]+", name.strip().casefold())
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        for word in words
        if word
    )


class Registry:
    def __init__(self, labels: Iterable[Label], classes: Mapping[str, DrugClass]) -> None:
        self.labels = {label.key: label for label in labels}
        self.classes = dict(classes)

    def __getitem__(self, key: str) -> Label:
        return self.labels[key]

    def __contains__(self, key: object) -> bool:
        return key in self.labels

    def stale(self, today: datetime.date, months: int) -> list[Label]:
        """The labels last checked more than ``months`` months before ``today``."""
        limit = add_months(today, -months)
        return [label for label in self.labels.values() if label.checked < limit]


def load(folders: Iterable[str]) -> Registry:
    """The registry of every ``*.toml`` in the folders, checked: a malformed label stops
    the build at start, naming the file and the field."""
    folders = tuple(folders)  # read twice: the labels, then their classes
    labels = []
    for folder in folders:
        if not os.path.isdir(folder):
            raise SettingsError(f"setting MEDICAL_LABELS: the folder {folder} does not exist")
        for name in sorted(os.listdir(folder)):
            if name.endswith(".toml"):
                labels.append(_label(os.path.join(folder, name)))
    keys = [label.key for label in labels]
    for key in set(keys):
        if keys.count(key) > 1:
            raise SettingsError(f"two label files are named {key}.toml; keep one")
    return Registry(labels, _classes(folders, labels))


def _classes(folders: Iterable[str], labels: Iterable[Label]) -> dict[str, DrugClass]:
    """The classes of the folders; a label of a class none of them has stops the build."""
    classes = drug_classes.load(folders)
    for label in labels:
        if label.drug_class not in classes:
            known = ", ".join(sorted(classes)) or f"none: add {drug_classes.FOLDER}/<class>.toml"
            raise SettingsError(
                f"{label.path}: class = {label.drug_class!r} is not a class of the "
                f"registry ({known}); see labels/README.md"
            )
    return classes


def _field(
    path: str,
    table: Mapping[str, Any],
    name: str,
    kind: type | tuple[type, ...] = str,
    where: str = "",
) -> Any:
    value = table.get(name)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise SettingsError(
            f"{path}: {where}{name} is missing or not a "
            f"{getattr(kind, '__name__', 'value')}; see labels/README.md"
        )
    return value


def _indication(path: str, entry: Mapping[str, Any], number: int) -> Indication:
    where = f"indication {number}: "
    condition = _field(path, entry, "condition", where=where)
    synonyms = {fold(condition)} | {fold(s) for s in entry.get("synonyms", [])}
    age, oldest = entry.get("min_age_years"), entry.get("max_age_years")
    text = _field(path, entry, "text", where=where)
    section = _field(path, entry, "section", where=where)
    return Indication(
        id=_field(path, entry, "id", where=where),
        condition=condition,
        synonyms=tuple(sorted(synonyms)),
        text=text,
        population=_field(path, entry, "population", where=where),
        min_age_years=age if isinstance(age, (int, float)) else None,
        max_age_years=oldest if isinstance(oldest, (int, float)) else None,
        section=section,
        limits=tuple(entry.get("limits", [])),
        not_covered=tuple(entry.get("not_covered", [])),
        defined_by=tuple(entry.get("defined_by", [])),
        # the words read are the indication's text unless the entry quotes them apart
        read=provenance.read(entry, f"{path}: {where.rstrip(': ')}", section, text),
    )


def _label(path: str) -> Label:
    data = read_toml(path, "label file")
    revision = _field(path, data, "label_revision")
    if not _REVISION.match(revision):
        raise SettingsError(
            f"{path}: label_revision {revision!r} must be the label's month "
            "and year as YYYY-MM (its 'Revised: MM/YYYY')"
        )
    indications = [
        _indication(path, entry, number)
        for number, entry in enumerate(data.get("indications", []), start=1)
    ]
    if not indications:
        raise SettingsError(f"{path}: the label has no [[indications]]")
    return Label(
        key=os.path.basename(path)[:-5],
        brand=_field(path, data, "brand"),
        generic=_field(path, data, "generic"),
        drug_class=_field(path, data, "class"),
        names=tuple(_field(path, data, "names", list)) or (data["brand"],),
        manufacturer=_field(path, data, "manufacturer"),
        url=_field(path, data, "label_url"),
        urls=(data["label_url"], *data.get("also_at", [])),
        revision=revision,
        checked=_field(path, data, "checked", datetime.date),
        checked_by=_field(path, data, "checked_by"),
        first_approved=first if isinstance(first := data.get("first_approved"), int) else None,
        boxed_warning=_field(path, data, "boxed_warning"),
        indications=tuple(indications),
        path=path,
        read=provenance.read_all(data.get("read", {}), path),
    )
