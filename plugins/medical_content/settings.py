"""The plugin's settings: defaults in one dict, read and checked once when Pelican starts.

Every setting has the prefix ``MEDICAL_`` and can be overridden in ``pelicanconf.py``.
A misspelt ``MEDICAL_*`` key or a value of the wrong shape stops the build at start,
rather than surfacing later as a confusing template or content error.
"""

from dataclasses import dataclass

from .problems import SettingsError

DEFAULTS = {
    # Kinds of content that give medical information: they must show the disclaimer.
    # An article's kind is always "article"; a page's kind is its ``Kind:`` metadata.
    "MEDICAL_KINDS": ["article", "faq", "condition"],
    # The text every medical page must show inside <main>; the theme renders it.
    "MEDICAL_DISCLAIMER": "",
    # Pages of these kinds are read as FAQs: each heading below is a question.
    "MEDICAL_FAQ_KINDS": ["faq"],
    "MEDICAL_FAQ_HEADING": "h2",
    # Metadata each kind must carry (names as written in the header, any case).
    "MEDICAL_REQUIRED_METADATA": {
        "article": ["title", "date", "summary"],
        "faq": ["title", "summary"],
        "condition": ["title", "condition", "regulatory_status", "summary"],
    },
    "MEDICAL_REGULATORY_STATUSES": ["approved", "off-label"],
    # Metadata fields that hold dates: checked in the source, with the line, at read time.
    "MEDICAL_DATE_FIELDS": ["date", "modified"],
}

# Where the checked settings of a build are kept, in Pelican's settings dict.
STATE_KEY = "_MEDICAL_CONTENT_STATE"

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Config:
    kinds: frozenset
    disclaimer: str
    faq_kinds: frozenset
    faq_heading: str
    required_metadata: dict
    regulatory_statuses: tuple
    date_fields: tuple


def _string_list(name, value):
    if isinstance(value, str) or not all(isinstance(item, str) for item in value):
        raise SettingsError(
            f"setting {name} must be a list of strings, got {value!r}; "
            f"for example {name} = {DEFAULTS[name]!r}"
        )
    return [item.strip().lower() for item in value]


def load(settings):
    """Merge the user's MEDICAL_* settings over DEFAULTS, check them, return a Config."""
    unknown = sorted(k for k in settings if k.startswith("MEDICAL_") and k not in DEFAULTS)
    if unknown:
        raise SettingsError(
            f"unknown setting {', '.join(unknown)}; the plugin reads only "
            f"{', '.join(sorted(DEFAULTS))} (check the spelling in your settings file)"
        )
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}

    disclaimer = merged["MEDICAL_DISCLAIMER"]
    if not isinstance(disclaimer, str) or not disclaimer.strip():
        raise SettingsError(
            "setting MEDICAL_DISCLAIMER is empty; set it to the disclaimer text that "
            "every medical page must show"
        )
    heading = merged["MEDICAL_FAQ_HEADING"]
    if heading not in _HEADINGS:
        raise SettingsError(
            f"setting MEDICAL_FAQ_HEADING must be one of h1..h6, got {heading!r}"
        )
    required = merged["MEDICAL_REQUIRED_METADATA"]
    if not isinstance(required, dict):
        raise SettingsError(
            "setting MEDICAL_REQUIRED_METADATA must be a dict of kind -> list of "
            f"metadata names, got {required!r}"
        )
    return Config(
        kinds=frozenset(_string_list("MEDICAL_KINDS", merged["MEDICAL_KINDS"])),
        disclaimer=" ".join(disclaimer.split()),
        faq_kinds=frozenset(_string_list("MEDICAL_FAQ_KINDS", merged["MEDICAL_FAQ_KINDS"])),
        faq_heading=heading,
        required_metadata={
            kind.lower(): tuple(_string_list("MEDICAL_REQUIRED_METADATA", names))
            for kind, names in required.items()
        },
        regulatory_statuses=tuple(
            _string_list("MEDICAL_REGULATORY_STATUSES", merged["MEDICAL_REGULATORY_STATUSES"])
        ),
        date_fields=tuple(_string_list("MEDICAL_DATE_FIELDS", merged["MEDICAL_DATE_FIELDS"])),
    )
