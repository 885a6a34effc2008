"""Breadcrumbs on a phone: the trail wraps without leaving a separator alone on a line,
hides its separators from screen readers and marks the current page."""

import pytest
from browser import PHONE, PHONES, at_width
from support import SITE_PAGES, read_page

# A browser at a phone's width over every page: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

NO_BREADCRUMBS = {"/articles/"}  # the list of articles has no trail
SEPARATOR = "›"

FIRST_LETTERS = """() => [...document.querySelectorAll('nav.breadcrumbs li')].map(li => {
  const link = li.querySelector('a');
  const text = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  let node = text.nextNode();
  while (node && !node.data.trim()) node = text.nextNode();
  const at = node.data.search(/\\S/);
  const letter = document.createRange();
  letter.setStart(node, at);
  letter.setEnd(node, at + 1);
  const box = letter.getBoundingClientRect();
  return {name: link.textContent.trim(), top: box.top, bottom: box.bottom, left: box.left};
})"""


def separators(page):
    """The box of each breadcrumb item's ::before (None for an item without one), from
    Chromium's DevTools protocol: a page's scripts cannot measure a pseudo-element."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]
        nodes, stack = {}, [root]
        while stack:
            node = stack.pop()
            nodes[node["nodeId"]] = node
            stack += node.get("children", []) + node.get("pseudoElements", [])
        items = cdp.send(
            "DOM.querySelectorAll", {"nodeId": root["nodeId"], "selector": "nav.breadcrumbs li"}
        )
        boxes = []
        for item in items["nodeIds"]:
            before = [
                p for p in nodes[item].get("pseudoElements", []) if p.get("pseudoType") == "before"
            ]
            if not before:
                boxes.append(None)
                continue
            quads = cdp.send("DOM.getContentQuads", {"nodeId": before[0]["nodeId"]})["quads"]
            xs, ys = quads[0][0::2], quads[0][1::2]
            boxes.append({"top": min(ys), "bottom": max(ys), "right": max(xs)})
        return boxes
    finally:
        cdp.detach()


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("path", SITE_PAGES)
def test_no_breadcrumb_separator_stands_alone_on_a_line(chromium, server, path, width):
    items, boxes = chromium.run(
        at_width,
        server + path,
        width,
        lambda page: (page.evaluate(FIRST_LETTERS), separators(page)),
    )
    if path in NO_BREADCRUMBS:
        assert items == []
        return
    assert items, f"{path} shows no breadcrumb trail"
    assert boxes[0] is None, "the first item has a separator before it"
    for item, separator in zip(items[1:], boxes[1:], strict=True):
        assert separator, f"{path}: no separator before {item['name']!r}"
        middle = (separator["top"] + separator["bottom"]) / 2
        # On the line of the item's first letter, and before it: never a line of its own.
        assert item["top"] <= middle <= item["bottom"], (
            f"{path} at {width}px: the separator before {item['name']!r} is on a line "
            f"of its own (separator {separator}, first letter {item})"
        )
        assert separator["right"] <= item["left"] + 0.5, (path, width, item, separator)


@pytest.mark.parametrize("path", sorted(set(SITE_PAGES) - NO_BREADCRUMBS))
def test_breadcrumbs_hide_their_separators_and_mark_the_current_page(chromium, server, site, path):
    spoken = chromium.run(
        at_width, server + path, PHONE, lambda page: page.locator("nav.breadcrumbs").aria_snapshot()
    )
    assert SEPARATOR not in spoken, f"{path}: a screen reader reads the separators:\n{spoken}"
    links = read_page(site, path).find("nav", class_="breadcrumbs").find_all("a")
    marked = [a for a in links if a.get("aria-current")]
    assert marked == [links[-1]] and marked[0]["aria-current"] == "page", path
