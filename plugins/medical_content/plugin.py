"""Signal handlers of the medical_content plugin, and its ``register()``.

Order of work in a build:
``initialized``               settings read and checked once; the error count starts.
``readers_init``              Markdown sources are checked before Pelican reads them.
``all_generators_finalized``  each article and page gets its kind, template, review,
                              sources, breadcrumbs and structured data; faults reported.
``content_written``           each written page is parsed once and checked as a reader
                              will see it (disclaimer, safety information, claims, JSON-LD).
``finalized``                 the compliance report.
``deploy`` (granular signals) the build fails if anything erred, after every plugin's
                              end-of-build work, before anything could be deployed.
"""

import logging

import blinker
import lxml.html
import markdown
from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins import granular_signals
from pelican.readers import MarkdownReader

from . import claims, compliance, faq, html_text, metadata, readability, review, settings, sources
from . import structured_data, written_page
from .problems import BuildFailed, ErrorCounter, HideTraceback, report_faults
from .reader import CheckedMarkdownReader

STATE = settings.STATE_KEY


class State:
    """What one Pelican instance's builds share: the checked settings, the error count,
    the rendered safety information, the off-label terms and the compliance report."""

    def __init__(self, config, markdown_settings):
        self.config = config
        self.errors = ErrorCounter()
        self.safety_html = Markup(
            markdown.Markdown(**markdown_settings).convert(config.safety_information))
        self.safety_heading = written_page.first_heading(self.safety_html)
        self.off_label = None
        self.report = compliance.Report()


def initialized(pelican):
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(f, HideTraceback) for f in pelican_logger.filters):
        pelican_logger.addFilter(HideTraceback())
    state = State(settings.load(pelican.settings), pelican.settings["MARKDOWN"])
    # Counted where Pelican's and our records pass, not on the root logger: a root
    # handler would silence Python's last-resort output that Pelican's plain log uses.
    for name in ("pelican", __name__.split(".")[0]):
        counted = logging.getLogger(name)
        for handler in [h for h in counted.handlers if isinstance(h, ErrorCounter)]:
            counted.removeHandler(handler)  # left by an earlier build in this process
        counted.addHandler(state.errors)
    pelican.settings[STATE] = state


def use_checked_reader(readers):
    for extension in MarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = CheckedMarkdownReader


def _contents(generator):
    if isinstance(generator, ArticlesGenerator):
        return (generator.articles + generator.translations + generator.hidden_articles
                + generator.hidden_translations + generator.drafts
                + generator.drafts_translations)
    return (generator.pages + generator.translations + generator.hidden_pages
            + generator.hidden_translations + generator.draft_pages
            + generator.draft_translations)


def prepare_content(generators):
    """Give every article and page what its template and the checks need."""
    wanted = [g for g in generators if isinstance(g, (ArticlesGenerator, PagesGenerator))]
    if not wanted:
        return
    settings_ = wanted[0].settings
    state = settings_[STATE]
    everything = [(c, g) for g in wanted for c in _contents(g)]
    for content, generator in everything:
        content.kind = metadata.kind_of(content, isinstance(generator, ArticlesGenerator))
    pages_by_slug = {c.slug: c for c, g in everything if isinstance(g, PagesGenerator)}
    conditions = [c for c, _ in everything if c.kind == "condition"]
    state.off_label = claims.off_label_terms({
        c.metadata.get("condition", c.title): metadata.names_of(c)
        for c in conditions
        if str(c.metadata.get("regulatory_status", "")).strip().lower() == "off-label"})
    site = _site(settings_, state.config)
    for content, generator in everything:
        faults, warnings = _prepare(content, generator, state, pages_by_slug, site)
        if content.review and content.review.overdue(state.config.today):
            (faults if state.config.overdue_is_error else warnings).append(
                review.overdue_fault(content.review))
        report_faults(content.source_path, generator.path, faults)
        report_faults(content.source_path, generator.path, warnings, logging.WARNING)
    context = wanted[0].context  # one dict, shared by every generator
    context["condition_pages"] = sorted(
        (c for c, g in everything if c.kind == "condition" and c in getattr(g, "pages", ())),
        key=lambda page: page.title.casefold())
    context["SAFETY_INFORMATION"] = state.safety_html


def _site(settings_, config):
    return {"url": settings_["SITEURL"], "name": settings_["SITENAME"],
            "lang": settings_["DEFAULT_LANG"], "clinic": settings_["CLINIC"],
            "drug": config.drug, "label_url": config.label_url,
            "index_url": settings_["INDEX_SAVE_AS"].rsplit("index.html", 1)[0]}


def _prepare(content, generator, state, pages_by_slug, site):
    config = state.config
    is_article = isinstance(generator, ArticlesGenerator)
    kind = content.kind
    content.is_medical = kind in config.kinds
    content.shows_safety_information = kind in config.safety_kinds
    faults = metadata.check(content.metadata, kind, config)
    if not is_article and kind and "template" not in content.metadata:
        faults += _use_kind_template(content, generator, kind)
    content.review, found = review.review_of(content.metadata, config)
    faults += found
    content.sources, found = sources.sources_of(content.metadata, kind, config)
    faults += found
    content.breadcrumbs = _breadcrumbs(content, is_article, pages_by_slug, site)
    if kind == "condition":
        content.condition_in_sentence = metadata.in_sentence(metadata.names_of(content)[0])

    root = lxml.html.fragment_fromstring(content.content or "<p></p>", create_parent="div")
    content.toc = html_text.headings(root, "h2") if kind in config.toc_kinds else []
    row = state.report.row(content, generator.path)
    row.review, row.sources = content.review, len(content.sources)
    row.readability = readability.page_readability(root)
    warnings = []
    if content.is_medical:
        warnings += readability.above_target(row.readability, config.readability_grade)
    if kind in config.summary_kinds:
        row.summary, found = readability.summary_faults(
            root, config.summary_heading, config.readability_grade)
        faults += found

    facts = _facts(content, is_article, kind, site)
    if kind in config.faq_kinds:
        found = faq.extract(root, config.faq_heading)
        faults += found.faults
        if found.entries:
            facts["faq"] = found.entries
    graph = structured_data.page_graph(site, facts)
    content.structured_data = Markup(structured_data.script_json(graph))
    row.faults += len(faults)
    return faults, warnings


def _use_kind_template(content, generator, kind):
    try:
        generator.get_template(kind)
    except Exception:
        return [metadata.unknown_kind(kind)]
    content.template = kind
    return []


def _breadcrumbs(content, is_article, pages_by_slug, site):
    """[(name, site-relative url)] from the home page down to this one."""
    if not is_article and content.url in ("", "index.html"):
        return [("Home", "")]
    trail = [("Home", "")]
    if is_article:
        trail.append(("Articles", site["index_url"]))
    else:
        parts = content.slug.split("/")
        for depth in range(1, len(parts)):
            parent = pages_by_slug.get("/".join(parts[:depth]))
            if parent is not None:
                trail.append((metadata.short_name(parent), parent.url))
    trail.append((metadata.short_name(content), content.url))
    return trail


def _facts(content, is_article, kind, site):
    facts = {"url": content.url, "title": content.title, "kind": kind,
             "description": written_page.plain(getattr(content, "summary", "") or ""),
             "is_medical": content.is_medical, "breadcrumbs": content.breadcrumbs}
    if content.is_medical:
        published = getattr(content, "date", None)
        modified = getattr(content, "modified", None) or published
        facts.update(date_published=published.date().isoformat() if published else None,
                     date_modified=modified.date().isoformat() if modified else None,
                     review=content.review)
    if is_article:
        facts["article"] = {"author": str(getattr(content, "author", "") or site["clinic"]["name"])}
    if kind == "condition":
        names = metadata.names_of(content)
        facts["condition"] = {"name": names[0], "alternate_names": names[1:]}
    return facts


def check_written_page(path, context):
    """Read a written article or page once and check what the reader will see."""
    content = context.get("article") or context.get("page")
    if content is None or not hasattr(content, "is_medical"):
        return
    state = context[STATE]
    faults = written_page.check(path, content, state)
    report_faults(content.source_path, context["PATH"], faults)


def report_compliance(pelican):
    state = pelican.settings[STATE]
    compliance.publish(state.report, state.config, pelican.settings["OUTPUT_PATH"])
    state.report = compliance.Report()


def fail_on_errors(pelican):
    """Runs last, on the granular "deploy" signal: other plugins finish their work (and
    reset their state) first, and then a build with errors stops before it is deployed."""
    state = pelican.settings[STATE]
    count, state.errors.count = state.errors.count, 0
    if count:
        raise BuildFailed(
            f"the build found {count} problem(s), listed above; it is not fit to "
            "publish. Fix each one and build again."
        )


def register():
    signals.initialized.connect(initialized)
    signals.readers_init.connect(use_checked_reader)
    signals.all_generators_finalized.connect(prepare_content)
    signals.content_written.connect(check_written_page)
    signals.finalized.connect(report_compliance)
    granular_signals.register()
    blinker.signal("deploy").connect(fail_on_errors)
