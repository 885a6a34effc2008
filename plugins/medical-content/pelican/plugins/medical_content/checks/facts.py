"""The checks of what a page's header says it is (``page.model.Medical``, built from it
when every page is read): its title's length, its review and when the next is due, its
sources, the label its claims are judged by (FACTS)."""

from ..page import metadata, review
from ..registry.labels import Indication
from .base import FAIL, Context, Findings, Page


def title_check(page: Page, context: Context) -> Findings:
    config = context.config
    errors, warnings = metadata.title_length(
        {"title": page.title}, config.title_length, config.title_max_length
    )
    return Findings(errors, warnings)


def review_check(page: Page, context: Context) -> Findings:
    """Who reviewed a medical page and when the next review is due; overdue, an error
    where ``MEDICAL_OVERDUE_REVIEW`` says so (``make publish``), else a warning."""
    medical = page.facts
    if medical is None or medical.review is None:
        return Findings(cell=FAIL if page.is_medical else None)
    done, config = medical.review, context.config
    cell = f"{done.reviewed} → {done.next_review}"
    if done.stale and done.changed is not None:
        cell += f" CHANGED {done.changed.day}"
    if not done.overdue(config.today):
        return Findings(cell=cell)
    late = [review.overdue_fault(done)]
    cell += " OVERDUE"
    return Findings(late, cell=cell) if config.overdue_is_error else Findings([], late, cell)


def sources_check(page: Page, context: Context) -> Findings:
    count = len(page.facts.sources) if page.facts is not None else 0
    if count:
        return Findings(cell=str(count))
    return Findings(cell=FAIL if page.is_medical else None)


def label_check(page: Page, context: Context) -> Findings:
    """The label a medical page's claims are judged by, and a condition's indication."""
    medical = page.facts
    if medical is None or not page.is_medical:
        return Findings()
    label = medical.label
    indication = ""
    if medical.regulatory is not None:
        found = medical.regulatory.indication
        indication = found.id if isinstance(found, Indication) else "off-label"
    return Findings(cell=" ".join(p for p in (label.brand, indication, label.revised) if p))
