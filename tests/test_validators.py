"""Two HTML validators on every page of the published site (publishconf.py), each with
zero errors: html-validate (npm, pinned; .htmlvalidate.json extends its recommended
rules: accessibility, best practice, telephone numbers that do not break) and the Nu
HTML Checker (vnu-jar). test_readers runs the Nu checker on the development build."""

import json
import subprocess

import pytest
from browser import html_files, nu_messages
from support import ROOT

# The HTML validators over every page: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"


@pytest.fixture(scope="module")
def published(published_site):
    return published_site


def html_validate(files):
    if not HTML_VALIDATE.exists():
        raise RuntimeError(f"{HTML_VALIDATE} is missing: run `make test`, which runs npm ci")
    result = subprocess.run(
        [str(HTML_VALIDATE), "--formatter", "json", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    return [
        f"{report['filePath']}:{m['line']}: [{m['ruleId']}] {m['message']}"
        for report in json.loads(result.stdout or "[]")
        for m in report["messages"]
    ]


def test_html_validate_finds_no_error_on_any_page(published):
    files = html_files(published)
    assert len(files) >= 15
    assert html_validate(files) == []


def test_html_validate_reports_a_breaking_telephone_number(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<a href="tel:+15550100100">(555) 010-0100</a></body></html>'
    )
    assert any("tel-non-breaking" in message for message in html_validate([page]))


def test_the_nu_checker_finds_no_error_on_any_page(published):
    messages = nu_messages(html_files(published))
    assert [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


def test_the_configuration_turns_no_rule_off_without_a_reason():
    config = json.loads((ROOT / ".htmlvalidate.json").read_text())
    assert config["extends"] == ["html-validate:recommended"]
    off = [rule for rule, level in config.get("rules", {}).items() if level in ("off", 0)]
    assert off == []
