"""The jobs of the checks that change nothing Pelican writes: a page's own text as soon
as Pelican has read it (``TextJob``), the page as Pelican wrote it (``PageJob``), the
safety information once (``SafetyInformationJob``). Each builds the page's reader's view
(``page.view``) and runs the checks of the registry that read it
(``checks.registry``). Plain values, so that on a big site a worker process takes them
beside the build (``workers``); their findings are recorded at the end (``results``).
"""

import hashlib
from dataclasses import dataclass

from ..checks import registry
from ..checks.base import TEXT, WRITTEN, Context, Findings, Page
from ..checks.disclaimer import visible_main_text
from ..core.html_text import fragment, page, visible_text
from ..core.problems import Fault
from ..core.reading import as_read
from ..judges import risk_language
from ..judges.approvals import Judges
from ..page import view
from ..page.view import Piece
from ..settings.config import Config
from .conversion import Converter

Result = dict[str, Findings]  # by the check's name


@dataclass(frozen=True)
class Shared:
    """What the checks of every page need, the same for the whole build."""

    config: Config
    safety_heading: str
    siteurl: str
    judges: Judges
    converter: Converter  # of Markdown sources checked ahead (``reader.SourceJob``)

    def context(
        self, drug: str, subject: str, summary_claims: tuple[tuple[str, str], ...] = ()
    ) -> Context:
        return Context(
            self.config,
            self.judges,
            drug,
            subject,
            self.safety_heading,
            self.siteurl,
            summary_claims,
        )


@dataclass(frozen=True)
class TextJob:
    """A page's own rendered text (Markdown's HTML) and its header's texts, checked and
    measured as soon as they are read."""

    content: str
    summary: str
    title: str
    drug: str  # the key of the label its claims are judged by, from its metadata
    subject: str  # the condition it is about, if any
    kind: str
    fields: tuple[Piece, ...] = ()  # the header's other texts a reader gets
    images: tuple[tuple[str, str], ...] = ()  # (address, text inside) of its SVG images
    source: str = ""  # its source file, relative to the content folder

    def key(self) -> str:
        values = (
            *(self.content, self.summary, self.title, self.drug, self.subject, self.kind),
            self.source,
        )
        extra = [f"{p.field}\1{p.text}" for p in self.fields] + [
            f"{src}\1{text}" for src, text in self.images
        ]
        return hashlib.sha256("\0".join([*values, *extra]).encode()).hexdigest()

    def run(self, shared: Shared) -> Result:
        root = fragment(self.content)
        summary_html = self.summary
        fields = [view.field("title", self.title), *self.fields]
        if summary_html:
            fields.append(view.field("summary", visible_text(fragment(summary_html))))
        inside = dict(self.images)
        seen = view.of_html(root, fields, (lambda src: inside.get(src, "")) if inside else None)
        config = shared.config
        checked = Page(
            seen,
            self.kind,
            self.kind in config.kinds,
            self.kind in config.safety_kinds,
            html=self.content,
            root=root,
            summary_html=summary_html,
            source=self.source,
        )
        return _found(registry.run(TEXT, checked, shared.context(self.drug, self.subject)))


@dataclass(frozen=True)
class PageJob:
    """One written page to check, with its own text (its links are checked at the
    build's end, when every file they could go to is written)."""

    path: str
    url: str
    text: str
    template: str
    kind: str
    is_medical: bool
    shows_safety_information: bool
    drug: str  # the key of the label its claims are judged by
    subject: str  # the condition it is about, if any
    summary_claims: tuple[tuple[str, str], ...] = ()  # of every page's Summary

    def run(self, shared: Shared) -> Result:
        tree = page(self.path)
        main = next(tree.iter("main"), None)
        checked = Page(
            view.of_html(main) if main is not None else None,
            self.kind,
            self.is_medical,
            self.shows_safety_information,
            html=self.text,
            written=tree,
            path=self.path,
            url=self.url,
            template=self.template,
            main_text=as_read(visible_main_text(tree)),
        )
        context = shared.context(self.drug, self.subject, self.summary_claims)
        return _found(registry.run(WRITTEN, checked, context))


def _found(result: Result) -> Result:
    """The findings of the checks that found something: the rest add nothing to the
    page's row or the log (``results.record``), and on a big site each goes back from a
    worker, pickled and read again, for every page. Nothing is an empty ``Findings``,
    whatever fields it comes to have."""
    return {name: found for name, found in result.items() if found != _NOTHING}


_NOTHING = Findings()


@dataclass(frozen=True)
class SafetyInformationJob:
    """The safety information's own wording: it stands on every medical page from one
    file, so it is checked once, and its faults are that file's."""

    html: str

    def run(self, shared: Shared) -> list[Fault]:
        config = shared.config
        found = risk_language.in_html(
            view.of_html(fragment(self.html)).root,
            config.risk_rules,
            shared.judges.of(config.product),
        )
        return risk_language.faults(found)
