"""The scheduled check of the label registry against openFDA (tools/label_updates.py),
offline: tests/openfda/ holds an answer in openFDA's drug label format (meta, results,
set_id, effective_time), reduced to the fields the check reads, for the BOTOX set id,
with a label newer than the registry's. No network is reached here."""

import json
import subprocess
import sys

from support import ROOT

from pelican.plugins.medical_content.registry import labels

TOOL = ROOT / "tools" / "label_updates.py"
RECORDED = ROOT / "tests" / "openfda"
REGISTRY = labels.load([labels.HERE])


def run(responses, tmp_path):
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(TOOL), "--responses", str(responses)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": "/usr/bin:/bin"},
    )
    return result, summary.read_text(encoding="utf-8") if summary.exists() else ""


def current_answers(folder):
    """openFDA answering, for every label, the revision the registry holds."""
    folder.mkdir()
    template = json.loads(next(RECORDED.glob("*.json")).read_text(encoding="utf-8"))
    for label in REGISTRY.labels.values():
        set_id = label.url.split("setid=")[1]
        answer = json.loads(json.dumps(template))
        answer["results"][0].update(
            set_id=set_id, effective_time=label.revision.replace("-", "") + "01"
        )
        (folder / f"{set_id}.json").write_text(json.dumps(answer), encoding="utf-8")
    return folder


def test_a_newer_label_on_openfda_fails_at_the_files_revision_line(tmp_path):
    result, summary = run(RECORDED, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    botox = REGISTRY["botox"]
    with open(botox.path, encoding="utf-8") as label:
        line = next(n for n, text in enumerate(label, 1) if text.startswith("label_revision ="))
    assert (
        "::error file=plugins/medical-content/pelican/plugins/medical_content/registry/labels/"
        f"botox.toml,line={line},"
        "title=Newer label::BOTOX: openFDA has a label effective 20260315, newer than "
        f"label_revision {botox.revision}"
    ) in result.stdout
    assert f"| BOTOX | {botox.revision} | 2026-03 | newer |" in summary
    # the other set ids had no recorded answer: each is a warning, not silence
    assert result.stdout.count("::warning ") == len(REGISTRY.labels) - 1


def test_every_label_current_passes(tmp_path):
    result, summary = run(current_answers(tmp_path / "answers"), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout and "::warning" not in result.stdout
    assert summary.count("| current |") == len(REGISTRY.labels)


def test_the_workflow_runs_it_on_a_schedule():
    from ruamel.yaml import YAML

    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "labels.yml").read_text())
    assert workflow["on"]["schedule"][0]["cron"]
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make labels" in steps
    makefile = (ROOT / "Makefile").read_text()
    assert "labels: $(INSTALLED)\n\t$(PYTHON) tools/label_updates.py" in makefile
    assert workflow["permissions"] == {}
