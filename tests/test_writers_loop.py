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

YAML_PAGE = "---\ntitle: Opening hours\nsummary: When the clinic is open.\n---\n\nMonday to Friday.\n"


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
    assert tomllib.loads("\n".join(lines)) == {key: {"name": name, "credentials": ""}}


def test_a_reviewer_added_as_the_message_says_builds(fixture_site, caplog):
    """The lines pasted at the end of the file, as the message says, parse (a one-line
    inline table there would be a key of the last reviewer's table); with their
    credentials left empty the reviewers file asks for them; filled in, the page builds."""
    answer = ("Does it hurt?", "A little.")
    fixture_site.write("pages/faq.md", faq_source(answer, Reviewer="Dr. Sarah Lee"))
    [message] = fails(fixture_site, caplog)
    lines = re.findall(r"'(\[sarah-lee\]|name = [^']*|credentials = [^']*)'", message)
    assert len(lines) == 3 and message.endswith("then write 'Reviewer: sarah-lee' here")
    reviewers = fixture_site.content / "reviewers.toml"
    reviewers.write_text(reviewers.read_text() + "\n" + "\n".join(lines) + "\n")
    fixture_site.write("pages/faq.md", faq_source(answer, Reviewer="sarah-lee"))
    with pytest.raises(SettingsError, match=r"reviewer \[sarah-lee\] needs a credentials"):
        fixture_site.build()
    reviewers.write_text(reviewers.read_text().replace('credentials = ""', 'credentials = "MD"'))
    fixture_site.build()
    assert "Dr. Sarah Lee" in fixture_site.page("/faq/").get_text()
