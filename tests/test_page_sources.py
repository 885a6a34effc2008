"""Sources: a page lists its sources, a page of the site named by its file and printed
under SITEURL; a source must be a Markdown link, one of the site must name a file the site
has, and an approved use must cite the prescribing information, which an off-label page
need not."""

import pytest
from support import BOTOX, LABEL_URL, article_source, condition_source, fails, text_of

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


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
