"""Each page's facts, set on it before Pelican writes it: its kind's template, review,
sources, breadcrumbs, "On this page" list and structured data. Templates only place
them."""

from typing import NamedTuple

from markupsafe import Markup
from pelican.generators import ArticlesGenerator

from . import faq, html_text, metadata, review, sources, status, structured_data, written_page


class Located(NamedTuple):
    """An article or page with its generator and where Pelican writes it."""

    content: object
    generator: object
    url: str
    save_as: str

    @property
    def is_article(self):
        return isinstance(self.generator, ArticlesGenerator)


def site_facts(settings_, config):
    """What every page's structured data says of the site and the clinic."""
    return {
        "url": settings_["SITEURL"],
        "name": settings_["SITENAME"],
        "lang": settings_["DEFAULT_LANG"],
        "clinic": settings_["CLINIC"],
        "label": config.registry[config.product],
        "index_url": settings_["INDEX_SAVE_AS"].rsplit("index.html", 1)[0],
    }


def prepare(item, state, pages_by_slug, site):
    """Set what the page's template needs on it; return the faults of its metadata.
    ``pages_by_slug``: each page's ``Located``, for its breadcrumb trail."""
    config = state.config
    content, generator, is_article = item.content, item.generator, item.is_article
    kind = content.kind
    content.is_medical = kind in config.kinds
    content.shows_safety_information = kind in config.safety_kinds
    faults = metadata.check(content.metadata)
    content.regulatory = None
    content.course = None
    if kind == "condition":
        content.regulatory, found = status.status_of(content.metadata, config)
        faults += found
        if content.regulatory is not None:
            # what the templates read: the registry's word, never the page's
            content.regulatory_status = content.regulatory.name
            if (
                content.regulatory.approved
                and not str(content.metadata.get("indication", "")).strip()
            ):
                content.indication = content.regulatory.indication.text
            content.course = _course(content, config)
    if not is_article and kind and "template" not in content.metadata:
        faults += _use_kind_template(content, generator, kind)
    content.review, found = review.review_of(content.metadata, config)
    faults += found
    content.sources, found = sources.sources_of(
        content.metadata, content.regulatory, sources.intrasite_resolver(content, generator.context)
    )
    faults += found
    content.breadcrumbs = _breadcrumbs(item, pages_by_slug, site)
    if kind == "condition":
        content.condition_in_sentence = metadata.in_sentence(metadata.names_of(content)[0])

    row = state.report.add(content, item.url, generator.path)
    row.review, row.sources = content.review, len(content.sources)
    regulatory = content.regulatory
    row.label = status.label_of(regulatory, config)
    if regulatory:
        row.indication = regulatory.indication.id if regulatory.approved else "off-label"
    content.toc = []
    facts = _facts(content, item.url, is_article, kind, site)
    if kind in config.toc_kinds or kind in config.faq_kinds:
        root = html_text.fragment(content.content or "")
    if kind in config.toc_kinds:
        content.toc = html_text.headings(root, "h2")
    if kind in config.faq_kinds:
        found = faq.extract(root, config.faq_heading)
        faults += found.faults
        if found.entries:
            facts["faq"] = found.entries
    graph = structured_data.page_graph(site, facts)
    content.structured_data = Markup(structured_data.script_json(graph))
    row.faults += len(faults)
    return faults


def _course(content, config):
    """The page's course of treatment, as (heading, [(topic heading, facts)]), or None."""
    regulatory = content.regulatory
    course = config.courses.of(
        regulatory.label.key,
        regulatory.indication.id if regulatory.approved else "",
        str(content.metadata.get("condition", "")),
    )
    if course is None:
        return None
    topics = dict(config.course_topics)
    sections = [(topics[topic], facts) for topic, facts in course.by_topic(tuple(topics))]
    return (config.course_heading, sections) if sections else None


def _use_kind_template(content, generator, kind):
    try:
        generator.get_template(kind)
    except Exception:
        return [metadata.unknown_kind(kind)]
    content.template = kind
    return []


def _breadcrumbs(item, pages_by_slug, site):
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


def _facts(content, url, is_article, kind, site):
    facts = {
        "url": url,
        "title": content.title,
        "kind": kind,
        "description": written_page.plain(getattr(content, "summary", "") or ""),
        "is_medical": content.is_medical,
        "breadcrumbs": content.breadcrumbs,
    }
    if content.is_medical:
        published = getattr(content, "date", None)
        modified = getattr(content, "modified", None) or published
        facts.update(
            date_published=published.date().isoformat() if published else None,
            date_modified=modified.date().isoformat() if modified else None,
            review=content.review,
        )
    if is_article:
        facts["article"] = {"author": str(getattr(content, "author", "") or site["clinic"]["name"])}
    if kind == "condition":
        names = metadata.names_of(content)
        facts["condition"] = {"name": names[0], "alternate_names": names[1:]}
    return facts
