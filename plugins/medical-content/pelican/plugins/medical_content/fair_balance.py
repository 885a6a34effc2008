"""Fair balance on a written page: a page that shows the safety information shows the
summary of its gravest risk (``MEDICAL_SAFETY_SUMMARY``) before its first call to action
("book a consultation"), and links the full safety information.

Read from the written page, in document order, as a reader meets it: a theme that moves
the summary below the text, or a writer's "contact us" above it, is caught.
"""

import re
from typing import TYPE_CHECKING

from .html_text import Element, visible_text
from .problems import Fault

if TYPE_CHECKING:
    from .settings import Config


def faults(main: Element, config: "Config", path: str, template: str) -> list[Fault]:
    summary = " ".join(config.safety_summary.split())
    where = next(
        (
            element
            for element in main.iter("p", "div", "aside", "section")
            if summary in " ".join(visible_text(element).split())
        ),
        None,
    )
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
    action = first_call_to_action(main, config.call_to_action)
    if action is not None and not _before(where, action, main):
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


def first_call_to_action(main: Element, pattern: re.Pattern[str]) -> Element | None:
    return next((link for link in main.iter("a") if pattern.search(visible_text(link))), None)


def _before(first: Element, second: Element, root: Element) -> bool:
    for element in root.iter():
        if element is first:
            return True
        if element is second:
            return False
    return False
