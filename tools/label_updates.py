"""Has the FDA published a newer label than the registry holds? (the scheduled CI job)

For each label of the plugin's registry (its labels/ folder) that has a DailyMed set
id, asks openFDA's drug label API for that set id's current label and compares its
`effective_time` with the file's `label_revision`. A newer label is an error, reported
as a GitHub Actions workflow command at the file's label_revision line and in the job
summary: a pharmacist must read the new label and update the file.

    python tools/label_updates.py [--responses FOLDER]

--responses reads recorded openFDA answers instead of the network: how the tests run it.
<set id>.json is an answer with HTTP status 200, <set id>.<status>.json one with that
status (404.json, 500.json); a set id with no file stands for openFDA's 404 NOT_FOUND.

It fails closed: an answer that is not a well-formed list of labels (openfda_answer.py
says which are), an answer over 5 MB, a network error or a timeout is an error naming
the label; only openFDA's documented 404 NOT_FOUND (a set id it does not know) is a
warning. Every value printed into a workflow command or the job summary has its control
characters stripped and is escaped as the workflow-command syntax requires, so an
answer cannot start a command of its own.

Exit status: 0 when every label is current (or unknown to openFDA), 1 otherwise.
"""

import argparse
import os
import re
import sys
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from openfda_answer import Answer, Refused, ask_openfda, effective_time, recorded

from pelican.plugins.medical_content.registry import labels

ROOT = Path(__file__).resolve().parent.parent

# stripped from every printed value: C0 and C1 controls, the line and paragraph
# separators, and the bidi controls (ALM, LRM, RLM, LRE..RLO, LRI..PDI)
CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def line_of(path: str, key: str) -> int:
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key} ="):
            return number
    return 1


class Row(NamedTuple):
    label: labels.Label
    state: str  # current, newer, not found, no set id, refused, unreachable
    revision: str | None = None  # openFDA's, as the registry writes one (YYYY-MM)
    effective: str | None = None  # openFDA's effective_time
    problem: Refused | None = None
    set_id: str = ""


def compare(registry: labels.Registry, ask: Callable[[str], Answer]) -> list[Row]:
    return [check(label, ask) for label in registry.labels.values()]


def check(label: labels.Label, ask: Callable[[str], Answer]) -> Row:
    set_id = _set_id(label)
    if not set_id:
        return Row(label, "no set id")
    try:
        effective = effective_time(set_id, ask(set_id))
    except Refused as problem:
        return Row(label, problem.state, problem=problem, set_id=set_id)
    if effective is None:
        return Row(label, "not found")
    revision = f"{effective[:4]}-{effective[4:6]}"
    return Row(label, "newer" if revision > label.revision else "current", revision, effective)


def _set_id(label: labels.Label) -> str:
    """The DailyMed set id of a label file (its label_url names it too)."""
    query = urllib.parse.urlparse(label.url).query
    return urllib.parse.parse_qs(query).get("setid", [""])[0]


def clean(value: object) -> str:
    """A value without control characters, and without the legacy `##[` command prefix."""
    return CONTROLS.sub("", str(value)).replace("##[", "# #[")


def command(name: str, properties: dict[str, object], message: str) -> str:
    """A workflow command, its properties and message escaped as GitHub's syntax requires."""

    def data(value: object) -> str:
        return clean(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    listed = ",".join(
        f"{key}={data(value).replace(':', '%3A').replace(',', '%2C')}"
        for key, value in properties.items()
    )
    return f"::{name} {listed}::{data(message)}"


def message(row: Row) -> tuple[str, str, str] | None:
    """(command, title, message) of a row that needs one."""
    brand = row.label.brand
    if row.state == "newer":
        return (
            "error",
            "Newer label",
            f"{brand}: openFDA has a label effective {row.effective}, newer than "
            f"label_revision {row.label.revision}; have a pharmacist read it, then update the "
            "file's indications, label_revision, checked and checked_by",
        )
    if row.problem is not None:
        text = f"{brand}: not checked against openFDA (set id {row.set_id}): {row.problem}"
        return "error", row.problem.title, text
    if row.state in ("not found", "no set id"):
        text = f"{brand}: {row.state} on openFDA; check its prescribing information by hand"
        return "warning", "Label not checked", text
    return None


def report(rows: list[Row]) -> int:
    status = 0
    for row in rows:
        if said := message(row):
            name, title, text = said
            status = 1 if name == "error" else status
            path = row.label.path
            where = {"file": os.path.relpath(path, ROOT), "line": line_of(path, "label_revision")}
            print(command(name, {**where, "title": title}, text))

    def cell(value: object) -> str:
        return clean(value).replace("|", "\\|").replace("<", "&lt;")

    lines = [
        "## Drug labels against openFDA",
        "",
        "| product | registry | openFDA | status |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        "| "
        + " | ".join(cell(v) for v in (r.label.brand, r.label.revision, r.revision or "-", r.state))
        + " |"
        for r in rows
    ]
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--responses", help="a folder of recorded openFDA answers")
    args = parser.parse_args(argv)
    ask = recorded(args.responses) if args.responses else ask_openfda
    return report(compare(labels.load([labels.HERE]), ask))


if __name__ == "__main__":
    sys.exit(main())
