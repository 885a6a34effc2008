"""`tools/build.py`, which `make html` and `make publish` run: a failed build exits
non-zero with the writer's messages and no traceback, and leaves the last good site as
it was."""

import os
import signal
import subprocess
import time

import pytest
from support import condition_source, default_ctrl_c, run_build

# Many builds, each in a process of its own: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_the_last_good_site_untouched(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    good = run_build(fixture_site)
    assert good.returncode == 0, good.stderr
    before = snapshot(fixture_site.output)
    assert any(str(p).endswith("conditions/cd/index.html") for p in before)

    fixture_site.write("pages/conditions/cd.md", condition_source(drop=["Condition"]))
    fixture_site.write("pages/new.md", "Title: New\nSummary: S.\n\nA new page.\n")
    bad = run_build(fixture_site)

    assert bad.returncode == 1
    log = bad.stdout + bad.stderr
    assert (
        "content/pages/conditions/cd.md:1: a condition page needs the metadata 'Condition'" in log
    )
    assert "Nothing was published" in log
    assert "Traceback" not in log
    assert snapshot(fixture_site.output) == before
    leftovers = [p.name for p in fixture_site.root.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_successful_build_replaces_the_site(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    assert run_build(fixture_site).returncode == 0
    fixture_site.write(
        "pages/conditions/cd.md", condition_source(Condition="Spasmodic torticollis")
    )
    fixture_site.write("pages/other.md", "Title: Other\nSummary: S.\n\nText.\n")
    result = run_build(fixture_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (fixture_site.output / "other" / "index.html").is_file()


def test_an_interrupted_build_leaves_the_last_good_site_untouched(fixture_site):
    """Ctrl-C reaches the whole process group, the plugin's check workers too."""
    fixture_site.write("pages/conditions/cd.md", condition_source())
    assert run_build(fixture_site).returncode == 0
    before = snapshot(fixture_site.output)
    for number in range(400):  # enough that the build is still writing when it is stopped
        fixture_site.write(
            f"pages/p{number}.md", f"Title: Page {number}\nSummary: S.\n\n" + "Some text. " * 300
        )
    build = subprocess.Popen(
        fixture_site.build_command(),
        cwd=fixture_site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=default_ctrl_c,
    )
    deadline = time.monotonic() + 60
    while not any(fixture_site.root.glob(".staging-*/p*/index.html")):  # half-way through
        assert build.poll() is None and time.monotonic() < deadline, "the build ended first"
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGINT)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 130
    assert "Interrupted" in err and "Traceback" not in out + err
    assert snapshot(fixture_site.output) == before
    assert [p.name for p in fixture_site.root.iterdir() if p.name.startswith(".")] == []
