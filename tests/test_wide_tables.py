"""A wide table on a phone scrolls inside its own box, which a keyboard reaches and a
screen reader names, and keeps its table semantics; the page around it, and a wide image,
stay within the phone's width; the HTML policy lets that box pass and nothing more."""

import contextlib

import markdown_tables
import pytest
from browser import PAGE_WIDTH, PHONE, PHONES, WCAG, at_width, axe_results, serve
from bs4 import BeautifulSoup
from markdown import Markdown
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from support import FixtureSite, article_source

# A browser at a phone's width: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

# A fixture article with wide tables (no page of the clinic's site has a table yet) and a
# wide image. The cells hold what no column can wrap (an email address), as a real table
# may; the second table shares the first one's heading, so the heading cannot name both.
TABLE_ARTICLE = article_source(
    Title="Reaching the clinic",
    Summary="How to reach us.",
    body="""\
Ways to reach the clinic, and what to have ready.

## Ways to reach us

| Way to reach us | When we answer | What to have ready | How soon we reply |
| --- | --- | --- | --- |
| Email appointments@example.org | Any time | Your name, date of birth and a daytime telephone number | Within two working days |
| Telephone (555)&nbsp;010-0100 | Monday to Friday, 8:30 am to 5:00 pm | Your appointment letter | Straight away |

For a visit already booked:

| Visit | Change it by | Cancel it by | Where to ask |
| --- | --- | --- | --- |
| Morning | Noon the day before | 8:00 am the same day | appointments@example.org |

## After your visit

We send a letter to your doctor.

![A map of the way from the car park to the clinic]({static}/images/map.svg)""",
)
TABLE_PAGE = "/articles/reaching-the-clinic/"
# An image drawn wider than any phone: the page must shrink it, not scroll.
WIDE_IMAGE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="300">'
    '<rect width="900" height="300" fill="#0b4f9c"/></svg>'
)


@pytest.fixture(scope="module")
def table_site(tmp_path_factory):
    """A site built with the real settings, theme and plugin, holding TABLE_ARTICLE."""
    fixture = FixtureSite(tmp_path_factory.mktemp("phone"))
    fixture.write("articles/reaching-the-clinic.md", TABLE_ARTICLE)
    fixture.write("images/map.svg", WIDE_IMAGE)
    fixture.build()
    return fixture


@pytest.fixture(scope="module")
def table_server(table_site):
    httpd, base = serve(table_site.output)
    yield base
    httpd.shutdown()


def test_markdown_wraps_every_table_in_a_named_scrolling_region(table_site):
    main = table_site.page(TABLE_PAGE).find("main")
    tables = main.find_all("table")
    assert len(tables) == 2
    for table in tables:
        box = table.parent
        assert box.name == "div" and box.get("class") == ["table-scroll"], box.name
        assert box["role"] == "region" and box["tabindex"] == "0"
        assert box.get("aria-labelledby") or box.get("aria-label")
        assert table.attrs == {}, "the table keeps Markdown's bare <table>"
    first, second = (table.parent for table in tables)
    # The first is named by its heading; the second shares it, so its own column
    # headers name it: two regions of one name would be one landmark twice.
    heading = main.find(id=first["aria-labelledby"])
    assert heading.name == "h2" and heading.get_text() == "Ways to reach us"
    assert not second.get("aria-labelledby")
    assert second["aria-label"] == "Table: Visit, Change it by, Cancel it by, Where to ask"


def test_the_site_settings_box_tables_and_name_each_box_as_a_reader_sees_it(settings):
    """What the box is named when no heading of its own names it: the column headers'
    text as shown, whatever markup, entity or escape a writer typed in them."""

    def markdown(text):
        # as Pelican's reader does once the plugin has added its extension
        config = settings["MARKDOWN"]
        extensions = [*config["extension_configs"], markdown_tables.TableScrollExtension()]
        return Markdown(**{**config, "extensions": extensions}).convert(text)

    html = markdown(
        'Before any heading.\n\n| *Dose*&nbsp;units | Say "when" <br> | \\|pipe |\n'
        "| --- | --- | --- |\n| 1 | 2 | 3 |\n\n## Plain words\n\nNo table here.\n"
    )
    box = BeautifulSoup(html, "html.parser").find("div", class_="table-scroll")
    assert box["aria-label"] == 'Table: Dose units, Say "when", |pipe', box
    assert box.find("table").find("em").get_text() == "Dose"  # the cell keeps its markup
    assert markdown("Text.") == "<p>Text.</p>"


@pytest.mark.parametrize("width", PHONES)
def test_a_wide_table_scrolls_in_its_own_box_and_the_page_does_not(chromium, table_server, width):
    def measure(page):
        return {
            **page.evaluate(PAGE_WIDTH),
            "tables": page.eval_on_selector_all(
                "main table",
                "tables => tables.map(t => ({"
                " display: getComputedStyle(t).display,"
                " box: t.parentElement.matches('div.table-scroll'),"
                " scroll: t.parentElement.scrollWidth, client: t.parentElement.clientWidth}))",
            ),
            "named": page.get_by_role("region", name="Ways to reach us")
            .get_by_role("columnheader")
            .all_inner_texts(),
            "image": page.eval_on_selector("main img", "i => [i.width, i.height]"),
            "text": page.eval_on_selector("main .content", "c => c.clientWidth"),
        }

    got = chromium.run(at_width, table_server + TABLE_PAGE, width, measure)
    # the image keeps its proportions (900 x 300) at the text's width
    assert got["image"] == [got["text"], round(got["text"] / 3)], got
    assert got["scroll"] <= got["viewport"], f"the page is {got['scroll']}px wide at {width}px"
    wide = got["tables"][0]
    assert wide["box"], "the table has no scrolling box of its own"
    assert wide["scroll"] > wide["client"], f"the wide table's box does not scroll: {wide}"
    # display:block on a table would drop its table semantics in some screen readers.
    assert all(t["display"] == "table" for t in got["tables"]), got["tables"]
    # A screen reader finds the region by its name, and a table with its columns in it.
    assert got["named"] == [
        "Way to reach us",
        "When we answer",
        "What to have ready",
        "How soon we reply",
    ]


def test_a_keyboard_reaches_the_wide_table_and_scrolls_it(chromium, table_server):
    def tab_to_table_and_scroll(page):
        for presses in range(1, 80):  # noqa: B007 (reported below)
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('main .table-scroll')"):
                break
        else:
            return {"reached": False}
        before = page.evaluate("document.activeElement.scrollLeft")
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        # Chromium animates a scroll by keyboard: wait for it to move
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=3000)
        return {
            "reached": True,
            "presses": presses,
            "before": before,
            "after": page.evaluate("document.activeElement.scrollLeft"),
        }

    got = chromium.run(at_width, table_server + TABLE_PAGE, PHONE, tab_to_table_and_scroll)
    assert got["reached"], "Tab never reaches the table's scrolling box"
    assert got["after"] > got["before"] == 0, f"the arrow keys do not scroll it: {got}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_passes_on_a_page_with_wide_tables_at_390px(chromium, table_server, scheme):
    def audit(page):
        return (
            axe_results(page, {"type": "tag", "values": WCAG}),
            # best practice, beyond WCAG: each region's name tells it from the others
            axe_results(page, {"type": "rule", "values": ["landmark-unique", "aria-allowed-role"]}),
        )

    wcag, unique = chromium.run(at_width, table_server + TABLE_PAGE, PHONE, audit, scheme)
    assert wcag["violations"] == [] and unique["violations"] == [], (wcag, unique)
    # A rule with nothing to check reports nothing: it must have seen the scrolling box.
    assert "scrollable-region-focusable" in wcag["passes"]
    assert "landmark-unique" in unique["passes"]


def test_axe_flags_a_scrolling_box_that_a_keyboard_cannot_reach(chromium):
    def audit(browser):
        page = browser.new_page(viewport={"width": PHONE, "height": 844})
        page.set_content(
            '<html lang="en"><title>t</title><main><div style="overflow-x:auto">'
            "<table><tr><th>" + "wide&nbsp;" * 80 + "</th></tr></table></div></main></html>"
        )
        try:
            return axe_results(page, {"type": "tag", "values": WCAG})
        finally:
            page.close()

    found = {v["id"] for v in chromium.run(audit)["violations"]}
    assert "scrollable-region-focusable" in found


def test_the_html_policy_lets_the_scrolling_box_pass_and_nothing_more():
    from pelican.plugins.medical_content.checks.html_policy import refused_html
    from pelican.plugins.medical_content.core.html_text import fragment

    def refused(html):
        return [fault.what for fault in refused_html(html, fragment(html))]

    table = "<table><tbody><tr><th>a</th></tr></tbody></table>"
    assert (
        refused(
            f'<div class="table-scroll" role="region" tabindex="0" '
            f'aria-labelledby="costs">{table}</div>'
        )
        == []
    )
    assert (
        refused(
            f'<div class="table-scroll" role="region" tabindex="0" '
            f'aria-label="Table: a">{table}</div>'
        )
        == []
    )
    # What a writer's raw HTML could do with the same attributes stays refused: take
    # a place in the keyboard's order, leave it, or pose as a control.
    for attributes in ('tabindex="3"', 'tabindex="-1"', 'role="button"', 'role="alert"'):
        assert refused(f"<div {attributes}>text</div>"), attributes
    assert refused('<p role="region" tabindex="0">text</p>')
