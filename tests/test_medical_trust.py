"""Review dates, sources, the safety information, regulatory claims, readability and the
compliance report: each with a page that passes and one that fails."""

import datetime
import json
import logging
import re

import pytest
from support import LABEL_URL, article_source, condition_source, fails, faq_source, text_of

from pelican.plugins.medical_content import labels
from pelican.plugins.medical_content.review import add_months

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

BOTOX = labels.load([labels.HERE])["botox"]


# --- review dates -----------------------------------------------------------------


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
    ],
)
def test_review_faults(fixture_site, caplog, metadata, expected):
    fixture_site.write("pages/conditions/cd.md", condition_source(**metadata))
    messages = fails(fixture_site, caplog)
    assert any(expected in m for m in messages), messages


# --- sources ----------------------------------------------------------------------


def test_sources_are_listed_on_the_page(fixture_site):
    """A page of the site is named by its file, as Pelican's {filename} links are, and
    printed under SITEURL (a sub-path included)."""
    fixture_site.write("articles/a.md", article_source(Slug="a"))
    fixture_site.write(
        "pages/conditions/cd.md",
        condition_source(
            Sources=f"[The label]({LABEL_URL})\n    [Our article]({{filename}}/articles/a.md)"
        ),
    )
    fixture_site.build(SITEURL="https://host.example/patients")
    section = fixture_site.page("/conditions/cd/").find(class_="sources")
    assert [(a.text, a["href"]) for a in section.find_all("a")] == [
        ("The label", LABEL_URL),
        ("Our article", "https://host.example/patients/articles/a/"),
    ]


@pytest.mark.parametrize(
    "source, expected",
    [
        (
            "[Our article](/articles/a/)",
            "cd.md:6: the source address '/articles/a/' starts at the domain's root, so it breaks "
            "when the site is served under a sub-path; name the page by its file: "
            "[Title]({filename}/articles/a.md)",
        ),
        (
            "[Our article](../articles/a/)",
            "cd.md:6: the source address '../articles/a/' is relative",
        ),
        (
            "[Our article]({filename}/articles/nowhere.md)",
            "cd.md:6: the source '{filename}/articles/nowhere.md' names a file that the site does "
            "not have",
        ),
    ],
)
def test_a_source_of_the_site_must_name_its_file(fixture_site, caplog, source, expected):
    fixture_site.write("articles/a.md", article_source(Slug="a"))
    fixture_site.write(
        "pages/conditions/cd.md",
        condition_source(Sources=f"[The label]({LABEL_URL})\n    {source}"),
    )
    messages = fails(fixture_site, caplog)
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize(
    "drop, metadata, expected",
    [
        (
            ["Sources"],
            {},
            "cd.md:1: a condition page needs the metadata 'Sources', and it is missing",
        ),
        (
            [],
            {"Sources": "[Another page](https://example.org/a)"},
            "cd.md:5: an approved use must cite the prescribing information, and it does not; add "
            f"[BOTOX US Prescribing Information]({BOTOX.url}) to Sources",
        ),
        (
            [],
            {"Sources": "the label, somewhere"},
            "cd.md:5: the source 'the label, somewhere' is not a Markdown link",
        ),
    ],
)
def test_source_faults(fixture_site, caplog, drop, metadata, expected):
    fixture_site.write("pages/conditions/cd.md", condition_source(drop=drop, **metadata))
    messages = fails(fixture_site, caplog)
    assert any(expected in m for m in messages), messages


def test_an_off_label_page_may_cite_other_sources(fixture_site):
    fixture_site.write(
        "pages/conditions/tth.md",
        condition_source(
            Condition="Tension headache",
            Regulatory_status="off-label",
            drop=["Indication"],
            Sources="[Another page](https://example.org/a)",
            body="## In short\n\nBotox is not FDA-approved for tension headache.",
        ),
    )
    fixture_site.build()
    assert "not FDA-approved" in text_of(fixture_site.page("/conditions/tth/").find("main"))


# --- important safety information -------------------------------------------------


@pytest.mark.parametrize(
    "write, url",
    [
        (lambda site: site.write("pages/conditions/cd.md", condition_source()), "/conditions/cd/"),
        (lambda site: site.write("pages/faq.md", faq_source(("Q?", "A."))), "/faq/"),
        (lambda site: site.write("articles/a.md", article_source(Slug="a")), "/articles/a/"),
    ],
)
def test_safety_information_is_shown_from_one_include(fixture_site, write, url):
    write(fixture_site)
    fixture_site.build()
    section = fixture_site.page(url).find("main").find(class_="safety")
    assert text_of(section.find("h3")) == "Warning: distant spread of toxin effect"


def test_a_condition_page_without_its_kind_line_keeps_every_safeguard(fixture_site, settings):
    """Its folder makes it a condition page (MEDICAL_KIND_PATHS): deleting 'Kind:' cannot
    publish it without its disclaimer, safety information and status box."""
    fixture_site.write("pages/conditions/cd.md", condition_source(drop=["Kind"]))
    fixture_site.build()
    main = fixture_site.page("/conditions/cd/").find("main")
    assert " ".join(settings["MEDICAL_DISCLAIMER"].split()) in " ".join(text_of(main).split())
    assert (
        text_of(main.find(class_="safety").find("h3")) == "Warning: distant spread of toxin effect"
    )
    assert "FDA-approved use" in text_of(main.find(class_="status"))


def test_one_edit_of_the_include_updates_every_page(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.write("pages/faq.md", faq_source(("Q?", "A.")))
    fixture_site.write(
        "includes/important-safety-information.md",
        "## Important safety information\n\nA new boxed warning text.\n",
    )
    fixture_site.build()
    for url in ("/conditions/cd/", "/faq/"):
        assert "A new boxed warning text." in text_of(fixture_site.page(url).find("main"))


def test_a_disclaimer_with_a_no_break_space_is_found_on_the_page(fixture_site):
    """The page and the setting are compared word for word, whatever spaces join them."""
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.build(
        MEDICAL_DISCLAIMER="General information, not medical advice. "
        "In an emergency, call\u00a0911."
    )
    main = text_of(fixture_site.page("/conditions/cd/").find("main"))
    assert "General information, not medical advice. In an emergency, call 911." in main


# --- regulatory claims ------------------------------------------------------------

SOURCE_PARAGRAPH = """\
Another significant benefit of Botox for chronic pain management is its versatility. \
Botox has been approved for the treatment of a variety of chronic pain conditions, including:

- Migraine headaches
- Tension headaches
- Cervical dystonia (neck muscle spasms)
- Chronic low back pain
- Temporomandibular joint (TMJ) disorders
- Overactive bladder
- Chronic limb spasticity
"""


def off_label_pages(site):
    for slug, name, alternates in [
        ("tension-headache", "Tension headache", "Tension-type headache"),
        ("chronic-low-back-pain", "Chronic low back pain", "Low back pain, Lower back pain"),
        ("tmj-disorders", "TMJ disorders", "Temporomandibular joint disorders, TMJ, TMD"),
    ]:
        site.write(
            f"pages/conditions/{slug}.md",
            condition_source(
                Condition=name,
                Alternate_name=alternates,
                Regulatory_status="off-label",
                drop=["Indication"],
                body=f"## In short\n\nBotox is not FDA-approved for {name}.",
            ),
        )


def test_the_source_articles_approved_list_fails_the_build(fixture_site, caplog):
    """The list's introduction calls "a variety of chronic pain conditions" approved:
    one message, at its line, with what the label does cover and where to read it."""
    off_label_pages(fixture_site)
    fixture_site.write("articles/a.md", article_source(SOURCE_PARAGRAPH))
    messages = fails(fixture_site, caplog)
    [claim] = [m for m in messages if "its label does not hold" in m]
    assert claim.startswith(
        "content/articles/a.md:8: says something is approved that its label does not hold: "
        "'Botox has been approved for the treatment of a variety of chronic pain conditions, "
        "including:' (approved for 'the treatment of a variety of chronic pain conditions, "
        "including'? not an indication on its label: the BOTOX label (revised "
    )
    assert BOTOX.url in claim and "Chronic migraine; Spasticity; Cervical dystonia" in claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Botox is not approved for tension headaches.",
        "Botox is approved for chronic migraine.",
        "Botox is approved for chronic migraine, but not for low back pain.",
    ],
)
def test_correct_sentences_pass(fixture_site, sentence):
    off_label_pages(fixture_site)
    fixture_site.write("articles/a.md", article_source(sentence))
    fixture_site.build()
    assert sentence in text_of(fixture_site.page("/articles/an-article/").find("main"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Botox is FDA-approved for tension headaches.",
        "Botox is indicated for TMJ disorders.",
    ],
)
def test_false_sentences_fail(fixture_site, caplog, sentence):
    off_label_pages(fixture_site)
    fixture_site.write("pages/faq.md", faq_source(("Is it approved?", sentence)))
    messages = fails(fixture_site, caplog)
    assert any(
        m.startswith(
            "content/pages/faq.md:11: says something is approved that its "
            f"label does not hold: {sentence!r}"
        )
        for m in messages
    ), messages


# --- readability ------------------------------------------------------------------


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


# --- compliance report ------------------------------------------------------------


def test_compliance_report_is_written_beside_the_output(fixture_site, capsys):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.write("pages/about.md", "Title: About\nKind: about\nSummary: S.\n\nHi.\n")
    fixture_site.build()
    report = json.loads((fixture_site.root / "compliance-report.json").read_text())
    assert not (fixture_site.output / "compliance-report.json").exists()
    rows = {row["page"]: row for row in report["pages"]}
    condition = rows["content/pages/conditions/cd.md"]
    assert condition["checks"] == {
        "disclaimer": "ok",
        "reviewed → due": "2025-01-31 → 2026-01-31",
        "sources": "1",
        "claims": "ok",
        "safety info": "ok",
        "JSON-LD": "ok",
        "FK grade / ease": condition["checks"]["FK grade / ease"],
        "label": f"BOTOX cervical-dystonia {BOTOX.revised}",
    }
    assert (
        condition["drug"],
        condition["indication"],
        condition["label_revision"],
        condition["label_checked"],
    ) == ("BOTOX", "cervical-dystonia", BOTOX.revision, BOTOX.checked.isoformat())
    assert condition["readability"]["flesch_kincaid_grade"] <= 8
    assert rows["content/pages/about.md"]["checks"]["disclaimer"] == "-"
    printed = capsys.readouterr().out
    assert "Compliance report (2025-06-01)" in printed and "conditions/cd.md" in printed


def test_a_big_sites_table_lists_only_the_failing_pages():
    from pelican.plugins.medical_content import compliance

    rows = [compliance.Row(f"content/pages/p{i}.md", f"/p{i}/", "about", False) for i in range(70)]
    rows[5].is_medical = True  # a medical page with no review and no sources
    text = compliance.table(rows, datetime.date(2025, 6, 1), path="report.json")
    assert "content/pages/p5.md" in text and "content/pages/p6.md" not in text
    assert text.endswith("... and 69 more pages that pass every check (all in report.json)")


# --- checks beside the build -------------------------------------------------------


def test_checks_in_a_worker_process_report_what_the_builds_own_process_reports(
    fixture_site, caplog
):
    """A big site checks its pages in a worker process: the same faults, lines and report."""
    off_label_pages(fixture_site)
    fixture_site.write("articles/a.md", article_source(SOURCE_PARAGRAPH))
    fixture_site.write("pages/conditions/cd.md", condition_source(body="## Overview\n\nText."))
    report = fixture_site.root / "compliance-report.json"
    in_process = fails(fixture_site, caplog, MEDICAL_CHECK_WORKERS=0)
    report_in_process = json.loads(report.read_text())
    caplog.clear()
    in_worker = fails(fixture_site, caplog, MEDICAL_CHECK_WORKERS=1)
    assert any(
        m.startswith(
            "content/articles/a.md:8: says something is approved that its label does not hold"
        )
        for m in in_worker
    ), in_worker
    assert any(
        m.startswith(
            "content/pages/conditions/cd.md:1: the page does not open with an 'In short' section"
        )
        for m in in_worker
    ), in_worker
    assert sorted(in_worker) == sorted(in_process)
    assert json.loads(report.read_text()) == report_in_process


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


def test_publishing_treats_an_overdue_review_as_an_error():
    from pelican.settings import read_settings
    from support import ROOT

    assert read_settings(str(ROOT / "publishconf.py"))["MEDICAL_OVERDUE_REVIEW"] == "error"
    assert (
        read_settings(str(ROOT / "pelicanconf.py")).get("MEDICAL_OVERDUE_REVIEW", "warning")
        == "warning"
    )


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

    from pelican.plugins.medical_content.readability import measure

    figures = measure(text)
    assert (figures.grade, figures.ease) == (
        round(library.flesch_kincaid_grade(text), 1),
        round(library.flesch_reading_ease(text), 1),
    )
