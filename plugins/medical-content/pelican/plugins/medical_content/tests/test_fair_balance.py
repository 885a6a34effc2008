"""Fair balance on a written page, as a reader meets it in document order: the gravest
risk's summary before any call to action."""

import re
import types

import pytest
from lxml import etree

from pelican.plugins.medical_content.checks import fair_balance

SUMMARY = "Spread of toxin effect can be serious."
CONFIG = types.SimpleNamespace(
    safety_summary=SUMMARY, call_to_action=re.compile(r"\bbook\b", re.IGNORECASE)
)
ASIDE = f'<aside><p>{SUMMARY} <a href="#safety-information">Read more</a>.</p></aside>'
BOOK = '<p><a href="/book/">Book a visit</a></p>'


def faults(main: str) -> list[str]:
    tree = etree.fromstring(f"<html><body><main>{main}</main></body></html>", etree.HTMLParser())
    found = fair_balance.faults(tree.find(".//main"), CONFIG, "page.html", "page")  # type: ignore[arg-type]
    return [fault.what for fault in found]


@pytest.mark.parametrize(
    "main",
    [
        ASIDE + BOOK,
        ASIDE,
        f'<aside><p>{SUMMARY} <a href="#safety-information">Book after reading</a></p></aside>',
        '<nav><a href="/">Home</a></nav>' + ASIDE + "<div>" + BOOK + "</div>",
    ],
)
def test_a_call_to_action_after_the_summary_is_fair(main: str) -> None:
    assert faults(main) == []


@pytest.mark.parametrize(
    "main", [BOOK + ASIDE, f"<div>{BOOK}<div>{ASIDE}</div></div>", f"<nav>{BOOK}</nav>{ASIDE}"]
)
def test_a_call_to_action_before_the_summary_is_refused(main: str) -> None:
    assert faults(main) == [
        "the call to action 'Book a visit' comes before the safety summary: a reader must "
        "meet the gravest risk before being asked to book"
    ]
