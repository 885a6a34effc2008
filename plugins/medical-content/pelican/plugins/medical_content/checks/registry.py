"""Every check of a page, in one table: its name, what it reads (``base.FACTS``,
``TEXT`` or ``WRITTEN``), its function, and its column of the compliance report, in the
manner of Pelican's ``METADATA_PROCESSORS``. Every function has one signature,
``(Page, Context) -> Findings`` (``base``); adding a check is one module and one line
here. The build runs the checks of what it has at each signal (``run``), and the
compliance report's columns are this table's, in its order."""

from collections.abc import Callable
from typing import NamedTuple

from . import (
    disclaimer,
    facts,
    fair_balance,
    html_policy,
    images,
    medical_subject,
    readability,
    site_paths,
    structured_data,
    wording,
)
from .base import FACTS, TEXT, WRITTEN, Context, Findings, Page


class Check(NamedTuple):
    reads: str  # FACTS, TEXT or WRITTEN
    run: Callable[[Page, Context], Findings]
    column: str = ""  # its column in the compliance report, if it has one


CHECKS: dict[str, Check] = {
    "title": Check(FACTS, facts.title_check),
    "summary length": Check(FACTS, facts.summary_length_check),
    "disclaimer": Check(WRITTEN, disclaimer.check, "disclaimer"),
    "review": Check(FACTS, facts.review_check, "reviewed → due"),
    "sources": Check(FACTS, facts.sources_check, "sources"),
    "claims": Check(WRITTEN, wording.claims_check, "claims"),
    "safety information": Check(WRITTEN, disclaimer.safety_check, "safety info"),
    "structured data": Check(WRITTEN, structured_data.check, "JSON-LD"),
    "readability": Check(TEXT, readability.check, "FK grade / ease"),
    "label": Check(FACTS, facts.label_check, "label"),
    "summary": Check(TEXT, readability.summary_check),
    "html": Check(TEXT, html_policy.check),
    "images": Check(TEXT, images.check),
    "wording": Check(TEXT, wording.check),
    "medical subject": Check(TEXT, medical_subject.check),
    "addresses": Check(TEXT, site_paths.check),
    "fair balance": Check(WRITTEN, fair_balance.check),
    "links": Check(WRITTEN, site_paths.links_check),
}


def columns() -> dict[str, str]:
    """{check's name: its column} of the checks that have one, in the table's order."""
    return {name: check.column for name, check in CHECKS.items() if check.column}


def run(reads: str, page: Page, context: Context) -> dict[str, Findings]:
    """What each check that reads ``reads`` found on the page, by its name."""
    return {
        name: check.run(page, context) for name, check in CHECKS.items() if check.reads == reads
    }
