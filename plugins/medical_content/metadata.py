"""Checks of a content object's metadata against what its kind requires."""

import re

from .problems import Fault

_MARKUP = re.compile(r"<[A-Za-z!/?]")  # a tag or comment, not "a < b"


def header_name(name):
    """A metadata name as a writer types it in the header: ``regulatory_status`` -> ``Regulatory_status``."""
    return name[:1].upper() + name[1:]


def kind_of(content, is_article):
    """An article's kind is always "article"; a page's is its ``Kind:`` metadata, if any."""
    if is_article:
        return "article"
    return str(content.metadata.get("kind", "")).strip().lower()


def check(metadata, kind, config):
    """The faults of one object's metadata."""
    faults = []
    for name in config.required_metadata.get(kind, ()):
        value = metadata.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            example = _EXAMPLES.get(name, "...")
            faults.append(Fault(
                f"{_described(kind)} needs the metadata {header_name(name)!r}, and it is missing",
                f"add a line '{header_name(name)}: {example}' to the header at the top of the file",
                line=1))
    title = str(metadata.get("title", ""))
    if _MARKUP.search(title):
        faults.append(Fault(
            f"the title {title!r} holds HTML markup; titles are plain text (they also stand "
            "in the browser tab, search results and the structured data)",
            "write the title as plain words, without <...> tags", field="title"))
    if kind == "condition" and metadata.get("regulatory_status") is not None:
        status = str(metadata["regulatory_status"]).strip().lower()
        allowed = " or ".join(repr(s) for s in config.regulatory_statuses)
        if status not in config.regulatory_statuses:
            faults.append(Fault(
                f"Regulatory_status {metadata['regulatory_status']!r} is not a known status",
                f"write {allowed}, as the US label for onabotulinumtoxinA states it",
                field="regulatory_status"))
        elif status == "approved" and not str(metadata.get("indication", "")).strip():
            faults.append(Fault(
                "an approved use needs its indication, and 'Indication' is missing",
                "add 'Indication: <the label's indication in plain words>' to the header",
                line=1))
    return faults


def names_of(content):
    """A condition's name, then its Alternate_name entries (comma-separated)."""
    names = [str(content.metadata.get("condition", content.title)).strip()]
    alternates = content.metadata.get("alternate_name", "")
    names += [n.strip() for n in str(alternates).split(",") if n.strip()]
    return names


def in_sentence(name):
    """A name as it reads mid-sentence: "Tension headache" -> "tension headache", while
    "TMJ disorders" and "Temporomandibular joint (TMJ) disorders" keep their capitals
    where they are an acronym's."""
    first, _, rest = name.partition(" ")
    if first[1:2].isupper():
        return name
    return " ".join([first.lower(), rest]).strip()


def short_name(content):
    """The name a breadcrumb shows: Breadcrumb metadata, else the condition, else the title."""
    return str(content.metadata.get("breadcrumb")
               or content.metadata.get("condition") or content.title).strip()


def unknown_kind(kind):
    return Fault(f"Kind {kind!r} has no template in the theme",
                 f"use a kind the theme has a template for, or add templates/{kind}.html "
                 "to the theme", field="kind")


def _described(kind):
    return "an article" if kind == "article" else f"a {kind} page"


_EXAMPLES = {
    "title": "<the page title>",
    "date": "2024-11-08",
    "summary": "<one sentence that describes the page>",
    "condition": "<the condition's name>",
    "regulatory_status": "approved' or 'Regulatory_status: off-label",
    "reviewed": "<the date of the last medical review, YYYY-MM-DD>",
    "reviewer": "<a key of the reviewers file>",
    "sources": "[Title](https://address)",
}
