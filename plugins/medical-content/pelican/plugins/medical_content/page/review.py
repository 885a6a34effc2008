"""Review dates: who reviewed a medical page, when, and when its next review is due.

The NHS pattern: a page shows "Medically reviewed by ... on ...", and at its foot
"Page last reviewed" and "Next review due". An overdue page warns while writing and
fails a publish (``MEDICAL_OVERDUE_REVIEW``); "today" comes from the settings so that
tests do not depend on the real date.

A review holds for the text its reviewer saw: a page whose text changed after its
``Reviewed:`` date (``Change``, from git: ``builder.history``) is not reviewed, however
small the edit, unless its reviewer accepts the edits in the page (``Edits_accepted:``,
the date up to which they did). ``make html`` marks it, ``make publish`` refuses it
(``MEDICAL_CHANGED_AFTER_REVIEW``).
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.dates import add_months, parse_date
from ..core.problems import Fault

if TYPE_CHECKING:
    from ..settings.config import Config


# The header fields that record a review: a change to them is the reviewer's sign-off,
# or the page's own date of change, not a change of what it says.
REVIEW_FIELDS = ("reviewed", "reviewer", "next_review", "edits_accepted", "modified")


@dataclass(frozen=True)
class Change:
    """The last change of a page's text: its day, and its commit ("" for edits not
    committed yet)."""

    day: datetime.date
    commit: str = ""

    def describe(self) -> str:
        where = f"commit {self.commit}" if self.commit else "edits not committed yet"
        return f"{self.day.isoformat()} ({where})"


@dataclass(frozen=True)
class Review:
    reviewed: datetime.date
    next_review: datetime.date
    reviewer: dict[str, Any]  # the reviewers file's entry, with its key
    changed: Change | None = None  # None: the history cannot tell, or is not read
    edits_accepted: datetime.date | None = None  # the reviewer accepts edits until then

    def overdue(self, today: datetime.date) -> bool:
        return today > self.next_review

    @property
    def placeholder(self) -> bool:
        """The reviewers file says this reviewer is not real yet: no review took place."""
        return bool(self.reviewer.get("placeholder"))

    @property
    def stale(self) -> bool:
        """The text changed after the review, and after the edits its reviewer accepted."""
        covered = max(self.reviewed, self.edits_accepted or self.reviewed)
        return self.changed is not None and self.changed.day > covered

    @property
    def holds(self) -> bool:
        """A named clinician reviewed the text readers get."""
        return not self.placeholder and not self.stale


def _date(value: object) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return parse_date(value).date()


def review_of(
    metadata: Mapping[str, Any], config: "Config", changed: Change | None = None
) -> tuple[Review | None, list[Fault]]:
    """(Review or None, faults) for one page's Reviewed / Reviewer / Next_review /
    Edits_accepted; ``changed``: the last change of its text."""
    if not metadata.get("reviewed") or not metadata.get("reviewer"):
        return None, []  # the required-metadata check names what is missing
    reviewed = _date(metadata["reviewed"])
    key = str(metadata["reviewer"]).strip()
    faults: list[Fault] = []
    reviewer: dict[str, Any]
    if key not in config.reviewers:
        known = ", ".join(sorted(config.reviewers)) or "(none yet)"
        faults.append(
            Fault(
                f"Reviewer {key!r} is not in the reviewers file",
                f"use one of {known}, or add a [{key}] entry with a name to the reviewers file",
                field="reviewer",
            )
        )
        reviewer = {"key": key, "name": key, "type": "Person"}
    else:
        reviewer = {"key": key, "type": "Person", **config.reviewers[key]}
        if reviewer.get("placeholder") and config.refuse_placeholder_reviews:
            faults.append(
                Fault(
                    f"Reviewer {key!r} ({reviewer['name']}) is a placeholder in the reviewers "
                    "file: this page has had no medical review and cannot go live",
                    "have the page reviewed, add the reviewer's name and credentials to the "
                    "reviewers file and name their key here; to build a marked, unindexed "
                    "preview instead, run: MEDICAL_PLACEHOLDER_REVIEWS=mark make publish",
                    field="reviewer",
                )
            )
    latest = add_months(reviewed, config.review_interval_months)
    next_review = _date(metadata["next_review"]) if metadata.get("next_review") else latest
    if next_review > latest:
        months = config.review_interval_months
        faults.append(
            Fault(
                f"Next_review {next_review.isoformat()} is more than {months} months after "
                f"Reviewed {reviewed.isoformat()}: a medical page is reviewed at least every "
                f"{months} months (MEDICAL_REVIEW_INTERVAL_MONTHS)",
                f"set Next_review to {latest.isoformat()} or earlier, or delete the line (the "
                f"next review is then due {latest.isoformat()})",
                field="next_review",
            )
        )
    if reviewed > config.today:
        faults.append(
            Fault(
                f"Reviewed {reviewed.isoformat()} is in the future",
                "write the date the review really took place",
                field="reviewed",
            )
        )
    if next_review <= reviewed:
        faults.append(
            Fault(
                f"Next_review {next_review.isoformat()} is not after "
                f"Reviewed {reviewed.isoformat()}",
                "set Next_review to a later date, or remove it to use the default interval",
                field="next_review",
            )
        )
    accepted = _date(metadata["edits_accepted"]) if metadata.get("edits_accepted") else None
    faults += _accepted_faults(reviewed, accepted, config.today)
    done = Review(reviewed, next_review, reviewer, changed, accepted)
    if done.stale and not done.placeholder and config.changed_after_review == "refuse":
        faults.append(changed_fault(done))
    return done, faults


def _accepted_faults(
    reviewed: datetime.date, accepted: datetime.date | None, today: datetime.date
) -> list[Fault]:
    if accepted is None or reviewed < accepted <= today:
        return []
    return [
        Fault(
            f"Edits_accepted {accepted.isoformat()} is "
            + ("in the future" if accepted > today else f"not after Reviewed {reviewed}"),
            "the reviewer writes the day they accepted the edits since their review, "
            "after Reviewed and not later than today; delete the line otherwise",
            field="edits_accepted",
        )
    ]


def changed_fault(done: Review) -> Fault:
    assert done.changed is not None
    return Fault(
        f"the page's text changed on {done.changed.describe()}, after its review on "
        f"{done.reviewed.isoformat()}: readers would get text its reviewer has not seen",
        f"have {done.reviewer['name']} review the changes (git log -p "
        f"--since={done.reviewed.isoformat()} on this file lists them), then set "
        "'Reviewed:' to the day of that review; an edit that leaves the medical content "
        "as it was (a typo) needs the reviewer's word too: 'Edits_accepted: <day>'",
        field="reviewed",
    )


def overdue_fault(review: Review) -> Fault:
    return Fault(
        f"the page's review was due on {review.next_review.isoformat()} "
        f"(last reviewed {review.reviewed.isoformat()})",
        "have the page reviewed, then update 'Reviewed:' (and 'Next_review:' if set)",
        field="reviewed",
    )
