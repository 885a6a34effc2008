"""When each page's text last changed, from git: a review holds for the text its
reviewer saw (``page.review``), so a page whose text changed after its ``Reviewed:``
date is not reviewed.

A page's last change is the newest commit whose diff of its file changes a line other
than the review's own fields (``review.REVIEW_FIELDS``: setting ``Reviewed:`` is the
reviewer's sign-off, not a change of the text), or the working tree where it differs
from the last commit (a file not committed yet changed today). The ``git log`` of the
whole content folder starts with the build and runs beside it; the build reads its
answer when it builds the pages' facts. A checkout without the history (not a git work
tree, a shallow clone) cannot tell: ``problem`` says why, and ``make publish`` stops.
"""

import datetime
import logging
import os
import re
import subprocess
from collections.abc import Iterable

from ..core.problems import ContentRefused
from ..page.review import REVIEW_FIELDS, Change
from ..settings.config import Config

logger = logging.getLogger(__name__)

_GIT = ("git", "-c", "core.quotepath=off", "--no-pager")
_DIFF = ("--unified=0", "--no-renames", "--no-color", "--no-ext-diff", "--relative")
# A review field's line as a header writes it: a day (with a time, for Modified) or a
# reviewer's key, and nothing more. A line of the text that starts with the same word
# ("Reviewed: it is approved for ...") is what readers get: a change.
_DATED = "|".join(field for field in REVIEW_FIELDS if field != "reviewer")
_REVIEW_LINE = re.compile(
    rf"(?:(?:{_DATED})\s*:\s*\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:]+)?|reviewer\s*:\s*[\w-]+)\s*$",
    re.IGNORECASE,
)
_TIMEOUT = 120  # seconds: a history this slow to read is a problem to report, not to wait on


class History:
    """The last change of each Markdown file of the content folder, by its path relative
    to that folder (``changed``), once git has answered."""

    def __init__(self, content_root: str, today: datetime.date) -> None:
        self.root = content_root
        self.today = today
        self.problem = _problem(content_root)
        self._log: subprocess.Popen[str] | None = None
        self._changes: dict[str, Change] | None = None
        if not self.problem:
            self._log = _git(content_root, "log", "--format=%x00%h %cs", "-p", *_DIFF, "--", ".")

    def changed(self, path: str) -> Change | None:
        """The last change of the file at ``path`` (absolute, or relative to the content
        folder); None when the history cannot tell (``problem``). A file git does not
        know (one its ignore rules leave out) changed today."""
        if self.problem:
            return None
        if self._changes is None:
            self._changes = self._read()
        key = os.path.relpath(path, self.root).replace(os.sep, "/")
        return self._changes.get(key) or Change(self.today, "")

    def since_review(self, path: str) -> tuple[str, str]:
        """(the commit where the file's ``Reviewed:`` line was last set, the diff of the
        file from it to the working tree): what changed since the reviewed version."""
        relative = os.path.relpath(path, self.root)
        _, commit = _output(
            self.root, "log", "-1", "--format=%h", r"-G^[Rr]eviewed[ \t]*:", "--", relative
        )
        commit = commit.strip()
        if not commit:
            return "", ""
        _, diff = _output(self.root, "diff", "--no-color", "--no-ext-diff", commit, "--", relative)
        return commit, diff

    def close(self) -> None:
        """Stop a ``git log`` whose answer the build did not need (it stopped early)."""
        if self._log is not None and self._log.poll() is None:
            self._log.kill()
            self._log.communicate()

    def _read(self) -> dict[str, Change]:
        assert self._log is not None
        try:
            log, _ = self._log.communicate(timeout=_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._log.kill()
            self.problem = f"git log took more than {_TIMEOUT} s"
            return {}
        changes = _changes(log.splitlines()) if self._log.returncode == 0 else {}
        # the working tree, where it differs from the last commit: changed today
        now = Change(self.today, "")
        _, diff = _output(self.root, "diff", "HEAD", *_DIFF, "--", ".")
        _, untracked = _output(self.root, "ls-files", "--others", "--exclude-standard", "-z")
        for path in [*_changes(diff.splitlines(), now), *untracked.split("\0")]:
            if path:
                changes[path] = now
        return changes


def _changes(lines: Iterable[str], fixed: Change | None = None) -> dict[str, Change]:
    """The newest change of each file in ``git log -p`` output (or, with ``fixed``, the
    files a ``git diff`` changes): a diff line that is not one of the review's fields."""
    found: dict[str, Change] = {}
    change, path, header = fixed, "", False
    for line in lines:
        if line.startswith("\0"):
            commit, _, day = line[1:].partition(" ")
            change = Change(datetime.date.fromisoformat(day), commit)
        elif line.startswith("diff --git "):
            # "a/<path> b/<path>" (no renames); a name git quotes stays unknown here, and
            # its file reads as changed today
            both = line[len("diff --git a/") :] if line.startswith("diff --git a/") else ""
            path, header = both[: (len(both) - 3) // 2], True
        elif header:
            header = not line.startswith(("@@", "Binary files"))
            if line.startswith("Binary files") and change is not None:
                found.setdefault(path, change)
        elif line[:1] in "+-" and change and path not in found and not _REVIEW_LINE.match(line, 1):
            found[path] = change
    return found


def _problem(content_root: str) -> str:
    """Why the history cannot tell when a page changed; "" when it can."""
    try:
        status, shallow = _output(content_root, "rev-parse", "--is-shallow-repository")
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"git could not run ({error})"
    if status != 0:
        return "the content folder is not in a git work tree"
    if shallow.strip() == "true":
        return "the checkout is shallow (fetch the whole history: fetch-depth: 0)"
    return ""


def _git(root: str, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*_GIT, *arguments],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def _output(root: str, *arguments: str) -> tuple[int, str]:
    done = subprocess.run(
        [*_GIT, *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=_TIMEOUT,
    )
    return done.returncode, done.stdout


def pull_request_changes(content_root: str) -> set[str] | None:
    """The content files a pull request changes, as the report names them
    (``content/pages/...``), against its base branch (GitHub Actions' GITHUB_BASE_REF,
    with the history fetched); None outside a pull request, or if git cannot tell."""
    base = os.environ.get("GITHUB_BASE_REF")
    if not base:
        return None
    try:
        status, names = _output(
            content_root,
            "diff",
            "--name-only",
            "--no-renames",
            "--relative",
            f"origin/{base}...HEAD",
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    folder = os.path.basename(os.path.normpath(content_root))
    return {f"{folder}/{name}" for name in names.splitlines() if name} if status == 0 else None


def start(content_root: str, config: Config) -> History | None:
    """The history of the content folder, read beside the build; None where the
    settings say not to (``MEDICAL_CHANGED_AFTER_REVIEW = "ignore"``). A publish that
    cannot tell whether a page changed after its review stops here."""
    if config.changed_after_review == "ignore":
        return None
    found = History(content_root, config.today)
    if found.problem and config.changed_after_review == "refuse":
        found.close()
        raise ContentRefused(
            "make publish needs the git history of the content folder to tell whether a "
            f"page changed after its review, and {found.problem}; build from a clone "
            "with its whole history (on GitHub Actions: actions/checkout with "
            "fetch-depth: 0)"
        )
    if found.problem.startswith("the checkout is shallow"):
        logger.warning(
            "cannot tell which pages changed after their review: %s; make publish "
            "will refuse to build here",
            found.problem,
        )
    return found
