"""Open, update or close the one reminder issue (the second job of the scheduled workflow
.github/workflows/reminders.yml, the only one that may write issues).

    python tools/reminder_issue.py REMINDER [--recorded FOLDER]

REMINDER is what tools/review_reminders.py wrote: {"due", "title", "body"}. The reminder
issue is the open issue that GitHub Actions opened with the reminder's first line
(``MARKER``) in its body. Something due, and no such issue: one is opened; one open: it is
updated (title and body), never a second opened (any duplicate a past run left is
closed); nothing due: an open one is closed, else nothing is done.

It talks to GitHub's REST API with urllib, as GITHUB_TOKEN (the workflow's token, with
issues: write), in GITHUB_REPOSITORY, at GITHUB_API_URL (https only). --recorded reads
GitHub's answers from a folder instead, as the tests do: open-issues.json (the answer to
the list of open issues) and issue.json (to an issue opened or updated); each request it
would have sent is added to sent.jsonl there. Standard library only: this job installs
nothing and runs no build.

Exit status: 0, or 1 when GitHub refused a request or could not be reached.
"""

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openfda_answer import Refused, read_capped

BOT = "github-actions[bot]"  # who opens issues with the workflow's GITHUB_TOKEN
# the first line of every reminder's body: how the reminder issue is found again
MARKER = "<!-- review-reminders: opened and updated by .github/workflows/reminders.yml -->"
_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")

# (method, path, body) -> the answer's JSON
Ask = Callable[[str, str, dict[str, Any] | None], Any]


class GitHubError(Exception):
    """GitHub refused a request, or could not be reached."""


def github(api: str, repository: str, token: str) -> Ask:
    if not api.startswith("https://") or not _REPOSITORY.match(repository):
        raise GitHubError(f"GITHUB_API_URL {api!r} or GITHUB_REPOSITORY {repository!r} is wrong")

    def ask(method: str, path: str, body: dict[str, Any] | None) -> Any:
        request = urllib.request.Request(
            f"{api}/repos/{repository}{path}",
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "review-reminders",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return json.loads(read_capped(answer) or b"null")
        except urllib.error.HTTPError as error:
            raise GitHubError(f"{method} {path}: HTTP {error.code} {error.reason}") from None
        except (OSError, Refused, ValueError) as error:
            raise GitHubError(f"{method} {path}: {type(error).__name__}: {error}") from None

    return ask


def recorded(folder: str) -> Ask:
    def ask(method: str, path: str, body: dict[str, Any] | None) -> Any:
        with open(os.path.join(folder, "sent.jsonl"), "a", encoding="utf-8") as sent:
            sent.write(json.dumps({"method": method, "path": path, "body": body}) + "\n")
        name = "open-issues.json" if method == "GET" else "issue.json"
        return json.loads(Path(folder, name).read_text(encoding="utf-8"))

    return ask


def reminders_open(ask: Ask) -> list[dict[str, Any]]:
    """The open issues Actions opened with the marker, oldest first (pull requests are
    issues to this API, and are left out)."""
    query = urllib.parse.urlencode({"state": "open", "creator": BOT, "per_page": 100})
    found = ask("GET", f"/issues?{query}", None)
    if not isinstance(found, list):
        raise GitHubError("the list of open issues is not a list")
    return sorted(
        (
            issue
            for issue in found
            if isinstance(issue, dict)
            and "pull_request" not in issue
            and (issue.get("user") or {}).get("login") == BOT
            and str(issue.get("body") or "").startswith(MARKER)
        ),
        key=lambda issue: int(issue["number"]),
    )


def remind(reminder: dict[str, Any], ask: Ask) -> str:
    """Open, update or close the reminder issue; what was done."""
    if not str(reminder.get("body", "")).startswith(MARKER):
        raise GitHubError("the reminder's body does not start with the marker")
    issues = reminders_open(ask)
    for duplicate in issues[1:]:  # one reminder: a past run's second is closed
        ask("PATCH", f"/issues/{int(duplicate['number'])}", {"state": "closed"})
    wanted = {"title": reminder["title"], "body": reminder["body"]}
    if not reminder["due"]:
        if not issues:
            return "nothing is due, and no reminder is open"
        number = int(issues[0]["number"])
        ask(
            "PATCH", f"/issues/{number}", {**wanted, "state": "closed", "state_reason": "completed"}
        )
        return f"nothing is due: closed reminder #{number}"
    if issues:
        number = int(issues[0]["number"])
        if {key: issues[0].get(key) for key in wanted} != wanted:
            ask("PATCH", f"/issues/{number}", wanted)
        return f"updated reminder #{number}"
    opened = ask("POST", "/issues", wanted)
    return f"opened reminder #{int(opened['number'])}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("reminder", help="what tools/review_reminders.py wrote")
    parser.add_argument("--recorded", help="a folder of recorded GitHub answers (tests)")
    args = parser.parse_args(argv)
    reminder = json.loads(Path(args.reminder).read_text(encoding="utf-8"))
    token = os.environ.get("GITHUB_TOKEN", "")
    if not args.recorded and not token:
        print("GITHUB_TOKEN is not set: the workflow gives it to this step", file=sys.stderr)
        return 1
    try:
        ask = (
            recorded(args.recorded)
            if args.recorded
            else github(
                os.environ.get("GITHUB_API_URL", "https://api.github.com"),
                os.environ.get("GITHUB_REPOSITORY", ""),
                token,
            )
        )
        print(remind(reminder, ask))
    except GitHubError as error:
        print(f"GitHub: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
