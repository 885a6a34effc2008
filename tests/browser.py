"""A real browser for the gates: Debian's Chromium driven by Playwright, over the built
site served on loopback, with axe-core from node_modules (installed by `make test`), and
pages opened at a phone's width."""

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import ClassVar

from site_build.hosting import parse_headers_file
from support import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Without these, Chromium reaches for Google's services at start; the network is closed.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Phones' widths in CSS pixels. 320: the width WCAG's reflow criterion (1.4.10) asks a
# page to fit; 360: the site's design width (and the readers' gates'); 390: the writer's phone.
PHONE = 390
PHONES = [320, 360, PHONE]
# The page's width beside the window's: a page wider than its window scrolls sideways.
PAGE_WIDTH = """() => ({scroll: document.documentElement.scrollWidth,
                        viewport: window.innerWidth})"""


def chromium_path():
    """Debian's chromium, or the browser CHROMIUM_PATH names (GitHub's runners have Chrome)."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if path is None:
        raise RuntimeError(
            "Chromium is not installed: run `make test` (as root it installs "
            "Debian's chromium), or `sudo apt-get install chromium`"
        )
    return path


class HostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host that reads _headers would: with its headers."""

    rules: ClassVar[dict] = {}

    def end_headers(self):
        path = self.path.split("?")[0]
        for pattern, headers in self.rules.items():
            if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
                for name, value in headers.items():
                    self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(folder):
    """Serve a folder on 127.0.0.1 in a thread, with its _headers; returns (server, URL)."""
    headers_file = Path(folder) / "_headers"
    rules = parse_headers_file(headers_file.read_text()) if headers_file.exists() else {}
    handler = functools.partial(
        type("Handler", (HostHandler,), {"rules": rules}), directory=str(folder)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run_axe(page):
    if not AXE.is_file():
        raise RuntimeError(f"{AXE} is missing: run `make test`, which installs it with npm ci")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))",
        WCAG,
    )


def html_files(site):
    return sorted(p for p in Path(site).rglob("*.html") if "pagefind" not in p.parts)


def nu_messages(files):
    """The Nu HTML Checker's errors over these HTML files, in one run."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def search_results(page, url, words):
    """The result links the site's search page (at url) lists for words."""
    page.goto(url)
    page.fill("#search input", words)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    return [a.get_attribute("href") for a in page.query_selector_all(".pagefind-ui__result-link")]


def axe_results(page, run_only):
    """axe-core's answer in full: {"violations": [...], "passes": [rule ids]}. A test that
    relies on one rule must see it among the passes: a rule with nothing on the page to
    check reports no violation either. run_only: axe's runOnly, e.g. {"type": "tag",
    "values": WCAG} or {"type": "rule", "values": ["landmark-unique"]}."""
    if not AXE.is_file():
        raise RuntimeError(f"{AXE} is missing: run `make test`, which installs it with npm ci")
    if page.evaluate("typeof axe") == "undefined":
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "runOnly => axe.run(document, {runOnly}).then(r => ({"
        " violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})),"
        " passes: r.passes.map(p => p.id)}))",
        run_only,
    )


class ChromiumThread:
    """Chromium driven from a thread of its own, for a test module that needs a browser
    while another module's is still open: Playwright's sync API allows one instance per
    thread, and tests/test_readers.py keeps its browser for the whole run. Every call to
    Playwright must then happen in that thread: run(function, *args) calls
    function(browser, *args) there and returns its result (or raises its exception)."""

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self._thread = ThreadPoolExecutor(max_workers=1)  # always the same thread
        self._thread.submit(self._start).result()

    def _start(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS
        )

    def run(self, function, *args):
        return self._thread.submit(function, self.browser, *args).result()

    def close(self):
        def stop():
            self.browser.close()
            self._playwright.stop()

        self._thread.submit(stop).result()
        self._thread.shutdown()


def at_width(browser, url, width, measure, scheme="light"):
    """measure(page) on url, in a fresh context `width` px wide."""
    # axe is injected as a script, which the site's own CSP rightly refuses; bypass it here.
    context = browser.new_context(
        viewport={"width": width, "height": 844}, color_scheme=scheme, bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto(url)
        return measure(page)
    finally:
        context.close()
