"""What every check of a page takes and gives: one signature, ``(Page, Context) ->
Findings`` (``registry`` lists them).

A page is checked twice, as Pelican's signals split the work: its own text as soon as
Pelican has read it (``TEXT``: the HTML Markdown made, its header's texts), and the page
as Pelican wrote it, theme and all (``WRITTEN``). Either way a check reads the reader's
view of it (``page.view``); the markup checks read the HTML itself too, for what the
view leaves out on purpose (a script, a hidden word: refused, not read).
"""

from dataclasses import dataclass, field
from typing import Any

from ..core.html_text import Element
from ..core.problems import Fault
from ..judges.approvals import Judge, Judges
from ..judges.claims import Claim
from ..page.model import Medical
from ..page.view import View
from ..settings.config import Config

FACTS, TEXT, WRITTEN = "facts", "text", "written"

Link = tuple[str, tuple[str, ...]]  # (href, the output files any one of which resolves it)


@dataclass(frozen=True)
class Page:
    """One page, as a check reads it."""

    view: View | None  # what a reader gets: of its own text (TEXT), of its <main> (WRITTEN)
    kind: str
    is_medical: bool
    shows_safety_information: bool
    html: str = ""  # its own text, as Markdown wrote it
    root: Element | None = None  # that HTML, parsed (TEXT)
    summary_html: str = ""  # its Summary, rendered (TEXT)
    source: str = ""  # its source file, relative to the content folder, with "/" (TEXT)
    written: Element | None = None  # the written page's tree (WRITTEN)
    path: str = ""  # where it was written (WRITTEN)
    url: str = ""
    template: str = ""
    main_text: str = ""  # the text of its <main> that every reader is shown, as read
    facts: Medical | None = None  # what its header says it is (FACTS)
    title: str = ""
    summary: str = ""  # its Summary, as Pelican read it (FACTS)


@dataclass(frozen=True)
class Context:
    """What a page's checks share: the settings, and the claims judge of the page's drug
    (built where a check first asks for it: ``judges.approvals.Judges``)."""

    config: Config
    judges: Judges
    drug: str = ""  # the key of the label its claims are judged by
    subject: str = ""  # the condition it is about: what "it" points at
    safety_heading: str = ""  # the safety information's first heading: how it is found
    siteurl: str = ""
    # (sentence, condition) of the false claims of every page's Summary: reported where
    # the Summary is written, not on each page that shows it
    summary_claims: tuple[tuple[str, str], ...] = ()

    @property
    def judge(self) -> Judge:
        return self.judges.of(self.drug or self.config.product, self.subject)


@dataclass(slots=True)
class Findings:
    """What one check found on one page."""

    faults: list[Fault] = field(default_factory=list)
    warnings: list[Fault] = field(default_factory=list)
    cell: str | None = None  # its compliance report cell; None: it does not apply
    value: Any = None  # what it measured, for the report's JSON (a ``Readability``)
    claims: list[Claim] = field(default_factory=list)  # false claims, reported by the build
    links: list[Link] = field(default_factory=list)  # resolved once every page is written


PASS, FAIL = "ok", "FAIL"


def passed(ok: bool) -> str:
    """A cell of a check that passes or fails."""
    return PASS if ok else FAIL
