"""The text measures of earlier builds, kept with Pelican's content cache.

With CACHE_CONTENT on (the preview turns it on), a rebuild after one edit measures the
edited page's text and takes every other page's figures from here. The file is keyed by
the settings, code and label registry the figures depend on, and each result by a hash
of its page's text and the drug and condition it is judged by.
"""

import hashlib
import os
import pickle
from collections.abc import Iterable, Mapping
from typing import Any

from ..checks import html_policy
from ..settings.config import Config

_FILE = "medical_content_checks.pickle"
# the plugin package: every layer's code can change a check's result
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _fingerprint(config: Config) -> tuple[Any, ...]:
    policy = _stable(html_policy.POLICY)
    return (
        # what a page's own text is judged as: its kind's, and whether it may name the
        # product in passing
        sorted(config.kinds),
        config.plain_pages,
        config.summary_heading,
        config.readability_grade,
        html_policy.MAX_LIST_DEPTH,
        policy,
        config.risk_rules.fingerprint,
        _files(
            [label.path for label in config.registry.labels.values()]
            + [drug_class.path for drug_class in config.registry.classes.values()]
        ),
        _files(_code()),
    )


def _code() -> list[str]:
    """The plugin's own modules, in every layer (its tests left out)."""
    return [
        os.path.join(folder, name)
        for folder, _, names in os.walk(_PACKAGE)
        if os.sep + "tests" not in folder[len(_PACKAGE) :]
        for name in names
        if name.endswith(".py")
    ]


def _files(paths: Iterable[str]) -> str:
    """A hash of the files: the plugin's own code (a check added or changed since the
    cache was written must run on every page, not only on those edited since) and the
    label registry and its classes (what a page's claims are judged by)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        with open(path, "rb") as data:
            digest.update(data.read())
    return digest.hexdigest()


def _path(settings: Mapping[str, Any]) -> str:
    return os.path.join(settings["CACHE_PATH"], _FILE)


def load(settings: Mapping[str, Any], config: Config) -> dict[Any, Any] | None:
    """The results of earlier builds by job key; None when content caching is off, so
    that nothing is hashed or kept for a cache that will not be written."""
    if not settings.get("CACHE_CONTENT"):
        return None
    if not settings.get("LOAD_CONTENT_CACHE"):
        return {}
    try:
        with open(_path(settings), "rb") as cached:
            fingerprint, results = pickle.load(cached)
    except Exception:  # none yet, or from another version: measure afresh
        return {}
    return results if fingerprint == _fingerprint(config) else {}


def save(settings: Mapping[str, Any], config: Config, results: dict[Any, Any]) -> None:
    if not settings.get("CACHE_CONTENT"):
        return
    os.makedirs(settings["CACHE_PATH"], exist_ok=True)
    with open(_path(settings), "wb") as cached:
        pickle.dump((_fingerprint(config), results), cached, protocol=pickle.HIGHEST_PROTOCOL)


def _stable(value: Any) -> Any:
    """The value with its sets and dicts sorted: a set's order differs between processes."""
    if isinstance(value, dict):
        return sorted((key, _stable(item)) for key, item in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return value
