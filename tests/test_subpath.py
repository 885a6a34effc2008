"""The site published under a sub-path (SITEURL http://127.0.0.1:<port>/patients), served
under /patients/ by a plain HTTP server, as a project site on GitHub Pages is: every link
of the site, every asset, the canonical links, the sitemap, the feed and robots.txt
resolve (HTTP 200), LinkChecker finds nothing broken, and Pagefind's search works there
in Chromium."""

import functools
import http.server
import re
import subprocess
import sys
import threading
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from browser import ChromiumThread, search_results
from support import ROOT, SIGNED_OFF, TODAY

from tools.build import build

# The site served under a sub-path, crawled and searched in a browser: `make test-fast`
# leaves it to `make test`.
pytestmark = pytest.mark.slow

SUB_PATH = "/patients"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(SITEURL, output folder): the real site published for the sub-path, served from a
    folder where it is only that sub-path (anything outside it is a 404)."""
    root = tmp_path_factory.mktemp("host")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root))
    )
    siteurl = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    output = root / SUB_PATH.strip("/")
    build(
        str(ROOT / "publishconf.py"),
        str(output),
        overrides={
            **SIGNED_OFF,
            "SITEURL": siteurl,
            "MEDICAL_TODAY": TODAY,
            "CACHE_PATH": str(tmp_path_factory.mktemp("cache")),
        },
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield siteurl, output
    server.shutdown()


class Links(HTMLParser):
    """Every address an HTML page links to or loads."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def crawl(siteurl):
    """{url: (status, referrer)} of every same-origin address reached from the home page,
    the sitemap, robots.txt and the feed, following HTML pages."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(siteurl))
    seen, queue = (
        {},
        [
            (siteurl + "/", "start"),
            (siteurl + "/robots.txt", "start"),
            (siteurl + "/feeds/all.atom.xml", "start"),
        ],
    )
    while queue:
        url, referrer = queue.pop()
        url = url.split("#")[0]
        if url in seen or not url.startswith(origin):
            continue
        code, body = status(url)
        seen[url] = (code, referrer)
        if code != 200:
            continue
        text = body.decode("utf-8", "replace")
        if url.endswith((".html", "/")):
            parser = Links()
            parser.feed(text)
            queue += [(urljoin(url, link), url) for link in parser.found]
        elif url.endswith(".xml"):
            tree = ET.fromstring(body)
            queue += [(e.text.strip(), url) for e in tree.iter() if e.tag.endswith("loc")]
            queue += [(e.get("href"), url) for e in tree.iter() if e.tag.endswith("link")]
        elif url.endswith("robots.txt"):
            queue += [
                (line.split(":", 1)[1].strip(), url)
                for line in text.splitlines()
                if line.startswith("Sitemap:")
            ]
        elif url.endswith(".css"):
            queue += [
                (urljoin(url, ref), url) for ref in re.findall(r"url\(['\"]?([^'\")]+)", text)
            ]
    return seen


def test_every_link_asset_canonical_sitemap_feed_and_robots_address_resolves(served):
    siteurl, _ = served
    seen = crawl(siteurl)
    broken = {url: found for url, found in seen.items() if found[0] != 200}
    assert broken == {}, broken
    outside = [url for url in seen if not url.startswith(siteurl + "/")]
    assert outside == []
    for needed in (
        "/sitemap.xml",
        "/feeds/all.atom.xml",
        "/theme/favicon.svg",
        "/pagefind/pagefind-ui.js",
        "/pagefind/pagefind-ui.css",
        "/conditions/migraine/",
        "/articles/botox-for-chronic-pain/",
    ):
        assert siteurl + needed in seen, needed
    assert any(re.search(r"/theme/css/site\.[0-9a-f]+\.css$", url) for url in seen)
    assert len([url for url in seen if url.endswith("/")]) >= 14  # every page, reached


def test_canonical_links_and_the_sitemap_name_the_sub_path(served):
    siteurl, output = served
    page = (output / "faq" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{siteurl}/faq/">' in page
    assert f"<loc>{siteurl}/</loc>" in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"Sitemap: {siteurl}/sitemap.xml" in (output / "robots.txt").read_text()


def test_linkchecker_finds_nothing_broken(served):
    """LinkChecker (PyPI), a kept link checker, crawls the served site on its own."""
    siteurl, _ = served
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "linkcheck",
            "--no-status",
            "--no-warnings",
            "--output=text",
            "--recursion-level=-1",
            siteurl + "/",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
    assert checked and int(checked.group(2)) >= 20, result.stdout


def test_search_finds_a_page_and_its_result_link_resolves(served):
    siteurl, _ = served

    def search(browser):
        page = browser.new_page()
        links = search_results(page, siteurl + "/search/", "dystonia")
        page.close()
        return links

    chromium = ChromiumThread()
    try:
        links = chromium.run(search)
    finally:
        chromium.close()
    assert f"{SUB_PATH}/conditions/cervical-dystonia/" in links, links
    assert all(status(urljoin(siteurl, link))[0] == 200 for link in links)
