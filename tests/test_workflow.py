"""The GitHub Actions workflow: valid for GitHub's schema, clean under zizmor's audits
(both offline; zizmor reads dependabot.yml too), and shaped so that a failing check never
deploys."""

import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
BIN = Path(sys.executable).parent


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_workflow_matches_githubs_schema():
    result = run(
        str(BIN / "check-jsonschema"),
        "--builtin-schema",
        "vendor.github-workflows",
        *map(str, sorted(WORKFLOW.parent.glob("*.yml"))),
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_workflow_has_no_zizmor_findings(persona):
    result = run(
        str(BIN / "zizmor"),
        "--offline",
        "--persona",
        persona,
        str(WORKFLOW.parent),
        str(DEPENDABOT),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dependabot.yml" in result.stderr  # audited too (its cooldown)


def test_zizmor_finds_an_unpinned_action(tmp_path):
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: some/action@v1\n      - run: echo ${{ github.event.head_commit.message }}\n"
    )
    assert run(str(BIN / "zizmor"), "--offline", str(bad)).returncode != 0


@pytest.fixture(scope="module")
def workflow():
    return YAML(typ="safe").load(WORKFLOW.read_text())


def test_least_permissions_and_one_run_at_a_time(workflow):
    assert workflow["permissions"] == {}
    # reading a pull request's reviews (tools/review_approvals.py) is all it adds
    assert workflow["jobs"]["build"]["permissions"] == {
        "contents": "read",
        "pull-requests": "read",
    }
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "${{ github.ref }}" in workflow["concurrency"]["group"]


def test_every_action_is_pinned_to_a_commit(workflow):
    uses = [
        step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step
    ]
    assert uses and all(len(u.split("@")[1]) == 40 for u in uses), uses
    assert {u.split("@")[0] for u in uses} >= {
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }


def test_deploy_needs_the_checks_and_only_runs_for_main(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert steps.index("make test") < steps.index("make publish")
