"""The plugin's settings, read and checked once when Pelican starts into one frozen
``Config``: every module reads its settings from there, typed.

A misspelt ``MEDICAL_*`` key or a value of the wrong shape stops the build at start,
rather than surfacing later as a confusing template or content error. The defaults,
each with why it is there, are in ``defaults.py``; the check of each value in
``setting_values.py``.
"""

import datetime
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from ..core.problems import SettingsError
from ..registry import courses, labels, reviewers, risk_rules
from ..registry.courses import Courses
from ..registry.labels import Registry
from ..registry.reviewers import Reviewer
from ..registry.risk_rules import Rules
from . import policy, schema, setting_values as values
from .defaults import DEFAULTS

__all__ = ["DEFAULTS", "Config", "load"]

# Below this many pages, starting a worker costs more than the checks it takes over.
AUTO_WORKERS_FROM = 200

Heading = Literal["h1", "h2", "h3", "h4", "h5", "h6"]
FeedContent = Literal["summary", "full"]
_HEADINGS: tuple[Heading, ...] = get_args(Heading)
_FEED_CONTENTS: tuple[FeedContent, ...] = get_args(FeedContent)


@dataclass(frozen=True)
class Config:
    kinds: frozenset[str]
    disclaimer: str
    faq_kinds: frozenset[str]
    faq_heading: Heading
    metadata: Mapping[str, schema.Key]  # by lower-case name
    production: bool  # the publish policy holds (``policy``)
    kind_paths: tuple[tuple[str, str], ...]  # (pattern, kind), in order
    plain_pages: tuple[str, ...]  # that may name the product in passing (glob patterns)
    reviewers: Mapping[str, Reviewer]  # by key
    review_interval_months: int
    overdue_is_error: bool
    refuse_placeholder_reviews: bool
    changed_after_review: str  # "mark", "refuse" or "ignore"
    review_packets: str | None  # the folder of the review packets
    preview_notice: str
    today: datetime.date
    registry: Registry
    product: str  # the site's drug: a key of the registry
    label_check_months: int
    risk_rules: Rules
    courses: Courses
    course_heading: str
    course_topics: tuple[tuple[str, str], ...]  # (topic, heading), in order
    safety_information: str  # the Markdown source; the plugin renders it once
    safety_file: str  # where it is, for its errors
    safety_kinds: frozenset[str]
    safety_summary: str
    call_to_action: re.Pattern[str]
    readability_grade: float
    summary_heading: str
    summary_kinds: frozenset[str]
    report_file: str
    toc_kinds: frozenset[str]
    workers: values.Workers  # "auto" or a number of worker processes
    feed_content: FeedContent
    title_length: int
    title_max_length: int

    def check_workers(self, pages: int) -> int:
        if self.workers != "auto":
            return self.workers
        if pages < AUTO_WORKERS_FROM:
            return 0
        return min(2, max(0, _usable_cpus() - 1))


def _usable_cpus() -> int:
    """The CPUs this process may run on (``taskset``, a container's CPU set), not the
    machine's: on one, a worker only takes turns with the build, and each waits."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _merged(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The MEDICAL_* settings over DEFAULTS; an unknown MEDICAL_* key is an error."""
    unknown = sorted(k for k in settings if k.startswith("MEDICAL_") and k not in DEFAULTS)
    if unknown:
        raise SettingsError(
            f"unknown setting {', '.join(unknown)}; the plugin reads only "
            f"{', '.join(sorted(DEFAULTS))} (check the spelling in your settings file)"
        )
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as source:
        return source.read()


def load(settings: Mapping[str, Any]) -> Config:
    """Merge the user's MEDICAL_* settings over DEFAULTS, check them, return a Config."""
    s = _merged(settings)
    root = settings["PATH"]
    kinds = values.strings("MEDICAL_KINDS", s["MEDICAL_KINDS"])
    metadata = schema.parse(
        s["MEDICAL_METADATA"], kinds, lambda wanted: values.fail("MEDICAL_METADATA", "...", wanted)
    )
    kind_paths = values.kind_paths(s["MEDICAL_KIND_PATHS"])
    label_folders = [labels.HERE, *values.folders(s["MEDICAL_LABELS"], root)]
    registry = labels.load(label_folders)
    product = values.product(s["MEDICAL_PRODUCT"], registry)
    risk_file = s["MEDICAL_RISK_LANGUAGE"]
    risk_path = (
        risk_rules.DEFAULT_FILE
        if risk_file is None
        else values.content_file("MEDICAL_RISK_LANGUAGE", risk_file, root)
    )
    # what stands for the treatment besides the risk file's words: each product's names,
    # and the words of its class ("toxin", "neurotoxins"), which are the class file's
    drug_names = [name for label in registry.labels.values() for name in label.names] + [
        word
        for drug_class in registry.classes.values()
        for word in (*drug_class.names, *drug_class.short_names)
    ]
    production = (
        values.choice("MEDICAL_POLICY", s["MEDICAL_POLICY"], ("local", policy.PRODUCTION))
        == policy.PRODUCTION
    )
    if production:
        policy.weakened(s, risk_path)
    safety_path = values.content_file(
        "MEDICAL_SAFETY_INFORMATION", s["MEDICAL_SAFETY_INFORMATION"], root
    )
    safety_information = _read(safety_path)
    return Config(
        kinds=kinds,
        disclaimer=values.text("MEDICAL_DISCLAIMER", s["MEDICAL_DISCLAIMER"]),
        faq_kinds=values.strings("MEDICAL_FAQ_KINDS", s["MEDICAL_FAQ_KINDS"]),
        faq_heading=values.choice("MEDICAL_FAQ_HEADING", s["MEDICAL_FAQ_HEADING"], _HEADINGS),
        metadata=metadata,
        production=production,
        kind_paths=kind_paths,
        plain_pages=values.globs("MEDICAL_PLAIN_PAGES", s["MEDICAL_PLAIN_PAGES"]),
        reviewers=reviewers.load(
            values.content_file("MEDICAL_REVIEWERS_FILE", s["MEDICAL_REVIEWERS_FILE"], root)
        ),
        review_interval_months=values.positive_int(
            "MEDICAL_REVIEW_INTERVAL_MONTHS", s["MEDICAL_REVIEW_INTERVAL_MONTHS"]
        ),
        overdue_is_error=values.choice(
            "MEDICAL_OVERDUE_REVIEW", s["MEDICAL_OVERDUE_REVIEW"], ("warning", "error")
        )
        == "error",
        refuse_placeholder_reviews=values.choice(
            "MEDICAL_PLACEHOLDER_REVIEWS", s["MEDICAL_PLACEHOLDER_REVIEWS"], ("mark", "refuse")
        )
        == "refuse",
        changed_after_review=values.choice(
            "MEDICAL_CHANGED_AFTER_REVIEW",
            s["MEDICAL_CHANGED_AFTER_REVIEW"],
            ("mark", "refuse", "ignore"),
        ),
        review_packets=(
            values.text("MEDICAL_REVIEW_PACKETS", s["MEDICAL_REVIEW_PACKETS"])
            if s["MEDICAL_REVIEW_PACKETS"]
            else None
        ),
        preview_notice=values.text("MEDICAL_PREVIEW_NOTICE", s["MEDICAL_PREVIEW_NOTICE"]),
        today=values.today(s["MEDICAL_TODAY"]),
        registry=registry,
        product=product,
        label_check_months=values.positive_int(
            "MEDICAL_LABEL_CHECK_MONTHS", s["MEDICAL_LABEL_CHECK_MONTHS"]
        ),
        risk_rules=Rules.load(risk_path, drug_names),
        courses=courses.load(label_folders, registry),
        course_heading=values.text("MEDICAL_COURSE_HEADING", s["MEDICAL_COURSE_HEADING"]),
        course_topics=values.course_topics(s["MEDICAL_COURSE_TOPICS"]),
        safety_information=safety_information,
        safety_file=safety_path,
        safety_kinds=values.strings("MEDICAL_SAFETY_KINDS", s["MEDICAL_SAFETY_KINDS"]),
        safety_summary=values.text("MEDICAL_SAFETY_SUMMARY", s["MEDICAL_SAFETY_SUMMARY"]),
        call_to_action=values.pattern("MEDICAL_CALL_TO_ACTION", s["MEDICAL_CALL_TO_ACTION"]),
        readability_grade=values.positive_number(
            "MEDICAL_READABILITY_GRADE", s["MEDICAL_READABILITY_GRADE"]
        ),
        summary_heading=values.text("MEDICAL_SUMMARY_HEADING", s["MEDICAL_SUMMARY_HEADING"]),
        summary_kinds=values.strings("MEDICAL_SUMMARY_KINDS", s["MEDICAL_SUMMARY_KINDS"]),
        report_file=values.text("MEDICAL_REPORT_FILE", s["MEDICAL_REPORT_FILE"]),
        toc_kinds=values.strings("MEDICAL_TOC_KINDS", s["MEDICAL_TOC_KINDS"]),
        workers=values.workers(s["MEDICAL_CHECK_WORKERS"]),
        feed_content=values.choice(
            "MEDICAL_FEED_CONTENT", s["MEDICAL_FEED_CONTENT"], _FEED_CONTENTS
        ),
        title_length=values.positive_int("MEDICAL_TITLE_LENGTH", s["MEDICAL_TITLE_LENGTH"]),
        title_max_length=values.positive_int(
            "MEDICAL_TITLE_MAX_LENGTH", s["MEDICAL_TITLE_MAX_LENGTH"]
        ),
    )
