"""A template that breaks a written page's structured data, by writing it twice, leaving
a reference with no node or printing JSON that does not parse, fails the build at the
page's first line, and says to report it to the site's developers."""

import pytest
from support import condition_source, fails

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


def test_a_template_that_writes_the_structured_data_twice_fails(fixture_site, caplog):
    theme = fixture_site.copy_theme()
    partial = theme / "templates" / "partials" / "structured_data.html"
    partial.write_text(partial.read_text() * 2)
    fixture_site.write("pages/conditions/cd.md", condition_source())
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith("content/pages/conditions/cd.md:1: the written page ")
        and m.endswith(
            "has invalid structured data: 2 JSON-LD scripts, expected 1; "
            "report this to the site's developers"
        )
        for m in messages
    ), messages


@pytest.mark.parametrize(
    "written, problem",
    [
        (
            '{"@graph":[{"@id":"#page","about":{"@id":"#drug"},"isPartOf":{"@id":"#site"}},'
            '{"@id":"#site","publisher":{"@id":"#drug"}}]}',
            "@id references with no node: #drug; ",
        ),  # each named once
        ('{"@graph":[{"@id":"#page"}', "the JSON does not parse ("),
    ],
)
def test_structured_data_that_a_template_breaks_fails(fixture_site, caplog, written, problem):
    theme = fixture_site.copy_theme()
    partial = theme / "templates" / "partials" / "structured_data.html"
    partial.write_text(f'<script type="application/ld+json">{written}</script>')
    fixture_site.write("pages/conditions/cd.md", condition_source())
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith("content/pages/conditions/cd.md:1: the written page ")
        and f"has invalid structured data: {problem}" in m
        for m in messages
    ), messages
