"""Checks of a page as Pelican wrote it: what a reader (and a search engine) will get.

Each written page is parsed once; every check reads the same tree. Reading the output,
not the metadata, catches a theme change that drops the disclaimer or the safety
information, and a false claim that a template or a summary put on the page. The
readability figures are taken from the page's own text as soon as it is read. None of
this changes what Pelican writes, so it can run beside the build (see ``workers``).
"""

import hashlib
import json
from dataclasses import dataclass, field

from ..checks import (
    disclaimer,
    fair_balance,
    html_policy,
    images,
    readability,
    site_paths,
    wording,
)
from ..checks.site_paths import Link
from ..core.html_text import Element, fragment, page, visible_text
from ..core.problems import Fault
from ..core.reading import as_read
from ..judges import claims, risk_language
from ..judges.approvals import Judges
from ..judges.claims import Claim
from ..outputs.compliance import Cells
from ..page import view
from ..page.view import Piece
from ..settings.config import Config
from .conversion import Converter


@dataclass(frozen=True)
class Shared:
    """What the checks of every page need, the same for the whole build."""

    config: Config
    safety_heading: str
    siteurl: str
    judges: Judges
    converter: Converter  # of Markdown sources checked ahead (``reader.SourceJob``)


@dataclass(slots=True)
class Result:
    faults: list[Fault] = field(default_factory=list)
    cells: Cells = field(default_factory=Cells)
    summary_faults: list[Fault] = field(default_factory=list)  # for kinds that need a summary
    links: list[Link] = field(default_factory=list)  # of the page's own text
    claims: list[Claim] = field(default_factory=list)  # of the page's <main>


@dataclass(frozen=True)
class TextJob:
    """A page's own rendered text (Markdown's HTML) and its header's texts, checked and
    measured as soon as they are read, on the page's reader's view (``page.view``).
    Plain values, so a worker process can take it."""

    content: str
    summary: str
    title: str
    drug: str  # the key of the label its claims are judged by, from its metadata
    subject: str  # the condition it is about, if any
    fields: tuple[Piece, ...] = ()  # the header's other texts a reader gets
    images: tuple[tuple[str, str], ...] = ()  # (address, text inside) of its SVG images

    def key(self) -> str:
        values = (self.content, self.summary, self.title, self.drug, self.subject)
        extra = [f"{p.field}\1{p.text}" for p in self.fields] + [
            f"{src}\1{text}" for src, text in self.images
        ]
        return hashlib.sha256("\0".join([*values, *extra]).encode()).hexdigest()

    def run(self, shared: Shared) -> Result:
        root = fragment(self.content)
        config = shared.config
        judge = shared.judges.of(self.drug, self.subject)
        summary_root = fragment(self.summary) if self.summary else None
        fields = [view.field("title", self.title), *self.fields]
        if summary_root is not None:
            fields.append(view.field("summary", visible_text(summary_root)))
        inside = dict(self.images)
        seen = view.of_html(root, fields, (lambda src: inside.get(src, "")) if inside else None)
        faults = html_policy.faults(self.content, root) + images.faults(root)
        faults += wording.risk_faults(seen, config.risk_rules, judge)
        # the text inside an image is on no written page's text: its claims are judged here
        in_images = [p for p in seen.pieces if p.what.startswith("the text inside")]
        faults += wording.piece_claim_faults(wording.piece_claims(in_images, judge))
        faults += site_paths.root_relative_links(root)
        if summary_root is not None:
            faults += html_policy.refused_html(self.summary, summary_root)
        summary, summary_faults = readability.summary_faults(
            seen.root, config.summary_heading, config.readability_grade
        )
        # Whether a summary is required is known once the page's kind is: see the plugin.
        return Result(
            faults,
            {"readability": readability.page_readability(seen.root), "summary": summary},
            summary_faults,
        )


@dataclass(frozen=True)
class PageJob:
    """One written page to check, with its own text (its links are checked at the
    build's end, when every file they could go to is written)."""

    path: str
    url: str
    text: str
    template: str
    is_medical: bool
    shows_safety_information: bool
    drug: str  # the key of the label its claims are judged by
    subject: str  # the condition it is about, if any

    def run(self, shared: Shared) -> Result:
        return check(self, shared)


@dataclass(frozen=True)
class SafetyInformationJob:
    """The safety information's own wording: it stands on every medical page from one
    file, so it is checked once, and its faults are that file's."""

    html: str

    def run(self, shared: Shared) -> list[Fault]:
        config = shared.config
        found = risk_language.in_html(
            fragment(self.html), config.risk_rules, shared.judges.of(config.product)
        )
        return risk_language.faults(found)


def plain(html: str) -> str:
    """Text of an HTML snippet such as a summary."""
    if not html.strip():
        return ""
    return visible_text(fragment(html))


def check(job: PageJob, shared: Shared) -> Result:
    """The faults and report cells of one written page."""
    result = Result()
    tree = page(job.path)
    main = next(tree.iter("main"), None)
    seen = view.of_html(main) if main is not None else None
    main_text = as_read(disclaimer.visible_main_text(tree))
    if job.is_medical:
        result.cells["disclaimer"] = shown = disclaimer.shows(main_text, shared.config.disclaimer)
        if not shown:
            result.faults.append(
                Fault(
                    f"the written page {job.path} does not show the medical disclaimer "
                    "inside <main>",
                    f'keep {{% include "partials/disclaimer.html" %}} inside <main> in the '
                    f"theme template {job.template}.html, and MEDICAL_DISCLAIMER set",
                    line=1,
                )
            )
    if job.shows_safety_information:
        result.cells["safety"] = shown = disclaimer.shows(main_text, shared.safety_heading)
        if not shown:
            result.faults.append(
                Fault(
                    f"the written page {job.path} does not show the Important Safety Information",
                    "keep {{ SAFETY_INFORMATION }} inside <main> in the theme template "
                    f"{job.template}.html",
                    line=1,
                )
            )
        if seen is not None:
            result.faults += fair_balance.faults(seen.root, shared.config, job.path, job.template)
    if seen is not None:
        judge = shared.judges.of(job.drug, job.subject)
        result.claims = claims.false_approvals(seen.root, judge)
        # what a screen reader or a tooltip says of the page's images, links, abbreviations
        in_pieces = wording.piece_claims(seen.pieces, judge)
        result.faults += wording.piece_claim_faults(in_pieces)
        result.cells["claims"] = len(result.claims) + len(in_pieces)
    result.links = site_paths.site_links(job.text, job.url, shared.siteurl)
    result.cells["structured_data"], problem = _structured_data_problem(tree)
    if problem:
        result.faults.append(
            Fault(
                f"the written page {job.path} has invalid structured data: {problem}",
                "report this to the site's developers",
                line=1,
            )
        )
    return result


def _structured_data_problem(tree: Element) -> tuple[bool, str]:
    """(ok, problem): one JSON-LD script that parses and whose @id references resolve."""
    scripts = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    if len(scripts) != 1:
        return False, f"{len(scripts)} JSON-LD scripts, expected 1"
    references: list[object] = []  # each {"@id": ...} object, seen as the parser makes it

    def note_reference(node: dict[str, object]) -> dict[str, object]:
        if len(node) == 1 and "@id" in node:
            references.append(node["@id"])
        return node

    try:
        data = json.loads(scripts[0].text or "", object_hook=note_reference)
    except ValueError as error:
        return False, f"the JSON does not parse ({error})"
    nodes = data.get("@graph", [data]) if isinstance(data, dict) else []
    defined = {node.get("@id") for node in nodes if isinstance(node, dict)}
    missing = sorted({ref for ref in references if ref not in defined}, key=str)
    if missing:
        return False, f"@id references with no node: {', '.join(map(str, missing))}"
    return True, ""
