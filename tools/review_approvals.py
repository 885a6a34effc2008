"""Whether a pull request's approvals include the reviewer each changed medical page names.

On GitHub Actions, for a pull request: the medical pages it changes (git, against its
base), the reviewer each names (the build's compliance-report.json), the GitHub accounts
the reviewers file lists for that reviewer, and the pull request's reviews (the REST
API, with the job's read-only token). One line a page, the same as a table in the job's
summary, and a warning at each page whose reviewer has not approved. It does not fail:
CODEOWNERS and branch protection block the merge; this says who still has to sign.
Anywhere else it says there is nothing to check, and exits 0.

python tools/review_approvals.py [REPORT] [--reviewers FILE] [--repository DIR]
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any, NamedTuple

from label_updates import command

from pelican.plugins.medical_content.registry import reviewers as reviewers_file

ROOT = Path(__file__).resolve().parent.parent
REVIEWERS = ROOT / "content" / "reviewers.toml"
LIMIT = 2 * 1024 * 1024  # bytes of one API answer: far more than 100 reviews take
DECISIONS = ("APPROVED", "CHANGES_REQUESTED", "DISMISSED")  # a comment decides nothing


class Verdict(NamedTuple):
    page: str
    reviewer: str  # the key the page names
    accounts: tuple[str, ...]  # who signs for that reviewer
    approved_by: tuple[str, ...]  # those of them whose last decision is an approval

    def line(self) -> str:
        if not self.accounts:
            return f"{self.page}: {self.reviewer!r} lists no GitHub account that can sign"
        if self.approved_by:
            return (
                f"{self.page}: {self.reviewer!r} signed: approved by {', '.join(self.approved_by)}"
            )
        return (
            f"{self.page}: {self.reviewer!r} has not signed yet: waiting for an approval "
            f"by {' or '.join(self.accounts)}"
        )


def approvers(reviews: list[dict[str, Any]]) -> set[str]:
    """The accounts whose last decision on the pull request (in the API's order, oldest
    first) is an approval: a later request for changes or a dismissal takes it back."""
    last: dict[str, str] = {}
    for review in reviews:
        login = (review.get("user") or {}).get("login")
        if login and review.get("state") in DECISIONS:
            last[login] = review["state"]
    return {login for login, state in last.items() if state == "APPROVED"}


def verdicts(
    pages: list[dict[str, Any]],
    changed: set[str],
    accounts: dict[str, list[str]],
    approved: set[str],
) -> list[Verdict]:
    """One verdict for each medical page of the report that the pull request changes."""
    found = []
    for page in pages:
        if page.get("medical") and page["page"] in changed and page.get("reviewer"):
            signers = tuple(accounts.get(page["reviewer"], ()))
            found.append(
                Verdict(
                    page["page"],
                    page["reviewer"],
                    signers,
                    tuple(a for a in signers if a.casefold() in {x.casefold() for x in approved}),
                )
            )
    return found


def reviews_of(api: str, repository: str, number: int, token: str) -> list[dict[str, Any]]:
    """Every review of the pull request, page by page (the API gives 100 at most a page)."""
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        url = f"{api}/repos/{repository}/pulls/{number}/reviews?per_page=100&page={page}"
        request = urllib.request.Request(
            url,
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {token}",
                "X-GitHub-Api-Version": "2022-11-28",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = answer.read(LIMIT + 1)
        if len(body) > LIMIT:
            raise ValueError(f"the API's answer for {url} is larger than {LIMIT} bytes")
        batch = json.loads(body)
        if not isinstance(batch, list):
            raise ValueError(f"the API answered {url} with {type(batch).__name__}, not a list")
        found += batch
        if len(batch) < 100:
            return found
        page += 1


def changed_files(repository: str, base: str) -> set[str]:
    """The files the pull request changes: its head against where it left its base."""
    done = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", f"{base}...HEAD"],
        cwd=repository,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.splitlines())


def summary(found: list[Verdict]) -> str:
    rows = "".join(
        f"| `{v.page}` | {v.reviewer} | {', '.join(v.accounts) or '-'} | "
        f"{('approved by ' + ', '.join(v.approved_by)) if v.approved_by else '**not yet**'} |\n"
        for v in found
    )
    return (
        "### Sign-off of the medical pages this pull request changes\n\n"
        + (
            "| page | reviewer | signs with GitHub | approval |\n| --- | --- | --- | --- |\n" + rows
            if found
            else "This pull request changes no medical page.\n"
        )
        + "\n"
    )


def warning(verdict: Verdict) -> str:
    title = "Medical review not signed"
    return command("warning", {"file": verdict.page, "title": title}, verdict.line())


def main(argv: list[str] | None = None, env: dict[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", default=str(ROOT / "compliance-report.json"))
    parser.add_argument("--reviewers", default=str(REVIEWERS))
    parser.add_argument("--repository", default=str(ROOT))
    arguments = parser.parse_args(argv)
    env = dict(os.environ) if env is None else env
    event_path = env.get("GITHUB_EVENT_PATH")
    if env.get("GITHUB_ACTIONS") != "true" or not event_path:
        print("review approvals: not a pull request on GitHub Actions; nothing to check")
        return 0
    event = json.loads(Path(event_path).read_text(encoding="utf-8"))
    pull = event.get("pull_request")
    if not pull:
        print("review approvals: this run is not for a pull request; nothing to check")
        return 0
    report = json.loads(Path(arguments.report).read_text(encoding="utf-8"))
    accounts = {
        key: list(entry.get("github", []))
        for key, entry in reviewers_file.load(arguments.reviewers).items()
    }
    reviews = reviews_of(
        env.get("GITHUB_API_URL", "https://api.github.com"),
        env["GITHUB_REPOSITORY"],
        int(pull["number"]),
        env.get("GITHUB_TOKEN", ""),
    )
    changed = changed_files(arguments.repository, pull["base"]["sha"])
    found = verdicts(report["pages"], changed, accounts, approvers(reviews))
    for verdict in found:
        print(verdict.line())
        if not verdict.approved_by:
            print(warning(verdict))
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
