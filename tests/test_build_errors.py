"""Each broken source fails the build with a message that names the file (and line),
says what is wrong and how to fix it; every problem of a build is reported at once."""

import logging
import re

import pytest
from support import article_source, condition_source, fails, faq_source

from pelican.plugins.medical_content.problems import SettingsError


def test_faq_page_without_questions(fixture_site, caplog):
    fixture_site.write("pages/faq.md", faq_source().replace("\n\n\n", "\n\nJust text.\n"))
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith(
            "content/pages/faq.md:1: this FAQ page has no questions; write "
            "each question as a level-2 heading"
        )
        for m in messages
    ), messages


@pytest.mark.parametrize("missing", ["Condition", "Summary"])
def test_condition_page_missing_metadata(fixture_site, caplog, missing):
    fixture_site.write("pages/conditions/cd.md", condition_source(drop=[missing]))
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith(
            f"content/pages/conditions/cd.md:1: a condition page needs the "
            f"metadata '{missing}', and it is missing; add a line "
            f"'{missing}: "
        )
        for m in messages
    ), messages


def test_unknown_regulatory_status(fixture_site, caplog):
    fixture_site.write("pages/conditions/cd.md", condition_source(Regulatory_status="licensed"))
    messages = fails(fixture_site, caplog)
    assert any(
        "cd.md:9: Regulatory_status 'licensed' is not one of the allowed values; write "
        "'approved' or 'off-label'" in m
        for m in messages
    ), messages


@pytest.mark.parametrize(
    "metadata, expected",
    [
        (
            {"Condition": "TMJ disorders"},  # says approved, with an Indication
            [
                "cd.md:9: Regulatory_status says 'approved', but the BOTOX label (revised ",
                "has no indication for 'TMJ disorders'; delete the Regulatory_status line",
                "cd.md:10: Indication is given, but the BOTOX label (revised ",
            ],
        ),
        (
            {"Regulatory_status": "off-label", "Indication": ""},
            [
                "cd.md:9: Regulatory_status says 'off-label', but the BOTOX label (revised ",
                "holds 'Cervical dystonia' as an approved use",
            ],
        ),
        (
            {"Condition": "Tension headache", "Regulatory_status": "off-label"},
            [
                "cd.md:10: Indication is given, but the BOTOX label (revised ",
                "has no indication for 'Tension headache': an off-label use has none",
            ],
        ),
    ],
)
def test_a_page_cannot_make_itself_approved(fixture_site, caplog, metadata, expected):
    """Whether a use is approved is the label registry's to say, not the page's."""
    fixture_site.write(
        "pages/conditions/cd.md",
        condition_source(
            drop=[k for k, v in metadata.items() if not v],
            **{k: v for k, v in metadata.items() if v},
        ),
    )
    said = " | ".join(fails(fixture_site, caplog))
    for part in expected:
        assert part in said, said


def test_an_approved_page_without_its_own_indication_shows_the_labels(fixture_site):
    fixture_site.write(
        "pages/conditions/cd.md", condition_source(drop=["Indication", "Regulatory_status"])
    )
    fixture_site.build()
    status = fixture_site.page("/conditions/cd/").find(class_="status")
    assert "FDA-approved use." in status.get_text()
    assert "cervical dystonia" in status.get_text().lower()


# tests/corpus/impossible-date and unparsable-date hold a leap day and words
@pytest.mark.parametrize("date", ["2024-13-01"])
def test_unparsable_date_names_file_and_line(fixture_site, caplog, date):
    fixture_site.write("articles/a.md", article_source(Date=date))
    messages = fails(fixture_site, caplog)
    assert (
        f"content/articles/a.md:1: Date '{date}' is not a valid date; write a real "
        "calendar date as YYYY-MM-DD, for example 2024-11-08 (year, month, day: other "
        "orders are ambiguous)" in messages
    ), messages


def test_article_missing_summary(fixture_site, caplog):
    fixture_site.write("articles/a.md", article_source(drop=["Summary"]))
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith(
            "content/articles/a.md:1: an article needs the metadata "
            "'Summary', and it is missing; add a line 'Summary: "
        )
        for m in messages
    ), messages


def test_every_problem_is_reported_in_one_build(fixture_site, caplog):
    fixture_site.write("pages/faq.md", faq_source(("Q?", ""), ("Q?", "A.")))
    fixture_site.write("pages/conditions/cd.md", condition_source(drop=["Condition"]))
    fixture_site.write("articles/a.md", article_source(Date="2024-02-30"))
    messages = fails(fixture_site, caplog)
    assert {m.split(":")[0] for m in messages if m.startswith("content/")} == {
        "content/pages/faq.md",
        "content/pages/conditions/cd.md",
        "content/articles/a.md",
    }


def test_medical_page_whose_template_drops_the_disclaimer(fixture_site, caplog):
    theme = fixture_site.copy_theme()
    condition_template = theme / "templates" / "content.html"  # condition.html extends it
    text = condition_template.read_text()
    assert "partials/disclaimer.html" in text
    condition_template.write_text(re.sub(r"{%[^%]*partials/disclaimer\.html[^%]*%}", "", text))
    fixture_site.write("pages/conditions/cd.md", condition_source())
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith("content/pages/conditions/cd.md:1: the written page ")
        and "does not show the medical disclaimer inside <main>" in m
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
            "plugins/medical-content/pelican/plugins/medical_content/labels/botox.toml:1: "
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
