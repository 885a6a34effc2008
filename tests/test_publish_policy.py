"""What `make publish` lets through, whatever the settings or a page say (issue 29): an
unreviewed preview is never uploaded (`make github`, `make rsync_upload` run
tools/publishable.py after the build), and only a site whose build wrote its compliance
report is."""

import json
import subprocess
import sys

import pytest
from support import ROOT

PUBLISHABLE = ROOT / "tools" / "publishable.py"


def site(tmp_path, report):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    if report is not None:
        (tmp_path / "compliance-report.json").write_text(json.dumps(report), encoding="utf-8")
    return output


def upload(output):
    return subprocess.run(
        [sys.executable, str(PUBLISHABLE), str(output)], capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("report", "why"),
    [
        ({"preview": True, "pages": []}, "this build is an unreviewed preview"),
        ({"pages": []}, "this build is an unreviewed preview"),  # a report that does not say
        (None, "is missing or unreadable"),
    ],
)
def test_a_preview_or_an_unchecked_site_is_not_uploaded(tmp_path, report, why):
    done = upload(site(tmp_path, report))
    assert done.returncode == 1
    assert done.stderr.startswith("Not uploaded: ") and why in done.stderr


def test_a_published_site_is_uploaded(tmp_path):
    done = upload(site(tmp_path, {"preview": False, "pages": []}))
    assert (done.returncode, done.stderr) == (0, "")


def test_an_empty_output_folder_is_not_uploaded(tmp_path):
    (tmp_path / "output").mkdir()
    done = upload(tmp_path / "output")
    assert done.returncode == 1 and "holds no built site" in done.stderr


def test_the_upload_targets_check_before_anything_leaves_the_machine():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("github", "rsync_upload"):
        recipe = makefile.split(f"\n{target}: publish\n", 1)[1].split("\n\n", 1)[0]
        assert recipe.splitlines()[0].strip() == '$(PYTHON) tools/publishable.py "$(OUTPUTDIR)"'
