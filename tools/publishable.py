"""Whether the site a build wrote may be uploaded to the live host: `make github` and
`make rsync_upload` run this after `make publish`, before anything leaves the machine.

A build that marked its pages as an unreviewed preview (MEDICAL_PLACEHOLDER_REVIEWS=mark:
a pull request's preview) says so in its compliance report, beside the output folder;
such a site is for a reviewer's eyes, never for patients. So is a site whose report is
missing (a build that did not finish, or output from elsewhere).

    python tools/publishable.py OUTPUT_DIR [--report PATH]

Exit status: 0 when the site may be uploaded, 1 when it may not (one line says why).
"""

import argparse
import json
import sys
from pathlib import Path


def refusal(output_dir: Path, report_path: Path) -> str:
    """Why the site may not be uploaded, or "" when it may."""
    if not (output_dir / "index.html").is_file():
        return f"{output_dir} holds no built site; run make publish first"
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return (
            f"{report_path} is missing or unreadable: only a site that make publish built "
            "and checked is uploaded; run make publish again"
        )
    if report.get("preview") is not False:
        return (
            "this build is an unreviewed preview (MEDICAL_PLACEHOLDER_REVIEWS=mark): its pages "
            "had no medical review and say so; it is for a pull request's artifact, never "
            "for the live site. Have the pages reviewed, then run make publish without "
            "MEDICAL_PLACEHOLDER_REVIEWS"
        )
    return ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output_dir", type=Path)
    parser.add_argument("--report", type=Path, help="the compliance report (beside the output)")
    args = parser.parse_args(argv)
    output_dir = args.output_dir.resolve()
    report = args.report or output_dir.parent / "compliance-report.json"
    why = refusal(output_dir, report)
    if why:
        print(f"Not uploaded: {why}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
