"""One page's facts (``model.Medical``), found from its metadata and its HTML body, with
the faults found on the way; then its structured data from those facts, and its row of
the compliance report. Templates only place the facts."""

from collections.abc import Mapping
from typing import Any, cast

from markupsafe import Markup
from pelican.contents import Content
from pelican.generators import Generator

from ..checks import registry
from ..checks.base import FACTS, Context, Findings, Page
from ..core import html_text
from ..core.problems import Fault
from ..outputs import structured_data
from ..page import faq, metadata, review, sources, status
from ..page.model import Breadcrumb, Course, Medical
from ..registry.courses import Courses
from ..registry.labels import Indication, Registry
from ..settings.config import Config
from . import jobs, reader
from .state import Located, State

Site = dict[str, Any]  # what every page's structured data says of the site and clinic


def site_facts(settings_: Mapping[str, Any], config: Config) -> Site:
    """What every page's structured data says of the site and the clinic."""
    return {
        "url": settings_["SITEURL"],
        "name": settings_["SITENAME"],
        "lang": settings_["DEFAULT_LANG"],
        "clinic": settings_["CLINIC"],
        "label": cast(Registry, config.registry)[config.product],
        "index_url": settings_["INDEX_SAVE_AS"].rsplit("index.html", 1)[0],
    }


def prepare(
    item: Located, state: State, pages_by_slug: Mapping[str, Located], site: Site
) -> tuple[list[Fault], dict[str, Findings]]:
    """Set ``content.medical`` on the page; return the faults of its metadata and body,
    and what the checks of its facts found (``checks.registry``: FACTS).
    ``pages_by_slug``: each page's ``Located``, for its breadcrumb trail."""
    config, content = state.config, item.content
    medical, faults = facts(item, config, pages_by_slug, site, state.contents)
    faults += _read_body(content, medical, config)
    medical.structured_data = Markup(
        structured_data.script_json(structured_data.page_graph(site, _graph(item, medical, site)))
    )
    content.medical = medical
    row = state.report.add(content, item.url, item.generator.path)
    row.review, row.sources = medical.review, len(medical.sources)
    row.label = medical.label
    if medical.regulatory:
        indication = medical.regulatory.indication
        row.indication = indication.id if isinstance(indication, Indication) else "off-label"
    row.faults += len(faults)
    checked = Page(
        None,
        medical.kind,
        medical.is_medical,
        medical.shows_safety_information,
        facts=medical,
        title=str(content.metadata.get("title", "")),
    )
    return faults, registry.run(FACTS, checked, Context(config, state.judges))


def facts(
    item: Located,
    config: Config,
    pages_by_slug: Mapping[str, Located],
    site: Site,
    located: Mapping[int, Located],
) -> tuple[Medical, list[Fault]]:
    """What the page's metadata says it is, and the faults found on the way."""
    content = item.content
    kind = metadata.kind_of(content, item.is_article)
    faults = metadata.check(content.metadata)
    regulatory = None
    if kind == "condition":
        regulatory, found = status.status_of(content.metadata, config)
        faults += found
    medical = Medical(
        kind=kind,
        is_medical=kind in config.kinds,
        shows_safety_information=kind in config.safety_kinds,
        label=status.label_of(regulatory, config),
        regulatory=regulatory,
    )
    if regulatory is not None:
        medical.indication, medical.course = (
            _indication(content, regulatory),
            _course(content, regulatory, config),
        )
    if not item.is_article and kind and "template" not in content.metadata:
        faults += _use_kind_template(content, item.generator, kind)
    medical.review, found = review.review_of(content.metadata, config)
    faults += found
    medical.sources, found = sources.sources_of(
        content.metadata,
        regulatory,
        sources.intrasite_resolver(content, item.generator.context, lambda c: _url(c, located)),
    )
    faults += found
    medical.breadcrumbs = _breadcrumbs(item, pages_by_slug, site)
    if kind == "condition":
        medical.condition_in_sentence = metadata.in_sentence(metadata.names_of(content)[0])
    return medical, faults


def _url(content: Content, located: Mapping[int, Located]) -> str:
    found = located.get(id(content))
    return found.url if found is not None else str(content.url)  # a static file's


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


def _use_kind_template(content: Content, generator: Generator, kind: str) -> list[Fault]:
    try:
        generator.get_template(kind)
    except Exception:
        return [metadata.unknown_kind(kind)]
    content.template = kind
    return []


def _breadcrumbs(
    item: Located, pages_by_slug: Mapping[str, Located], site: Site
) -> list[Breadcrumb]:
    """[(name, site-relative url)] from the home page down to this one."""
    if not item.is_article and item.url in ("", "index.html"):
        return [("Home", "")]
    trail = [("Home", "")]
    if item.is_article:
        trail.append(("Articles", site["index_url"]))
    else:
        parts = item.content.slug.split("/")
        for depth in range(1, len(parts)):
            parent = pages_by_slug.get("/".join(parts[:depth]))
            if parent is not None:
                trail.append((metadata.short_name(parent.content), parent.url))
    trail.append((metadata.short_name(item.content), item.url))
    return trail


def _read_body(content: Content, medical: Medical, config: Config) -> list[Fault]:
    """The "On this page" list, from the headings Markdown listed as it read the page,
    and the FAQ entries, from the page's HTML body."""
    if medical.kind in config.toc_kinds:
        medical.toc = list(content.metadata.get(reader.HEADINGS, ()))
    if medical.kind not in config.faq_kinds:
        return []
    found = faq.extract(html_text.fragment(content.content or ""), config.faq_heading)
    medical.faq = found.entries
    return found.faults


def _graph(item: Located, medical: Medical, site: Site) -> dict[str, Any]:
    """What the page's structured data says of it."""
    content = item.content
    facts: dict[str, Any] = {
        "url": item.url,
        "title": content.title,
        "kind": medical.kind,
        "description": jobs.plain(getattr(content, "summary", "") or ""),
        "is_medical": medical.is_medical,
        "breadcrumbs": medical.breadcrumbs,
    }
    if medical.is_medical:
        published = getattr(content, "date", None)
        modified = getattr(content, "modified", None) or published
        facts.update(
            date_published=published.date().isoformat() if published else None,
            date_modified=modified.date().isoformat() if modified else None,
            review=medical.review,
        )
    if item.is_article:
        facts["article"] = {"author": str(getattr(content, "author", "") or site["clinic"]["name"])}
    if medical.kind == "condition":
        names = metadata.names_of(content)
        facts["condition"] = {"name": names[0], "alternate_names": names[1:]}
    if medical.faq:
        facts["faq"] = medical.faq
    return facts
