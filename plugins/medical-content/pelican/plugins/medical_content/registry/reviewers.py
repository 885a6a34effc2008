"""The reviewers file (``MEDICAL_REVIEWERS_FILE``): who may review a medical page.

A TOML table per reviewer key, read and checked once when the build starts: each has a
name, a type (a person or an organization), credentials and the GitHub accounts that
sign for it (a pull request's approval by one of them is the sign-off: CODEOWNERS makes
them the required reviewers, and tools/review_approvals.py says whether they approved),
unless it is marked as a placeholder for a reviewer who is not real yet.
"""

import re
from typing import Any

from ..core.problems import SettingsError, read_toml

# The reviewers file's entry of one reviewer: name, type, credentials, github, placeholder.
Reviewer = dict[str, Any]

# GitHub's rule for a user name: letters, digits and single hyphens, at most 39
ACCOUNT = re.compile(r"[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}")


def load(path: str) -> dict[str, Reviewer]:
    """{key: entry} of the reviewers file at ``path``, checked."""
    table: dict[str, Reviewer] = read_toml(path, "reviewers file")
    for key, reviewer in table.items():
        if not isinstance(reviewer, dict) or not str(reviewer.get("name", "")).strip():
            raise SettingsError(f'{path}: reviewer [{key}] needs a name = "..." line')
        if reviewer.get("type", "Person") not in ("Person", "Organization"):
            raise SettingsError(
                f"{path}: reviewer [{key}] has type {reviewer['type']!r}; write "
                '"Person" or "Organization"'
            )
        if not reviewer.get("placeholder") and not str(reviewer.get("credentials", "")).strip():
            # A review is only worth as much as who did it: readers and search engines
            # are told the reviewer's qualifications.
            raise SettingsError(
                f'{path}: reviewer [{key}] needs a credentials = "..." line (for example '
                '"PharmD, clinical pharmacist"); a reviewer who is not real yet is marked '
                "placeholder = true"
            )
        _check_accounts(path, key, reviewer)
    return table


def _check_accounts(path: str, key: str, reviewer: Reviewer) -> None:
    accounts = reviewer.get("github", [])
    if not isinstance(accounts, list) or not all(
        isinstance(a, str) and ACCOUNT.fullmatch(a) for a in accounts
    ):
        raise SettingsError(
            f"{path}: reviewer [{key}] has github = {accounts!r}; write the GitHub user "
            'names that sign for them as a list, for example github = ["alex-example"]'
        )
    if not reviewer.get("placeholder") and not accounts:
        # the sign-off is a pull request's approval by one of these accounts
        raise SettingsError(
            f"{path}: reviewer [{key}] needs a github = [...] line: the GitHub accounts "
            "whose approval of a pull request signs for them (for example github = "
            '["alex-example"]); CODEOWNERS makes them the required reviewers'
        )
