"""The clinic's real site, as `make html` builds it."""

import json
import re

import pytest
from support import (
    ALL_PAGES,
    ARTICLE,
    CONDITION_PAGES,
    CONDITIONS,
    MEDICAL_PAGES,
    ROOT,
    SOURCE_ARTICLE,
    faq_node,
    read_page,
    text_of,
    visible_faq,
)

# The article's title since its correction (issue 15): the source's "How Botox for Chronic
# Pain Management Can Provide Lasting Relief" promised what the evidence does not keep.
ARTICLE_TITLE = "Botox for Chronic Pain: What It Can and Cannot Do"
NAVIGATION = ["/", "/conditions/", ARTICLE, "/faq/", "/about/", "/search/"]


def source_faq():
    """The four questions and answers as the source article words them."""
    lines = SOURCE_ARTICLE.read_text(encoding="utf-8").splitlines()
    start = lines.index("Frequently Asked Questions about Botox for Chronic Pain Management")
    pairs = []
    for line in lines[start + 1 : start + 5]:
        question, answer = line.split("? ", 1)
        pairs.append((question + "?", answer))
    return pairs


@pytest.mark.parametrize("url", ALL_PAGES)
def test_page_exists_with_one_h1_and_landmarks(site, url):
    soup = read_page(site, url)
    assert soup.html["lang"] == "en"
    assert len(soup.find_all("h1")) == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert soup.find(landmark), f"{url} has no <{landmark}>"
    skip = soup.find("a")
    assert skip["href"] == "#main" and soup.find(id="main").name == "main"


@pytest.mark.parametrize("url", ALL_PAGES)
def test_navigation_links_every_section_and_they_exist(site, url):
    nav_links = [a["href"] for a in read_page(site, url).find("nav").find_all("a")]
    assert nav_links == NAVIGATION
    for href in nav_links:
        assert (site / href.strip("/") / "index.html").is_file()


@pytest.mark.parametrize("url", ["/", "/conditions/"])
def test_condition_lists_link_every_condition_page(site, url):
    links = {a["href"] for a in read_page(site, url).find("main").find_all("a")}
    assert set(CONDITION_PAGES) <= links
    for page in CONDITION_PAGES:
        assert (site / page.strip("/") / "index.html").is_file()


@pytest.mark.parametrize("url", MEDICAL_PAGES)
def test_every_medical_page_shows_the_disclaimer_in_main(site, settings, url):
    main = read_page(site, url).find("main")
    assert " ".join(settings["MEDICAL_DISCLAIMER"].split()) in text_of(main)


@pytest.mark.parametrize("slug, status", CONDITIONS.items())
def test_condition_page_states_its_regulatory_status(site, slug, status):
    main = read_page(site, f"/conditions/{slug}/").find("main")
    box = main.find(class_="status")
    if status == "approved":
        assert text_of(box).startswith("FDA-approved use.")
    else:
        assert text_of(box).startswith("Off-label use.")
        assert "not FDA-approved" in text_of(box)


@pytest.mark.parametrize("slug", [s for s, status in CONDITIONS.items() if status == "off-label"])
def test_off_label_pages_never_call_the_use_approved(site, slug):
    text = text_of(read_page(site, f"/conditions/{slug}/").find("main"))
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        claims = not sentence.endswith("?")  # a question asserts nothing
        if claims and re.search(r"\b(FDA-approved|approved for|indicated for)\b", sentence):
            assert re.search(r"\bnot (FDA-)?approved\b|\bnot indicated\b", sentence), sentence


def test_article_keeps_its_date(site):
    soup = read_page(site, ARTICLE)
    assert soup.find("time")["datetime"].startswith("2024-11-08")
    assert text_of(soup.find("h1")) == ARTICLE_TITLE


def article_faq(site):
    """The (question, answer) pairs of the article's FAQ section as a reader sees them:
    each h3 under its h2, and the text up to the next heading."""
    content = read_page(site, ARTICLE).find("main").find(class_="content")
    section = next(
        h for h in content.find_all("h2") if text_of(h).startswith("Frequently Asked Questions")
    )
    pairs = []
    for sibling in section.find_next_siblings():
        if sibling.name in {"h1", "h2"}:
            break
        if sibling.name == "h3":
            pairs.append([text_of(sibling), []])
        elif pairs and text_of(sibling):
            pairs[-1][1].append(text_of(sibling))
    return [(question, " ".join(answer)) for question, answer in pairs]


def test_faq_page_has_the_articles_four_questions_word_for_word(site):
    """The questions are the source article's, word for word; the answers are the
    article's, as corrected (issue 15), so the FAQ page and the article never disagree."""
    faq = visible_faq(read_page(site, "/faq/"))
    assert [question for question, _ in faq] == [question for question, _ in source_faq()]
    assert faq == article_faq(site)


def test_faq_json_ld_says_what_the_page_shows(site):
    soup = read_page(site, "/faq/")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    assert json.loads(scripts[0].string)["@context"] == "https://schema.org"
    data = faq_node(scripts[0].string)
    got = [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]]
    assert all(
        q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer"
        for q in data["mainEntity"]
    )
    assert len(got) == 4
    assert got == visible_faq(soup)


@pytest.mark.parametrize("url", [u for u in ALL_PAGES if u != "/faq/"])
def test_only_the_faq_page_carries_faq_markup(site, url):
    assert "FAQPage" not in str(read_page(site, url))


def test_about_page_gives_the_clinics_contact_details(site, settings):
    main = read_page(site, "/about/").find("main")
    clinic = settings["CLINIC"]
    assert main.find("a", href=f"tel:{clinic['telephone']}")
    assert main.find("a", href=f"mailto:{clinic['email']}")
    assert main.find("address")
    assert not main.find("form")


def test_the_article_lists_its_sections_on_this_page(site):
    """ "On this page" names each level-2 heading the writer typed, in order, and links
    the heading itself."""
    source = (ROOT / "content" / "articles" / "botox-for-chronic-pain.md").read_text("utf-8")
    typed = [line[3:].strip() for line in source.splitlines() if line.startswith("## ")]
    soup = read_page(site, ARTICLE)
    links = soup.select("nav.toc a")
    assert [text_of(link) for link in links] == typed
    for link in links:
        heading = soup.find(id=link["href"].split("#", 1)[1])
        assert heading is not None and heading.name == "h2", link
        assert text_of(heading) == text_of(link)
