"""The raw-HTML policy on a table's parts: HTML parsers drop them outside a table, and
HTML implies a <tbody> that a writer need not type."""

import pytest

from pelican.plugins.medical_content.checks import html_policy
from pelican.plugins.medical_content.core.html_text import fragment


def refused(html: str) -> list[str]:
    return [fault.what for fault in html_policy.refused_html(html, fragment(html))]


@pytest.mark.parametrize(
    "html",
    [
        "<table><tr><td>a</td></tr></table>",
        "<table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>A</th></tr></thead>"
        "<tbody><tr><td>a</td></tr></tbody></table>",
    ],
)
def test_a_plain_raw_html_table_is_allowed(html: str) -> None:
    assert refused(html) == []


@pytest.mark.parametrize(
    "html, tag",
    [
        ("<table><tr><td onclick='y'>a</td></tr></table>", "td"),
        ("<table><tbody onclick='z'><tr><td>a</td></tr></tbody></table>", "tbody"),
        ("<table><tr onclick='z'><td>a</td></tr></table>", "tr"),
    ],
)
def test_an_event_handler_on_a_tables_part_is_named_alone(html: str, tag: str) -> None:
    assert refused(html) == [
        f"the inline event handler onclick= on <{tag}> is not allowed: "
        "pages may not run code of their own"
    ]


def test_a_table_beside_refused_html_adds_no_message_of_its_own() -> None:
    html = (
        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>a</td></tr></tbody>"
        "</table><p onclick='x'>b</p>"
    )
    assert refused(html) == [
        "the inline event handler onclick= on <p> is not allowed: pages "
        "may not run code of their own"
    ]
