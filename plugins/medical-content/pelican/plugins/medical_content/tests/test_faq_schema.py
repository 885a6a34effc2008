"""The FAQPage JSON-LD says exactly what the page shows, and stays valid and inside its
<script> element whatever the writer typed."""

import json

import pytest

from pelican.plugins.medical_content.core.html_text import fragment
from pelican.plugins.medical_content.outputs.structured_data import script_json
from pelican.plugins.medical_content.page import faq
from pelican.plugins.medical_content.tests.support import (
    FixtureSite,
    article_source,
    faq_node,
    faq_source,
    first,
    visible_faq,
)

HOSTILE = [
    ("Can an answer end the script?", "</script><script>alert(1)</script>"),
    ("And open a comment?", "Text with <!-- a comment opener and --> a closer."),
    ('What about "quotes" and \\backslashes\\?', 'It\'s "fine" \\ really.'),
    ("Ça marche en français ?", "Oui : « toxine botulique », 3–7 jours, µg, 😀."),
    ("And CDATA?", "Ends with ]]> and </SCRIPT >."),
]


def test_hostile_answers_yield_valid_json_ld_and_no_extra_script(
    fixture_site: FixtureSite,
) -> None:
    # Raw HTML in Markdown is kept by the reader, so the </script> answer is written as
    # text through Markdown's escaping: "&lt;/script&gt;" in HTML, "</script>" to a reader.
    fixture_site.write(
        "pages/faq.md", faq_source(*[(q, a.replace("<", "&lt;")) for q, a in HOSTILE])
    )
    fixture_site.build()
    soup = fixture_site.page("/faq/")
    scripts = soup.find_all("script")
    assert len(scripts) == 1, [str(s)[:80] for s in scripts]
    got = [
        (q["name"], q["acceptedAnswer"]["text"]) for q in faq_node(scripts[0].string)["mainEntity"]
    ]
    assert got == [(" ".join(q.split()), " ".join(a.split())) for q, a in HOSTILE]
    assert got == visible_faq(soup)


@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "<!--",
        "-->",
        "</SCRIPT",
        "a & b",
        "\u2028\u2029",
        "\x00 nul",
        '"quoted"',
        "emoji 😀 and RTL שלום",
    ],
)
def test_script_json_round_trips_and_hides_markup(text: str) -> None:
    written = script_json({"text": text})
    assert json.loads(written) == {"text": text}
    for dangerous in ("<", ">", "\u2028", "\u2029", "\x00"):
        assert dangerous not in written


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            "<h2>Q1?</h2><p>A1.</p><h2>Q2?</h2><p>A2a.</p><ul><li>x</li></ul><p>A2b.</p>",
            [("Q1?", "A1."), ("Q2?", "A2a. x A2b.")],
        ),
        (
            "<p>Intro is not an answer.</p><h2>Q?</h2><p>A  with\n  spaces.</p>",
            [("Q?", "A with spaces.")],
        ),
        ("<h2>Q?</h2><p>A.</p><h3>Sub</h3><p>More.</p>", [("Q?", "A. Sub More.")]),
        ("<h2>Q <em>emph</em>?</h2><p>A <a href='/x/'>link</a>.</p>", [("Q emph?", "A link.")]),
        # text after a block (a raw HTML tail) is read by the same whitespace rule as blocks
        (
            "<h2>Q?</h2><p>One\u00a0two.</p>Three\u00a0 four.",
            [("Q?", "One\u00a0two. Three\u00a0 four.")],
        ),
        # a writer's note is not shown, so it is not part of the answer; text after it is
        ("<h2>Q?</h2><!-- ask Dr. Lee --><p>A.</p><!-- x -->Tail.", [("Q?", "A. Tail.")]),
    ],
)
def test_extract_reads_questions_and_answers(html: str, expected: list[tuple[str, str]]) -> None:
    found = faq.extract(fragment(html))
    assert [(e.question, e.answer) for e in found.entries] == expected
    assert found.faults == []


@pytest.mark.parametrize(
    "html, fault",
    [
        ("<h2>Q?</h2><h2>R?</h2><p>A.</p>", ("Q?", 1, "the question 'Q?' has no answer")),
        (
            "<h2>Q?</h2><p><img src='a.png' alt=''></p>",
            ("Q?", 1, "the question 'Q?' has no answer"),
        ),
        ("<h2>Q?</h2><p>A.</p><h2>q?</h2><p>B.</p>", ("q?", 2, "the question 'q?' is asked twice")),
        (
            "<h2>Q?</h2><p>A.</p><h1>Other</h1><p>B.</p><h2>R?</h2>",
            ("R?", 1, "the question 'R?' has no answer"),
        ),
    ],
)
def test_extract_reports_faults(html: str, fault: tuple[str, int, str]) -> None:
    found = faq.extract(fragment(html))
    assert [(f.text, f.occurrence, f.what) for f in found.faults] == [fault]


@pytest.mark.parametrize("workers", [0, 1])
def test_a_writers_html_comment_builds_and_stays_out_of_what_the_page_says(
    fixture_site: FixtureSite, workers: int
) -> None:
    """Markdown keeps <!-- notes --> as they are; the reader never sees them, so neither
    the structured data nor the text measures may (once, one stopped the page's build
    with a bare 'Could not process')."""
    note = "<!-- TODO: ask Dr. Lee to check this answer -->"
    fixture_site.write(
        "pages/faq.md",
        faq_source(
            ("When does it work?", f"Within 3-7 days.\n\n{note}\n\nFully in 2-4 weeks."),
            ("How long does it last?", "About 3 months."),
        ),
    )
    fixture_site.write("articles/a.md", article_source(f"{note}\n\nBotox is a medicine."))
    fixture_site.build(MEDICAL_CHECK_WORKERS=workers)
    soup = fixture_site.page("/faq/")
    got = [
        (q["name"], q["acceptedAnswer"]["text"])
        for q in faq_node(first(soup, 'script[type="application/ld+json"]').string)["mainEntity"]
    ]
    assert got == [
        ("When does it work?", "Within 3-7 days. Fully in 2-4 weeks."),
        ("How long does it last?", "About 3 months."),
    ]
    assert got == visible_faq(soup)
    article = fixture_site.page("/articles/an-article/")
    assert "Botox is a medicine." in first(article, "main").get_text()
    assert "Dr. Lee" not in str(article.find("script", type="application/ld+json"))
