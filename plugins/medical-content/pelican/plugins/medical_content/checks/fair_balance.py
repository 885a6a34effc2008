"""Fair balance on a written page: a page that shows the safety information shows the
summary of its gravest risk (``MEDICAL_SAFETY_SUMMARY``) before its first call to action
("book a consultation"), and links the full safety information.

Read from the written page, in document order, as a reader meets it: a theme that moves
the summary below the text, or a writer's "contact us" above it, is caught.
"""

import re
from typing import TYPE_CHECKING

from ..core.html_text import Element, text_of, visible_text
from ..core.problems import Fault
from .base import Context, Findings, Page
from .disclaimer import shows

if TYPE_CHECKING:
    from ..settings.config import Config


def faults(main: Element, config: "Config", path: str, template: str) -> list[Fault]:
    where = _innermost_block_with(main, config.safety_summary)
    if where is None:
        return [
            Fault(
                f"the written page {path} does not show the safety summary "
                "(MEDICAL_SAFETY_SUMMARY)",
                'keep {% include "partials/safety_summary.html" %} above the text in '
                f"the theme template {template}.html",
                line=1,
            )
        ]
    found = []
    action = call_to_action_before(where, main, config.call_to_action)
    if action is not None:
        words = visible_text(action)
        found.append(
            Fault(
                f"the call to action {words!r} comes before the safety summary: a reader must "
                "meet the gravest risk before being asked to book",
                "move the call to action below the safety summary (in the page's text, not "
                "above it), or keep the summary above the text in the theme",
                text=words,
            )
        )
    if not any(link.get("href", "").endswith("#safety-information") for link in where.iter("a")):
        found.append(
            Fault(
                f"the safety summary on {path} does not link the full safety information",
                "keep the summary's link to #safety-information",
                line=1,
            )
        )
    return found


_BLOCKS = ("p", "div", "aside", "section")


def _innermost_block_with(root: Element, text: str) -> Element | None:
    """The innermost block that shows ``text``: a theme's wrapper <div> around the whole
    page shows it too, and would stand before every link of the page."""
    found = None
    candidates = root.iter(*_BLOCKS)
    while True:
        inner = next((e for e in candidates if e is not found and shows(text_of(e), text)), None)
        if inner is None:
            return found
        found, candidates = inner, inner.iter(*_BLOCKS)


def call_to_action_before(
    where: Element, main: Element, pattern: re.Pattern[str]
) -> Element | None:
    """The first link of ``main`` that asks the reader to act, if it comes before the
    element ``where`` (its own links come after it): only the links a reader meets
    before the summary are read, not every link of the page."""
    for element in main.iter():
        if element is where:
            return None
        if element.tag == "a" and pattern.search(visible_text(element)):
            return element
    return None


def check(page: Page, context: Context) -> Findings:
    """The safety summary before the first call to action, on the pages that show the
    safety information, read in the reader's view of <main> (WRITTEN)."""
    if not page.shows_safety_information or page.view is None:
        return Findings()
    return Findings(faults(page.view.root, context.config, page.path, page.template))
