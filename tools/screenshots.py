"""`make screenshots`: a full-page PNG of every page type at 360 and 1280 px wide, in
Debian's Chromium, written to screenshots/ (outside output/, never published)."""

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from serve_build import PAGE_TYPES, ROOT, built_site

# the tests' browser helpers, and the plugins they read the hosting headers with
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins")]
from browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

WIDTHS = (360, 1280)


def main(folder=ROOT / "screenshots"):
    folder = Path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with built_site("pelicanconf.py") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, path in PAGE_TYPES.items():
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(base + path, wait_until="networkidle")
                page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
                page.close()
        browser.close()
    print(f"{len(PAGE_TYPES) * len(WIDTHS)} screenshots in {folder}")


if __name__ == "__main__":
    main()
