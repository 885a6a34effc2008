"""Review dates: who reviewed a medical page, when, and when its next review is due.

The NHS pattern: a page shows "Medically reviewed by ... on ...", and at its foot
"Page last reviewed" and "Next review due". An overdue page warns while writing and
fails a publish (``MEDICAL_OVERDUE_REVIEW``); "today" comes from the settings so that
tests do not depend on the real date.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.dates import add_months, parse_date
from ..core.problems import Fault

if TYPE_CHECKING:
    from ..settings.config import Config


@dataclass(frozen=True)
class Review:
    reviewed: datetime.date
    next_review: datetime.date
    reviewer: dict[str, Any]  # the reviewers file's entry, with its key

    def overdue(self, today: datetime.date) -> bool:
        return today > self.next_review

    @property
    def placeholder(self) -> bool:
        """The reviewers file says this reviewer is not real yet: no review took place."""
        return bool(self.reviewer.get("placeholder"))


def _date(value: object) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return parse_date(value).date()


def review_of(metadata: Mapping[str, Any], config: "Config") -> tuple[Review | None, list[Fault]]:
    """(Review or None, faults) for one page's Reviewed / Reviewer / Next_review."""
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
    return Review(reviewed, next_review, reviewer), faults


def overdue_fault(review: Review) -> Fault:
    return Fault(
        f"the page's review was due on {review.next_review.isoformat()} "
        f"(last reviewed {review.reviewed.isoformat()})",
        "have the page reviewed, then update 'Reviewed:' (and 'Next_review:' if set)",
        field="reviewed",
    )
