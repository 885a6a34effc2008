"""One page, once Pelican has read every page: its facts (``page.facts``), the checks of
those facts (``checks.registry``: FACTS), its structured data from them
(``outputs.structured_data``) and its row of the compliance report. The page's data goes
one way, from the page model to the checks to the outputs; templates only place it."""

from collections.abc import Mapping

from markupsafe import Markup
from pelican.contents import Content
from pelican.generators import Generator

from ..checks import registry
from ..checks.base import FACTS, Context, Findings, Page
from ..core.problems import Fault
from ..outputs import structured_data
from ..outputs.structured_data import Site
from ..page import facts
from ..registry.labels import Indication
from .state import Located, State


def prepare(
    item: Located, state: State, pages_by_slug: Mapping[str, Located], site: Site
) -> tuple[list[Fault], dict[str, Findings]]:
    """Set ``content.medical`` on the page; return the faults of its metadata and body,
    and what the checks of its facts found. ``pages_by_slug``: each page's ``Located``,
    for its breadcrumb trail."""
    config, content = state.config, item.content
    medical, faults = facts.build(content, _place(item, pages_by_slug, site, state), config)
    if not item.is_article and medical.kind and "template" not in content.metadata:
        faults += _use_kind_template(content, item.generator, medical.kind)
    content.medical = medical
    checked = Page(
        None,
        medical.kind,
        medical.is_medical,
        medical.shows_safety_information,
        facts=medical,
        title=str(content.metadata.get("title", "")),
    )
    found = registry.run(FACTS, checked, Context(config, state.judges))
    graph = structured_data.page_graph(
        site, structured_data.page_facts(content, medical, item.url, item.is_article, site)
    )
    medical.structured_data = Markup(structured_data.script_json(graph))
    row = state.report.add(content, item.url, item.generator.path)
    row.review, row.sources = medical.review, len(medical.sources)
    row.label = medical.label
    if medical.regulatory:
        indication = medical.regulatory.indication
        row.indication = indication.id if isinstance(indication, Indication) else "off-label"
    row.faults += len(faults)
    return faults, found


def _place(
    item: Located, pages_by_slug: Mapping[str, Located], site: Site, state: State
) -> facts.Place:
    """Where the page stands: the pages above it (by its slug's folders), and how the
    site's {filename} links resolve."""
    parents = []
    if not item.is_article:
        parts = item.content.slug.split("/")
        for depth in range(1, len(parts)):
            parent = pages_by_slug.get("/".join(parts[:depth]))
            if parent is not None:
                parents.append((parent.content, parent.url))
    return facts.Place(
        item.is_article,
        item.url,
        parents,
        site["index_url"],
        item.generator.context,
        lambda content: _url(content, state.contents),
        state.history.changed(item.content.source_path) if state.history else None,
    )


def _url(content: Content, located: Mapping[int, Located]) -> str:
    found = located.get(id(content))
    return found.url if found is not None else str(content.url)  # a static file's


def _use_kind_template(content: Content, generator: Generator, kind: str) -> list[Fault]:
    """The page's template is its kind's, which the theme must have."""
    try:
        generator.get_template(kind)
    except Exception:
        return [
            Fault(
                f"Kind {kind!r} has no template in the theme",
                f"use a kind the theme has a template for, or add templates/{kind}.html to "
                "the theme",
                field="kind",
            )
        ]
    content.template = kind
    return []
