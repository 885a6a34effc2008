"""The writers' loop (issue 31): a writer who does what a message says gets a page that
builds, not the next error at the same line; and what the checks accepted silently
(a Summary of a paragraph, two pages of one title, a Modified day before the Date) is
refused at the line to change. The messages themselves are the corpus's
(tests/corpus/expected.toml); these build small sites with the site's settings."""

import re
import tomllib

import pytest
from support import fails, faq_source

from pelican.plugins.medical_content.core.problems import SettingsError
from pelican.plugins.medical_content.page import reviewer_entry

YAML_PAGE = (
    "---\ntitle: Opening hours\nsummary: When the clinic is open.\n---\n\nMonday to Friday.\n"
)


def test_a_yaml_header_rewritten_as_the_message_says_builds(fixture_site, caplog):
    fixture_site.write("pages/hours.md", YAML_PAGE)
    [message] = fails(fixture_site, caplog)
    assert message.startswith("content/pages/hours.md:1: the header is written as YAML")
    keys = re.findall(r"'([A-Z]\w*: [^']*)'", message.split("; ", 1)[1])
    assert keys == ["Title: Opening hours", "Summary: When the clinic is open."]
    fixture_site.write("pages/hours.md", "\n".join(keys) + "\n\nMonday to Friday.\n")
    fixture_site.build()
    assert "Monday to Friday." in fixture_site.page("/hours/").find("main").get_text()


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Dr. Sarah Lee", "sarah-lee"),
        ("Prof. José Núñez, MD", "jose-nunez-md"),
        ('Dr. "Sam" O\'Neil', "sam-o-neil"),
        ("A\\B", "a-b"),
        ("dr-nobody", "dr-nobody"),
        ("pain_team", "pain_team"),
    ],
)
def test_the_reviewer_entry_offered_is_valid_toml_under_a_bare_key(written, key):
    offered, lines = reviewer_entry.entry(written)
    name = "" if key == written else written
    assert offered == key
    entry = {"name": name, "credentials": "", "github": []}
    assert tomllib.loads("\n".join(lines)) == {key: entry}


def test_a_reviewer_added_as_the_message_says_builds(fixture_site, caplog):
    """The lines pasted at the end of the file, as the message says, parse (a one-line
    inline table there would be a key of the last reviewer's table); with their
    credentials and accounts left empty the reviewers file asks for them; filled in, the
    page builds."""
    answer = ("Does it hurt?", "A little.")
    fixture_site.write("pages/faq.md", faq_source(answer, Reviewer="Dr. Sarah Lee"))
    [message] = fails(fixture_site, caplog)
    lines = re.findall(
        r"'(\[sarah-lee\]|name = [^']*|credentials = [^']*|github = [^']*)'", message
    )
    assert len(lines) == 4 and message.endswith("then write 'Reviewer: sarah-lee' here")
    reviewers = fixture_site.content / "reviewers.toml"
    reviewers.write_text(reviewers.read_text() + "\n" + "\n".join(lines) + "\n")
    fixture_site.write("pages/faq.md", faq_source(answer, Reviewer="sarah-lee"))
    with pytest.raises(SettingsError, match=r"reviewer \[sarah-lee\] needs a credentials"):
        fixture_site.build()
    reviewers.write_text(reviewers.read_text().replace('credentials = ""', 'credentials = "MD"'))
    with pytest.raises(SettingsError, match=r"reviewer \[sarah-lee\] needs a github"):
        fixture_site.build()
    reviewers.write_text(reviewers.read_text().replace("github = []", 'github = ["sarah-lee-md"]'))
    fixture_site.build()
    assert "Dr. Sarah Lee" in fixture_site.page("/faq/").get_text()


def plain_page(title="Opening hours", summary="When the clinic is open.", **more):
    lines = [f"Title: {title}", f"Summary: {summary}", *(f"{k}: {v}" for k, v in more.items())]
    return "\n".join(lines) + "\n\nMonday to Friday.\n"


def test_the_summary_limit_counts_what_a_reader_reads_and_is_a_setting(fixture_site, caplog):
    # 200 characters as read: "&amp;" is one, a link's address none
    summary = "[Hours]({filename}/pages/more.md) &amp; " + "x" * 192
    fixture_site.write("pages/hours.md", plain_page(summary=summary))
    fixture_site.write("pages/more.md", plain_page(title="More"))
    fixture_site.build()
    fixture_site.write("pages/hours.md", plain_page(summary=summary + "x"))
    [message] = fails(fixture_site, caplog)
    assert message.startswith("content/pages/hours.md:2: the Summary is 201 characters long")
    fixture_site.build(MEDICAL_SUMMARY_MAX_LENGTH=201)


@pytest.mark.parametrize(
    ("second", "refused"),
    [
        ({"Title": "opening  HOURS"}, True),  # as a reader reads it: case and spaces aside
        ({"Title": "Opening hours", "Status": "draft"}, False),  # a draft is not built
        ({"Title": "Opening hours", "Lang": "es", "Slug": "hours-es"}, False),
        ({"Title": "Opening hours at weekends"}, False),
    ],
)
def test_a_second_page_of_one_title_is_refused_at_its_title_line(
    fixture_site, caplog, second, refused
):
    fixture_site.write("pages/hours.md", plain_page())
    title = second.pop("Title")
    fixture_site.write("pages/weekend.md", plain_page(title=title, **second))
    if not refused:
        fixture_site.build()
        return
    assert fails(fixture_site, caplog) == [
        f"content/pages/weekend.md:1: the title {' '.join(title.split())!r} is also the title of "
        "content/pages/hours.md: readers would see two links of the same words (in the lists "
        "of pages, search results, browser tabs) and could not tell the pages apart; give "
        "this page a title of its own that says how it differs (a condition page: the "
        "condition it is about), or delete one of the two pages"
    ]


@pytest.mark.parametrize(
    ("date", "modified", "refused"),
    [("2025-01-10", "2025-01-09", True), ("2025-01-10", "2025-01-10", False)],
)
def test_modified_before_date_is_refused(fixture_site, caplog, date, modified, refused):
    fixture_site.write("pages/hours.md", plain_page(Date=date, Modified=modified))
    if refused:
        [message] = fails(fixture_site, caplog)
        assert message.startswith(
            f"content/pages/hours.md:4: Modified {modified} is before Date {date}"
        )
    else:
        fixture_site.build()


def test_a_rule_at_the_top_is_not_taken_for_a_yaml_header(fixture_site, caplog):
    fixture_site.write("pages/hours.md", "---\n\nMonday to Friday.\n\n---\n")
    assert fails(fixture_site, caplog) == [
        "content/pages/hours.md:1: the page has no title; add 'Title: <page title>' as the "
        "first line of the file"
    ]
