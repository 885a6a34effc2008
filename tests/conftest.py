"""Fixtures that build real sites with Pelican: the clinic's site once per session, and
small fixture sites in tmp_path for the failing cases."""

import os
import sys

import pytest
from pelican.settings import read_settings
from support import ROOT, SETTINGS_FILE, SIGNED_OFF, FixtureSite, build_real_site, fresh_log_filter

__all__ = ["fresh_log_filter"]

# On GitHub Actions the test run's own builds would write their reports into the job's
# summary and read the pull request's changes; the tests that want them set them.
for _name in ("GITHUB_STEP_SUMMARY", "GITHUB_BASE_REF"):
    os.environ.pop(_name, None)


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


@pytest.fixture(scope="module")
def chromium():
    """Chromium in a thread of its own (browser.ChromiumThread), one for each test module."""
    from browser import ChromiumThread

    browser = ChromiumThread()
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def settings():
    return read_settings(str(SETTINGS_FILE))


@pytest.fixture
def fixture_site(tmp_path):
    return FixtureSite(tmp_path)


def pytest_terminal_summary(terminalreporter):
    """How many examples the property tests ran, and the claims and risk-language
    checks' precision and recall on their corpora and the held-out sentences: figures CI's
    log keeps."""
    for name in ("test_claims_corpus", "test_risk_corpus", "test_heldout_corpus"):
        corpus = sys.modules.get(name)
        if corpus is not None and corpus.summary():
            terminalreporter.write_line(corpus.summary())
    properties = sys.modules.get("pelican.plugins.medical_content.tests.test_properties")
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
