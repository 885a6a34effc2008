"""Checks of a page as Pelican wrote it: what a reader (and a search engine) will get.

Each written page is parsed once; every check reads the same tree. Reading the output,
not the metadata, catches a theme change that drops the disclaimer or the safety
information, and a false claim that a template or a summary put on the page.
"""

import json

import lxml.html

from . import claims, disclaimer
from .html_text import visible_text
from .metadata import in_sentence
from .problems import Fault


def first_heading(html):
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    heading = next(root.iter("h1", "h2", "h3", "h4", "h5", "h6"), None)
    return visible_text(heading) if heading is not None else ""


def plain(html):
    """Text of an HTML snippet such as a summary."""
    if not html.strip():
        return ""
    return visible_text(lxml.html.fragment_fromstring(html, create_parent="div"))


def check(path, content, state):
    """The faults of one written page; records the results in the compliance report."""
    config = state.config
    tree = lxml.html.parse(path).getroot()
    main = next(tree.iter("main"), None)
    row = state.report.row(content)
    faults = []
    main_text = disclaimer.visible_main_text(tree)
    if content.is_medical:
        row.disclaimer = disclaimer.shows(main_text, config.disclaimer)
        if not row.disclaimer:
            faults.append(Fault(
                f"the written page {path} does not show the medical disclaimer inside <main>",
                f"keep {{% include \"partials/disclaimer.html\" %}} inside <main> in the "
                f"theme template {content.template}.html, and MEDICAL_DISCLAIMER set", line=1))
    if content.shows_safety_information:
        row.safety = disclaimer.shows(main_text, state.safety_heading)
        if not row.safety:
            faults.append(Fault(
                f"the written page {path} does not show the Important Safety Information",
                "keep {{ SAFETY_INFORMATION }} inside <main> in the theme template "
                f"{content.template}.html", line=1))
    if main is not None:
        found = claims.false_approvals(main, state.off_label)
        row.claims = len(found)
        faults += [Fault(
            f"calls an off-label use approved: {claim.sentence!r} ({claim.condition} is "
            "not an FDA-approved use of Botox)",
            f"say plainly that Botox is not FDA-approved for {in_sentence(claim.condition)}, or "
            "remove the claim", text=claim.anchor) for claim in found]
    row.structured_data, problem = _structured_data_problem(tree)
    if problem:
        faults.append(Fault(f"the written page {path} has invalid structured data: {problem}",
                            "report this to the site's developers", line=1))
    return faults


def _structured_data_problem(tree):
    """(ok, problem): one JSON-LD script that parses and whose @id references resolve."""
    scripts = tree.xpath("//script[@type='application/ld+json']")
    if len(scripts) != 1:
        return False, f"{len(scripts)} JSON-LD scripts, expected 1"
    try:
        data = json.loads(scripts[0].text or "")
    except ValueError as error:
        return False, f"the JSON does not parse ({error})"
    nodes = data.get("@graph", [data])
    defined = {node.get("@id") for node in nodes}
    missing = sorted(ref for ref in _references(nodes) if ref not in defined)
    if missing:
        return False, f"@id references with no node: {', '.join(missing)}"
    return True, ""


def _references(value):
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            yield value["@id"]
        for item in value.values():
            yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)
