"""What `make publish` lets through, whatever the settings or a page say (issue 29): an
unreviewed preview is never uploaded (`make github`, `make rsync_upload` run
tools/publishable.py after the build), and only a site whose build wrote its compliance
report is; a setting that weakens a gate of the publish policy stops the build, and the
policy in force is printed, and written to CI's job summary."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings
from support import IMPORT_PATH, ROOT, build_command

from pelican.plugins.medical_content.registry.risk_rules import DEFAULT_FILE

RISK_RULES = Path(DEFAULT_FILE)

PUBLISHABLE = ROOT / "tools" / "publishable.py"


def site(tmp_path, report):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    if report is not None:
        (tmp_path / "compliance-report.json").write_text(json.dumps(report), encoding="utf-8")
    return output


def upload(output):
    return subprocess.run(
        [sys.executable, str(PUBLISHABLE), str(output)], capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("report", "why"),
    [
        ({"preview": True, "pages": []}, "this build is an unreviewed preview"),
        ({"pages": []}, "this build is an unreviewed preview"),  # a report that does not say
        (None, "is missing or unreadable"),
    ],
)
def test_a_preview_or_an_unchecked_site_is_not_uploaded(tmp_path, report, why):
    done = upload(site(tmp_path, report))
    assert done.returncode == 1
    assert done.stderr.startswith("Not uploaded: ") and why in done.stderr


def test_a_published_site_is_uploaded(tmp_path):
    done = upload(site(tmp_path, {"preview": False, "pages": []}))
    assert (done.returncode, done.stderr) == (0, "")


def test_an_empty_output_folder_is_not_uploaded(tmp_path):
    (tmp_path / "output").mkdir()
    done = upload(tmp_path / "output")
    assert done.returncode == 1 and "holds no built site" in done.stderr


def test_the_upload_targets_check_before_anything_leaves_the_machine():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("github", "rsync_upload"):
        recipe = makefile.split(f"\n{target}: publish\n", 1)[1].split("\n\n", 1)[0]
        assert recipe.splitlines()[0].strip() == '$(PYTHON) tools/publishable.py "$(OUTPUTDIR)"'


def production(tmp_path, **overrides):
    """`make publish` of the real site with a settings file that changes what it says."""
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *  # noqa\n"
        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n"
        + "".join(f"{key} = {value!r}\n" for key, value in overrides.items()),
        encoding="utf-8",
    )
    return subprocess.run(
        build_command(conf, tmp_path / "output"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **IMPORT_PATH},
    )


@pytest.mark.parametrize(
    ("setting", "value", "said"),
    [
        ("MEDICAL_TODAY", "2026-11-25", "setting MEDICAL_TODAY is '2026-11-25', but make publish"),
        ("MEDICAL_OVERDUE_REVIEW", "warning", "setting MEDICAL_OVERDUE_REVIEW is 'warning'"),
        ("MEDICAL_REVIEW_INTERVAL_MONTHS", 36, "setting MEDICAL_REVIEW_INTERVAL_MONTHS is 36"),
        (
            "MEDICAL_CHANGED_AFTER_REVIEW",
            "ignore",
            "setting MEDICAL_CHANGED_AFTER_REVIEW is 'ignore', but a page whose text changed",
        ),
        (
            "MEDICAL_REVIEWERS_FILE",
            str(ROOT / "tests" / "reviewers-signed-off.toml"),
            "setting MEDICAL_REVIEWERS_FILE is ",
        ),
    ],
)
def test_a_setting_that_weakens_a_gate_stops_make_publish(tmp_path, setting, value, said):
    done = production(tmp_path, **{setting: value})
    log = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in log
    assert "the settings weaken the publish policy (make publish): " + said in log
    assert not (tmp_path / "output").exists()


def test_a_rules_file_that_drops_a_rule_stops_make_publish(tmp_path):
    rules = RISK_RULES.read_text(encoding="utf-8")
    first = rules.index("[[rule]]")
    second = rules.index("[[rule]]", first + 1)
    (tmp_path / "fewer-rules.toml").write_text(rules[:first] + rules[second:], encoding="utf-8")
    done = production(tmp_path, MEDICAL_RISK_LANGUAGE=str(tmp_path / "fewer-rules.toml"))
    log = done.stdout + done.stderr
    assert done.returncode == 1
    assert (
        "setting MEDICAL_RISK_LANGUAGE names a rules file that drops or changes the rule(s) "
        "absolute-safety of the plugin's own"
    ) in log


def test_make_publish_refuses_a_page_changed_after_its_review_and_a_preview_marks_it(
    monkeypatch,
):
    # tests/test_review_follows_change.py builds both on a site in git
    monkeypatch.delenv("MEDICAL_PLACEHOLDER_REVIEWS", raising=False)
    assert read_settings(str(ROOT / "publishconf.py"))["MEDICAL_CHANGED_AFTER_REVIEW"] == "refuse"
    monkeypatch.setenv("MEDICAL_PLACEHOLDER_REVIEWS", "mark")
    assert read_settings(str(ROOT / "publishconf.py"))["MEDICAL_CHANGED_AFTER_REVIEW"] == "mark"


def test_pelicanconf_cannot_turn_the_policy_off(tmp_path):
    # publishconf.py sets the policy after it reads pelicanconf.py
    settings = read_settings(str(ROOT / "publishconf.py"))
    assert settings["MEDICAL_POLICY"] == "production"
    assert "MEDICAL_POLICY" not in (ROOT / "pelicanconf.py").read_text(encoding="utf-8")


def test_the_policy_in_force_is_printed_and_written_to_the_job_summary(tmp_path):
    summary = tmp_path / "summary.md"
    conf_env = {"MEDICAL_PLACEHOLDER_REVIEWS": "mark", "GITHUB_STEP_SUMMARY": str(summary)}
    done = subprocess.run(
        build_command(ROOT / "publishconf.py", tmp_path / "output"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **IMPORT_PATH, **conf_env},
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-3000:]
    line = next(text for text in log.splitlines() if "Publish policy: " in text)
    assert "(the machine's date); an overdue review is an error" in line
    assert "an UNREVIEWED PREVIEW, never to be uploaded" in line
    assert summary.read_text(encoding="utf-8").startswith("### Publish policy\n\nPublish policy: ")
