"""The written page's structured data: one JSON-LD script that parses, whose ``@id``
references all resolve. The plugin writes it (``outputs.structured_data``); a theme that
drops it, doubles it, or a change that breaks it is caught on the page as written."""

import json

from ..core.html_text import Element
from ..core.problems import Fault
from .base import Context, Findings, Page, passed


def check(page: Page, context: Context) -> Findings:
    if page.written is None:
        return Findings()
    ok, problem = _structured_data_problem(page.written)
    if ok:
        return Findings(cell=passed(True))
    fault = Fault(
        f"the written page {page.path} has invalid structured data: {problem}",
        "report this to the site's developers",
        line=1,
    )
    return Findings([fault], cell=passed(False))


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
