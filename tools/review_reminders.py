"""What the weekly reminder lists (the scheduled workflow .github/workflows/reminders.yml,
`make reminders`): the medical pages whose review is overdue or falls due within
MEDICAL_REVIEW_REMINDER_DAYS (30), and the labels of the registry that a person has not
checked for MEDICAL_LABEL_CHECK_MONTHS (12) or that openFDA has a newer revision of.

The pages come from the plugin's own reading of them: the compliance report a build
writes (compliance-report.json: each page's reviewed and next_review, the build's day
and its settings), never from a second reading of their headers. The labels are the
registry's (``Registry.stale``), compared with openFDA as tools/label_updates.py does.

    python tools/review_reminders.py REPORT --out reminder.json [--responses FOLDER]

writes the reminder, {"due": ..., "title": ..., "body": ...}, for tools/reminder_issue.py
to open or update the one reminder issue with, and its body to the job's summary.
--responses reads recorded openFDA answers instead of the network, as label_updates.py
does: how the tests run it. Exit status 0, or 1 when the report cannot be read.
"""

import argparse
import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

from label_updates import Row, clean, compare
from openfda_answer import ask_openfda, recorded
from reminder_issue import MARKER

from pelican.plugins.medical_content.registry import labels

ROOT = Path(__file__).resolve().parent.parent


class Page(NamedTuple):
    page: str
    reviewed: str
    next_review: datetime.date


class Due(NamedTuple):
    today: datetime.date
    days: int
    months: int
    overdue: list[Page]
    soon: list[Page]
    stale: list[labels.Label]
    newer: list[Row]
    unchecked: list[Row]  # openFDA could not be asked, or its answer was refused

    @property
    def any(self) -> bool:
        return bool(self.overdue or self.soon or self.stale or self.newer)


def read_report(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as report:
        found = json.load(report)
    for key in ("today", "review_reminder_days", "label_check_months", "pages"):
        if key not in found:
            raise ValueError(f"{path} has no {key!r}: build the site with this plugin again")
    return found


def due(report: dict[str, Any], registry: labels.Registry, rows: list[Row]) -> Due:
    today = datetime.date.fromisoformat(report["today"])
    days, months = int(report["review_reminder_days"]), int(report["label_check_months"])
    pages = [
        Page(row["page"], row["reviewed"], datetime.date.fromisoformat(row["next_review"]))
        for row in report["pages"]
        if row.get("medical") and row.get("next_review")
    ]
    soon_until = today + datetime.timedelta(days=days)
    return Due(
        today,
        days,
        months,
        overdue=sorted((p for p in pages if p.next_review < today), key=lambda p: p.next_review),
        soon=sorted(
            (p for p in pages if today <= p.next_review <= soon_until), key=lambda p: p.next_review
        ),
        stale=registry.stale(today, months),
        newer=[row for row in rows if row.state == "newer"],
        unchecked=[row for row in rows if row.problem is not None],
    )


def cell(value: object) -> str:
    """A table cell: no control characters, no column or HTML break, paths as code (no
    @mention or link is read inside a code span)."""
    return clean(value).replace("|", "\\|").replace("<", "&lt;")


def code(value: object) -> str:
    return "`" + cell(value).replace("`", "'") + "`"


def title(found: Due) -> str:
    if not found.any:
        return f"Medical reviews and drug labels: nothing due ({found.today.isoformat()})"
    labels_to_check = {label.key for label in found.stale} | {row.label.key for row in found.newer}
    parts = [
        f"{len(found.overdue)} review(s) overdue" if found.overdue else "",
        f"{len(found.soon)} due within {found.days} days" if found.soon else "",
        f"{len(labels_to_check)} label(s) to check" if labels_to_check else "",
    ]
    return "Medical reviews and drug labels: " + ", ".join(p for p in parts if p)


def body(found: Due) -> str:
    lines = [
        MARKER,
        f"As of {found.today.isoformat()}, from the site's compliance report and the label "
        "registry. This issue is updated every Monday, and closed when nothing is due.",
        "",
    ]
    if not found.any:
        return "\n".join([*lines, "Nothing is due.", ""])
    for heading, pages, column in (
        ("Overdue reviews (make publish refuses these pages)", found.overdue, "was due"),
        (f"Reviews due within {found.days} days", found.soon, "due"),
    ):
        if pages:
            lines += [
                f"### {heading}",
                "",
                f"| page | last reviewed | {column} |",
                "| --- | --- | --- |",
            ]
            lines += [
                f"| {code(p.page)} | {cell(p.reviewed)} | {p.next_review.isoformat()} |"
                for p in pages
            ]
            lines.append("")
    if found.stale or found.newer:
        lines += ["### Drug labels to check", "", "| label | file | why |", "| --- | --- | --- |"]
        lines += [
            f"| {cell(label.brand)} | {code(os.path.relpath(label.path, ROOT))} | last checked "
            f"{label.checked.isoformat()}, more than {found.months} months ago |"
            for label in found.stale
        ]
        lines += [
            f"| {cell(row.label.brand)} | {code(os.path.relpath(row.label.path, ROOT))} | openFDA "
            f"has revision {cell(row.revision)}, the registry {cell(row.label.revision)} |"
            for row in found.newer
        ]
        lines.append("")
    if found.unchecked:
        names = ", ".join(cell(row.label.brand) for row in found.unchecked)
        lines += [
            f"Not compared with openFDA this week: {names} (the Drug labels workflow says why).",
            "",
        ]
    lines += [
        "A clinician reviews each page and its author sets `Reviewed:` (and `Next_review:`) in "
        "its header; a pharmacist compares each label with its current prescribing information "
        "and updates `label_revision`, `checked` and `checked_by` (docs/writers-guide.md).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("report", help="the compliance-report.json of a build")
    parser.add_argument("--out", required=True, help="where to write the reminder (JSON)")
    parser.add_argument("--responses", help="a folder of recorded openFDA answers")
    args = parser.parse_args(argv)
    try:
        report = read_report(args.report)
    except (OSError, ValueError) as error:
        print(f"{args.report}: cannot be read ({error}); build the site first", file=sys.stderr)
        return 1
    registry = labels.load([labels.HERE])
    ask = recorded(args.responses) if args.responses else ask_openfda
    found = due(report, registry, compare(registry, ask))
    reminder = {"due": found.any, "title": title(found), "body": body(found)}
    Path(args.out).write_text(json.dumps(reminder, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(f"## {reminder['title']}\n\n{reminder['body']}\n")
    print(reminder["title"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
