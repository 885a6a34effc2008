"""Small sites built with the site's settings and theme: what the theme shows of a page,
and the broken themes, settings and labels that stop the build with the file, what is
wrong and how to fix it (the plugin's own tests hold the broken pages: test_page_errors)."""

import logging
import re

import pytest
from support import condition_source, fails

from pelican.plugins.medical_content.core.problems import SettingsError


def test_an_approved_page_without_its_own_indication_shows_the_labels(fixture_site):
    """The label's own words, where they were read in the label (overactive bladder);
    where they were read only in a copy (cervical dystonia), the use as the page names
    it, not words the label may not hold."""
    fixture_site.write(
        "pages/conditions/oab.md",
        condition_source(Condition="Overactive bladder", drop=["Indication", "Regulatory_status"]),
    )
    fixture_site.write(
        "pages/conditions/cd.md", condition_source(drop=["Indication", "Regulatory_status"])
    )
    fixture_site.build()
    oab = fixture_site.page("/conditions/oab/").find(class_="status").get_text()
    assert "FDA-approved use." in oab
    assert "inadequate response to or are intolerant of an anticholinergic" in oab
    cd = fixture_site.page("/conditions/cd/").find(class_="status").get_text()
    assert "FDA-approved use." in cd and "is FDA-approved for cervical dystonia" in cd
    assert "abnormal head position" not in cd  # the label's words, read only in a copy


@pytest.mark.parametrize(
    ("template", "include", "message"),
    [
        (
            "content.html",  # condition.html extends it
            r"{%[^%]*partials/disclaimer\.html[^%]*%}",
            "does not show the medical disclaimer inside <main>",
        ),
        (
            "partials/medical_footer.html",
            r"{{ SAFETY_INFORMATION }}",
            "does not show the Important Safety Information",
        ),
    ],
)
def test_a_template_that_drops_a_safeguard_fails(fixture_site, caplog, template, include, message):
    path = fixture_site.copy_theme() / "templates" / template
    text = path.read_text()
    assert re.search(include, text)
    path.write_text(re.sub(include, "", text))
    fixture_site.write("pages/conditions/cd.md", condition_source())
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith("content/pages/conditions/cd.md:1: the written page ") and message in m
        for m in messages
    ), messages


def test_disclaimer_hidden_from_readers_does_not_count(fixture_site, caplog):
    theme = fixture_site.copy_theme()
    partial = theme / "templates" / "partials" / "disclaimer.html"
    partial.write_text(f"<div hidden>{partial.read_text()}</div>")
    fixture_site.write("pages/conditions/cd.md", condition_source())
    messages = fails(fixture_site, caplog)
    assert any("does not show the medical disclaimer" in m for m in messages)


def test_page_of_a_non_medical_kind_needs_no_disclaimer(fixture_site):
    fixture_site.write("pages/about.md", "Title: About\nKind: about\nSummary: S.\n\nHi.\n")
    fixture_site.build()
    assert "Medical disclaimer" not in fixture_site.page("/about/").get_text()


def test_unknown_kind(fixture_site, caplog):
    fixture_site.write("pages/x.md", "Title: X\nKind: conditon\nSummary: S.\n\nHi.\n")
    messages = fails(fixture_site, caplog)
    assert (
        "content/pages/x.md:2: Kind 'conditon' has no template in the theme; use a "
        "kind the theme has a template for, or add templates/conditon.html to the "
        "theme" in messages
    )


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"MEDICAL_KIND": ["faq"]}, "unknown setting MEDICAL_KIND;"),
        (
            {"MEDICAL_KINDS": "faq"},
            "setting MEDICAL_KINDS must be a list of strings, for "
            "example ['article', 'faq', 'condition'], got 'faq'",
        ),
        (
            {"MEDICAL_DISCLAIMER": " "},
            "setting MEDICAL_DISCLAIMER must be a non-empty string, got ' '",
        ),
        (
            {"MEDICAL_FAQ_HEADING": "h7"},
            "setting MEDICAL_FAQ_HEADING must be one of 'h1', 'h2', "
            "'h3', 'h4', 'h5', 'h6', got 'h7'",
        ),
        (
            {"MEDICAL_TODAY": "yesterday"},
            "setting MEDICAL_TODAY must be None or a date written YYYY-MM-DD, got 'yesterday'",
        ),
        (
            {"MEDICAL_OVERDUE_REVIEW": "fatal"},
            "setting MEDICAL_OVERDUE_REVIEW must be one of 'warning', 'error', got 'fatal'",
        ),
        ({"MEDICAL_REVIEWERS_FILE": "nobody.toml"}, "setting MEDICAL_REVIEWERS_FILE: the file "),
        (
            {"MEDICAL_KINDS": ["article", "faq", "conditon"]},
            "setting MEDICAL_KINDS names the kind 'conditon', but the theme has no template "
            "conditon.html; check the spelling (the theme's kinds: about, article, condition, "
            "conditions, faq, home, search)",
        ),
        (
            {"MEDICAL_CHECK_WORKERS": "two"},
            'setting MEDICAL_CHECK_WORKERS must be "auto" or a '
            "whole number of processes (0: none), got 'two'",
        ),
    ],
)
def test_bad_settings_stop_the_build_at_start(fixture_site, overrides, expected):
    with pytest.raises(SettingsError, match=re.escape(expected)):
        fixture_site.build(**overrides)
    assert not fixture_site.output.exists()


def test_a_theme_file_that_is_missing_stops_the_build_at_start(fixture_site):
    theme = fixture_site.copy_theme()
    (theme / "templates" / "partials" / "disclaimer.html").unlink()
    fixture_site.write("pages/conditions/cd.md", condition_source())
    with pytest.raises(
        SettingsError,
        match=re.escape(
            "templates/content.html: uses the template partials/disclaimer.html, which the "
            "theme does not have; restore "
        ),
    ):
        fixture_site.build()
    assert not fixture_site.output.exists()


def test_a_template_syntax_error_names_the_file_and_line(fixture_site):
    theme = fixture_site.copy_theme()
    about = theme / "templates" / "about.html"
    about.write_text(about.read_text() + "\n{% if %}\n")
    lines = about.read_text().count("\n")
    with pytest.raises(
        SettingsError, match=re.escape(f"templates/about.html:{lines}: template syntax error: ")
    ):
        fixture_site.build()


def test_a_label_not_checked_for_a_year_warns_while_writing_and_fails_a_publish(
    fixture_site, caplog
):
    """The registry's labels go stale: a person must compare each with the current
    prescribing information at least every MEDICAL_LABEL_CHECK_MONTHS."""
    fixture_site.write("pages/about.md", "Title: About\nKind: about\nSummary: S.\n\nHi.\n")
    late = {"MEDICAL_TODAY": "2031-01-01", "MEDICAL_LABEL_CHECK_MONTHS": 12}
    caplog.set_level(logging.WARNING)
    fixture_site.build(**late)
    stale = [r.getMessage() for r in caplog.records if "was last checked on" in r.getMessage()]
    assert any(
        m.startswith(
            "plugins/medical-content/pelican/plugins/medical_content/registry/labels/botox.toml:1: "
            "the BOTOX label was "
            "last checked on "
        )
        for m in stale
    ), stale
    assert {r.levelname for r in caplog.records if "was last checked on" in r.getMessage()} == {
        "WARNING"
    }
    caplog.clear()
    messages = fails(fixture_site, caplog, MEDICAL_OVERDUE_REVIEW="error", **late)
    assert any("botox.toml:1: the BOTOX label was last checked on" in m for m in messages)
