"""The reader's view (``page.view``, ``core.reading``) and what is refused at its
source because a reader would get other words than the source's text
(``checks.characters``, ``checks.restyling``, ``checks.svg``): each
case an input and what a reader gets, or the fault."""

import pytest

from pelican.plugins.medical_content.checks import characters, html_policy, restyling, svg
from pelican.plugins.medical_content.core.html_text import collapse, fragment, text_of
from pelican.plugins.medical_content.core.problems import find_line
from pelican.plugins.medical_content.core.reading import as_read
from pelican.plugins.medical_content.page import view


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Botox is approved", "Botox is approved"),  # ASCII: as it is
        ("“Botox” is — safe…", "“Botox” is — safe…"),  # ordinary typography: as it is
        ("Вотох іѕ ѕаfе", "Botox is safe"),  # Cyrillic look-alikes
        ("ΑΡΡROVED", "APPROVED"),  # Greek capitals
        ("ａｐｐｒｏｖｅｄ", "approved"),  # fullwidth
        ("𝐚𝐩𝐩𝐫𝐨𝐯𝐞𝐝 𝖠𝗉𝗉𝗋𝗈𝗏𝖾𝖽", "approved Approved"),  # mathematical letters
        ("appr\u200boved, sa\u00adfe, to\u2060xin, \ufeffBotox", "approved, safe, toxin, Botox"),
        ("Botox™ is", "Botox is"),  # a brand's mark, not letters glued to it
        ("بوتوكس", "بوتوكس"),  # a right-to-left script stays itself
    ],
)
def test_as_read(written: str, read: str) -> None:
    assert as_read(written) == read


def _text(html: str) -> str:
    return collapse(text_of(view.of_html(fragment(html)).root))


@pytest.mark.parametrize(
    ("html", "read"),
    [
        ("<p>Botox is <del>not</del> FDA-approved.</p>", "Botox is FDA-approved."),
        ("<p>Botox is <s>not</s> safe.</p>", "Botox is safe."),
        ("<p>FDA-appro<del>x</del>ved</p>", "FDA-approved"),
        ("<p>not<del> </del>FDA</p>", "not FDA"),
        ("<p>FDA-<br>approved</p>", "FDA- approved"),
        ("<p>FDA-approved<sup>1</sup>for</p>", "FDA-approved for"),
        ("<p>FDA-appro<sup></sup>ved</p>", "FDA-approved"),
        ("<p>Botox is <span hidden>not</span> safe</p>", "Botox is safe"),
        ("<p><ruby>safe<rt>not</rt></ruby></p>", "safe"),
        ("<p>Вотох is sаfe</p>", "Botox is safe"),
    ],
)
def test_the_view_reads_the_blocks_as_a_browser_shows_them(html: str, read: str) -> None:
    assert _text(html) == read


def test_a_page_of_plain_text_is_read_as_it_is_without_a_copy() -> None:
    root = fragment("<p>Botox can cause “side effects”.</p>")
    assert view.of_html(root).root is root


def test_the_pieces_outside_the_blocks_say_where_they_came_from() -> None:
    html = (
        '<p><img src="a.png" alt="Botox is sаfe" title="Image title">'
        '<a href="x" title="Link title">x</a> <abbr title="Abbr expansion">A</abbr></p>'
    )
    fields = [view.field("breadcrumb", "Trail"), view.field("title", "")]
    seen = view.of_html(fragment(html), fields, lambda src: "Inside" if src == "a.png" else "")
    assert [(p.text, p.what, p.field) for p in seen.pieces] == [
        ("Botox is safe", "the image's alt text", ""),
        ("Image title", "the title (a tooltip, read by screen readers)", ""),
        ("Link title", "the title (a tooltip, read by screen readers)", ""),
        ("Abbr expansion", "the abbreviation's expansion", ""),
        ("Inside", "the text inside the image a.png", ""),
        ("Trail", "Breadcrumb", "breadcrumb"),
    ]


def test_the_header_pieces_are_the_breadcrumb_sources_titles_and_other_names() -> None:
    pieces = view.header_pieces(
        {
            "breadcrumb": "Neck",
            "sources": "[Label](https://x)\n[Our article]({filename}/a.md)",
            "alternate_name": "Wry neck",
        }
    )
    assert [(p.text, p.field) for p in pieces] == [
        ("Neck", "breadcrumb"),
        ("Label", "sources"),
        ("Our article", "sources"),
        ("Wry neck", "alternate_name"),
    ]


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        ("Botox is appr\u200boved.", "delete the invisible character between 'appr' and 'oved'"),
        ("Botox is appr&#8203;oved.", "delete the invisible character between 'appr' and 'oved'"),
        ("It is sa&shy;fe.", "delete the invisible character between 'sa' and 'fe'"),
        ("Botox is safe\u200b.", "delete it: it shows nothing"),
        ("Botox \u202eevorppa si", "delete it; a passage in a right-to-left language"),
    ],
)
def test_an_invisible_character_is_refused_at_its_line(line: str, fault: str) -> None:
    found = characters.faults(f"Title: A page\n\n{line}\n")
    assert [f.line for f in found] == [3]
    assert found[0].fix.startswith(fault)


@pytest.mark.parametrize(
    "line",
    [
        "A no-break space\u00a0stays.",
        "A family 👨\u200d👩\u200d👧 emoji.",
        "Persian می\u200cخواهم.",
        "Hebrew \u200fשלום\u200f.",
    ],
)
def test_the_characters_a_writer_needs_pass(line: str) -> None:
    assert characters.faults(line) == []


@pytest.mark.parametrize(
    ("html", "raw"),
    [
        ('<p class="status status-approved">FDA-approved use.</p>', "status-approved"),
        ('<p>Botox is <span class="sr-only">not</span> safe</p>', "sr-only"),
        ('<p dir="rtl">.sevorppa si xotoB</p>', "dir="),
    ],
)
def test_what_makes_a_browser_show_other_words_is_refused(html: str, raw: str) -> None:
    assert [f.raw for f in restyling.faults(fragment(html))] == [raw]


@pytest.mark.parametrize(
    "html",
    [
        '<p dir="rtl" lang="ar">بوتوكس</p>',
        '<p><img class="decorative" alt="" src="x.png"></p>',
        '<p>a<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>',
    ],
)
def test_the_markup_writers_and_markdown_use_passes(html: str) -> None:
    assert restyling.faults(fragment(html)) == []


@pytest.mark.parametrize("tag", ["bdo", "ruby"])
def test_reordering_and_annotating_elements_are_refused(tag: str) -> None:
    html = f'<p><{tag} dir="rtl">safe</{tag}></p>'
    assert any(f"<{tag}>" in f.what for f in html_policy.refused_html(html, fragment(html)))


def test_an_svg_that_runs_code_is_refused_at_its_line() -> None:
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg">\n<text>Hi</text>\n<rect onclick="x()"/>\n</svg>'
    )
    assert [f.line for f in svg.faults(data)] == [3]
    assert svg.text(data) == "Hi"


def test_a_sentence_read_otherwise_is_found_at_its_source_line() -> None:
    source = "Title: T\n\nBotox is not FDA-approved.\n\nBotox is <del>not</del> FDA-approved.\n"
    assert find_line(source, "Botox is FDA-approved.") == 5
    assert find_line("Title: T\n\nВотох is safe.\n", "Botox is safe.") == 3
