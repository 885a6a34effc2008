"""The tools that `make` runs import what they need when run as `make` runs them, outside
pytest's pythonpath (make screenshots once failed that way, unnoticed by the suite)."""

import os
import subprocess
import sys

import pytest
from support import ROOT


@pytest.mark.parametrize(
    "tool",
    [
        "tools/build.py",
        "tools/serve.py",
        "tools/audit.py",
        "tools/screenshots.py",
        "tools/serve_build.py",
        "tools/label_updates.py",
        "tools/check_site.py",
        "tools/review_reminders.py",
        "tools/reminder_issue.py",
        "tools/condition_names.py",
        "bench/run.py",
        "bench/build_once.py",
    ],
)
def test_a_tool_loads_as_make_runs_it(tool):
    """`python <tool>` puts the tool's own folder first on the path; so does this."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import runpy, sys; sys.path.insert(0, {os.path.dirname(tool)!r}); "
            f"runpy.run_path({tool!r}, run_name='loaded')",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
