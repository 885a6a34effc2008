"""Regulatory claims: a sentence that calls a use approved when its label does not hold
it fails the build, at its line, with what the label does cover and where to read it;
correct sentences, about approved and off-label uses alike, pass."""

import pytest
from support import (
    BOTOX,
    SOURCE_PARAGRAPH,
    article_source,
    fails,
    faq_source,
    off_label_pages,
    text_of,
)

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


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
