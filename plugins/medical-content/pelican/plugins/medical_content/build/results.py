"""Where a check's result goes: its page's row of the compliance report, and each fault
reported at its line (``problems.report_faults``)."""

import logging

from pelican.contents import Content

from ..checks import readability, site_paths, wording
from ..core.problems import report_faults
from ..judges import claims
from . import written_page
from .state import State, SummaryClaim


def _from_a_summary(claim: claims.Claim, summary_claims: tuple[SummaryClaim, ...]) -> bool:
    return any(
        condition == claim.condition and sentence in claim.sentence
        for sentence, condition in summary_claims
    )


def record_text(result: written_page.Result, content: Content, state: State) -> None:
    if not hasattr(content, "medical"):
        return  # read, then left out of the site by Pelican (an unknown status, say)
    config = state.config
    if content.medical.kind in config.summary_kinds:
        result = written_page.Result(result.faults + result.summary_faults, result.cells)
    else:
        result = written_page.Result(result.faults, {**result.cells, "summary": None})
    warnings = []
    if content.medical.is_medical:
        warnings = readability.above_target(result.cells["readability"], config.readability_grade)
    record(result, content, state)
    report_faults(content.source_path, content.settings["PATH"], warnings, logging.WARNING)


def record(result: written_page.Result, content: Content, state: State) -> None:
    row = state.report.row(content)
    found = [
        claim for claim in result.claims if not _from_a_summary(claim, state.summary_claims)
    ]  # reported at its line
    if found != result.claims:
        result.cells["claims"] = len(found)
    for name, value in result.cells.items():
        setattr(row, name, value)
    faults = (
        result.faults
        + wording.claim_faults(found)
        + site_paths.broken_links(
            result.links, content.settings["OUTPUT_PATH"], state.known_outputs
        )
    )
    row.faults += len(faults)
    report_faults(content.source_path, content.settings["PATH"], faults)
