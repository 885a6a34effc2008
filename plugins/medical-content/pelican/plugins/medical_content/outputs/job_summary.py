"""The compliance report as Markdown, for the summary of a GitHub Actions job (the page
of the run a reviewer opens from the pull request): the pages that fail first, then the
pages the pull request changes, then every medical page with what a clinician signing
it asks first (its kind, its drug and status, its reviewer, when its review is due, its
reading grade). The findings themselves stay annotations at their lines
(``core.problems``); the whole report stays in compliance-report.json.
"""

from collections.abc import Collection, Sequence

from ..checks.readability import Readability
from .compliance import Row, failing

COLUMNS = ("page", "kind", "drug and status", "reviewer", "review due", "reading grade")


def markdown(rows: Sequence[Row], changed: Collection[str] | None) -> str:
    """``changed``: the source files the pull request changes (as the report names
    them), or None outside a pull request."""
    failed = [row for row in rows if failing(row)]
    parts = ["## Compliance report\n"]
    if failed:
        parts.append(
            f"**{len(failed)} page(s) fail a check**: nothing from this build goes live.\n"
        )
        parts.append(_table(failed))
    else:
        parts.append("Every page passes its checks.\n")
    if changed is not None:
        mine = [row for row in rows if row.page in changed]
        parts.append("### Pages this pull request changes\n")
        parts.append(_table(mine) if mine else "None of the site's pages.\n")
    parts.append("### Every medical page\n")
    parts.append(_table([row for row in rows if row.is_medical]))
    return "\n".join(parts) + "\n"


def _table(rows: Sequence[Row]) -> str:
    head = "| " + " | ".join(COLUMNS) + " |\n|" + " --- |" * len(COLUMNS) + "\n"
    return head + "".join("| " + " | ".join(_cells(row)) + " |\n" for row in rows)


def _cells(row: Row) -> list[str]:
    figures: Readability | None = row.measured.get("readability")
    return [
        f"`{_escaped(row.page)}`" + (f" ({row.faults} problem(s))" if row.faults else ""),
        row.kind,
        _status(row),
        _reviewer(row),
        _due(row),
        f"{figures.grade:g}" if figures else "-",
    ]


def _status(row: Row) -> str:
    if not row.is_medical or row.label is None:
        return "-"
    if not row.indication:
        return row.label.brand
    use = "off-label" if row.indication == "off-label" else f"approved: {row.indication}"
    return f"{row.label.brand}, {use}"


def _reviewer(row: Row) -> str:
    review = row.review
    if review is None:
        return "-"
    name = _escaped(str(review.reviewer["name"]))
    if review.placeholder:
        return f"{name} (**placeholder: not reviewed**)"
    if review.stale and review.changed is not None:
        return f"{name} (**changed since the review of {review.reviewed}**)"
    return f"{name}, {review.reviewed}"


def _due(row: Row) -> str:
    if row.review is None:
        return "-"
    due = row.review.next_review.isoformat()
    return f"**{due}, overdue**" if row.overdue else due


def _escaped(text: str) -> str:
    """Text of a table cell: a pipe would end the cell, markup would render."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
