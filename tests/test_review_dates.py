"""Review dates: a page shows who reviewed it and when its next review is due, a date
its page may set; an overdue review warns while a writer works and fails a publish, which
publishconf.py sets; a review dated in the future, or a next review not after the last,
fails the build."""

import datetime
import logging

import pytest
from support import condition_source, fails, faq_source, text_of

from pelican.plugins.medical_content.core.dates import add_months

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


def test_page_shows_who_reviewed_it_and_when_the_next_review_is_due(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2025-01-31"))
    fixture_site.build()
    main = fixture_site.page("/conditions/cd/").find("main")
    reviewed_by = " ".join(main.find(class_="reviewed-by").get_text().split())
    assert reviewed_by == "Medically reviewed by Dr. Test Reviewer, MD on 31 January 2025."
    assert "Page last reviewed: 31 January 2025 Next review due: 31 January 2026" in text_of(main)


def test_next_review_can_be_set_by_the_page(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source(Next_review="2025-07-01"))
    fixture_site.build()
    assert "Next review due: 1 July 2025" in text_of(fixture_site.page("/conditions/cd/"))


@pytest.mark.parametrize(
    "day, months, expected",
    [
        ("2025-01-31", 12, "2026-01-31"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2025-11-30", 3, "2026-02-28"),
        ("2025-06-15", 18, "2026-12-15"),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(datetime.date.fromisoformat(day), months).isoformat() == expected


def test_overdue_review_warns_while_writing(fixture_site, caplog):
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2024-01-10"))
    caplog.set_level(logging.WARNING)
    fixture_site.build()  # builds: a warning only
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        "content/pages/conditions/cd.md:3: the page's review was due on 2025-01-10 (last "
        "reviewed 2024-01-10); have the page reviewed, then update 'Reviewed:' (and "
        "'Next_review:' if set)" in warnings
    )


def test_overdue_review_fails_a_publish(fixture_site, caplog):
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2024-01-10"))
    fixture_site.write("pages/faq.md", faq_source(("Q?", "A."), Reviewed="2024-02-10"))
    messages = fails(fixture_site, caplog, MEDICAL_OVERDUE_REVIEW="error")
    assert any(
        m.startswith("content/pages/conditions/cd.md:3: the page's review was due")
        for m in messages
    )
    assert any(
        m.startswith("content/pages/faq.md:3: the page's review was due on 2025-02-10")
        for m in messages
    )


def test_the_clock_is_injectable(fixture_site, caplog):
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2024-01-10"))
    fixture_site.build(MEDICAL_OVERDUE_REVIEW="error", MEDICAL_TODAY="2024-06-01")
    assert fixture_site.page("/conditions/cd/").find("main") is not None


@pytest.mark.parametrize(
    "metadata, expected",
    [
        ({"Reviewed": "2025-12-01"}, "cd.md:3: Reviewed 2025-12-01 is in the future;"),
        ({"Next_review": "2025-01-01"}, "cd.md:11: Next_review 2025-01-01 is not after Reviewed"),
        # a page cannot put its next review off past the interval (issue 29)
        (
            {"Next_review": "2099-01-01"},
            "cd.md:11: Next_review 2099-01-01 is more than 12 months after Reviewed 2025-01-31",
        ),
    ],
)
def test_review_faults(fixture_site, caplog, metadata, expected):
    fixture_site.write("pages/conditions/cd.md", condition_source(**metadata))
    messages = fails(fixture_site, caplog)
    assert any(expected in m for m in messages), messages


def test_publishing_treats_an_overdue_review_as_an_error():
    from pelican.settings import read_settings
    from support import ROOT

    assert read_settings(str(ROOT / "publishconf.py"))["MEDICAL_OVERDUE_REVIEW"] == "error"
    assert (
        read_settings(str(ROOT / "pelicanconf.py")).get("MEDICAL_OVERDUE_REVIEW", "warning")
        == "warning"
    )
