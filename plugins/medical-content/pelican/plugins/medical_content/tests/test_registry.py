"""The checks are one table (``checks.registry``): one signature, what each reads, and
the compliance report's columns, in its order. Adding a check is one line of it: a check
added to the table runs on every page, its faults are reported at their lines and its
cell is a column of the report."""

import inspect
import json
import logging

import pytest

from pelican.plugins.medical_content.checks import registry
from pelican.plugins.medical_content.checks.base import (
    FACTS,
    TEXT,
    WRITTEN,
    Context,
    Findings,
    Page,
)
from pelican.plugins.medical_content.core.problems import Fault
from pelican.plugins.medical_content.outputs import compliance
from pelican.plugins.medical_content.tests.support import FixtureSite, errors


@pytest.mark.parametrize("name", sorted(registry.CHECKS))
def test_every_check_has_the_one_signature(name: str) -> None:
    check = registry.CHECKS[name]
    assert check.reads in (FACTS, TEXT, WRITTEN)
    parameters = list(inspect.signature(check.run).parameters.values())
    assert [p.annotation for p in parameters] in (
        [Page, Context],
        ["Page", "Context"],
    ), f"{name}: (page: Page, context: Context) -> Findings"


def test_the_reports_columns_are_the_registrys_in_its_order() -> None:
    row = compliance.Row("content/pages/a.md", "/a/", "page", False)
    assert list(row.cells()) == [c.column for c in registry.CHECKS.values() if c.column]
    assert list(row.cells()) == [
        "disclaimer",
        "reviewed → due",
        "sources",
        "claims",
        "safety info",
        "JSON-LD",
        "FK grade / ease",
        "label",
    ]


def _long_words(page: Page, context: Context) -> Findings:
    """A check a site might add: words of more than 20 letters in a page's text."""
    assert page.view is not None
    found = [w for w in page.view.root.xpath("string()").split() if len(w.strip(".,")) > 20]
    faults = [Fault(f"the word {w!r} is very long", "use a shorter word", text=w) for w in found]
    return Findings(faults, cell=str(len(found)))


def test_a_check_added_to_the_table_runs_reports_and_has_its_column(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = {**registry.CHECKS, "long words": registry.Check(TEXT, _long_words, "long words")}
    monkeypatch.setattr(registry, "CHECKS", checks)
    fixture_site.write(
        "pages/about.md",
        "Title: About us\nSummary: Who we are.\n\nWe are antidisestablishmentarianism fans.\n",
    )
    caplog.set_level(logging.WARNING)
    with pytest.raises(Exception, match="problem"):
        fixture_site.build()
    assert any(
        m.startswith("content/pages/about.md:4: the word 'antidisestablishmentarianism'")
        for m in errors(caplog)
    )
    report = json.loads((fixture_site.root / "compliance-report.json").read_text())
    about = next(p for p in report["pages"] if p["page"] == "content/pages/about.md")
    assert about["checks"]["long words"] == "1"
