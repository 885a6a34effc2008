"""The weekly reminder (.github/workflows/reminders.yml), offline: a small site built as
`make html` builds it gives the compliance report the reminder reads
(tools/review_reminders.py), openFDA's answers are recorded as in
tests/test_label_updates.py, and GitHub's are recorded in tests/github/ (the open issues,
an issue as GitHub returns it). tools/reminder_issue.py then opens one issue when
something is due, updates the one open on the next run (never a second), and closes it
when nothing is due. No network is reached here."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from ruamel.yaml import YAML
from support import ROOT, build_command, condition_source

from pelican.plugins.medical_content.registry import labels

REMINDERS = ROOT / "tools" / "review_reminders.py"
ISSUE = ROOT / "tools" / "reminder_issue.py"
GITHUB = ROOT / "tests" / "github"
OPENFDA = ROOT / "tests" / "openfda"  # BOTOX newer than the registry's
REGISTRY = labels.load([labels.HERE])
MARKER = "<!-- review-reminders: opened and updated by .github/workflows/reminders.yml -->"
PAGE = "content/pages/conditions/cd.md"

# A build is a process of its own for each case: `make test-fast` leaves them.
pytestmark = pytest.mark.slow


def current_answers(folder):
    """openFDA answering, for every label, the revision the registry holds."""
    folder.mkdir()
    template = json.loads(next(OPENFDA.glob("*.json")).read_text(encoding="utf-8"))
    for label in REGISTRY.labels.values():
        set_id = label.url.split("setid=")[1]
        effective = label.revision.replace("-", "") + "01"
        template["results"][0].update(set_id=set_id, effective_time=effective)
        (folder / f"{set_id}.json").write_text(json.dumps(template), encoding="utf-8")
    return folder


def report_of(fixture_site, today=None, **header):
    """The compliance report of a site of one condition page, built as make html builds."""
    fixture_site.write("pages/conditions/cd.md", condition_source(**header))
    settings = fixture_site.settings_file()
    if today:
        settings.write_text(settings.read_text() + f"MEDICAL_TODAY = {today!r}\n")
    result = subprocess.run(
        build_command(settings, fixture_site.output), capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in result.stderr, result.stderr
    return fixture_site.root / "compliance-report.json"


def reminder_of(report, tmp_path, responses):
    out, summary = tmp_path / "reminder.json", tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(REMINDERS), str(report), "--out", str(out), "--responses", responses],
        capture_output=True,
        text=True,
        timeout=120,
        env={**_environment(), "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    reminder = json.loads(out.read_text(encoding="utf-8"))
    assert summary.read_text(encoding="utf-8") == f"## {reminder['title']}\n\n{reminder['body']}\n"
    return out, reminder


def post(reminder_file, tmp_path, answers):
    """tools/reminder_issue.py against GitHub's recorded answers: (what it said, the
    requests it sent)."""
    folder = tmp_path / "github"
    shutil.copytree(GITHUB / answers, folder)
    result = subprocess.run(
        [sys.executable, str(ISSUE), str(reminder_file), "--recorded", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        env=_environment(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sent = (folder / "sent.jsonl").read_text(encoding="utf-8").splitlines()
    return result.stdout.strip(), [json.loads(line) for line in sent]


def _environment():
    """This checkout's plugin and tools, and no GitHub token: nothing could reach GitHub."""
    return {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}


LIST = {"method": "GET", "path": "/issues?state=open&creator=github-actions%5Bbot%5D&per_page=100"}


def test_nothing_due_opens_no_issue(fixture_site, tmp_path):
    report = report_of(fixture_site)  # reviewed 2025-01-31, due 2026-01-31; today 2025-06-01
    reminder_file, reminder = reminder_of(report, tmp_path, current_answers(tmp_path / "fda"))
    assert reminder["due"] is False
    assert reminder["body"].startswith(MARKER) and "Nothing is due." in reminder["body"]
    said, sent = post(reminder_file, tmp_path, "no-reminder-open")
    assert said == "nothing is due, and no reminder is open"
    assert sent == [{**LIST, "body": None}]


def test_one_review_due_opens_one_issue_that_names_the_page(fixture_site, tmp_path):
    report = report_of(fixture_site, Next_review="2025-06-20")
    reminder_file, reminder = reminder_of(report, tmp_path, current_answers(tmp_path / "fda"))
    assert reminder["due"] is True
    assert reminder["title"] == "Medical reviews and drug labels: 1 due within 30 days"
    assert "### Reviews due within 30 days" in reminder["body"]
    assert f"| `{PAGE}` | 2025-01-31 | 2025-06-20 |" in reminder["body"]
    assert "Overdue" not in reminder["body"] and "Drug labels to check" not in reminder["body"]
    said, sent = post(reminder_file, tmp_path, "no-reminder-open")
    assert said == "opened reminder #13"
    assert sent == [
        {**LIST, "body": None},
        {
            "method": "POST",
            "path": "/issues",
            "body": {"title": reminder["title"], "body": reminder["body"]},
        },
    ]


def test_a_reminder_already_open_is_updated_not_opened_again(fixture_site, tmp_path):
    report = report_of(fixture_site, Next_review="2025-06-20")
    reminder_file, reminder = reminder_of(report, tmp_path, current_answers(tmp_path / "fda"))
    said, sent = post(reminder_file, tmp_path, "reminder-open")
    # #12 is Actions' reminder; #15 a pull request and #14 a person's issue quote the marker
    assert said == "updated reminder #12"
    assert sent == [
        {**LIST, "body": None},
        {
            "method": "PATCH",
            "path": "/issues/12",
            "body": {"title": reminder["title"], "body": reminder["body"]},
        },
    ]


def test_a_second_reminder_a_past_run_left_is_closed(fixture_site, tmp_path):
    report = report_of(fixture_site, Next_review="2025-06-20")
    reminder_file, _ = reminder_of(report, tmp_path, current_answers(tmp_path / "fda"))
    answers = tmp_path / "answers"
    shutil.copytree(GITHUB / "reminder-open", answers)
    issues = json.loads((answers / "open-issues.json").read_text(encoding="utf-8"))
    [first] = [issue for issue in issues if issue["number"] == 12]
    issues.append({**first, "number": 16, "title": "a second reminder"})
    (answers / "open-issues.json").write_text(json.dumps(issues), encoding="utf-8")
    said, sent = post(reminder_file, tmp_path, answers)
    assert said == "updated reminder #12"
    assert [(r["method"], r["path"], r["body"].get("state")) for r in sent[1:]] == [
        ("PATCH", "/issues/16", "closed"),
        ("PATCH", "/issues/12", None),
    ]


def test_nothing_due_closes_the_open_reminder(fixture_site, tmp_path):
    reminder_file, reminder = reminder_of(
        report_of(fixture_site), tmp_path, current_answers(tmp_path / "fda")
    )
    said, sent = post(reminder_file, tmp_path, "reminder-open")
    assert said == "nothing is due: closed reminder #12"
    assert sent[1:] == [
        {
            "method": "PATCH",
            "path": "/issues/12",
            "body": {
                "title": reminder["title"],
                "body": reminder["body"],
                "state": "closed",
                "state_reason": "completed",
            },
        }
    ]


def test_overdue_pages_stale_labels_and_newer_labels_are_listed(fixture_site, tmp_path):
    # A year after every label of the registry was checked (2026-11-25), more than
    # MEDICAL_LABEL_CHECK_MONTHS (12); openFDA has a newer BOTOX label (tests/openfda/).
    report = report_of(fixture_site, today="2027-12-01", Next_review="2025-06-20")
    _, reminder = reminder_of(report, tmp_path, OPENFDA)
    body = reminder["body"]
    assert reminder["title"] == (
        "Medical reviews and drug labels: 1 review(s) overdue, "
        f"{len(REGISTRY.labels)} label(s) to check"  # BOTOX both stale and newer: once
    )
    assert f"| `{PAGE}` | 2025-01-31 | 2025-06-20 |" in body.split("### Overdue")[1]
    botox = REGISTRY["botox"]
    where = "plugins/medical-content/pelican/plugins/medical_content/registry/labels/botox.toml"
    assert (
        f"| BOTOX | `{where}` | last checked {botox.checked.isoformat()}, more than 12 months ago |"
    ) in body
    newer = f"| BOTOX | `{where}` | openFDA has revision 2026-03, the registry {botox.revision} |"
    assert newer in body


def test_the_workflow_gives_issues_write_to_the_job_that_runs_no_build():
    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "reminders.yml").read_text())
    assert workflow["on"]["schedule"][0]["cron"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["list"]["permissions"] == {"contents": "read"}
    assert jobs["remind"]["permissions"] == {"contents": "read", "issues": "write"}
    assert jobs["remind"]["needs"] == "list"
    runs = {name: [s.get("run", "") for s in job["steps"]] for name, job in jobs.items()}
    assert "make reminders" in runs["list"]
    assert runs["remind"] == ["", "", "python3 tools/reminder_issue.py reminder.json"]
    [posting] = [step for step in jobs["remind"]["steps"] if "run" in step]
    assert posting["env"] == {"GITHUB_TOKEN": "${{ secrets.GITHUB_TOKEN }}"}
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert all(len(use.split("@")[1]) == 40 for use in uses), uses
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert '\t$(PYTHON) tools/review_reminders.py "$(REPORT)" --out reminder.json' in makefile
