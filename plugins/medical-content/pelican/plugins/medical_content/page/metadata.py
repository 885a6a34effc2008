"""Checks of a content object's metadata against what its kind requires."""

import datetime
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup
from pelican.contents import Content

from ..core.problems import Fault

_MARKUP = re.compile(r"<[A-Za-z!/?]")  # a tag or comment, not "a < b"


def kind_of(content: Content, is_article: bool) -> str:
    """The kind the plugin's reader gave the page (see ``schema.kind_of``); for a source
    another reader read, an article is an article and a page is its ``Kind:`` or "page"."""
    if is_article:
        return "article"
    return str(content.metadata.get("kind") or "page").strip().lower()


def check(metadata: Mapping[str, Any]) -> list[Fault]:
    """The faults of one object's metadata that the header's schema cannot see alone."""
    faults: list[Fault] = []
    title = str(metadata.get("title", ""))
    if _MARKUP.search(title):
        faults.append(
            Fault(
                f"the title {title!r} holds HTML markup; titles are plain text (they also stand "
                "in the browser tab, search results and the structured data)",
                "write the title as plain words, without <...> tags",
                field="title",
            )
        )
    return faults + _modified_before_date(metadata)


def _modified_before_date(metadata: Mapping[str, Any]) -> list[Fault]:
    """A page changed before it was first published: one of the two days is wrong, and
    readers (and search engines, which show the later of them) would be told so."""
    date, modified = metadata.get("date"), metadata.get("modified")
    if not isinstance(date, datetime.date) or not isinstance(modified, datetime.date):
        return []
    first, last = _day(date), _day(modified)
    if last >= first:
        return []
    return [
        Fault(
            f"Modified {last.isoformat()} is before Date {first.isoformat()}: a page cannot "
            "change before it was first published",
            f"write the day of its last change, {first.isoformat()} or later, or delete the "
            "Modified line (or correct Date, if that is the day that is wrong)",
            field="modified",
        )
    ]


def _day(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def summary_length(metadata: Mapping[str, Any], maximum: int) -> list[Fault]:
    """A Summary longer than ``maximum`` characters, as a reader reads it (its Markdown
    rendered, tags and entities read as text)."""
    summary = Markup(str(metadata.get("summary") or "")).striptags()
    if len(summary) <= maximum:
        return []
    return [
        Fault(
            f"the Summary is {len(summary)} characters long, more than {maximum} "
            "(MEDICAL_SUMMARY_MAX_LENGTH): all of it "
            "stands in the page's description, its link previews and the lists of pages, and "
            "search results show about the first 160 characters",
            f"write one sentence of at most {maximum} characters that says what the page "
            "covers, and put the rest in the page's text",
            field="summary",
        )
    ]


def title_length(
    metadata: Mapping[str, Any], limit: int, maximum: int
) -> tuple[list[Fault], list[Fault]]:
    """(errors, warnings) of a title's length: past ``limit`` characters search results
    and browser tabs cut it; past ``maximum`` it is a paragraph, not a title."""
    title = " ".join(str(metadata.get("title", "")).split())
    if len(title) > maximum:
        return [
            Fault(
                f"the title is {len(title)} characters long, more than {maximum}",
                f"write a title of at most {limit} characters, and put the rest in "
                "the page's text or its Summary",
                field="title",
            )
        ], []
    if len(title) > limit:
        return [], [
            Fault(
                f"the title is {len(title)} characters long, more than {limit}: "
                "search results and browser tabs will cut it",
                f"shorten it to {limit} characters or fewer (a Breadcrumb: line "
                "does not shorten the title)",
                field="title",
            )
        ]
    return [], []


def names_of(content: Content) -> list[str]:
    """A condition's name, then its Alternate_name entries (comma-separated)."""
    names = [str(content.metadata.get("condition", content.title)).strip()]
    alternates = content.metadata.get("alternate_name", "")
    names += [n.strip() for n in str(alternates).split(",") if n.strip()]
    return names


def in_sentence(name: str) -> str:
    """A name as it reads mid-sentence: "Tension headache" -> "tension headache", while
    "TMJ disorders" and "Temporomandibular joint (TMJ) disorders" keep their capitals
    where they are an acronym's."""
    first, _, rest = name.partition(" ")
    if first[1:2].isupper():
        return name
    return " ".join([first.lower(), rest]).strip()


def short_name(content: Content) -> str:
    """The name a breadcrumb shows: Breadcrumb metadata, else the condition, else the title."""
    return str(
        content.metadata.get("breadcrumb") or content.metadata.get("condition") or content.title
    ).strip()
