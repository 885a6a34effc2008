"""The classes of the registry's products: what a page writes for every product of a
class at once, as data (``classes/*.toml`` in each label folder, beside the labels).

A claim about a whole class ("all <class> are approved for ...") is true only when every
label of that class holds it (``approvals``); which words name the class, and what a
refusal calls one of its products, belong to the class, not to the plugin.
"""

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..core.problems import SettingsError, read_toml

FOLDER = "classes"  # under each label folder


@dataclass(frozen=True)
class DrugClass:
    key: str  # the file's name, without .toml: what a label's ``class`` names
    name: str  # one product of the class, as a sentence says it
    names: tuple[str, ...]  # each names every product of the class on its own
    short_names: tuple[str, ...]  # name it too after "all", "every" or "any"
    kind_words: tuple[str, ...]  # after a name, make it one kind of the class's products
    path: str


def load(folders: Iterable[str]) -> dict[str, DrugClass]:
    """Every class of the label folders, by key; a malformed one stops the build at
    start, naming its file and field."""
    found: dict[str, DrugClass] = {}
    for folder in folders:
        where = os.path.join(folder, FOLDER)
        if not os.path.isdir(where):
            continue
        for name in sorted(os.listdir(where)):
            if name.endswith(".toml"):
                drug_class = _read(os.path.join(where, name))
                if drug_class.key in found:
                    raise SettingsError(f"two class files are named {name}; keep one")
                found[drug_class.key] = drug_class
    return found


def _read(path: str) -> DrugClass:
    data = read_toml(path, "drug class file")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SettingsError(f"{path}: name is missing or not a str; see labels/README.md")
    return DrugClass(
        key=os.path.basename(path)[:-5],
        name=name,
        names=_words(data, "names", path, required=True),
        short_names=_words(data, "short_names", path),
        kind_words=_words(data, "kind_words", path),
        path=path,
    )


def _words(data: dict[str, Any], key: str, path: str, required: bool = False) -> tuple[str, ...]:
    value = data.get(key, [])
    if (
        not isinstance(value, list)
        or not all(isinstance(word, str) and word.strip() for word in value)
        or (required and not value)
    ):
        raise SettingsError(
            f"{path}: {key} must be a list of words{' (one at least)' if required else ''}; "
            "see labels/README.md"
        )
    return tuple(value)
