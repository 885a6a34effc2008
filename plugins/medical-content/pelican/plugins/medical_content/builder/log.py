"""How the build's log reaches the writer: every problem passes through logging
(``problems.report``), and what listens to it is installed here once per build: the
filters that drop noise, the error count that fails the build, and, on GitHub Actions,
an annotation at the problem's file and line in the pull request."""

import logging
import os
import sys
from typing import TextIO

from ..core.problems import ErrorCounter, HideTraceback, Problem, Superseded, display_path
from ..outputs import job_summary as job_summaries
from ..outputs.compliance import Report
from ..settings import policy
from ..settings.config import DEFAULTS, Config
from . import history


class GitHubAnnotations(logging.Handler):
    """Each problem of the build as a workflow command (``::error file=…,line=…::``), so
    that a pull request shows it on the line that caused it."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(level=logging.WARNING)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        problem = record.args[0] if isinstance(record.args, tuple) and record.args else None
        if not isinstance(problem, Problem):
            return  # Pelican's own messages have no line to point at
        command = "warning" if record.levelno < logging.ERROR else "error"
        message = _escape(f"{problem.what}; {problem.fix}")
        stream = self.stream or sys.stdout
        stream.write(f"::{command} file={problem.path},line={problem.line}::{message}\n")


def _escape(message: str) -> str:
    """A workflow command's data ends at a line break: GitHub's own escapes keep it whole."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def install(errors: ErrorCounter, package: str) -> None:
    """Filters on Pelican's loggers and the handlers on ours and Pelican's; a handler
    left by an earlier build in this process is replaced, not doubled."""
    for name in ("pelican", "pelican.generators"):  # a filter sees its own logger's records
        _replace_filter(logging.getLogger(name), HideTraceback())
    _replace_filter(logging.getLogger("pelican.readers"), Superseded())
    # Counted where Pelican's records and ours (``pelican.plugins.…``) pass, not on the
    # root logger: a root handler would silence Python's last-resort output that
    # Pelican's plain log uses.
    _replace_handler(logging.getLogger("pelican"), ErrorCounter, errors)
    annotations = GitHubAnnotations() if os.environ.get("GITHUB_ACTIONS") == "true" else None
    _replace_handler(logging.getLogger(package), GitHubAnnotations, annotations)


def _replace_handler(
    logger: logging.Logger, kind: type[logging.Handler], wanted: logging.Handler | None
) -> None:
    for handler in [h for h in logger.handlers if isinstance(h, kind)]:
        logger.removeHandler(handler)
    if wanted is not None:
        logger.addHandler(wanted)


def _replace_filter(logger: logging.Logger, wanted: logging.Filter) -> None:
    if not any(isinstance(f, type(wanted)) for f in logger.filters):
        logger.addFilter(wanted)


def announce_policy(config: Config, content_root: str) -> None:
    """The publish policy in force, once a build: in the build's output, as the
    compliance report is (not a warning: the log shows warnings and errors), and on
    GitHub Actions in the job's summary, where a reviewer of the run reads it."""
    reviewers = os.path.join(content_root, DEFAULTS["MEDICAL_REVIEWERS_FILE"])
    line = policy.describe(
        config.today.isoformat(),
        config.review_interval_months,
        display_path(reviewers, content_root),
        len(config.risk_rules.rules),
        preview=not config.refuse_placeholder_reviews or config.changed_after_review == "mark",
    )
    print(line, flush=True)
    job_summary(f"### Publish policy\n\n{line}\n\n")


def summarise(report: Report, content_root: str) -> None:
    """The compliance report in the job's summary, on GitHub Actions."""
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        rows = sorted(report.rows.values(), key=lambda r: (not r.is_medical, r.page))
        job_summary(job_summaries.markdown(rows, history.pull_request_changes(content_root)))


def job_summary(text: str) -> None:
    """Append to the summary of the GitHub Actions job, where there is one."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text)
