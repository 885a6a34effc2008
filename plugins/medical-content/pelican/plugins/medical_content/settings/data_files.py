"""The files besides the settings file that a build's ``Config`` is read from: the
reviewers file, the Important Safety Information, the label registry's folders (its
labels, classes and courses) and the risk-language rules.

``settings.load`` reads them once, when Pelican starts; a process that keeps one Pelican
for many builds (`make serve`'s preview) must start it again when one of them changes,
or go on judging pages by what they said before: a reviewer added to the reviewers file
would stay "not in the reviewers file" until the preview was restarted.
"""

import os
from collections.abc import Mapping
from typing import Any

from ..registry import labels, risk_rules
from .defaults import DEFAULTS


def paths(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The absolute paths (files and folders) of what the settings read their data from,
    as ``settings.load`` finds them; a value of the wrong shape is left out (the build
    stops on it at start, and says why)."""
    given = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    root = str(settings.get("PATH", "."))

    def under_content(value: Any) -> list[str]:
        return [os.path.join(root, value)] if isinstance(value, str) and value.strip() else []

    found = [labels.HERE]
    if isinstance(given["MEDICAL_LABELS"], (list, tuple)):
        for folder in given["MEDICAL_LABELS"]:
            found += under_content(folder)
    found += under_content(given["MEDICAL_REVIEWERS_FILE"])
    found += under_content(given["MEDICAL_SAFETY_INFORMATION"])
    risk = given["MEDICAL_RISK_LANGUAGE"]
    found += [risk_rules.DEFAULT_FILE] if risk is None else under_content(risk)
    return tuple(dict.fromkeys(os.path.abspath(path) for path in found))


def within(path: str, data: tuple[str, ...]) -> bool:
    """Whether ``path`` (absolute) is one of ``data`` or inside one of its folders."""
    return any(path == found or path.startswith(found + os.sep) for found in data)
