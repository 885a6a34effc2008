"""The production build (`make publish`, publishconf.py): absolute addresses, the feed,
the sitemap and robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from support import ROOT, SIGNED_OFF, TODAY, build_command, read_page

from tools.build import build

# Production builds of the real site: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

SITEURL = "https://patients.example.org"


@pytest.fixture(scope="module")
def production(published_site):
    return published_site


def test_publishconf_names_the_absolute_site_url():
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / "publishconf.py"))["SITEURL"] == SITEURL


def test_atom_feed_lists_the_article(production):
    feed = ET.parse(production / "feeds" / "all.atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    links = [e.find(f"{atom}link").get("href") for e in feed.iter(f"{atom}entry")]
    assert links == [f"{SITEURL}/articles/botox-for-chronic-pain/"]


def test_sitemap_lists_every_public_page_by_absolute_address(production):
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {e.text for e in ET.parse(production / "sitemap.xml").getroot().iter(f"{ns}loc")}
    assert f"{SITEURL}/conditions/migraine/" in locs and f"{SITEURL}/faq/" in locs
    assert all(loc.startswith(SITEURL + "/") for loc in locs)
    assert not any("404" in loc or "/search/" in loc for loc in locs)


def test_robots_txt_points_at_the_sitemap(production):
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (production / "robots.txt").read_text().splitlines()


@pytest.mark.parametrize(
    "url", ["/", "/faq/", "/conditions/migraine/", "/articles/botox-for-chronic-pain/"]
)
def test_canonical_and_open_graph_are_absolute(production, url):
    soup = read_page(production, url)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == SITEURL + url
    assert soup.find("meta", property="og:url")["content"] == canonical
    assert soup.find("meta", property="og:title")["content"]
    assert soup.find("meta", property="og:description")["content"]
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert (
        soup.find("link", rel="alternate", type="application/atom+xml")["href"]
        == f"{SITEURL}/feeds/all.atom.xml"
    )


def test_the_404_page_is_written_and_not_indexed(production):
    soup = read_page(production, "/404.html")
    assert soup.find("h1").get_text() == "Page not found"
    # Served at whatever address was not found, so its links must not be relative.
    assert soup.find("a", href=f"{SITEURL}/conditions/")


@pytest.mark.parametrize(
    "siteurl, said",
    [
        ("", "SITEURL is empty"),
        ("patients.example.org", "is not an absolute address"),
        ("http://patients.example.org", "is plain http"),
    ],
)
def test_publishing_refuses_a_site_address_that_cannot_be_right(tmp_path, siteurl, said):
    """CI passes the repository variable SITEURL: unset, it arrives empty, and the site
    would ship with relative canonical links, '<loc>/</loc>' and a feed id 'tag:None'."""
    import os
    import subprocess

    environment = {**os.environ, "SITEURL": siteurl}
    result = subprocess.run(
        build_command(ROOT / "publishconf.py", tmp_path / "output"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 1
    assert (
        f"CRITICAL SiteAddressError: {'SITEURL ' + repr(siteurl) if siteurl else ''}"
        in result.stderr
        and said in result.stderr
    ), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    "host, headers, precompressed",
    [("github-pages", False, False), ("netlify", True, False), ("nginx", False, True)],
)
def test_publishing_writes_only_what_the_host_uses(tmp_path, host, headers, precompressed):
    """GitHub Pages ignores _headers and precompressed files (424 KB of 1.5 MB were
    uploaded for nothing); Netlify reads _headers; nginx serves .gz and .br."""
    output = tmp_path / "output"
    build(
        str(ROOT / "publishconf.py"),
        str(output),
        overrides={
            **SIGNED_OFF,
            "CACHE_PATH": str(tmp_path / "cache"),
            "MEDICAL_TODAY": TODAY,
            "SITE_BUILD_HOSTING": host,
        },
    )
    assert (output / "_headers").exists() == headers
    assert any(output.rglob("*.gz")) == precompressed
    assert any(output.rglob("*.br")) == precompressed
    # whatever the host, every page carries its security policy itself
    assert read_page(output, "/faq/").find("meta", attrs={"http-equiv": "Content-Security-Policy"})


def test_publishconf_deploys_to_github_pages_by_default():
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / "publishconf.py"))["SITE_BUILD_HOSTING"] == "github-pages"
