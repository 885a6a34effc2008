"""A page about the treatment carries every safeguard wherever it is (issue 29, item 1):
a plain page that names a product of the label registry with a dose, an injection, side
effects or a use is refused at that sentence, in any folder; a plain page written among
the medical pages' addresses is refused at its Save_as line; the pages the settings
list (MEDICAL_PLAIN_PAGES) may name the product in passing. Real `make html` builds of
a fixture site with the real settings."""

import pytest
from support import condition_source, refused, run_build

pytestmark = pytest.mark.slow

NECK_PAIN = """\
    Title: Botox for neck pain
    Summary: What to expect from Botox for neck pain.

    ## What to expect

    Many people ask us about neck pain.

    A doctor injects 100 to 200 units of Botox into the tight neck muscles.
    """


def test_a_plain_page_about_the_treatment_is_refused_at_its_sentence(fixture_site):
    fixture_site.write("pages/botox-for-neck-pain.md", NECK_PAIN)
    log = refused(fixture_site)
    assert (
        "content/pages/botox-for-neck-pain.md:8: this plain page names 'Botox' with "
        "'injects': a page about the treatment must show the disclaimer, the safety "
        "information and a medical review, and a plain page shows none of them; make it "
        "a medical page ('Kind: article' or 'Kind: condition' or 'Kind: faq', with its "
        "review and sources) or move it into the folder of its kind; if it only names the "
        "product in passing, list 'pages/botox-for-neck-pain.md' in MEDICAL_PLAIN_PAGES"
    ) in log
    assert not fixture_site.output.exists()


@pytest.mark.parametrize(
    "sentence, detail",
    [
        ("Xeomin can cause side effects such as neck pain.", "side effects"),
        ("The usual dose of onabotulinumtoxinA is set by your doctor.", "dose"),
        ("Botulinum toxins help some people with chronic migraine.", "chronic migraine"),
        # a table's heading row, and a name written with a Cyrillic "о": as a reader reads it
        ("| Botox injections | When |\n| --- | --- |\n| Monday | 9 am |", "injections"),
        ("B\u043etox can cause side effects.", "side effects"),
    ],
)
def test_in_a_new_folder_a_product_with_a_dose_side_effects_or_a_use_is_refused(
    fixture_site, sentence, detail
):
    fixture_site.write(
        "pages/treatments/neck.md",
        f"Title: Neck treatments\nSummary: Our treatments.\n\n{sentence}\n",
    )
    log = refused(fixture_site)
    assert "content/pages/treatments/neck.md:4: this plain page names " in log
    assert f"with {detail!r}" in log


def test_the_alt_text_of_an_image_is_read_too(fixture_site):
    fixture_site.write(
        "pages/gallery.md",
        "Title: Our clinic\nSummary: Photos.\n\n![A Botox injection in the neck](/x.png)\n",
    )
    assert "content/pages/gallery.md:4: this plain page names 'Botox' with 'injection'" in (
        refused(fixture_site)
    )


def test_a_plain_page_written_among_the_condition_pages_is_refused_at_save_as(fixture_site):
    fixture_site.write("pages/conditions/cervical-dystonia.md", condition_source())
    fixture_site.write(
        "pages/neck.md",
        "Title: Neck\nSave_as: conditions/neck-pain/index.html\nURL: conditions/neck-pain/\n"
        "Summary: Neck.\n\nSome words about necks.\n",
    )
    log = refused(fixture_site)
    assert (
        "content/pages/neck.md:2: the page is written to 'conditions/neck-pain/index.html', "
        "among the condition pages (conditions/...), but it is a plain page: it would "
        "look like one of them without their disclaimer, safety information and medical "
        "review; give it their kind ('Kind: condition'), or write it elsewhere "
        "(change its Save_as)"
    ) in log


def test_a_listed_plain_page_and_a_passing_mention_build(fixture_site):
    # the fixture's settings are the site's: pages/about.md is listed
    fixture_site.write(
        "pages/about.md",
        "Title: About us\nSummary: Who we are.\n\nSome patients come to us for Botox injections.\n",
    )
    fixture_site.write(
        "pages/opening-hours.md",
        "Title: Opening hours\nSummary: When we are open.\n\nWe do not sell Botox products.\n",
    )
    result = run_build(fixture_site)
    assert result.returncode == 0, result.stdout + result.stderr
