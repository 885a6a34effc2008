"""`tools/build.py`, which `make html` and `make publish` run: a failed build exits
non-zero with the writer's messages and no traceback, and leaves the last good site as
it was; the staging folder of a killed build is removed by the next build, and nothing
else is, not the staging folder of a build that runs beside it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import ROOT, condition_source, default_ctrl_c, run_build

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


def many_pages(fixture_site):
    """A good site, built, and 400 pages more: enough that a build of it is still writing
    when it is stopped."""
    fixture_site.write("pages/conditions/cd.md", condition_source())
    assert run_build(fixture_site).returncode == 0
    for number in range(400):
        fixture_site.write(
            f"pages/p{number}.md", f"Title: Page {number}\nSummary: S.\n\n" + "Some text. " * 300
        )


def start_build(fixture_site):
    """`make html` in a process group of its own, as a terminal starts it."""
    return subprocess.Popen(
        fixture_site.build_command(),
        cwd=fixture_site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=default_ctrl_c,
    )


def half_way(fixture_site, build, known=()):
    """The staging folder (.staging-* beside the output) in which the build has begun to
    write pages, once it has."""
    deadline = time.monotonic() + 60
    while True:
        writing = [
            folder
            for folder in fixture_site.root.glob(".staging-*")
            if folder not in known and any(folder.glob("**/p*/index.html"))
        ]
        if writing:
            return writing[0]
        assert build.poll() is None and time.monotonic() < deadline, "the build ended first"
        time.sleep(0.01)


def dot_entries(fixture_site):
    return [p.name for p in fixture_site.root.iterdir() if p.name.startswith(".")]


def test_an_interrupted_build_leaves_the_last_good_site_untouched(fixture_site):
    """Ctrl-C reaches the whole process group, the plugin's check workers too."""
    many_pages(fixture_site)
    before = snapshot(fixture_site.output)
    build = start_build(fixture_site)
    half_way(fixture_site, build)
    os.killpg(build.pid, signal.SIGINT)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 130
    assert "Interrupted" in err and "Traceback" not in out + err
    assert snapshot(fixture_site.output) == before
    assert dot_entries(fixture_site) == []


def test_the_next_build_removes_a_killed_build_s_staging_not_a_running_one_s(fixture_site):
    many_pages(fixture_site)
    killed = start_build(fixture_site)
    left = half_way(fixture_site, killed)
    os.killpg(killed.pid, signal.SIGKILL)  # no clean-up of its own
    killed.communicate(timeout=60)
    assert left.is_dir()
    # A build that runs beside the next one (stopped, so that it is still running then).
    running = start_build(fixture_site)
    its_own = half_way(fixture_site, running, known=[left])
    os.killpg(running.pid, signal.SIGSTOP)
    try:
        written = set(its_own.rglob("*"))  # (a file it was writing may grow until it stops)
        result = run_build(fixture_site)
        assert result.returncode == 0, result.stdout + result.stderr
        assert not left.exists()
        assert written <= set(its_own.rglob("*")) and (its_own / "owner").is_file()
    finally:
        os.killpg(running.pid, signal.SIGCONT)
    out, err = running.communicate(timeout=120)
    assert running.returncode == 0, out + err
    assert dot_entries(fixture_site) == []
    assert (fixture_site.output / "p399" / "index.html").is_file()


def owned(output, *, until="exit"):
    """A staging folder of output as a build claims it (tools/build.py's claim), in a
    process that then dies ("exit") or runs on ("run", returned to be stopped)."""
    code = (
        f"import sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
        "from tools.build import claim\n"
        f"print(claim({str(output)!r})[0], flush=True)\n"
        + ("time.sleep(600)\n" if until == "run" else "")
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    folder = Path(process.stdout.readline().strip())
    if until == "run":
        return folder, process
    assert process.wait(60) == 0 and folder.name.startswith(".staging-")
    return folder


def tree(path):
    """Every path under path (a symbolic link followed), with the bytes of each file."""
    return [(p, p.read_bytes() if p.is_file() else None) for p in sorted(path.rglob("*"))]


def test_the_next_build_removes_only_dead_builds_staging_of_its_own_output(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    root, output = fixture_site.root, fixture_site.output
    dead = owned(output)
    assert (dead / "owner").is_file() and (dead / "site").is_dir()
    (dead / "site" / "index.html").write_text("half a site")
    # Everything else that looks like one: none of it is the next build's to remove.
    of_other_outputs = [owned(root / "other"), owned(root / "output-x")]
    live, holder = owned(output, until="run")
    no_owner = root / ".staging-output-abc12345"  # what tools/build.py wrote before
    (no_owner / "faq").mkdir(parents=True)
    (no_owner / "faq" / "index.html").write_text("a site")
    outside = root / "elsewhere"
    outside.mkdir()
    (outside / "owner").write_text((dead / "owner").read_text())  # names output, unlocked
    link = root / ".staging-output-link1234"
    link.symlink_to(outside, target_is_directory=True)
    kept = [*of_other_outputs, live, no_owner, link, outside]
    before = {path: tree(path) for path in kept}
    try:
        result = run_build(fixture_site)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not dead.exists()
    assert {path: tree(path) for path in kept} == before
    assert link.is_symlink() and (outside / "owner").is_file()
