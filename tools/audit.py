"""`make audit`: Lighthouse (mobile emulation) on the home, article, FAQ and one condition
page of a production build, served on loopback. Prints the four category scores per page
and fails below 1.0 for accessibility, best practices and SEO, or below 0.95 for
performance. A benchmark-like command, not part of `make test`."""

import json
import os
import subprocess
import sys
import tempfile

from serve_build import PAGE_TYPES, ROOT, built_site

AUDITED = ["home", "article", "faq", "condition"]
MINIMUM = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync "
    "--disable-background-networking --disable-component-update"
)


def lighthouse(url, report):
    subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=" + ",".join(MINIMUM),
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    with open(report, encoding="utf-8") as source:
        result = json.load(source)
    scores = {key: result["categories"][key]["score"] for key in MINIMUM}
    failing = [
        f"{audit['title']} ({audit.get('displayValue', '')})".strip()
        for audit in result["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    ]
    return scores, failing


def main():
    rows, below = [], []
    with built_site("publishconf.py") as base, tempfile.TemporaryDirectory() as reports:
        for name in AUDITED:
            scores, failing = lighthouse(base + PAGE_TYPES[name], f"{reports}/{name}.json")
            rows.append((name, PAGE_TYPES[name], scores))
            for category, minimum in MINIMUM.items():
                if scores[category] is None or scores[category] < minimum:
                    below.append(
                        f"{name}: {category} {scores[category]} < {minimum}; "
                        f"failing audits: {', '.join(failing) or 'see the report'}"
                    )
    print(f"{'page':<10} {'url':<36} " + " ".join(f"{c:>14}" for c in MINIMUM))
    for name, url, scores in rows:
        print(f"{name:<10} {url:<36} " + " ".join(f"{scores[c]:>14.2f}" for c in MINIMUM))
    for line in below:
        print("BELOW TARGET:", line)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
