"""The compliance report: written beside the output, never in it, with a row of checks
for each page; a big site's table lists only the pages that fail; and checks run in a
worker process report the same faults, lines and report as the build's own process."""

import datetime
import json

import pytest
from support import (
    BOTOX,
    SOURCE_PARAGRAPH,
    article_source,
    condition_source,
    fails,
    off_label_pages,
)

# Many builds of fixture sites: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


def test_compliance_report_is_written_beside_the_output(fixture_site, capsys):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.write("pages/about.md", "Title: About\nKind: about\nSummary: S.\n\nHi.\n")
    fixture_site.build()
    report = json.loads((fixture_site.root / "compliance-report.json").read_text())
    assert not (fixture_site.output / "compliance-report.json").exists()
    rows = {row["page"]: row for row in report["pages"]}
    condition = rows["content/pages/conditions/cd.md"]
    assert condition["checks"] == {
        "disclaimer": "ok",
        "reviewed → due": "2025-01-31 → 2026-01-31",
        "sources": "1",
        "claims": "ok",
        "safety info": "ok",
        "JSON-LD": "ok",
        "FK grade / ease": condition["checks"]["FK grade / ease"],
        "label": f"BOTOX cervical-dystonia {BOTOX.revised}",
    }
    assert (
        condition["drug"],
        condition["indication"],
        condition["label_revision"],
        condition["label_checked"],
    ) == ("BOTOX", "cervical-dystonia", BOTOX.revision, BOTOX.checked.isoformat())
    assert condition["readability"]["flesch_kincaid_grade"] <= 8
    assert rows["content/pages/about.md"]["checks"]["disclaimer"] == "-"
    printed = capsys.readouterr().out
    assert "Compliance report (2025-06-01)" in printed and "conditions/cd.md" in printed


def test_a_big_sites_table_lists_only_the_failing_pages():
    from pelican.plugins.medical_content.outputs import compliance

    rows = [compliance.Row(f"content/pages/p{i}.md", f"/p{i}/", "about", False) for i in range(70)]
    rows[5].is_medical = True  # a medical page with no review and no sources
    rows[5].checks.update(review="FAIL", sources="FAIL")
    text = compliance.table(rows, datetime.date(2025, 6, 1), path="report.json")
    assert "content/pages/p5.md" in text and "content/pages/p6.md" not in text
    assert text.endswith("... and 69 more pages that pass every check (all in report.json)")


def test_checks_in_a_worker_process_report_what_the_builds_own_process_reports(
    fixture_site, caplog
):
    """A big site checks its pages in a worker process: the same faults, lines and report."""
    off_label_pages(fixture_site)
    fixture_site.write("articles/a.md", article_source(SOURCE_PARAGRAPH))
    fixture_site.write("pages/conditions/cd.md", condition_source(body="## Overview\n\nText."))
    report = fixture_site.root / "compliance-report.json"
    in_process = fails(fixture_site, caplog, MEDICAL_CHECK_WORKERS=0)
    report_in_process = json.loads(report.read_text())
    caplog.clear()
    in_worker = fails(fixture_site, caplog, MEDICAL_CHECK_WORKERS=1)
    assert any(
        m.startswith(
            "content/articles/a.md:8: says something is approved that its label does not hold"
        )
        for m in in_worker
    ), in_worker
    assert any(
        m.startswith(
            "content/pages/conditions/cd.md:1: the page does not open with an 'In short' section"
        )
        for m in in_worker
    ), in_worker
    assert sorted(in_worker) == sorted(in_process)
    assert json.loads(report.read_text()) == report_in_process
