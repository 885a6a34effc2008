"""Whether a written page shows a text (the disclaimer, the safety information) inside
its <main> element, where a reader sees it near the content.

The check reads the HTML that was written, not the metadata, so a theme change that
drops the disclaimer, moves it out of <main> or hides it is caught.
"""

import copy
import functools
import re

from lxml import etree

from ..core.html_text import Element, remove, text_of
from ..core.problems import Fault
from .base import Context, Findings, Page, passed

_HIDDEN = etree.XPath(
    ".//*[@hidden or @aria-hidden='true' or self::template or self::script or self::style]"
)
# What may hide an element, looked for first: a fifth of the cost of ``_HIDDEN``, which
# tests each element against each of its conditions, on a page that hides nothing.
_MAY_HIDE = etree.XPath("boolean(.//@hidden | .//@aria-hidden)")
_HIDING_TAGS = ("template", "script", "style")


def visible_main_text(tree: Element) -> str:
    """The text of the page's <main>, hidden elements left out."""
    texts = []
    for main in tree.iter("main"):
        if _MAY_HIDE(main) or next(main.iter(*_HIDING_TAGS), None) is not None:
            main = copy.deepcopy(main)  # rare: the written tree stays as it is
            for hidden in _HIDDEN(main):
                remove(hidden)
        texts.append(text_of(main))
    return " ".join(texts)


def shows(main_text: str, text: str) -> bool:
    """Whether the text stands in ``main_text`` word for word, each run of whitespace (a
    no-break space too) in either taken as one space."""
    return _words(text).search(main_text) is not None


@functools.cache
def _words(text: str) -> re.Pattern[str]:
    # a search, not a comparison of the two texts with their whitespace collapsed:
    # collapsing a page's text costs four times more than searching it
    return re.compile(r"\s+".join(map(re.escape, text.split())))


def check(page: Page, context: Context) -> Findings:
    """The medical disclaimer inside <main> of a medical page (WRITTEN)."""
    if not page.is_medical:
        return Findings()
    if shows(page.main_text, context.config.disclaimer):
        return Findings(cell=passed(True))
    fault = Fault(
        f"the written page {page.path} does not show the medical disclaimer inside <main>",
        f'keep {{% include "partials/disclaimer.html" %}} inside <main> in the '
        f"theme template {page.template}.html, and MEDICAL_DISCLAIMER set",
        line=1,
    )
    return Findings([fault], cell=passed(False))


def safety_check(page: Page, context: Context) -> Findings:
    """The Important Safety Information inside <main> of the pages that show it (WRITTEN)."""
    if not page.shows_safety_information:
        return Findings()
    if shows(page.main_text, context.safety_heading):
        return Findings(cell=passed(True))
    fault = Fault(
        f"the written page {page.path} does not show the Important Safety Information",
        "keep {{ SAFETY_INFORMATION }} inside <main> in the theme template "
        f"{page.template}.html",
        line=1,
    )
    return Findings([fault], cell=passed(False))
