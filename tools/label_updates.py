"""Has the FDA published a newer label than the registry holds? (the scheduled CI job)

For each label of the plugin's registry (its labels/ folder) that has a DailyMed set
id, asks openFDA's drug label API for that set id's current label and compares its
`effective_time` with the file's `label_revision`. A newer label is an error, reported
as a GitHub Actions workflow command at the file's label_revision line and in the job
summary: a pharmacist must read the new label and update the file.

    python tools/label_updates.py [--responses FOLDER]

--responses reads recorded openFDA answers (<set id>.json) instead of the network: how
the tests run it. Exit status: 0 when every label is current, 1 when one is not (or
openFDA could not be asked).
"""

import argparse
import json
import os
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from pelican.plugins.medical_content.registry import labels

ROOT = Path(__file__).resolve().parent.parent

API = "https://api.fda.gov/drug/label.json"


def ask_openfda(set_id):
    query = urllib.parse.urlencode({"search": f'set_id:"{set_id}"', "limit": 1})
    try:
        with urllib.request.urlopen(f"{API}?{query}", timeout=30) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as error:
        if error.code == 404:  # openFDA's answer to a search that matches nothing
            return {"results": []}
        raise


def recorded(folder):
    def ask(set_id):
        path = Path(folder) / f"{set_id}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"results": []}

    return ask


def published_revision(answer):
    """openFDA's effective_time (YYYYMMDD) as the registry writes a revision (YYYY-MM)."""
    results = answer.get("results") or []
    if not results or len(results[0].get("effective_time", "")) < 6:
        return None, None
    effective = results[0]["effective_time"]
    return f"{effective[:4]}-{effective[4:6]}", effective


def line_of(path, key):
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key} ="):
            return number
    return 1


def compare(registry, ask):
    """[(label, status, openFDA's revision, effective_time)], status: current, newer,
    not found or no set id."""
    rows = []
    for label in registry.labels.values():
        set_id = _set_id(label)
        if not set_id:
            rows.append((label, "no set id", None, None))
            continue
        revision, effective = published_revision(ask(set_id))
        if revision is None:
            rows.append((label, "not found", None, None))
        else:
            rows.append(
                (label, "newer" if revision > label.revision else "current", revision, effective)
            )
    return rows


def _set_id(label):
    """The DailyMed set id of a label file (its label_url names it too)."""
    query = urllib.parse.urlparse(label.url).query
    return urllib.parse.parse_qs(query).get("setid", [""])[0]


def report(rows):
    status = 0
    for label, state, _revision, effective in rows:
        where = (
            f"file={os.path.relpath(label.path, ROOT)},line={line_of(label.path, 'label_revision')}"
        )
        if state == "newer":
            status = 1
            print(
                f"::error {where},title=Newer label::{label.brand}: openFDA has a label "
                f"effective {effective}, newer than label_revision {label.revision}; have a "
                "pharmacist read it, then update the file's indications, label_revision, "
                "checked and checked_by"
            )
        elif state in ("not found", "no set id"):
            print(
                f"::warning {where},title=Label not checked::{label.brand}: {state} on "
                "openFDA; check its prescribing information by hand"
            )
    lines = [
        "## Drug labels against openFDA",
        "",
        "| product | registry | openFDA | status |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {label.brand} | {label.revision} | {revision or '-'} | {state} |"
        for label, state, revision, _ in rows
    ]
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return status


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", help="a folder of recorded openFDA answers")
    args = parser.parse_args(argv)
    ask = recorded(args.responses) if args.responses else ask_openfda
    try:
        rows = compare(labels.load([labels.HERE]), ask)
    except OSError as error:
        print(f"::error title=openFDA unreachable::{error}")
        return 1
    return report(rows)


if __name__ == "__main__":
    sys.exit(main())
