"""Checks of one setting's value each: a function returns the value as ``settings.Config``
holds it, or raises ``SettingsError`` naming the setting, the value it got and what it
must be, so that a wrong setting stops the build at start.
"""

import datetime
import os
import re
from collections.abc import Sequence
from typing import Any, Literal, NoReturn, TypeVar

from ..core.problems import SettingsError
from ..registry import courses
from ..registry.labels import Registry
from .defaults import DEFAULTS

Choice = TypeVar("Choice", bound=str)
Workers = Literal["auto"] | int


def fail(name: str, value: object, wanted: str) -> NoReturn:
    raise SettingsError(f"setting {name} must be {wanted}, got {value!r}")


def strings(name: str, value: Any) -> frozenset[str]:
    """A list of names (kinds), compared in lower case."""
    wanted = f"a list of strings, for example {DEFAULTS[name]!r}"
    return frozenset(item.lower() for item in _string_list(name, value, wanted))


def globs(name: str, value: Any) -> tuple[str, ...]:
    """A list of glob patterns of paths relative to the content folder."""
    wanted = (
        "a list of paths relative to the content folder, for example "
        "['pages/index.md', 'pages/about.md']"
    )
    found = _string_list(name, value, wanted)
    if not all(found):
        fail(name, value, wanted)
    return tuple(found)


def _string_list(name: str, value: Any, wanted: str) -> list[str]:
    """The list's strings, stripped; a value of another shape is an error."""
    if (
        isinstance(value, str)
        or not isinstance(value, (list, tuple))
        or not all(isinstance(item, str) for item in value)
    ):
        fail(name, value, wanted)
    return [item.strip() for item in value]


def text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        fail(name, value, "a non-empty string")
    return " ".join(value.split())


def choice(name: str, value: Any, choices: Sequence[Choice]) -> Choice:
    for allowed in choices:
        if value == allowed:
            return allowed
    fail(name, value, "one of " + ", ".join(repr(c) for c in choices))


def positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        fail(name, value, "a positive int")
    return value


def positive_number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        fail(name, value, "a positive number")
    return float(value)


def today(value: Any) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        fail("MEDICAL_TODAY", value, "None or a date written YYYY-MM-DD")


def content_file(name: str, value: Any, content_root: str) -> str:
    """The path of a file the setting names, relative to the content folder."""
    path = os.path.join(content_root, text(name, value))
    if not os.path.isfile(path):
        raise SettingsError(
            f"setting {name}: the file {path} does not exist; create it or point {name} "
            "at the right file (relative to the content folder)"
        )
    return path


def pattern(name: str, value: Any) -> re.Pattern[str]:
    try:
        return re.compile(text(name, value), re.IGNORECASE)
    except re.error as error:
        fail(name, value, f"a regular expression ({error})")


def kind_paths(value: Any) -> tuple[tuple[str, str], ...]:
    """(pattern, kind) of MEDICAL_KIND_PATHS, in order: the first match wins."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        fail(
            "MEDICAL_KIND_PATHS",
            value,
            'a dict of path pattern -> kind, for example {"pages/conditions/*.md": "condition"}',
        )
    return tuple((path, kind.lower()) for path, kind in value.items())


def folders(value: Any, content_root: str) -> list[str]:
    """The folders MEDICAL_LABELS adds to the registry, as paths."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        fail("MEDICAL_LABELS", value, "a list of folders (relative to the content folder)")
    return [os.path.join(content_root, folder) for folder in value]


def product(value: Any, registry: Registry) -> str:
    if not isinstance(value, str) or value not in registry:
        fail(
            "MEDICAL_PRODUCT",
            value,
            "the name of a label file of the registry, one "
            "of " + ", ".join(repr(key) for key in sorted(registry.labels)),
        )
    return value


def course_topics(value: Any) -> tuple[tuple[str, str], ...]:
    """(topic, heading) of MEDICAL_COURSE_TOPICS, in the order a course shows them."""
    if (
        not isinstance(value, dict)
        or not set(value) <= set(courses.TOPICS)
        or not all(isinstance(heading, str) and heading.strip() for heading in value.values())
    ):
        fail(
            "MEDICAL_COURSE_TOPICS",
            value,
            "a dict of topic -> heading, topics among " + ", ".join(courses.TOPICS),
        )
    return tuple(value.items())


def workers(value: Any) -> Workers:
    if value == "auto":
        return "auto"
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    fail("MEDICAL_CHECK_WORKERS", value, '"auto" or a whole number of processes (0: none)')
