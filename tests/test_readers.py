"""Gates for readers, on every page the real site builds, each failing with the page and
the problem: accessibility (axe-core in Chromium, 360 and 1280 px, light and dark),
valid HTML (the Nu HTML Checker), links, nothing loaded from elsewhere, page weight, no
JavaScript needed; and the search page, in a real browser."""

import gzip
import json
import subprocess
from urllib.parse import urljoin, urlsplit

import pytest
from browser import CHROMIUM_ARGS, VNU, chromium_path, html_files, nu_messages, run_axe
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright
from support import SITE_PAGES

# A browser and the Nu HTML Checker over every page: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

PAGE_WEIGHT_LIMIT = 30 * 1024  # bytes, gzip-compressed: HTML + CSS + images a page loads


def url_path(site, file):
    relative = file.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def test_the_gates_cover_every_page_the_site_builds(site):
    assert sorted(url_path(site, f) for f in html_files(site)) == sorted(SITE_PAGES)


def test_the_test_server_sends_the_sites_headers(server):
    import urllib.request

    with urllib.request.urlopen(server + "/faq/") as response:
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", SITE_PAGES)
def test_no_wcag_violations(browser, server, path, width, scheme):
    # axe is injected as a script, which the site's own CSP rightly refuses; bypass it here.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    page.goto(server + path)
    violations = run_axe(page)
    context.close()
    assert violations == [], f"{path} at {width}px ({scheme}):\n" + json.dumps(violations, indent=1)


@pytest.fixture(scope="session")
def nu_errors(site):
    """The Nu HTML Checker's errors, by page, over the whole site in one run."""
    messages = nu_messages(html_files(site))
    by_page = {}
    for message in messages:
        file = message.get("url", "").removeprefix("file:")
        by_page.setdefault(file, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return by_page


@pytest.mark.parametrize("path", SITE_PAGES)
def test_valid_html(site, nu_errors, path):
    file = site / (path.strip("/") + "/index.html" if path.endswith("/") else path.strip("/"))
    file = file if file.is_file() else site / "index.html"
    assert nu_errors.get(str(file.resolve()), []) == [], f"{path}: {nu_errors[str(file.resolve())]}"


def test_nu_checker_reports_an_invalid_page(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></p></span>")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(result.stderr)["messages"], "the checker found nothing in a broken page"


@pytest.fixture(scope="session")
def parsed(site):
    return {
        url_path(site, f): BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
        for f in html_files(site)
    }


def target_file(site, path):
    file = site / path.lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


@pytest.mark.parametrize("path", SITE_PAGES)
def test_every_internal_link_and_fragment_resolves(site, parsed, path):
    soup = parsed[path]
    broken = []
    for element in soup.find_all(["a", "link", "script", "img", "source"]):
        ref = element.get("href") or element.get("src")
        if not ref or urlsplit(ref).scheme in {"http", "https", "mailto", "tel"}:
            continue
        absolute = urlsplit(urljoin(path, ref))
        target = absolute.path
        if not target_file(site, target).is_file():
            broken.append(f"{ref}: no file {target}")
        elif absolute.fragment:
            target_soup = parsed.get(target) or soup
            if not target_soup.find(id=absolute.fragment):
                broken.append(f"{ref}: no element with id {absolute.fragment!r} in {target}")
    assert broken == [], f"{path}: " + "; ".join(broken)


@pytest.fixture(scope="session")
def loads(browser, server):
    """What each page loads in Chromium: (url, resource type, body) of every response,
    and every request, wherever it goes."""
    found = {}
    for path in SITE_PAGES:
        context = browser.new_context(viewport={"width": 360, "height": 900})
        page = context.new_page()
        requests, responses, console = [], [], []
        page.on("request", lambda request, seen=requests: seen.append(request.url))
        page.on("response", lambda response, seen=responses: seen.append(response))
        page.on("console", lambda message, seen=console: seen.append(message.text))
        page.goto(server + path, wait_until="networkidle")
        bodies = [(r.url, r.request.resource_type, r.body()) for r in responses if r.ok]
        found[path] = (requests, bodies, console)
        context.close()
    return found


@pytest.mark.parametrize("path", SITE_PAGES)
def test_nothing_is_loaded_from_elsewhere(server, loads, path):
    requests, _, _ = loads[path]
    assert requests, f"{path}: no request seen at all"
    elsewhere = [url for url in requests if not url.startswith(server + "/")]
    assert elsewhere == [], f"{path} loads from outside the site: {elsewhere}"


@pytest.mark.parametrize("path", SITE_PAGES)
def test_no_console_errors_under_the_content_security_policy(loads, path):
    _, _, console = loads[path]
    assert [m for m in console if "Content Security Policy" in m or "Refused" in m] == []


@pytest.mark.parametrize("path", SITE_PAGES)
def test_page_weight(loads, path):
    _, bodies, _ = loads[path]
    counted = [
        (url, len(gzip.compress(body, 9)))
        for url, kind, body in bodies
        if kind in {"document", "stylesheet", "image"} and "/pagefind/" not in url
    ]
    total = sum(size for _, size in counted)
    assert total <= PAGE_WEIGHT_LIMIT, f"{path}: {total} bytes compressed: {counted}"


@pytest.mark.parametrize("path", SITE_PAGES)
def test_readable_without_javascript(browser, server, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + path)
    main = page.locator("main")
    assert page.locator("h1").is_visible()
    assert len(main.inner_text().split()) > 10, f"{path}: main shows almost nothing"
    if path == "/search/":
        links = page.locator("main noscript a, main .condition-list a")
        assert links.count() >= 7, "without JavaScript, the search page offers the conditions"
    context.close()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("spasticity", "/conditions/limb-spasticity/"),
        ("dystonia", "/conditions/cervical-dystonia/"),
        ("bladder", "/conditions/overactive-bladder/"),
    ],
)
def test_search_finds_a_condition(browser, server, query, expected):
    context = browser.new_context(viewport={"width": 360, "height": 900})
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Refused" in message.text else None,
    )
    page.goto(server + "/search/")
    page.fill("#search input", query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    hrefs = [a.get_attribute("href") for a in page.query_selector_all(".pagefind-ui__result-link")]
    context.close()
    assert expected in hrefs, f"searching {query!r} gave {hrefs}"
    assert refused == [], "the Content-Security-Policy blocked part of the search"


def test_condition_page_prints_without_navigation_and_keeps_what_matters(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/conditions/migraine/")
    page.emulate_media(media="print")

    def display(selector):
        return page.eval_on_selector(selector, "e => getComputedStyle(e).display")

    assert display("header nav") == "none"
    assert display(".breadcrumbs") == "none"
    assert display(".disclaimer") != "none"
    assert display(".reviewed-by") != "none"
    after = page.eval_on_selector(
        "main .content a[href^='/']", "e => getComputedStyle(e, '::after').content"
    )
    assert after.startswith('" (/')
    context.close()


def test_axe_finds_violations_in_a_bad_page(browser):
    page = browser.new_page()
    page.set_content(
        '<html><body><p style="color:#aaa;background:#fff">faint</p>'
        '<img src="x.png"><a href="#"></a></body></html>'
    )
    found = {v["id"] for v in run_axe(page)}
    page.close()
    assert {"color-contrast", "image-alt", "html-has-lang", "link-name"} <= found


def test_requests_elsewhere_are_seen(browser):
    page = browser.new_page()
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.set_content('<img src="https://tracker.example.com/pixel.gif">')
    page.wait_for_timeout(200)
    page.close()
    assert any(url.startswith("https://tracker.example.com/") for url in seen)
