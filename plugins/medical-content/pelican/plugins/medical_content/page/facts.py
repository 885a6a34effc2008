"""What a page is, built once from its header and its text when Pelican has read every
page: its ``model.Medical``, with the faults found on the way (its kind, a condition's
status from the label registry and its course of treatment, its review, its sources,
its breadcrumb trail, its "On this page" list, an FAQ's questions). The checks of these
facts (``checks.facts``), the structured data (``outputs.structured_data``) and the
templates read the model, never the header again."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from pelican.contents import Content

from ..core.html_text import fragment
from ..core.problems import Fault
from ..registry.courses import Courses
from ..registry.labels import Indication
from ..settings.config import Config
from . import faq, metadata, review, sources, status
from .model import HEADINGS, Breadcrumb, Course, Medical


@dataclass(frozen=True)
class Place:
    """Where the page stands in the site, as the build knows it."""

    is_article: bool
    url: str  # site-relative
    parents: Sequence[tuple[Content, str]]  # the pages above it, with their URLs
    index_url: str  # the list of articles
    context: Mapping[str, Any]  # Pelican's, where {filename} links are looked up
    url_of: Callable[[Any], str]  # the URL of a content of the site
    changed: review.Change | None = None  # the last change of its text (git)


def build(content: Content, place: Place, config: Config) -> tuple[Medical, list[Fault]]:
    """The page's facts, and the faults of its header and body."""
    kind = metadata.kind_of(content, place.is_article)
    faults = metadata.check(content.metadata)
    regulatory = None
    if kind == "condition":
        regulatory, found = status.status_of(content.metadata, config)
        faults += found
    names = metadata.names_of(content) if kind == "condition" else []
    medical = Medical(
        kind=kind,
        is_medical=kind in config.kinds,
        shows_safety_information=kind in config.safety_kinds,
        label=status.label_of(regulatory, config),
        regulatory=regulatory,
        condition_names=names,
        condition_in_sentence=metadata.in_sentence(names[0]) if names else "",
    )
    if regulatory is not None:
        medical.indication = _indication(content, regulatory)
        medical.course = _course(content, regulatory, config)
    medical.review, found = review.review_of(content.metadata, config, place.changed)
    faults += found
    resolve = sources.intrasite_resolver(content, place.context, place.url_of)
    medical.sources, found = sources.sources_of(content.metadata, regulatory, resolve)
    faults += found
    medical.breadcrumbs = _breadcrumbs(content, place)
    return medical, faults + _read_body(content, medical, config)


def _indication(content: Content, regulatory: status.Status) -> str:
    """What the status line of an approved use says: the page's Indication, else the
    label's words. An off-label use has none."""
    if not isinstance(regulatory.indication, Indication):
        return ""
    written = str(content.metadata.get("indication", ""))
    return written if written.strip() else regulatory.indication.text


def _course(content: Content, regulatory: status.Status, config: Config) -> Course | None:
    """The page's course of treatment, as (heading, [(topic heading, facts)]), or None."""
    indication = regulatory.indication
    course = cast(Courses, config.courses).of(
        regulatory.label.key,
        indication.id if isinstance(indication, Indication) else "",
        str(content.metadata.get("condition", "")),
    )
    if course is None:
        return None
    topics = dict(config.course_topics)
    sections = [(topics[topic], facts) for topic, facts in course.by_topic(tuple(topics))]
    return (config.course_heading, sections) if sections else None


def _breadcrumbs(content: Content, place: Place) -> list[Breadcrumb]:
    """[(name, site-relative url)] from the home page down to this one."""
    if not place.is_article and place.url in ("", "index.html"):
        return [("Home", "")]
    trail = [("Home", "")]
    if place.is_article:
        trail.append(("Articles", place.index_url))
    trail += [(metadata.short_name(parent), url) for parent, url in place.parents]
    trail.append((metadata.short_name(content), place.url))
    return trail


def _read_body(content: Content, medical: Medical, config: Config) -> list[Fault]:
    """The "On this page" list, from the headings Markdown listed as it read the page,
    and the FAQ entries, from the page's HTML body."""
    if medical.kind in config.toc_kinds:
        medical.toc = list(content.metadata.get(HEADINGS, ()))
    if medical.kind not in config.faq_kinds:
        return []
    found = faq.extract(fragment(content.content or ""), config.faq_heading)
    medical.faq = found.entries
    return found.faults
