"""The reviewers file (``MEDICAL_REVIEWERS_FILE``): who may review a medical page.

A TOML table per reviewer key, read and checked once when the build starts: each has a
name, a type (a person or an organization) and credentials, unless it is marked as a
placeholder for a reviewer who is not real yet.
"""

from typing import Any

from ..core.problems import SettingsError, read_toml

# The reviewers file's entry of one reviewer: name, type, credentials, placeholder.
Reviewer = dict[str, Any]


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
    return table
