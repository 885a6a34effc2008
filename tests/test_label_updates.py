"""The scheduled check of the label registry against openFDA (tools/label_updates.py),
offline: tests/openfda/ holds an answer in openFDA's drug label format (meta, results,
set_id, effective_time), reduced to the fields the check reads, for the BOTOX set id,
with a label newer than the registry's. No network is reached here.

The check fails closed: each hostile answer of tests/openfda/hostile.toml (what a broken
proxy, an outage page, a changed API or a hostile server could send for BOTOX's set id)
is a workflow error at botox.toml's label_revision line saying what was wrong, and no
value of it starts a workflow command of its own."""

import importlib
import json
import re
import socket
import subprocess
import sys
import tomllib
import urllib.request
from io import BytesIO
from string import Template
from unittest.mock import Mock
from urllib.error import HTTPError, URLError

import pytest
from support import IMPORT_PATH, ROOT

from pelican.plugins.medical_content.registry import labels

TOOL = ROOT / "tools" / "label_updates.py"
RECORDED = ROOT / "tests" / "openfda"
REGISTRY = labels.load([labels.HERE])
BOTOX = REGISTRY["botox"]
BOTOX_ID = "33d066a9-34ff-4a1a-b38b-d10983df3300"
BOTOX_FILE = "plugins/medical-content/pelican/plugins/medical_content/registry/labels/botox.toml"
with open(BOTOX.path, encoding="utf-8") as botox_file:  # its label_revision line
    LINE = next(n for n, text in enumerate(botox_file, 1) if text.startswith("label_revision ="))
CURRENT = BOTOX.revision.replace("-", "") + "01"  # an effective_time the registry holds
# what a line of output must not hold: every control character but its line end
CONTROLS = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def run(responses, tmp_path, **environment):
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(TOOL), *(["--responses", str(responses)] if responses else [])],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            "GITHUB_STEP_SUMMARY": str(summary),
            "PATH": "/usr/bin:/bin",
            **IMPORT_PATH,
            **environment,
        },
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


def hostile_answers():
    """tests/openfda/hostile.toml: (HTTP status, body, the reason printed), by name."""
    with open(RECORDED / "hostile.toml", "rb") as corpus:
        answers = tomllib.load(corpus)["answer"]
    cases = []
    for case in answers:
        nested = "[" * case.get("nest", 0) + "]" * case.get("nest", 0)
        text = Template(case["body"]).substitute(set_id=BOTOX_ID, current=CURRENT, nested=nested)
        body = text.encode(case.get("encoding", "utf-8")).ljust(case.get("pad_to", 0))
        cases.append(pytest.param(case.get("status", 200), body, case["error"], id=case["name"]))
    return cases


def commands(output):
    """Every line the Actions runner could read as a workflow command (`::` at the start of
    a line, after spaces; the legacy `##[` anywhere in it)."""
    return [line for line in output.splitlines() if line.lstrip().startswith("::") or "##[" in line]


def botox_answering(status, body, tmp_path):
    """Every label current but BOTOX, whose set id gets this answer."""
    folder = current_answers(tmp_path / "answers")
    (folder / f"{BOTOX_ID}.json").unlink()
    (folder / f"{BOTOX_ID}{'' if status == 200 else f'.{status}'}.json").write_bytes(body)
    return run(folder, tmp_path)


@pytest.mark.parametrize(("status", "body", "reason"), hostile_answers())
def test_a_hostile_answer_is_an_error_at_the_labels_line(status, body, reason, tmp_path):
    result, summary = botox_answering(status, body, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    assert commands(result.stdout) == [
        f"::error file={BOTOX_FILE},line={LINE},title=openFDA answer refused"
        f"::BOTOX: not checked against openFDA (set id {BOTOX_ID}): {reason}"
    ]
    assert f"| BOTOX | {BOTOX.revision} | - | refused |" in summary
    assert not CONTROLS.search(result.stdout + summary)


def test_a_set_id_openfda_does_not_know_is_a_warning(tmp_path):
    """openFDA's documented answer to a search that matches nothing: HTTP 404, NOT_FOUND."""
    not_found = {"error": {"code": "NOT_FOUND", "message": "No matches found!"}}
    result, summary = botox_answering(404, json.dumps(not_found).encode(), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert commands(result.stdout) == [
        f"::warning file={BOTOX_FILE},line={LINE},title=Label not checked"
        "::BOTOX: not found on openFDA; check its prescribing information by hand"
    ]
    assert f"| BOTOX | {BOTOX.revision} | - | not found |" in summary


def test_no_network_is_an_error_for_each_label(tmp_path):
    with socket.socket() as closed:  # a port nothing listens on: the connection is refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result, summary = run(None, tmp_path, https_proxy=f"http://127.0.0.1:{port}")
    assert result.returncode == 1, result.stdout + result.stderr
    errors = commands(result.stdout)
    assert len(errors) == len(REGISTRY.labels)
    assert (
        f"::error file={BOTOX_FILE},line={LINE},title=openFDA unreachable"
        f"::BOTOX: not checked against openFDA (set id {BOTOX_ID}): no answer from openFDA "
        "(URLError: <urlopen error [Errno 111] Connection refused>)"
    ) in errors
    assert summary.count("| unreachable |") == len(REGISTRY.labels)


@pytest.fixture
def tool(monkeypatch):
    """The tool's modules, imported as `python tools/label_updates.py` imports them."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    return importlib.import_module("label_updates"), importlib.import_module("openfda_answer")


class Stream(BytesIO):
    """An HTTP answer: endless when body is None."""

    def __init__(self, body=None, headers=None, status=200):
        super().__init__(body or b"")
        self.endless, self.headers, self.status, self.taken = body is None, headers or {}, status, 0

    def read(self, size=-1):
        assert size > 0, "an answer is read in pieces, never whole"
        self.taken += size
        return b" " * size if self.endless else super().read(size)

    def getcode(self):
        return self.status


@pytest.mark.parametrize(
    ("stream", "taken"),
    [(Stream(), 5 * 2**20 + 1), (Stream(b"{}", {"Content-Length": str(200 * 2**20)}), 0)],
    ids=["endless", "200 MB declared"],
)
def test_an_answer_over_the_limit_is_read_no_further(tool, monkeypatch, stream, taken):
    _, openfda = tool
    monkeypatch.setattr(urllib.request, "urlopen", lambda *_, **__: stream)
    with pytest.raises(openfda.Refused, match="larger than 5 MB"):
        openfda.ask_openfda(BOTOX_ID)
    assert stream.taken == taken


def test_an_answer_that_trickles_past_the_deadline_is_unreachable(tool, monkeypatch):
    _, openfda = tool
    clock = iter(range(0, 10_000, 7))
    monkeypatch.setattr(openfda.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(urllib.request, "urlopen", lambda *_, **__: Stream())
    with pytest.raises(openfda.Unreachable, match="took longer than 60 s"):
        openfda.ask_openfda(BOTOX_ID)


@pytest.mark.parametrize(
    "failure", [TimeoutError("timed out"), ConnectionResetError(104, "reset"), URLError("no DNS")]
)
def test_a_network_error_is_unreachable(tool, monkeypatch, failure):
    _, openfda = tool
    monkeypatch.setattr(urllib.request, "urlopen", Mock(side_effect=failure))
    with pytest.raises(
        openfda.Unreachable, match=f"no answer from openFDA .{type(failure).__name__}"
    ):
        openfda.ask_openfda(BOTOX_ID)


def test_openfdas_404_answer_is_read_as_not_found(tool, monkeypatch):
    _, openfda = tool
    not_found = HTTPError(openfda.API, 404, "Not Found", {}, BytesIO(openfda.NOT_FOUND))
    monkeypatch.setattr(urllib.request, "urlopen", Mock(side_effect=not_found))
    assert openfda.effective_time(BOTOX_ID, openfda.ask_openfda(BOTOX_ID)) is None


def test_values_in_a_workflow_command_are_stripped_and_escaped(tool):
    label_updates, _ = tool
    hostile = "a%b:c,d\r\n::add-mask::e\x85\u2028\u202e\u2066f##[g"
    assert label_updates.command("error", {"file": hostile, "line": 3}, hostile) == (
        "::error file=a%25b%3Ac%2Cd%3A%3Aadd-mask%3A%3Aef# #[g,line=3::a%25b:c,d::add-mask::ef# #[g"
    )
