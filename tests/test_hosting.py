"""What the build writes for static hosts: fingerprinted CSS, _headers, precompressed
files; and the one-step swap that publishes a build."""

import gzip
import hashlib
import re

import brotli
import pytest
from site_build.hosting import parse_headers_file
from support import read_page

from tools.build import exchange


def test_css_file_name_carries_a_hash_of_its_content(site):
    [css] = (site / "theme" / "css").glob("site.*.css")
    digest = re.fullmatch(r"site\.([0-9a-f]{10})\.css", css.name)[1]
    assert hashlib.sha256(css.read_bytes()).hexdigest().startswith(digest)
    assert not (site / "theme" / "css" / "site.css").exists()
    for url in ("/", "/faq/", "/conditions/migraine/"):
        link = read_page(site, url).find("link", rel="stylesheet")["href"]
        assert link == f"/theme/css/{css.name}"


@pytest.fixture(scope="module")
def headers(site):
    return parse_headers_file((site / "_headers").read_text())


def test_headers_file_sets_a_strict_policy_on_every_path(headers):
    every = headers["/*"]
    csp = every["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval'" not in csp.replace("wasm-unsafe-eval'", "")
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert every["Strict-Transport-Security"].startswith("max-age=")
    assert int(every["Strict-Transport-Security"].split("=")[1].split(";")[0]) >= 31536000
    assert every["X-Content-Type-Options"] == "nosniff"
    assert every["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in every["Permissions-Policy"]


def test_fingerprinted_css_is_cached_for_a_year(site, headers):
    [css] = (site / "theme" / "css").glob("site.*.css")
    rule = headers[f"/theme/css/{css.name}"]
    assert rule["Cache-Control"] == "public, max-age=31536000, immutable"
    assert not any(
        "immutable" in h.get("Cache-Control", "")
        for p, h in headers.items()
        if p.endswith(".html") or p == "/*"
    )


def test_no_page_has_inline_script_or_style_that_the_policy_would_refuse(site):
    for page in site.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        assert all('type="application/ld+json"' in attrs for attrs in scripts), page
        assert "<style" not in html and " style=" not in html and "onclick" not in html, page


@pytest.mark.parametrize(
    "name",
    [
        "index.html",
        "faq/index.html",
        "sitemap.xml",
        "conditions/migraine/index.html",
        "pagefind/pagefind-ui.js",
    ],
)
def test_text_files_are_precompressed(site, name):
    original = (site / name).read_bytes()
    assert gzip.decompress((site / (name + ".gz")).read_bytes()) == original
    assert brotli.decompress((site / (name + ".br")).read_bytes()) == original


def test_every_compressible_file_has_both_forms(site):
    missing = [
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.suffix in {".html", ".css", ".js", ".xml"}
        and p.stat().st_size > 200
        and not ((p.parent / (p.name + ".gz")).exists() and (p.parent / (p.name + ".br")).exists())
    ]
    assert missing == []


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    old, new = tmp_path / "output", tmp_path / "staging"
    old.mkdir()
    new.mkdir()
    (old / "index.html").write_text("old site")
    (new / "index.html").write_text("new site")
    old_inode = old.stat().st_ino
    assert exchange(str(new), str(old)) is True
    assert (old / "index.html").read_text() == "new site"
    assert (new / "index.html").read_text() == "old site"
    assert old.stat().st_ino != old_inode
