"""Each broken page fails the build with a message that names the file and line, says
what is wrong and how to fix it; every problem of a build is reported at once. (The
corpus, tests/corpus/ of the repository, holds the bad inputs of the site's own build.)"""

import pytest

from pelican.plugins.medical_content.tests.support import (
    FixtureSite,
    article_source,
    condition_source,
    fails,
    faq_source,
)


def test_faq_page_without_questions(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture
) -> None:
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
def test_condition_page_missing_metadata(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture, missing: str
) -> None:
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


def test_unknown_regulatory_status(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture
) -> None:
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
def test_a_page_cannot_make_itself_approved(
    fixture_site: FixtureSite,
    caplog: pytest.LogCaptureFixture,
    metadata: dict[str, str],
    expected: list[str],
) -> None:
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


# tests/corpus/impossible-date and unparsable-date hold a leap day and words
@pytest.mark.parametrize("date", ["2024-13-01"])
def test_unparsable_date_names_file_and_line(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture, date: str
) -> None:
    fixture_site.write("articles/a.md", article_source(Date=date))
    messages = fails(fixture_site, caplog)
    assert (
        f"content/articles/a.md:1: Date '{date}' is not a valid date; write a real "
        "calendar date as YYYY-MM-DD, for example 2024-11-08 (year, month, day: other "
        "orders are ambiguous)" in messages
    ), messages


def test_article_missing_summary(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture
) -> None:
    fixture_site.write("articles/a.md", article_source(drop=["Summary"]))
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith(
            "content/articles/a.md:1: an article needs the metadata "
            "'Summary', and it is missing; add a line 'Summary: "
        )
        for m in messages
    ), messages


def test_every_problem_is_reported_in_one_build(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture
) -> None:
    fixture_site.write("pages/faq.md", faq_source(("Q?", ""), ("Q?", "A.")))
    fixture_site.write("pages/conditions/cd.md", condition_source(drop=["Condition"]))
    fixture_site.write("articles/a.md", article_source(Date="2024-02-30"))
    messages = fails(fixture_site, caplog)
    assert {m.split(":")[0] for m in messages if m.startswith("content/")} == {
        "content/pages/faq.md",
        "content/pages/conditions/cd.md",
        "content/articles/a.md",
    }
