"""Where the plugin keeps the state of the build in progress: here, not in Pelican's
settings. Pelican pickles its content cache, and every page's author object carries the
settings: a lock or a process pool kept there made the cache file unwritable (it was left
empty, and the next build could not read it). Pelican's signals are process-wide, so a
process runs one build at a time, and the plugin's handlers share that build's state."""

from typing import Any

_current: Any = None  # plugin.State: typed there, which imports this module


def start(state: Any) -> None:
    global _current
    _current = state


def current() -> Any:
    if _current is None:
        raise RuntimeError(
            "the medical_content plugin was not initialised: Pelican's "
            "'initialized' signal has not reached it"
        )
    return _current
