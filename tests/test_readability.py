"""Readability: a condition page opens with a plain 'In short' summary, and a summary that
reads above grade 8 fails the build; the figures reported are textstat's."""

import re

import pytest
from support import condition_source, fails

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


def test_condition_page_must_open_with_a_plain_summary(fixture_site, caplog):
    fixture_site.write("pages/conditions/cd.md", condition_source(body="## Overview\n\nText."))
    messages = fails(fixture_site, caplog)
    assert (
        "content/pages/conditions/cd.md:1: the page does not open with an 'In short' "
        "section; start the text with '## In short' and two to four short, plain "
        "sentences" in messages
    )


def test_a_hard_summary_fails(fixture_site, caplog):
    hard = (
        "Onabotulinumtoxin administration necessitates individualized consideration "
        "of contraindications, concomitant neuromuscular pathophysiology and "
        "pharmacological interactions characterizing therapeutic appropriateness."
    )
    fixture_site.write("pages/conditions/cd.md", condition_source(body=f"## In short\n\n{hard}"))
    messages = fails(fixture_site, caplog)
    assert any(
        re.match(
            r"content/pages/conditions/cd\.md:\d+: the 'In short' section reads "
            r"at grade [\d.]+, above the target of 8; use shorter sentences",
            m,
        )
        for m in messages
    ), messages


@pytest.mark.parametrize(
    "text",
    [
        "Chronic migraine means you have headaches on 15 or more days a month.",
        "Onabotulinumtoxin administration necessitates individualized consideration. Ask.",
        "The effects of Botox for chronic pain management typically begin to emerge within "
        "3-7 days after the injection, with the full benefits becoming apparent within 2-4 weeks.",
    ],
)
def test_readability_figures_are_textstats(text):
    import textstat as library

    from pelican.plugins.medical_content.checks.readability import measure

    figures = measure(text)
    assert (figures.grade, figures.ease) == (
        round(library.flesch_kincaid_grade(text), 1),
        round(library.flesch_reading_ease(text), 1),
    )
