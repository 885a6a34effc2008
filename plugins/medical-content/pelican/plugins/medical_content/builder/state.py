"""The build in progress, as one typed object (``State``), kept here and not in
Pelican's settings: Pelican pickles its content cache, and every page's author object
carries the settings; a lock or a process pool kept there made the cache file
unwritable (it was left empty, and the next build could not read it). Pelican's signals
are process-wide, so a process runs one build at a time, and the plugin's handlers
share that build's state (``start``, ``current``)."""

from collections.abc import Mapping
from typing import Any, NamedTuple

import markdown
from markupsafe import Markup
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator

from ..core.html_text import first_heading
from ..core.problems import ErrorCounter
from ..judges.approvals import Judges
from ..outputs.compliance import Report
from ..settings.config import Config
from .history import History
from .workers import Checks


class Located(NamedTuple):
    """An article or page with its generator and where Pelican writes it."""

    content: Content
    generator: Generator
    url: str
    save_as: str

    @property
    def is_article(self) -> bool:
        return isinstance(self.generator, ArticlesGenerator)


SummaryClaim = tuple[str, str]  # (sentence, condition) of a false claim in a Summary


class State:
    """What one Pelican instance's builds share: the checked settings, the error count,
    the rendered safety information, the claims judges, the compliance report, the
    checks running beside the build and every page read."""

    def __init__(self, config: Config, markdown_settings: Mapping[str, Any]) -> None:
        self.config = config
        self.errors = ErrorCounter()
        self.safety_html = Markup(
            markdown.Markdown(**markdown_settings).convert(config.safety_information)
        )
        self.safety_heading = first_heading(self.safety_html)
        self.judges = Judges(config.registry)
        self.report = Report()
        self._checks: Checks | None = None
        # the generators whose Markdown sources are checked as the build starts; None
        # once they are
        self.generators: list[Generator] | None = None
        # when each page's text last changed (git), read beside the build; None: not read
        self.history: History | None = None
        self.contents: dict[int, Located] = {}  # by id(content), each article and page read
        self.known_outputs: set[str] = set()  # where the build writes them
        # each false claim a page's Summary makes: reported at that Summary's line, not
        # on every page that lists the summary
        self.summary_claims: tuple[SummaryClaim, ...] = ()

    @property
    def checks(self) -> Checks:
        """The checks of this build (``start_checks``)."""
        if self._checks is None:
            raise RuntimeError("the medical_content plugin's checks have not started")
        return self._checks

    @checks.setter
    def checks(self, checks: Checks) -> None:
        self._checks = checks

    def stop_checks(self) -> None:
        """Close what an earlier build in this process left half-way."""
        if self._checks is not None:
            self._checks.close()
        if self.history is not None:
            self.history.close()


_current: State | None = None


def start(state: State) -> None:
    global _current
    _current = state


def current() -> State:
    if _current is None:
        raise RuntimeError(
            "the medical_content plugin was not initialised: Pelican's "
            "'initialized' signal has not reached it"
        )
    return _current
