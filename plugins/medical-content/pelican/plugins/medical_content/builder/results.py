"""Where a check's findings go: its page's row of the compliance report (its cell, and
what it measured), and each fault reported at its line (``problems.report_faults``),
warnings as warnings; a page's links to the site are resolved here, once every page and
file is written."""

import logging

from pelican.contents import Content

from ..checks import site_paths
from ..checks.base import Findings
from ..core.problems import report_faults
from .state import State


def record(found: dict[str, Findings], content: Content, state: State) -> None:
    """The findings of one page's checks (by check name), in the report and the log."""
    if not hasattr(content, "medical"):
        return  # read, then left out of the site by Pelican (an unknown status, say)
    row = state.report.row(content)
    faults, warnings = [], []
    for name, findings in found.items():
        if findings.cell is not None:
            row.checks[name] = findings.cell
        if findings.value is not None:
            row.measured[name] = findings.value
        faults += findings.faults
        warnings += findings.warnings
        if findings.links:
            output = content.settings["OUTPUT_PATH"]
            faults += site_paths.broken_links(findings.links, output, state.known_outputs)
    row.faults += len(faults)
    report_faults(content.source_path, content.settings["PATH"], faults)
    report_faults(content.source_path, content.settings["PATH"], warnings, logging.WARNING)
