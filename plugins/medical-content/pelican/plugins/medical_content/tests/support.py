"""Helpers of the plugin's tests: a small site in tmp_path built with the plugin alone
(its settings from Pelican's defaults, the theme of test_data/), the Markdown of each
kind of page, and readers of what a build wrote. The site's own tests (tests/support.py)
build on them."""

import json
import logging
import textwrap
from collections.abc import Collection
from pathlib import Path
from typing import Any

import blinker
import pytest
from bs4 import BeautifulSoup, Tag
from pelican.log import LimitFilter
from pelican.settings import Settings, read_settings

from pelican import Pelican  # type: ignore[attr-defined]  # mypy reads pelican/ here as this namespace
from pelican.plugins.medical_content.core.problems import BuildFailed

TEST_DATA = Path(__file__).parent / "test_data"
FIXTURE_TODAY = "2025-06-01"
LABEL_URL = "https://www.rxabbvie.com/pdf/botox_pi.pdf"
# What a site must set for the plugin; the rest are Pelican's defaults or the plugin's.
PLUGIN_SETTINGS = {
    "PLUGINS": ["pelican.plugins.medical_content"],
    "ARTICLE_PATHS": ["articles"],
    "PAGE_PATHS": ["pages"],
    "PATH_METADATA": r"pages/(?P<slug>.+)\.md",
    "ARTICLE_URL": "articles/{slug}/",
    "ARTICLE_SAVE_AS": "articles/{slug}/index.html",
    "PAGE_URL": "{slug}/",
    "PAGE_SAVE_AS": "{slug}/index.html",
    "DIRECT_TEMPLATES": ["index"],
    "INDEX_SAVE_AS": "articles/index.html",
    "TAG_SAVE_AS": "",
    "CATEGORY_SAVE_AS": "",
    "AUTHOR_SAVE_AS": "",
    "TIMEZONE": "UTC",
    "DEFAULT_LANG": "en",
    "JINJA_ENVIRONMENT": {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True},
    "MARKDOWN": {
        "extension_configs": {
            "markdown.extensions.extra": {},
            "markdown.extensions.meta": {},
            "markdown.extensions.toc": {},
        },
        "output_format": "html5",
    },
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "CACHE_CONTENT": False,
    "LOAD_CONTENT_CACHE": False,
    # The structured data names the site's publisher (structured_data.site_facts reads CLINIC).
    "CLINIC": {
        "name": "A test practice",
        "telephone": "+1-555-010-0199",
        "email": "desk@example.org",
        "street": "1 Test Street",
        "locality": "Testville",
        "region": "ST",
        "postal_code": "00000",
        "country": "US",
    },
    "MEDICAL_PRODUCT": "botox",
    "MEDICAL_KIND_PATHS": {"pages/conditions/*.md": "condition", "pages/faq.md": "faq"},
    "MEDICAL_DISCLAIMER": "General information for patients, not medical advice.",
    "MEDICAL_SAFETY_SUMMARY": "The effects of the medicine can spread from the injection area.",
}


@pytest.fixture(autouse=True)
def fresh_log_filter() -> None:
    """Pelican's LimitFilter drops a repeated warning for the rest of the process; each
    test must see its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def only_its_own_plugins() -> None:
    """Pelican's signals are the process's: a plugin an earlier test's build registered
    would run on the next build too. Pelican registers each build's PLUGINS again."""
    for signal in list(blinker.default_namespace.values()):
        for receiver in list(signal.receivers_for(blinker.ANY)):
            signal.disconnect(receiver)


def read_page(output: Path, url_path: str) -> BeautifulSoup:
    """Parse the page a URL path like '/faq/' was written to."""
    path = (
        output / url_path.strip("/") / "index.html"
        if not url_path.endswith(".html")
        else output / url_path.strip("/")
    )
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


def first(parent: Tag, selector: str) -> Tag:
    """The first element in ``parent`` that a CSS selector matches: one the test expects."""
    found = parent.select_one(selector)
    assert found is not None, f"nothing in the page matches {selector!r}"
    return found


class FixtureSite:
    """A site in tmp_path with test_data's reviewers file and safety information and no
    page yet (a test writes its own), built with the plugin and test_data's theme."""

    def __init__(self, tmp_path: Path, theme: Path = TEST_DATA / "theme") -> None:
        self.root = tmp_path
        self.content = tmp_path / "content"
        self.output = tmp_path / "output"
        self.theme = theme
        (self.content / "pages").mkdir(parents=True)
        (self.content / "articles").mkdir(parents=True)
        # the site's reviewers file and safety information, as test_data/content has them
        for relative in ("reviewers.toml", "includes/important-safety-information.md"):
            self.write(relative, (TEST_DATA / "content" / relative).read_text(encoding="utf-8"))

    def write(self, relative: str, text: str | bytes) -> Path:
        """Write a source file under content/; text is dedented."""
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    def paths(self) -> dict[str, str]:
        """The settings that place this site in tmp_path."""
        return {
            "PATH": str(self.content),
            "OUTPUT_PATH": str(self.output),
            "CACHE_PATH": str(self.root / "cache"),
            "THEME": str(self.theme),
            "MEDICAL_TODAY": FIXTURE_TODAY,
        }

    def settings(self, **overrides: object) -> Settings:
        return read_settings(path=None, override={**PLUGIN_SETTINGS, **self.paths(), **overrides})

    def build(self, **overrides: object) -> None:
        only_its_own_plugins()
        Pelican(self.settings(**overrides)).run()

    def page(self, url_path: str) -> BeautifulSoup:
        return read_page(self.output, url_path)


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def fails(
    fixture_site: FixtureSite, caplog: pytest.LogCaptureFixture, **overrides: object
) -> list[str]:
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        fixture_site.build(**overrides)
    return errors(caplog)


def faq_node(script_text: str | None) -> dict[str, Any]:
    """The FAQPage node of a page's JSON-LD graph (``script_text``: its script's ``string``)."""
    assert script_text is not None, "the JSON-LD script is empty"
    nodes = json.loads(script_text)["@graph"]
    [node] = [
        n
        for n in nodes
        if "FAQPage" in (n["@type"] if isinstance(n["@type"], list) else [n["@type"]])
    ]
    return node


def visible_faq(soup: BeautifulSoup, heading: str = "h2") -> list[tuple[str, str]]:
    """(question, answer) pairs as a reader sees them: each heading of the FAQ's level in
    <main>, and the text of what follows it up to the next heading."""
    pairs = []
    main = first(soup, "main")
    body = main.find(class_="content") or main
    for h in body.find_all(heading):
        parts = []
        for sibling in h.find_next_siblings():
            if sibling.name in {"h1", "h2"}:
                break
            parts.append(" ".join(sibling.get_text(" ").split()))
        pairs.append((" ".join(h.get_text(" ").split()), " ".join(p for p in parts if p)))
    return pairs


MEDICAL_HEADER = {
    "Date": "2025-01-10",
    "Summary": "About cervical dystonia.",
    "Reviewed": "2025-01-31",
    "Reviewer": "dr-test",
    "Sources": f"[BOTOX US Prescribing Information]({LABEL_URL})",
}


def source(body: str, drop: Collection[str] = (), **metadata: str) -> str:
    """Markdown of a medical page: a complete header (metadata overrides it, drop removes
    keys) and the body."""
    fields = {**MEDICAL_HEADER, **metadata}
    header = "\n".join(f"{k}: {v}" for k, v in fields.items() if k not in drop)
    return f"{header}\n\n{body}\n"


def faq_source(*pairs: tuple[str, str], title: str = "Questions", **metadata: str) -> str:
    """Markdown of an FAQ page with one level-2 heading per (question, answer) pair."""
    body = "\n\n".join(f"## {question}\n\n{answer}" for question, answer in pairs)
    return source(body, Title=title, Kind="faq", Summary="Questions and answers.", **metadata)


def article_source(body: str = "Text.", drop: Collection[str] = (), **metadata: str) -> str:
    return source(body, drop, **{"Title": "An article", "Summary": "An article.", **metadata})


def condition_source(
    drop: Collection[str] = (),
    body: str = "## In short\n\nIt is a neck problem. Botox can help.",
    **metadata: str,
) -> str:
    """Markdown of a condition page; metadata overrides the defaults, drop removes keys."""
    fields = {
        "Title": "Botox for cervical dystonia",
        "Kind": "condition",
        "Condition": "Cervical dystonia",
        "Regulatory_status": "approved",
        "Indication": "Cervical dystonia in adults.",
        **metadata,
    }
    return source(body, drop=drop, **fields)
