"""The important safety information: every medical page shows it from one include, which
one edit updates everywhere; a condition page keeps it, its disclaimer and its status box
without its Kind line; a disclaimer is found on the page whatever spaces join its words."""

import pytest
from support import article_source, condition_source, faq_source, text_of

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


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
