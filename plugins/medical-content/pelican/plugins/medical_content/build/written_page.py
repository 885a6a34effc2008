"""Checks of a page as Pelican wrote it: what a reader (and a search engine) will get.

Each written page is parsed once; every check reads the same tree. Reading the output,
not the metadata, catches a theme change that drops the disclaimer or the safety
information, and a false claim that a template or a summary put on the page. The
readability figures are taken from the page's own text as soon as it is read. None of
this changes what Pelican writes, so it can run beside the build (see ``workers``).
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..checks import disclaimer, fair_balance, html_policy, images, readability, site_paths
from ..checks.site_paths import Link
from ..core.html_text import Element, fragment, page, visible_text
from ..core.problems import Fault
from ..judges import claims, risk_language
from ..judges.approvals import Judges
from ..judges.claims import Claim
from ..outputs.compliance import Cells
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
    """A page's own rendered text (Markdown's HTML), its Title and its Summary, checked
    and measured as soon as they are read. Plain values, so a worker process can take it."""

    content: str
    summary: str
    title: str
    drug: str  # the key of the label its claims are judged by, from its metadata
    subject: str  # the condition it is about, if any

    def key(self) -> str:
        return hashlib.sha256(
            f"{self.content}\0{self.summary}\0{self.title}\0{self.drug}\0{self.subject}".encode()
        ).hexdigest()

    def run(self, shared: Shared) -> Result:
        root = fragment(self.content)
        rules = shared.config.risk_rules
        judge = shared.judges.of(self.drug, self.subject)
        faults = html_policy.faults(self.content, root) + images.faults(root)
        faults += risk_language.faults(risk_language.in_html(root, rules, judge))
        faults += risk_language.faults(
            risk_language.findings(self.title, rules, judge), field="title"
        )
        faults += site_paths.root_relative_links(root)
        if self.summary:
            summary_root = fragment(self.summary)
            faults += html_policy.refused_html(self.summary, summary_root)
            faults += risk_language.faults(
                risk_language.findings(visible_text(summary_root), rules, judge),
                field="summary",
            )
        summary, summary_faults = readability.summary_faults(
            root, shared.config.summary_heading, shared.config.readability_grade
        )
        # Whether a summary is required is known once the page's kind is: see the plugin.
        return Result(
            faults,
            {"readability": readability.page_readability(root), "summary": summary},
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
    main_text = disclaimer.visible_main_text(tree)
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
        if main is not None:
            result.faults += fair_balance.faults(main, shared.config, job.path, job.template)
    if main is not None:
        result.claims = claims.false_approvals(main, shared.judges.of(job.drug, job.subject))
        result.cells["claims"] = len(result.claims)
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


def claim_faults(found: Iterable[Claim], field: str = "") -> list[Fault]:
    """A fault for each false claim; ``field``: the metadata it was read from, if any."""
    return [
        Fault(
            f"says something is approved that its label does not hold: {claim.sentence!r} "
            f"(approved for {claim.condition!r}? {claim.reason})",
            "say only what the label holds, say plainly that it is not FDA-approved for this "
            "use, or remove the claim",
            field=field,
            text="" if field else claim.anchor,
            all_of=claim.row,
        )
        for claim in found
    ]


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
