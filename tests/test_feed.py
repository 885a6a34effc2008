"""The Atom feed of a published site (publishconf.py), read with feedparser as a feed
reader reads it: valid, absolute addresses, and never a medical page's text without its
disclaimer (a feed reader shows none of the page around an entry)."""

import pytest
from support import ROOT, SIGNED_OFF, build_real_site

SITEURL = "https://patients.example.org"
DISCLAIMER = "This page is general information for patients, not medical advice."


def feed_of(output):
    import feedparser

    return feedparser.parse(str(output / "feeds" / "all.atom.xml"))


@pytest.fixture(scope="module")
def summaries(published_site):
    return feed_of(published_site)  # the default, MEDICAL_FEED_CONTENT = "summary"


@pytest.fixture(scope="module")
def full_text(tmp_path_factory):
    return feed_of(
        build_real_site(
            tmp_path_factory,
            "feed",
            ROOT / "publishconf.py",
            MEDICAL_FEED_CONTENT="full",
            SITE_BUILD_SEARCH_INDEX=False,
            **SIGNED_OFF,
        )
    )


@pytest.mark.parametrize("which", ["summaries", "full_text"])
def test_the_feed_is_valid_and_its_addresses_absolute(request, which):
    feed = request.getfixturevalue(which)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.entries
    assert feed.feed.id.startswith(SITEURL + "/")
    assert all(link.href.startswith(SITEURL + "/") for link in feed.feed.links)
    for entry in feed.entries:
        assert entry.link.startswith(SITEURL + "/articles/")
        assert entry.id.startswith("tag:patients.example.org,") and "None" not in entry.id


def test_by_default_an_entry_carries_its_summary_and_no_text_of_the_page(summaries):
    [entry] = summaries.entries
    assert "content" not in entry
    assert "overview of how Botox injections are used" in entry.summary
    assert "given as small shots" not in entry.summary  # the article's first paragraph


def test_full_text_comes_with_the_disclaimer_review_safety_information_and_sources(full_text):
    [entry] = full_text.entries
    text = entry.content[0].value
    assert "given as small shots" in text  # the article itself
    for needed in (
        DISCLAIMER,
        "Medically reviewed by",
        "Important safety information",
        'href="https://www.rxabbvie.com/pdf/botox_pi.pdf"',
    ):
        assert needed.casefold() in text.casefold(), needed
    assert text.index("given as small shots") < text.index(DISCLAIMER)


@pytest.mark.parametrize("which", ["summaries", "full_text"])
def test_no_entry_has_medical_text_without_the_disclaimer(request, which):
    for entry in request.getfixturevalue(which).entries:
        body = " ".join(part.value for part in entry.get("content", []))
        assert not body or DISCLAIMER in body, entry.link
