"""Security that does not depend on the host: GitHub Pages sends no custom headers (it
ignores _headers), so every page carries the Content-Security-Policy in a <meta>
element. Tested in Chromium on the real site served with no headers at all."""

import functools
import http.server
import shutil
import threading

import pytest
from browser import search_results
from site_build import hosting
from site_build.settings import DEFAULTS
from support import SITE_PAGES, read_page

# A browser over every page: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

POLICY = hosting.meta_policy(DEFAULTS["SITE_BUILD_HEADERS"])
INJECTED = (
    '<script>window.pwned = "script"</script>'
    '<img src="/nothing.png" onerror="window.pwned = \'handler\'" alt="">'
)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def bare_server(site, tmp_path_factory):
    """A copy of the real site, served with no headers, each page also at an address
    where an attacker's inline script and event handler were injected."""
    root = tmp_path_factory.mktemp("bare") / "site"
    shutil.copytree(site, root)
    for path in SITE_PAGES:
        page = (
            root / path.strip("/") / "index.html"
            if not path.endswith(".html")
            else root / path.strip("/")
        )
        text = page.read_text(encoding="utf-8")
        page.with_name("injected-" + page.name).write_text(
            text.replace("<main", INJECTED + "<main", 1), encoding="utf-8"
        )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def visit(browser, url):
    """(window.pwned, the console's CSP refusals) of a page."""
    page = browser.new_page()
    refused = []
    page.on(
        "console",
        lambda m: (
            refused.append(m.text)
            if "Content Security Policy" in m.text or "Refused" in m.text
            else None
        ),
    )
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    pwned = page.evaluate("window.pwned || null")
    page.close()
    return pwned, refused


def injected(url):
    return url[: url.rindex("/") + 1] + "injected-" + (url.rsplit("/", 1)[1] or "index.html")


@pytest.mark.parametrize("path", SITE_PAGES)
def test_every_page_carries_the_policy_in_its_head(site, path):
    meta = read_page(site, path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None and meta["content"] == POLICY
    assert "frame-ancestors" not in POLICY and "unsafe-inline" not in POLICY


@pytest.mark.parametrize("path", SITE_PAGES)
def test_with_no_headers_an_injected_script_and_handler_are_blocked(chromium, bare_server, path):
    pwned, refused = chromium.run(visit, injected(bare_server + path))
    assert pwned is None
    assert len(refused) >= 2, refused  # the script and the handler, each refused


@pytest.mark.parametrize("path", SITE_PAGES)
def test_with_no_headers_the_sites_own_resources_break_no_rule(chromium, bare_server, path):
    _pwned, refused = chromium.run(visit, bare_server + path)
    assert refused == []


def test_with_no_headers_search_works_under_the_policy(chromium, bare_server):
    def search(browser):
        page = browser.new_page()
        refused = []
        page.on("console", lambda m: refused.append(m.text) if "Refused" in m.text else None)
        links = search_results(page, bare_server + "/search/", "migraine")
        page.close()
        return links, refused

    links, refused = chromium.run(search)
    assert any("/conditions/migraine/" in link for link in links), links
    assert refused == []
