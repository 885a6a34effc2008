"""The plugin's settings: defaults in one dict, read and checked once when Pelican starts.

Every setting has the prefix ``MEDICAL_`` and can be overridden in ``pelicanconf.py``.
A misspelt ``MEDICAL_*`` key or a value of the wrong shape stops the build at start,
rather than surfacing later as a confusing template or content error.
"""

import datetime
import os
import re
from dataclasses import dataclass

from . import courses, labels, risk_language, schema
from .problems import SettingsError, read_toml

DEFAULTS = {
    # Kinds of content that give medical information: they must show the disclaimer,
    # their review dates and their sources. An article's kind is always "article"; a
    # page's kind is its ``Kind:`` metadata.
    "MEDICAL_KINDS": ["article", "faq", "condition"],
    # The text every medical page must show inside <main>; the theme renders it.
    "MEDICAL_DISCLAIMER": "",
    # Pages of these kinds are read as FAQs: each heading below is a question.
    "MEDICAL_FAQ_KINDS": ["faq"],
    "MEDICAL_FAQ_HEADING": "h2",
    # The page header's schema: every key a page may carry, its type, the kinds of page
    # that take it (none: every kind) and the kinds that must have it ("medical": every
    # kind of MEDICAL_KINDS; "*": every kind). Types: text, date (YYYY-MM-DD), choice
    # (one of "values"), list (comma-separated), links (Markdown links, one a line),
    # slug, path, kind. An unknown key, or one its page's kind does not take, is an error.
    "MEDICAL_METADATA": {
        "title": {"type": "text", "required": "*", "example": "<the page title>"},
        "kind": {"type": "kind", "example": "condition"},
        "summary": {
            "type": "text",
            "required": "medical",
            "example": "<one sentence that describes the page>",
        },
        "date": {"type": "date", "required": "medical", "example": "2024-11-08"},
        "modified": {"type": "date", "example": "2024-12-01"},
        "slug": {"type": "slug", "example": "botox-for-migraine"},
        "status": {
            "type": "choice",
            "values": ["published", "hidden", "draft"],
            "example": "draft",
        },
        "url": {"type": "path", "example": "404.html"},
        "save_as": {"type": "path", "example": "404.html"},
        "lang": {"type": "text", "example": "en"},
        "breadcrumb": {"type": "text", "example": "<a short name for the breadcrumb trail>"},
        "author": {"type": "text", "kinds": ["article"], "example": "Example Pain Clinic"},
        "reviewed": {
            "type": "date",
            "kinds": "medical",
            "required": "medical",
            "example": "<the date of the last medical review, YYYY-MM-DD>",
        },
        "reviewer": {
            "type": "text",
            "kinds": "medical",
            "required": "medical",
            "example": "<a key of the reviewers file>",
        },
        "next_review": {"type": "date", "kinds": "medical", "example": "2027-11-20"},
        "sources": {
            "type": "links",
            "kinds": "medical",
            "required": "medical",
            "example": "[Title](https://address)",
        },
        "condition": {
            "type": "text",
            "kinds": ["condition"],
            "required": ["condition"],
            "example": "<the condition's name>",
        },
        "alternate_name": {
            "type": "list",
            "kinds": ["condition"],
            "example": "<other names of the condition, comma-separated>",
        },
        # Whether the use is approved is the label registry's to say: if a page says it,
        # it must agree; the indication, in plain words, only for a use the label holds.
        "regulatory_status": {
            "type": "choice",
            "values": ["approved", "off-label"],
            "kinds": ["condition"],
            "example": "off-label",
        },
        "indication": {
            "type": "text",
            "kinds": ["condition"],
            "example": "<the label's indication in plain words>",
        },
        "drug": {
            "type": "text",
            "kinds": ["condition"],
            "example": "<a label of the registry, if not the site's drug: xeomin>",
        },
    },
    # Where a page's place in the content folder gives its kind (glob patterns relative
    # to the content folder, first match wins): a writer cannot take a page out of its
    # kind, and with it the disclaimer and safety information, by deleting a Kind line.
    "MEDICAL_KIND_PATHS": {},
    # Who may review: a TOML file of reviewer keys, relative to the content folder.
    "MEDICAL_REVIEWERS_FILE": "reviewers.toml",
    # A page's next review is due this many months after its last, unless it says when.
    "MEDICAL_REVIEW_INTERVAL_MONTHS": 12,
    # "warning" while writing (make html), "error" when publishing (make publish).
    "MEDICAL_OVERDUE_REVIEW": "warning",
    # A page whose reviewer is a placeholder of the reviewers file (placeholder = true)
    # had no medical review. "mark": it builds, and every page of the site says it is
    # a preview, not reviewed, and asks search engines not to index it; "refuse": it is
    # an error at its Reviewer line (make publish: nothing unreviewed goes live).
    "MEDICAL_PLACEHOLDER_REVIEWS": "mark",
    "MEDICAL_PREVIEW_NOTICE": "Preview: these pages have not had their medical review yet. "
    "Do not use them to make decisions about your care.",
    # The day the build takes as today, "YYYY-MM-DD"; None for the real date. Tests set it.
    "MEDICAL_TODAY": None,
    # The label registry: the plugin's own labels/ folder, and these folders too (a
    # site's own label files, relative to the content folder). Whether a use is
    # approved, and what an approval claim may say, is taken from it.
    "MEDICAL_LABELS": [],
    # The site's drug: a label file's name in the registry. A page that names no other
    # drug is about this one; every approved use must cite its label.
    "MEDICAL_PRODUCT": None,
    # A condition page shows its course of treatment from the registry's courses/
    # files, under this heading, with these topics in this order (a topic left out is
    # not shown).
    "MEDICAL_COURSE_HEADING": "What to expect from treatment",
    "MEDICAL_COURSE_TOPICS": {
        "how-given": "How it is given",
        "dose": "Dose",
        "onset": "When it may start to work",
        "peak": "When it works best",
        "lasts": "How long it lasts",
        "interval": "How often",
        "review": "Checks and cautions",
        "evidence": "What the research shows",
    },
    # Words that overstate a treatment's safety or benefit, with why and a better wording
    # (see the file's header): None for the plugin's own list, or a TOML file relative
    # to the content folder.
    "MEDICAL_RISK_LANGUAGE": None,
    # A label not checked by a person for this many months warns (an error when
    # MEDICAL_OVERDUE_REVIEW is "error", as for make publish).
    "MEDICAL_LABEL_CHECK_MONTHS": 12,
    # Important Safety Information: Markdown, relative to the content folder, shown on
    # every page of these kinds from this one file.
    "MEDICAL_SAFETY_INFORMATION": "includes/important-safety-information.md",
    "MEDICAL_SAFETY_KINDS": ["article", "faq", "condition"],
    # Fair balance: on those pages, this summary of the gravest risk (the boxed warning,
    # in plain words) stands above the text, with a link to the full safety
    # information, before any call to action: a link whose words match this pattern.
    "MEDICAL_SAFETY_SUMMARY": "",
    "MEDICAL_CALL_TO_ACTION": r"\b(?:book|contact|schedule|appointment|consultation|call\s+us)\b",
    # Flesch-Kincaid grade above which a page gets a warning, and the heading of the
    # plain-language summary that condition pages open with (it must meet the target).
    "MEDICAL_READABILITY_GRADE": 8.0,
    "MEDICAL_SUMMARY_HEADING": "In short",
    "MEDICAL_SUMMARY_KINDS": ["condition"],
    # Kinds whose pages list their sections ("On this page") above the text.
    "MEDICAL_TOC_KINDS": ["article"],
    # The compliance report as JSON; relative paths are beside the output folder.
    "MEDICAL_REPORT_FILE": "compliance-report.json",
    # Worker processes that check written pages while Pelican writes the next ones:
    # "auto" uses the spare cores once a site has AUTO_WORKERS_FROM pages; 0 checks
    # in the build's own process.
    "MEDICAL_CHECK_WORKERS": "auto",
    # What a feed entry of a medical page carries (see feeds.py): "summary", its Summary
    # and link only (a feed reader shows no disclaimer or safety information around an
    # entry, so the page's text stays on the site); or "full", its text with the
    # disclaimer, review line, safety information and sources appended.
    "MEDICAL_FEED_CONTENT": "summary",
    # A page title longer than this warns (search results and browser tabs cut it), and
    # one longer than the maximum is an error (it is not a title any more).
    "MEDICAL_TITLE_LENGTH": 70,
    "MEDICAL_TITLE_MAX_LENGTH": 200,
}

# Below this many pages, starting a worker costs more than the checks it takes over.
AUTO_WORKERS_FROM = 200

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Config:
    kinds: frozenset
    disclaimer: str
    faq_kinds: frozenset
    faq_heading: str
    metadata: dict  # name -> schema.Key
    kind_paths: tuple  # (pattern, kind), in order
    reviewers: dict
    review_interval_months: int
    overdue_is_error: bool
    refuse_placeholder_reviews: bool
    preview_notice: str
    today: datetime.date
    registry: object  # labels.Registry
    product: str  # the site's drug: a key of the registry
    label_check_months: int
    risk_rules: object  # risk_language.Rules
    courses: object  # courses.Courses
    course_heading: str
    course_topics: tuple  # (topic, heading), in order
    safety_information: str  # the Markdown source; the plugin renders it once
    safety_file: str  # where it is, for its errors
    safety_kinds: frozenset
    safety_summary: str
    call_to_action: object  # compiled pattern
    readability_grade: float
    summary_heading: str
    summary_kinds: frozenset
    report_file: str
    toc_kinds: frozenset
    workers: object  # "auto" or a number of worker processes
    feed_content: str  # "summary" or "full"
    title_length: int
    title_max_length: int

    def check_workers(self, pages):
        if self.workers != "auto":
            return self.workers
        if pages < AUTO_WORKERS_FROM:
            return 0
        return min(2, max(0, (os.cpu_count() or 1) - 1))


def _fail(name, value, wanted):
    raise SettingsError(f"setting {name} must be {wanted}, got {value!r}")


def _strings(name, value):
    if (
        isinstance(value, str)
        or not isinstance(value, (list, tuple))
        or not all(isinstance(item, str) for item in value)
    ):
        _fail(name, value, f"a list of strings, for example {DEFAULTS[name]!r}")
    return tuple(item.strip().lower() for item in value)


def _text(name, value):
    if not isinstance(value, str) or not value.strip():
        _fail(name, value, "a non-empty string")
    return " ".join(value.split())


def _choice(name, value, choices):
    if value not in choices:
        _fail(name, value, "one of " + ", ".join(repr(c) for c in choices))
    return value


def _number(name, value, kind):
    if isinstance(value, bool) or not isinstance(value, kind) or value <= 0:
        _fail(name, value, f"a positive {kind.__name__ if isinstance(kind, type) else 'number'}")
    return value


def _today(value):
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        _fail("MEDICAL_TODAY", value, "None or a date written YYYY-MM-DD")


def _content_file(name, value, content_root):
    path = os.path.join(content_root, _text(name, value))
    if not os.path.isfile(path):
        raise SettingsError(
            f"setting {name}: the file {path} does not exist; create it or point {name} "
            "at the right file (relative to the content folder)"
        )
    return path


def _reviewers(path):
    table = read_toml(path, "reviewers file")
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


def load(settings):
    """Merge the user's MEDICAL_* settings over DEFAULTS, check them, return a Config."""
    unknown = sorted(k for k in settings if k.startswith("MEDICAL_") and k not in DEFAULTS)
    if unknown:
        raise SettingsError(
            f"unknown setting {', '.join(unknown)}; the plugin reads only "
            f"{', '.join(sorted(DEFAULTS))} (check the spelling in your settings file)"
        )
    s = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    root = settings["PATH"]
    kinds = frozenset(_strings("MEDICAL_KINDS", s["MEDICAL_KINDS"]))
    metadata = schema.parse(
        s["MEDICAL_METADATA"], kinds, lambda wanted: _fail("MEDICAL_METADATA", "...", wanted)
    )
    kind_paths = s["MEDICAL_KIND_PATHS"]
    if not isinstance(kind_paths, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in kind_paths.items()
    ):
        _fail(
            "MEDICAL_KIND_PATHS",
            kind_paths,
            'a dict of path pattern -> kind, for example {"pages/conditions/*.md": "condition"}',
        )
    extra = s["MEDICAL_LABELS"]
    if isinstance(extra, str) or not isinstance(extra, (list, tuple)):
        _fail("MEDICAL_LABELS", extra, "a list of folders (relative to the content folder)")
    label_folders = [labels.HERE, *(os.path.join(root, folder) for folder in extra)]
    registry = labels.load(label_folders)
    product = s["MEDICAL_PRODUCT"]
    if product not in registry:
        _fail(
            "MEDICAL_PRODUCT",
            product,
            "the name of a label file of the registry, one "
            "of " + ", ".join(repr(key) for key in sorted(registry.labels)),
        )
    risk_file = s["MEDICAL_RISK_LANGUAGE"]
    risk_path = (
        risk_language.DEFAULT_FILE
        if risk_file is None
        else _content_file("MEDICAL_RISK_LANGUAGE", risk_file, root)
    )
    drug_names = [name for label in registry.labels.values() for name in label.names]
    safety_path = _content_file("MEDICAL_SAFETY_INFORMATION", s["MEDICAL_SAFETY_INFORMATION"], root)
    with open(safety_path, encoding="utf-8") as source:
        safety_information = source.read()
    return Config(
        kinds=kinds,
        disclaimer=_text("MEDICAL_DISCLAIMER", s["MEDICAL_DISCLAIMER"]),
        faq_kinds=frozenset(_strings("MEDICAL_FAQ_KINDS", s["MEDICAL_FAQ_KINDS"])),
        faq_heading=_choice("MEDICAL_FAQ_HEADING", s["MEDICAL_FAQ_HEADING"], _HEADINGS),
        metadata=metadata,
        kind_paths=tuple((pattern, kind.lower()) for pattern, kind in kind_paths.items()),
        reviewers=_reviewers(
            _content_file("MEDICAL_REVIEWERS_FILE", s["MEDICAL_REVIEWERS_FILE"], root)
        ),
        review_interval_months=_number(
            "MEDICAL_REVIEW_INTERVAL_MONTHS", s["MEDICAL_REVIEW_INTERVAL_MONTHS"], int
        ),
        overdue_is_error=_choice(
            "MEDICAL_OVERDUE_REVIEW", s["MEDICAL_OVERDUE_REVIEW"], ("warning", "error")
        )
        == "error",
        refuse_placeholder_reviews=_choice(
            "MEDICAL_PLACEHOLDER_REVIEWS", s["MEDICAL_PLACEHOLDER_REVIEWS"], ("mark", "refuse")
        )
        == "refuse",
        preview_notice=_text("MEDICAL_PREVIEW_NOTICE", s["MEDICAL_PREVIEW_NOTICE"]),
        today=_today(s["MEDICAL_TODAY"]),
        registry=registry,
        product=product,
        label_check_months=_number(
            "MEDICAL_LABEL_CHECK_MONTHS", s["MEDICAL_LABEL_CHECK_MONTHS"], int
        ),
        risk_rules=risk_language.Rules.load(risk_path, drug_names),
        courses=courses.load(label_folders, registry),
        course_heading=_text("MEDICAL_COURSE_HEADING", s["MEDICAL_COURSE_HEADING"]),
        course_topics=_course_topics(s["MEDICAL_COURSE_TOPICS"]),
        safety_information=safety_information,
        safety_file=safety_path,
        safety_kinds=frozenset(_strings("MEDICAL_SAFETY_KINDS", s["MEDICAL_SAFETY_KINDS"])),
        safety_summary=_text("MEDICAL_SAFETY_SUMMARY", s["MEDICAL_SAFETY_SUMMARY"]),
        call_to_action=_pattern("MEDICAL_CALL_TO_ACTION", s["MEDICAL_CALL_TO_ACTION"]),
        readability_grade=float(
            _number("MEDICAL_READABILITY_GRADE", s["MEDICAL_READABILITY_GRADE"], (int, float))
        ),
        summary_heading=_text("MEDICAL_SUMMARY_HEADING", s["MEDICAL_SUMMARY_HEADING"]),
        summary_kinds=frozenset(_strings("MEDICAL_SUMMARY_KINDS", s["MEDICAL_SUMMARY_KINDS"])),
        report_file=_text("MEDICAL_REPORT_FILE", s["MEDICAL_REPORT_FILE"]),
        toc_kinds=frozenset(_strings("MEDICAL_TOC_KINDS", s["MEDICAL_TOC_KINDS"])),
        workers=_workers(s["MEDICAL_CHECK_WORKERS"]),
        feed_content=_choice(
            "MEDICAL_FEED_CONTENT", s["MEDICAL_FEED_CONTENT"], ("summary", "full")
        ),
        title_length=_number("MEDICAL_TITLE_LENGTH", s["MEDICAL_TITLE_LENGTH"], int),
        title_max_length=_number("MEDICAL_TITLE_MAX_LENGTH", s["MEDICAL_TITLE_MAX_LENGTH"], int),
    )


def _pattern(name, value):
    try:
        return re.compile(_text(name, value), re.IGNORECASE)
    except re.error as error:
        _fail(name, value, f"a regular expression ({error})")


def _course_topics(value):
    if (
        not isinstance(value, dict)
        or not set(value) <= set(courses.TOPICS)
        or not all(isinstance(heading, str) and heading.strip() for heading in value.values())
    ):
        _fail(
            "MEDICAL_COURSE_TOPICS",
            value,
            "a dict of topic -> heading, topics among " + ", ".join(courses.TOPICS),
        )
    return tuple(value.items())


def _workers(value):
    if value == "auto" or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return value
    _fail("MEDICAL_CHECK_WORKERS", value, '"auto" or a whole number of processes (0: none)')
    return None
