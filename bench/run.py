"""`make bench`: how the pipeline scales. For N = 100, 1,000 and 5,000 synthetic pages,
measured in the same run: a cold build by bare Pelican with our theme and by Pelican
with our plugin (seconds, peak memory, pages per second, the plugin's overhead); a
rebuild after editing one page with Pelican's caching on; and `make serve`'s time from
saving a file to the rebuilt page being written. Prints one table.

    python bench/run.py [N ...]
"""

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PLUGIN = "medical_content"


def build(folder, plugins, *extra):
    """One build in a fresh process: {"seconds", "peak_mib"}."""
    result = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "build_once.py"), str(ROOT / "pelicanconf.py"),
         str(folder / "content"), str(folder / f"out-{plugins or 'bare'}"), plugins, *extra],
        capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def edit(path):
    with open(path, "a", encoding="utf-8") as source:
        source.write(f"\nEdited at {time.time()}.\n")


def rebuild_after_one_edit(folder):
    """Cold build with the cache on, then one page edited and rebuilt."""
    build(folder, PLUGIN, "--cache")
    page = next((folder / "content" / "pages" / "conditions").glob("*.md"))
    edit(page)
    output = f"{folder}/out-{PLUGIN}/conditions/{page.stem}/index.html"
    return build(folder, PLUGIN, "--cache", "--write-selected", output)["seconds"]


def save_to_page(folder, timeout=120):
    """Seconds from saving a source file to `pelican --autoreload` writing its page."""
    conf = folder / "serve_conf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(folder / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nPLUGINS = [{PLUGIN!r}]\n"
        f"CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nMEDICAL_TODAY = '2026-11-25'\n"
        f"CACHE_PATH = {str(folder / 'serve-cache')!r}\n")
    output = folder / "out-serve"
    page = next((folder / "content" / "pages" / "conditions").glob("*.md"))
    target = output / "conditions" / page.stem / "index.html"
    server = subprocess.Popen([PYTHON, "-m", "pelican", "-r", str(folder / "content"), "-o",
                               str(output), "-s", str(conf)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + timeout
        while not target.exists():
            if time.time() > deadline:
                raise RuntimeError("the first build under --autoreload did not finish")
            time.sleep(0.05)
        time.sleep(1.0)  # let the first build finish writing
        before = target.stat().st_mtime_ns
        edit(page)
        saved = time.perf_counter()
        while target.stat().st_mtime_ns == before:
            if time.time() > deadline:
                raise RuntimeError("the edited page was not rebuilt")
            time.sleep(0.01)
        return time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait(10)


def main(sizes):
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(count, folder)
            bare = build(folder, "")
            ours = build(folder, PLUGIN)
            rebuild = rebuild_after_one_edit(folder)
            serve = save_to_page(folder)
        rows.append((count, bare, ours, rebuild, serve))
        print(f"... {count} pages done", file=sys.stderr)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"Benchmark on {machine}")
    print("| pages | bare Pelican s | with plugin s | overhead | bare pages/s | plugin pages/s "
          "| bare peak MiB | plugin peak MiB | rebuild after 1 edit s (of cold) | serve save→page s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count, bare, ours, rebuild, serve in rows:
        overhead = (ours["seconds"] / bare["seconds"] - 1) * 100
        print(f"| {count:,} | {bare['seconds']:.2f} | {ours['seconds']:.2f} | {overhead:+.0f} % "
              f"| {count / bare['seconds']:.0f} | {count / ours['seconds']:.0f} "
              f"| {bare['peak_mib']:.0f} | {ours['peak_mib']:.0f} "
              f"| {rebuild:.2f} ({rebuild / ours['seconds'] * 100:.0f} %) | {serve:.2f} |")


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [100, 1000, 5000])
