"""Fixtures that build real sites with Pelican: the clinic's site once per session, and
small fixture sites in tmp_path for the failing cases."""

import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

from tools.build import build

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = ROOT / "pelicanconf.py"
# What a production build (publishconf.py) of the tests reads for its reviewers: the
# clinic's file once its clinicians are named (see the file).
SIGNED_OFF = {"MEDICAL_REVIEWERS_FILE": str(Path(__file__).parent / "reviewers-signed-off.toml")}
# The clinic's article as it reached us (a copy of ../shared/source/). Since the correction
# of issue 15 the site publishes it rewritten (see the README and the "What we changed" page);
# the FAQ still asks its four questions word for word.
SOURCE_ARTICLE = ROOT / "source" / "botox-chronic-pain-article.txt"
# The day the tests take as today, so that no test depends on the real date.
TODAY = "2026-11-25"
FIXTURE_TODAY = "2025-06-01"
LABEL_URL = "https://www.rxabbvie.com/pdf/botox_pi.pdf"
FIXTURE_REVIEWERS = """\
[dr-test]
name = "Dr. Test Reviewer"
credentials = "MD"
type = "Person"
"""
FIXTURE_SAFETY = """\
## Important safety information

### Warning: distant spread of toxin effect

Get medical help right away if you have trouble swallowing or breathing.
"""


@pytest.fixture(autouse=True)
def fresh_log_filter():
    """Pelican's LimitFilter drops a repeated warning for the rest of the process; each
    test must see its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def build_real_site(tmp_path_factory, name, settings_file=SETTINGS_FILE, **overrides):
    """The real site built through the same path as `make html` (or, with publishconf.py,
    `make publish`) into a folder of its own; returns the output folder."""
    output = tmp_path_factory.mktemp(name) / "output"
    build(
        str(settings_file),
        str(output),
        overrides={
            "CACHE_PATH": str(tmp_path_factory.mktemp("cache")),
            "MEDICAL_TODAY": TODAY,
            **overrides,
        },
    )
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built once with pelicanconf.py."""
    return build_real_site(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def signed_off_site(tmp_path_factory):
    """The real site as it builds once the clinic's reviewers are named (``SIGNED_OFF``)."""
    return build_real_site(
        tmp_path_factory, "signed-off", SITE_BUILD_SEARCH_INDEX=False, **SIGNED_OFF
    )


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The real site as `make publish` builds it once its reviewers are named."""
    return build_real_site(tmp_path_factory, "published", ROOT / "publishconf.py", **SIGNED_OFF)


@pytest.fixture(scope="session")
def server(site):
    """The real site served on loopback with its _headers, as the browser gates read it."""
    from browser import serve

    httpd, base = serve(site)
    yield base
    httpd.shutdown()


@pytest.fixture(scope="session")
def settings():
    return read_settings(str(SETTINGS_FILE))


def read_page(output, url_path):
    """Parse the page a URL path like '/faq/' was written to."""
    path = (
        output / url_path.strip("/") / "index.html"
        if not url_path.endswith(".html")
        else output / url_path.strip("/")
    )
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


class FixtureSite:
    """A small site in tmp_path built with the real settings, theme and plugin."""

    def __init__(self, tmp_path):
        self.root = tmp_path
        self.content = tmp_path / "content"
        self.output = tmp_path / "output"
        self.theme = ROOT / "theme"
        (self.content / "pages").mkdir(parents=True)
        (self.content / "articles").mkdir(parents=True)
        self.write("reviewers.toml", FIXTURE_REVIEWERS)
        self.write("includes/important-safety-information.md", FIXTURE_SAFETY)

    def write(self, relative, text):
        """Write a source file under content/; text is dedented."""
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    def copy_theme(self):
        """A private copy of the real theme, for tests that break it."""
        self.theme = self.root / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        return self.theme

    def settings(self, **overrides):
        return read_settings(
            str(SETTINGS_FILE),
            override={
                "PATH": str(self.content),
                "OUTPUT_PATH": str(self.output),
                "CACHE_PATH": str(self.root / "cache"),
                "THEME": str(self.theme),
                "PLUGIN_PATHS": [str(ROOT / "plugins")],
                "MEDICAL_TODAY": FIXTURE_TODAY,
                # Fixture sites test content checks; search and compression are tested on the
                # real site, and would only slow these builds down.
                "SITE_BUILD_SEARCH_INDEX": False,
                "PRECOMPRESS_GZIP": False,
                "PRECOMPRESS_BROTLI": False,
                **overrides,
            },
        )

    def build(self, **overrides):
        Pelican(self.settings(**overrides)).run()

    def settings_file(self):
        """A settings file for the tools that read one: the real settings, this site."""
        path = self.root / "conf.py"
        path.write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
            "from pelicanconf import *  # noqa\n"
            f"PATH = {str(self.content)!r}\n"
            f"THEME = {str(self.theme)!r}\n"
            f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
            f"CACHE_PATH = {str(self.root / 'cache')!r}\n"
            f"MEDICAL_TODAY = {FIXTURE_TODAY!r}\n"
        )
        return path

    def build_command(self):
        """`make html` as a command line: tools/build.py on this site, one plain log line
        per message."""
        return [
            sys.executable,
            str(ROOT / "tools" / "build.py"),
            str(self.settings_file()),
            str(self.output),
            "--log-handler",
            "plain",
        ]

    def page(self, url_path):
        return read_page(self.output, url_path)


@pytest.fixture
def fixture_site(tmp_path):
    return FixtureSite(tmp_path)


MEDICAL_HEADER = {
    "Date": "2025-01-10",
    "Summary": "About cervical dystonia.",
    "Reviewed": "2025-01-31",
    "Reviewer": "dr-test",
    "Sources": f"[BOTOX US Prescribing Information]({LABEL_URL})",
}


def source(body, drop=(), **metadata):
    """Markdown of a medical page: a complete header (metadata overrides it, drop removes
    keys) and the body."""
    fields = {**MEDICAL_HEADER, **metadata}
    header = "\n".join(f"{k}: {v}" for k, v in fields.items() if k not in drop)
    return f"{header}\n\n{body}\n"


def faq_source(*pairs, title="Questions", **metadata):
    """Markdown of an FAQ page with one level-2 heading per (question, answer) pair."""
    body = "\n\n".join(f"## {question}\n\n{answer}" for question, answer in pairs)
    return source(body, Title=title, Kind="faq", Summary="Questions and answers.", **metadata)


def article_source(body="Text.", **metadata):
    return source(body, **{"Title": "An article", "Summary": "An article.", **metadata})


def condition_source(
    drop=(), body="## In short\n\nIt is a neck problem. Botox can help.", **metadata
):
    """Markdown of a condition page; metadata overrides the defaults, drop removes keys."""
    fields = {
        "Title": "Botox for cervical dystonia",
        "Kind": "condition",
        "Condition": "Cervical dystonia",
        "Regulatory_status": "approved",
        "Indication": "Cervical dystonia in adults.",
        **metadata,
    }
    return source(body, drop=drop, **fields)


# Modules that drive a browser, the HTML validators, many site builds or thousands of
# generated examples: `make test-fast` (pytest -m "not slow") leaves them to `make test`.
SLOW_MODULES = {
    "test_corpus",
    "test_readers",
    "test_reading_on_a_phone",
    "test_properties",
    "test_csp_meta",
    "test_preview",
    "test_subpath",
    "test_publish",
    "test_validators",
    "test_content_safeguards",
    "test_medical_trust",
    "test_production",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.module.__name__ in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter):
    """How many examples the property tests ran, and the claims and risk-language
    checks' precision and recall on their corpora: figures CI's log keeps."""
    for name in ("test_claims_corpus", "test_risk_corpus"):
        corpus = sys.modules.get(name)
        if corpus is not None and corpus.summary():
            terminalreporter.write_line(corpus.summary())
    properties = sys.modules.get("test_properties")
    if properties is not None and properties.RUNS:
        terminalreporter.write_line(
            "Hypothesis examples run (fixed seed): "
            + ", ".join(f"{name} {count}" for name, count in sorted(properties.RUNS.items()))
        )


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is an unchecked promise: the run fails if any test was skipped."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped and session.exitstatus == 0:
        session.exitstatus = 1
        reporter.write_line(f"FAILED: {skipped} test(s) skipped; every test must run.", red=True)
