"""The plugin's settings and their defaults, each with why it is there.

Every setting has the prefix ``MEDICAL_`` and can be overridden in ``pelicanconf.py``;
``settings.load`` reads and checks them once when Pelican starts.
"""

from typing import Any

DEFAULTS: dict[str, Any] = {
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
        "slug": {"type": "slug", "example": "chronic-migraine"},
        "status": {
            "type": "choice",
            "values": ["published", "hidden", "draft"],
            "example": "draft",
        },
        "url": {"type": "path", "example": "404.html"},
        "save_as": {"type": "path", "example": "404.html"},
        "lang": {"type": "text", "example": "en"},
        "breadcrumb": {"type": "text", "example": "<a short name for the breadcrumb trail>"},
        "author": {"type": "text", "kinds": ["article"], "example": "<the author's name>"},
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
        # The reviewer's word that the edits since their review, up to this day, leave
        # the medical content as they reviewed it (a typo, a link): ``page.review``.
        "edits_accepted": {"type": "date", "kinds": "medical", "example": "2026-11-25"},
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
    # The plain pages (no medical kind) that may name the product in passing, as glob
    # patterns relative to the content folder (the home page, "about", search): any
    # other plain page that names a product of the registry with a dose, an injection,
    # side effects or a use is refused, for it would publish without the safeguards.
    "MEDICAL_PLAIN_PAGES": [],
    # "production" (publishconf.py): the publish policy holds (``policy``), and a setting
    # that weakens one of its gates stops the build. "local": the settings as they are.
    "MEDICAL_POLICY": "local",
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
    # A medical page whose text changed (in git, or in the working tree) after its
    # Reviewed date had no review of what readers get. "mark": it builds, marked as
    # changed since its review, and every page says the site is a preview, unindexed;
    # "refuse": an error at its Reviewed line (make publish); "ignore": the history is
    # not read (a copy of the site built as if every change were reviewed: the tests').
    "MEDICAL_CHANGED_AFTER_REVIEW": "mark",
    # A folder (relative to the project) where a build writes the review packet of each
    # medical page whose text changed since its review (``make review``); None: none.
    "MEDICAL_REVIEW_PACKETS": None,
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
