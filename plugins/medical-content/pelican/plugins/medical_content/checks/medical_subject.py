"""A page is medical by what it says as well as by where it is. A plain page (of no
medical kind) whose reader's view names a product, ingredient or class of the label
registry together with a dose, an injection, side effects or a use a label names would
publish without the disclaimer, the safety information and a medical review: it is
refused at the sentence that says so, with the two ways out. The pages that may name
the product in passing (the home page, "about", search) are listed in the settings
(``MEDICAL_PLAIN_PAGES``): the list is explicit, never inferred from a page's name.

What the page names comes from the registry (``judges.approvals.Judge``'s names, classes
and indications); what else makes a text about a treatment is ``ABOUT_TREATMENT``."""

import fnmatch
import re
from collections.abc import Iterator

from ..core.problems import Fault
from ..core.prose import LEAVES, own_text, sentences
from ..judges.approvals import Judge
from ..page.view import View
from ..settings.config import Config
from .base import Context, Findings, Page

# Besides a use a label names: a dose ("100 units", "100 to 200 U"), an injection, and
# side effects: what a patient acts on.
ABOUT_TREATMENT = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:(?:-|\u2013|to)\s*\d+(?:[.,]\d+)?\s*)?(?:units?|U|mg|mL)\b"
    r"|\b(?:inject(?:s|ed|ing|ions?)?|shots?|needles?|dos(?:e|es|age|ing)"
    r"|side[\s-]+effects?|adverse\s+(?:effects?|events?|reactions?))\b",
    re.IGNORECASE,
)


def check(page: Page, context: Context) -> Findings:
    """A plain page that is about the treatment (TEXT)."""
    config = context.config
    if page.view is None or page.is_medical or listed(page.source, config.plain_pages):
        return Findings()
    judge = context.judge
    texts = list(_texts(page.view))
    product = next((name for text in texts if (name := _product(text, judge))), "")
    if not product:
        return Findings()
    for sentence in (s for text in texts for s in sentences(text)):
        detail = _detail(sentence, judge)
        if detail:
            return Findings([_fault(product, detail, sentence, page.source, config)])
    return Findings()


def listed(source: str, patterns: tuple[str, ...]) -> bool:
    """Whether the source (relative to the content folder) is one of the plain pages."""
    return any(fnmatch.fnmatchcase(source, pattern) for pattern in patterns)


def _texts(view: View) -> Iterator[str]:
    for element in view.root.iter(*LEAVES):
        yield own_text(element)
    for piece in view.pieces:
        yield piece.text


def _product(text: str, judge: Judge) -> str:
    """The first product, ingredient or class of the registry the text names, or ""."""
    found = judge.patterns.names.search(text)
    if found:
        return found.group()
    for every in judge.patterns.classes:
        found = every.pattern.search(text)
        if found:
            return found.group()
    return ""


def _detail(sentence: str, judge: Judge) -> str:
    """What in the sentence is about a treatment: a dose, an injection, side effects, or
    a use one of the registry's labels names; "" if nothing."""
    found = ABOUT_TREATMENT.search(sentence)
    if found:
        return found.group()
    for product in judge.patterns.products:
        found = judge.patterns.indications(product).search(sentence)
        if found:
            return found.group()
    return ""


def _fault(product: str, detail: str, sentence: str, source: str, config: Config) -> Fault:
    kinds = " or ".join(f"'Kind: {kind}'" for kind in sorted(config.kinds))
    return Fault(
        f"this plain page names {product!r} with {detail!r}: a page about the treatment "
        "must show the disclaimer, the safety information and a medical review, and a "
        "plain page shows none of them",
        f"make it a medical page ({kinds}, with its review and sources) or move it into "
        "the folder of its kind; if it only names the product in passing, list "
        f"{source!r} in MEDICAL_PLAIN_PAGES",
        text=sentence,
    )
