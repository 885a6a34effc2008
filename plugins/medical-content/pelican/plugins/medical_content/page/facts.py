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
from .model import HEADINGS, Breadcrumb, Medical


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
        medical.indication = _indication(content, regulatory, medical)
        _use(medical, content, regulatory, config)
    medical.review, found = review.review_of(content.metadata, config, place.changed)
    faults += found
    resolve = sources.intrasite_resolver(content, place.context, place.url_of)
    medical.sources, found = sources.sources_of(content.metadata, regulatory, resolve)
    faults += found
    medical.breadcrumbs = _breadcrumbs(content, place)
    return medical, faults + _read_body(content, medical, config)


def _indication(content: Content, regulatory: status.Status, medical: Medical) -> str:
    """What the status line of an approved use says: the page's Indication, else the
    label's words if they were read in the label itself; words read only in a copy are
    not shown as the label's, so the line then names the use as the page does. An
    off-label use has none."""
    indication = regulatory.indication
    if not isinstance(indication, Indication):
        return ""
    written = str(content.metadata.get("indication", ""))
    if written.strip():
        return written
    if indication.read.from_label:
        return indication.text
    return (
        f"{medical.drug} is FDA-approved for {medical.condition_in_sentence}; "
        "ask your doctor what the approval covers."
    )


def _use(medical: Medical, content: Content, regulatory: status.Status, config: Config) -> None:
    """The page's course of treatment, the risks of its use and, for an off-label use, its
    evidence line and the warning about uses the label does not hold."""
    indication = regulatory.indication
    courses = cast(Courses, config.courses)
    course = courses.of(
        regulatory.label.key,
        indication.id if isinstance(indication, Indication) else "",
        str(content.metadata.get("condition", "")),
    )
    if not regulatory.approved:
        medical.unapproved_use = list(courses.unapproved_use(regulatory.label.key))
    if course is None:
        return
    medical.risks, medical.evidence = list(course.risks), course.evidence
    topics = dict(config.course_topics)
    sections = [(topics[topic], facts) for topic, facts in course.by_topic(tuple(topics))]
    medical.course = (config.course_heading, sections) if sections else None


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
