"""Whether a written page shows a text inside <main>: what a reader does not see does
not count, and whitespace is read as a browser renders it."""

import pytest
from lxml import etree

from pelican.plugins.medical_content.checks import disclaimer

TEXT = "This page is for information. Ask your doctor."


def shown(main: str) -> bool:
    tree = etree.fromstring(f"<html><body>{main}</body></html>", etree.HTMLParser())
    return disclaimer.shows(disclaimer.visible_main_text(tree), TEXT)


@pytest.mark.parametrize(
    "main",
    [
        f"<main><p>{TEXT}</p></main>",
        "<main><p>This page is <strong>for information</strong>.\n   Ask your\tdoctor.</p></main>",
        "<main><p>This page is\u00a0for information. Ask your doctor.</p></main>",
        f'<main><div aria-hidden="false"><p>{TEXT}</p></div></main>',
        f"<main><p hidden>x</p><p>{TEXT}</p></main>",  # the rest of a page that hides a part
        f"<header>{TEXT}</header><main></main><main><p>{TEXT}</p></main>",
    ],
)
def test_a_text_a_reader_sees_in_main_is_shown(main: str) -> None:
    assert shown(main)


@pytest.mark.parametrize(
    "main",
    [
        f"<header><p>{TEXT}</p></header><main><p>Other text.</p></main>",
        f"<main><div hidden><p>{TEXT}</p></div></main>",
        f'<main><p aria-hidden="true">{TEXT}</p></main>',
        f"<main><template><p>{TEXT}</p></template></main>",
        f'<main><script type="text/plain">{TEXT}</script></main>',
        f"<main><style>/* {TEXT} */</style></main>",
        "<main><p>This page is for information.</p><p hidden>Ask your doctor.</p></main>",
        "<main><p>This page is for informational use. Ask your doctor.</p></main>",
    ],
)
def test_a_text_missing_hidden_or_outside_main_is_not_shown(main: str) -> None:
    assert not shown(main)


def test_hidden_parts_are_left_out_of_a_copy() -> None:
    tree = etree.fromstring(
        f"<html><body><main><p hidden>{TEXT}</p></main></body></html>", etree.HTMLParser()
    )
    disclaimer.visible_main_text(tree)
    assert tree.find(".//p").get("hidden") is not None  # the written tree is not changed
