"""A page title that search results and browser tabs would cut warns at its line; one
past the maximum is an error (tests/corpus/title-too-long). The <title> keeps the site's
name only where it fits."""

import logging

from support import read_page

TITLE_75 = "Botox for chronic pain in the neck and shoulders: what patients should know"


def test_a_title_past_the_limit_warns_with_its_line_and_builds(fixture_site, caplog):
    fixture_site.write("pages/neck.md", f"Summary: A page.\nTitle: {TITLE_75}\n\nText.\n")
    caplog.set_level(logging.WARNING)
    fixture_site.build()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        "content/pages/neck.md:2: the title is 75 characters long, more than 70: search "
        "results and browser tabs will cut it; shorten it to 70 characters or fewer "
        "(a Breadcrumb: line does not shorten the title)" in warnings
    ), warnings
    assert read_page(fixture_site.output, "/neck/").title.string == TITLE_75


def test_the_limit_is_a_setting(fixture_site, caplog):
    fixture_site.write("pages/neck.md", f"Title: {TITLE_75}\nSummary: A page.\n\nText.\n")
    caplog.set_level(logging.WARNING)
    fixture_site.build(MEDICAL_TITLE_LENGTH=80)
    assert not [r for r in caplog.records if "characters long" in r.getMessage()]


def test_a_short_title_keeps_the_sites_name(fixture_site):
    fixture_site.write("pages/neck.md", "Title: Neck pain\nSummary: A page.\n\nText.\n")
    fixture_site.build()
    assert (
        read_page(fixture_site.output, "/neck/").title.string == "Neck pain · Example Pain Clinic"
    )
