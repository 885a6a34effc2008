"""The compliance report: one row per page, one column per check.

Every build ends with it, in the terminal (coloured at a terminal) and as JSON beside
the output folder (not inside it, so it is never published) for CI to read.
"""

import datetime
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pelican.contents import Content

from ..checks import registry
from ..checks.base import FAIL
from ..checks.readability import Readability
from ..core.problems import display_path
from ..page.review import Review
from ..page.shown import Shown, shown
from ..registry.labels import Label
from ..settings.config import Config

NOT_APPLICABLE = "-"
ALL_ROWS_UP_TO = 60  # pages; a bigger site's table lists only the failing ones


@dataclass
class Row:
    page: str
    url: str
    kind: str
    is_medical: bool
    review: Review | None = None
    overdue: bool = False
    sources: int = 0
    label: Label | None = None  # the label the page's approval claims are judged by
    indication: str = ""  # a condition page's: the label's indication id, or "off-label"
    faults: int = 0
    notes: list[str] = field(default_factory=list)
    checks: dict[str, str] = field(default_factory=dict)  # each check's cell, by its name
    measured: dict[str, Any] = field(default_factory=dict)  # what a check measured
    # the registry's facts the page shows, each with where its words were read
    facts: list[Shown] = field(default_factory=list)

    def cells(self) -> dict[str, str]:
        """The report's columns: the checks of the registry that have one, in its order."""
        return {
            column: self.checks.get(name, NOT_APPLICABLE)
            for name, column in registry.columns().items()
        }

    def as_json(self) -> dict[str, object]:
        figures: Readability | None = self.measured.get("readability")
        summary: Readability | None = self.measured.get("summary")
        return {
            "page": self.page,
            "url": self.url,
            "kind": self.kind,
            "medical": self.is_medical,
            "checks": self.cells(),
            "reviewer": self.review.reviewer["key"] if self.review else None,
            "reviewed": self.review.reviewed.isoformat() if self.review else None,
            "changed_after_review": (
                self.review.changed.day.isoformat()
                if self.review and self.review.stale and self.review.changed
                else None
            ),
            "next_review": self.review.next_review.isoformat() if self.review else None,
            "overdue": self.overdue,
            "readability": {
                "flesch_kincaid_grade": figures.grade,
                "flesch_reading_ease": figures.ease,
                "words": figures.words,
            }
            if figures
            else None,
            "summary_grade": summary.grade if summary else None,
            "drug": self.label.brand if self.label and self.is_medical else None,
            "indication": self.indication or None,
            "label_revision": self.label.revision if self.label and self.is_medical else None,
            "label_checked": (
                self.label.checked.isoformat() if self.label and self.is_medical else None
            ),
            "problems": self.faults,
            "notes": self.notes,
            "facts": [fact.as_json() for fact in self.facts],
        }


class Report:
    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}  # by the page's source path
        # pages no clinician reviewed were built marked as a preview: a site for a pull
        # request's artifact, never for the live site
        self.preview = False

    def add(self, content: Content, url: str, content_root: str) -> Row:
        """A new row for a prepared page, at its site-relative URL."""
        row = self.rows[content.source_path] = Row(
            page=display_path(content.source_path, content_root),
            url="/" + url,
            kind=content.medical.kind,
            is_medical=content.medical.is_medical,
            facts=shown(content.medical),
        )
        return row

    def row(self, content: Content) -> Row:
        return self.rows[content.source_path]


def publish(report: Report, config: Config, output_path: str) -> str:
    """Print the table and write the JSON file beside the output folder."""
    rows = sorted(report.rows.values(), key=lambda r: (not r.is_medical, r.page))
    for row in rows:
        row.overdue = bool(row.review and row.review.overdue(config.today))
    path = path_of(config, output_path)
    print(table(rows, config.today, colour=os.isatty(1), path=path))
    summary = sources_of_facts(rows) if len(rows) <= ALL_ROWS_UP_TO else ""
    if summary:
        print(summary)
    head = json.dumps(
        {
            "today": config.today.isoformat(),
            "preview": report.preview,
            "readability_target_grade": config.readability_grade,
            # what the grades are taken from, so that anyone can measure it again
            "readability_text": "the page's own text (its Markdown, rendered), each "
            "block a sentence; not the safety information, "
            "disclaimer or navigation the theme adds; "
            "Flesch-Kincaid grade by textstat 0.7.3",
        },
        ensure_ascii=False,
    )
    # One page a line: a diff between two reports shows the pages that changed, and
    # json's fast (C) encoder does the work, which it does not when asked to indent.
    pages = ",\n".join(json.dumps(row.as_json(), ensure_ascii=False) for row in rows)
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'{head[:-1]},\n"pages": [\n{pages}\n]}}\n')
    return path


def path_of(config: Config, output_path: str) -> str:
    """The JSON report's path: relative paths are beside the output folder."""
    if os.path.isabs(config.report_file):
        return config.report_file
    return os.path.join(os.path.dirname(os.path.abspath(output_path)), config.report_file)


def table(
    rows: Sequence[Row],
    today: datetime.date,
    colour: bool = False,
    path: str = "compliance-report.json",
) -> str:
    """The report as aligned text; failures in red at a terminal. Plain string formatting
    rather than a table library: it stays fast for thousands of pages. A big site lists
    only the pages that fail a check: a thousand passing rows would hide them."""
    columns = ["page", "kind", *registry.columns().values()]
    lines = [[row.page, row.kind, *row.cells().values()] for row in rows]
    passing = 0
    if len(lines) > ALL_ROWS_UP_TO:
        failing = [line for line in lines if any(_fails(cell) for cell in line[2:])]
        passing, lines = len(lines) - len(failing), failing
    widths = [max(len(str(line[i])) for line in [columns, *lines]) for i in range(len(columns))]

    def render(cells: Sequence[str], paint: bool = False) -> str:
        out = []
        for cell, width in zip(cells, widths, strict=True):
            text = str(cell).ljust(width)
            if paint and _fails(cell):
                text = f"\033[1;31m{text}\033[0m"
            out.append(text)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * width for width in widths)
    body = [render(line, colour) for line in lines]
    if passing:
        body.append(f"... and {passing} more pages that pass every check (all in {path})")
    return "\n".join([f"Compliance report ({today.isoformat()})", render(columns), rule, *body])


def sources_of_facts(rows: Sequence[Row]) -> str:
    """Under the table, each page that shows facts of the registry: how many, and how
    many of them were read in the label's own text (the JSON report lists each one)."""
    lines = ["Registry facts shown (read in the label's text / in other sources):"]
    for row in rows:
        if row.facts:
            label = sum(1 for fact in row.facts if fact.read.from_label)
            lines.append(f"  {row.page}: {label} / {len(row.facts) - label}")
    return "\n".join(lines) if len(lines) > 1 else ""


def failing(row: Row) -> bool:
    """The page has a problem, or a check's cell says it failed (an overdue review)."""
    return row.faults > 0 or any(_fails(cell) for cell in row.cells().values())


def _fails(cell: str) -> bool:
    return FAIL in cell or "OVERDUE" in cell
