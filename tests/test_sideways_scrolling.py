"""Reading on a phone: at a phone's width (320, 360 and 390 px) no page of the site
scrolls sideways."""

import pytest
from browser import PAGE_WIDTH, PHONES, at_width
from support import SITE_PAGES

# A browser at a phone's width over every page: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("path", SITE_PAGES)
def test_no_page_of_the_site_scrolls_sideways_on_a_phone(chromium, server, path, width):
    got = chromium.run(at_width, server + path, width, lambda p: p.evaluate(PAGE_WIDTH))
    assert got["scroll"] <= got["viewport"], f"{path} at {width}px is {got['scroll']}px wide"
