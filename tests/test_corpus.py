"""Bad and hostile input (tests/corpus/): each broken source gets exactly one message
that names the file and line, says what is wrong and how to fix it, with no traceback
and nothing published; the legitimate ones (right-to-left text, emoji, plain HTML, a
very large page) build. Every case goes through tools/build.py, as `make html` runs it."""

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from support import run_build as build

from pelican.plugins.medical_content.checks.files import MAX_SOURCE_BYTES

# A build per case of the corpus, each in a process of its own: `make test-fast`
# leaves it to `make test`.
pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))


def build_case(fixture_site, name):
    shutil.copytree(CORPUS / name / "content", fixture_site.content, dirs_exist_ok=True)
    return build(fixture_site)


def messages(result, level="ERROR"):
    return [
        line[len(level) + 1 :]
        for line in (result.stdout + result.stderr).splitlines()
        if line.startswith(level + " ")
    ]


def test_every_case_has_its_expected_message():
    assert {p.name for p in CORPUS.iterdir() if p.is_dir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_case(fixture_site, name):
    result = build_case(fixture_site, name)
    assert "Traceback" not in result.stdout + result.stderr
    if EXPECTED[name].get("builds"):
        assert (result.returncode, messages(result)) == (0, []), result.stderr
    else:
        assert result.returncode == 1
        assert messages(result) == [EXPECTED[name]["message"]]
        assert not fixture_site.output.exists()  # nothing half-built is published


def json_ld(page_path):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_right_to_left_text_and_emoji_reach_the_structured_data_unchanged(fixture_site):
    assert build_case(fixture_site, "rtl-and-emoji-question").returncode == 0
    graph = json_ld(fixture_site.output / "faq" / "index.html")["@graph"]
    [faq] = [node for node in graph if "FAQPage" in node["@type"]]  # a type or a list
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq["mainEntity"]] == [
        ("هل الحقن مؤلم؟ 💉", "قليلاً فقط. 🙂"),
        ("Does it hurt? 😬", "A little."),
    ]


def test_plain_html_tags_are_kept(fixture_site):
    assert build_case(fixture_site, "allowed-html").returncode == 0
    page = (fixture_site.output / "glossary" / "index.html").read_text(encoding="utf-8")
    for markup in (
        '<abbr title="onabotulinumtoxinA">Botox</abbr>',
        "<details><summary>",
        "<table>",
        '<p dir="rtl" lang="ar">',
    ):
        assert markup in page


def test_a_very_large_page_builds(fixture_site):
    """A page up to the size limit builds (checks.files.MAX_SOURCE_BYTES, 1 MB; a larger
    source is refused: tests/test_hostile_files.py)."""
    paragraph = (
        "Our clinic is open from Monday to Friday, nine to five. The car park is "
        "right behind it, and it is free. "
    ) * 8
    body = "\n\n".join(f"## Part {i}\n\n{paragraph}" for i in range(1100))
    text = f"Title: Large\nSummary: A large page.\n\n{body}\n"
    assert 900_000 < len(text.encode()) <= MAX_SOURCE_BYTES
    fixture_site.write("pages/large.md", text)
    result = build(fixture_site)
    assert (result.returncode, messages(result)) == (0, []), result.stderr
    page = (fixture_site.output / "large" / "index.html").read_text(encoding="utf-8")
    assert page.count("<h2") >= 1100


def test_a_decorative_image_is_published_with_an_empty_alt(fixture_site):
    result = build_case(fixture_site, "decorative-image")
    assert result.returncode == 0
    assert "Empty alt attribute" not in result.stdout + result.stderr  # Pelican's, said better
    image = fixture_site.page("/sites/").find("main").find("img")
    assert (image["alt"], image["class"]) == ("", ["decorative"])
