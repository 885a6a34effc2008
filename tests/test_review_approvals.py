"""Sign-off by pull-request approval (issue 31): tools/review_approvals.py says, for each
medical page a pull request changes, who the page names as its reviewer and whether that
reviewer's GitHub accounts (the reviewers file's github = [...]) approved the pull
request; the API's answers are recorded ones (tests/github/), served from a local
server; the changed files come from a real git repository."""

import http.server
import importlib
import json
import threading
from pathlib import Path

import pytest
from support import ROOT, git

RECORDED = Path(__file__).parent / "github"
PAGE = "content/pages/conditions/migraine.md"
OTHER = "content/pages/conditions/tension-headache.md"
REVIEWERS = ROOT / "tests" / "reviewers-signed-off.toml"  # the clinic's, once named


@pytest.fixture
def pull_request(tmp_path):
    """A repository whose pull request changes the migraine page and nothing else medical,
    its event file and its build's report."""
    repository = tmp_path / "site"
    for path in (PAGE, OTHER):
        (repository / path).parent.mkdir(parents=True, exist_ok=True)
        (repository / path).write_text("Title: A page\n\nText.\n", encoding="utf-8")
    git(repository, "init", "-q")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "base")
    base = git(repository, "rev-parse", "HEAD").strip()
    (repository / PAGE).write_text("Title: A page\n\nText, changed.\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "the change to review")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7, "base": {"sha": base}}}))
    report = tmp_path / "compliance-report.json"
    pages = [
        {"page": PAGE, "medical": True, "reviewer": "clinical-team"},
        {"page": OTHER, "medical": True, "reviewer": "clinical-team"},
    ]
    report.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    return repository, event, report


@pytest.fixture
def review_approvals(monkeypatch):
    """The tool, imported as `python tools/review_approvals.py` imports it: with its
    neighbours (tools/label_updates.py, whose workflow commands it prints) on the path."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    return importlib.import_module("review_approvals")


@pytest.fixture
def api():
    """A local stand-in for api.github.com that answers with a recorded answer, and
    remembers what it was asked."""
    asked = []

    class Handler(http.server.BaseHTTPRequestHandler):
        answer = b"[]"

        def do_GET(self):
            asked.append((self.path, self.headers.get("Authorization")))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(Handler.answer)

        def log_message(self, *arguments):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, Handler, asked
    server.shutdown()


def run(review_approvals, pull_request, api, answer, tmp_path, capsys):
    repository, event, report = pull_request
    server, handler, asked = api
    handler.answer = (RECORDED / f"reviews-{answer}.json").read_bytes()
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_REPOSITORY": "example-pain-clinic/site",
        "GITHUB_API_URL": f"http://127.0.0.1:{server.server_address[1]}",
        "GITHUB_TOKEN": "a-read-only-token",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    arguments = [str(report), "--reviewers", str(REVIEWERS), "--repository", str(repository)]
    assert review_approvals.main(arguments, env) == 0  # branch protection blocks, not this
    assert asked == [
        (
            "/repos/example-pain-clinic/site/pulls/7/reviews?per_page=100&page=1",
            "Bearer a-read-only-token",
        )
    ]
    return capsys.readouterr().out.splitlines(), summary.read_text(encoding="utf-8")


def test_approved_by_the_named_reviewer(review_approvals, pull_request, api, tmp_path, capsys):
    lines, summary = run(
        review_approvals, pull_request, api, "approved-by-the-named-reviewer", tmp_path, capsys
    )
    # only the page the pull request changes; a comment before the approval decides nothing
    assert lines == [f"{PAGE}: 'clinical-team' signed: approved by example-clinical-pharmacist"]
    assert (
        f"| `{PAGE}` | clinical-team | example-pain-physician, example-clinical-pharmacist | "
        "approved by example-clinical-pharmacist |"
    ) in summary


@pytest.mark.parametrize("answer", ["approved-by-someone-else", "not-yet", "approval-taken-back"])
def test_not_signed_by_the_named_reviewer(
    review_approvals, pull_request, api, tmp_path, capsys, answer
):
    lines, summary = run(review_approvals, pull_request, api, answer, tmp_path, capsys)
    waiting = (
        f"{PAGE}: 'clinical-team' has not signed yet: waiting for an approval by "
        "example-pain-physician or example-clinical-pharmacist"
    )
    assert lines == [
        waiting,
        f"::warning file={PAGE.replace(':', '%3A')},title=Medical review not signed::{waiting}",
    ]
    assert "| **not yet** |" in summary


def test_outside_a_pull_request_on_github_actions_there_is_nothing_to_check(
    review_approvals, capsys
):
    assert review_approvals.main([], {}) == 0
    assert capsys.readouterr().out == (
        "review approvals: not a pull request on GitHub Actions; nothing to check\n"
    )


def _owners(path):
    """The owners .github/CODEOWNERS gives ``path`` (the last pattern that matches it;
    the file uses only anchored folders and files)."""
    found = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            folder = pattern.endswith("/") and ("/" + path).startswith(pattern)
            if folder or "/" + path == pattern:
                found = owners
    return found


def test_codeowners_makes_the_clinicians_the_reviewers_of_every_medical_file(settings):
    from pelican.plugins.medical_content.registry.risk_rules import DEFAULT_FILE

    team = ["@example-pain-clinic/medical-reviewers"]
    kind_paths = [
        pattern.replace("*.md", "a-page.md") for pattern in settings["MEDICAL_KIND_PATHS"]
    ]
    plugin = ROOT / "plugins/medical-content/pelican/plugins/medical_content"
    medical = [
        "content/articles/a-page.md",
        *(f"content/{path}" for path in kind_paths),
        "content/includes/important-safety-information.md",
        "content/reviewers.toml",
        str((plugin / "registry/labels/botox.toml").relative_to(ROOT)),
        str((plugin / "registry/labels/courses/botox.toml").relative_to(ROOT)),
        str(Path(DEFAULT_FILE).relative_to(ROOT)),
        "pelicanconf.py",
        "publishconf.py",
    ]
    assert {path: _owners(path) for path in medical} == dict.fromkeys(medical, team)
    assert _owners("theme/templates/base.html") == []  # the rest is the engineers'
