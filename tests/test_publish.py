"""`tools/build.py`, which `make html` and `make publish` run: a failed build exits
non-zero with the writer's messages and no traceback, and leaves the last good site as
it was."""

import subprocess
import sys

from conftest import ROOT, condition_source


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_build(fixture_site):
    settings_file = fixture_site.settings_file()
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build.py"), str(settings_file),
         str(fixture_site.output), "--log-handler", "plain"],
        capture_output=True, text=True, cwd=fixture_site.root, timeout=120,
    )


def test_failed_build_leaves_the_last_good_site_untouched(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    good = run_build(fixture_site)
    assert good.returncode == 0, good.stderr
    before = snapshot(fixture_site.output)
    assert any(str(p).endswith("conditions/cd/index.html") for p in before)

    fixture_site.write("pages/conditions/cd.md", condition_source(drop=["Regulatory_status"]))
    fixture_site.write("pages/new.md", "Title: New\nSummary: S.\n\nA new page.\n")
    bad = run_build(fixture_site)

    assert bad.returncode == 1
    log = bad.stdout + bad.stderr
    assert "content/pages/conditions/cd.md:1: a condition page needs the metadata " \
           "'Regulatory_status'" in log
    assert "Nothing was published" in log
    assert "Traceback" not in log
    assert snapshot(fixture_site.output) == before
    leftovers = [p.name for p in fixture_site.root.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_successful_build_replaces_the_site(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    assert run_build(fixture_site).returncode == 0
    fixture_site.write("pages/conditions/cd.md", condition_source(Condition="Torticollis"))
    fixture_site.write("pages/other.md", "Title: Other\nSummary: S.\n\nText.\n")
    result = run_build(fixture_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (fixture_site.output / "other" / "index.html").is_file()
