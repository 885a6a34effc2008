"""Signal handlers of the medical_content plugin, and its ``register()``."""

import logging

import lxml.html
from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.readers import MarkdownReader

from . import disclaimer, faq, metadata, settings, structured_data
from .problems import (
    BuildFailed,
    ErrorCounter,
    HideTraceback,
    Problem,
    display_path,
    find_line,
    report,
)
from .reader import CheckedMarkdownReader

STATE = settings.STATE_KEY


class State:
    """What one Pelican instance's builds share: the checked settings and the error count."""

    def __init__(self, config):
        self.config = config
        self.errors = ErrorCounter()


def initialized(pelican):
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(f, HideTraceback) for f in pelican_logger.filters):
        pelican_logger.addFilter(HideTraceback())
    state = State(settings.load(pelican.settings))
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
    """Give every article and page its kind, template and structured data; report faults."""
    for generator in generators:
        if not isinstance(generator, (ArticlesGenerator, PagesGenerator)):
            continue
        config = generator.settings[STATE].config
        is_article = isinstance(generator, ArticlesGenerator)
        for content in _contents(generator):
            for line, what, fix in _prepare(content, is_article, generator, config):
                report(Problem(display_path(content.source_path, generator.path), line, what, fix))
        if not is_article:
            generator.context["condition_pages"] = sorted(
                (p for p in generator.pages if p.kind == "condition"),
                key=lambda page: page.title.casefold(),
            )


def _prepare(content, is_article, generator, config):
    kind = metadata.kind_of(content, is_article)
    content.kind = kind
    content.is_medical = kind in config.kinds
    content.structured_data = None
    faults = [(1, what, fix) for what, fix in metadata.check(content.metadata, kind, config)]
    if not is_article and kind and "template" not in content.metadata:
        try:
            generator.get_template(kind)
            content.template = kind
        except Exception:
            faults.append((1, f"Kind {kind!r} has no template in the theme",
                           f"use a kind the theme has a template for, or add "
                           f"templates/{kind}.html to the theme"))
    if kind in config.faq_kinds:
        faults += _prepare_faq(content, config)
    return faults


def _prepare_faq(content, config):
    found = faq.extract(content.content, config.faq_heading)
    faults = []
    if found.faults:
        with open(content.source_path, encoding="utf-8-sig") as source:
            text = source.read()
        for question, occurrence, what, fix in found.faults:
            faults.append((find_line(text, question, occurrence), what, fix))
    elif not found.entries:
        level = int(config.faq_heading[1])
        faults.append((1, "this FAQ page has no questions",
                       f"write each question as a level-{level} heading "
                       f"('{'#' * level} Question?') followed by its answer"))
    if found.entries:
        content.structured_data = Markup(
            structured_data.script_json(structured_data.faq_page(found.entries)))
    return faults


def check_written_page(path, context):
    """Read a written article or page once and check what the reader will see."""
    content = context.get("article") or context.get("page")
    if content is None or not getattr(content, "is_medical", False):
        return
    config = context[STATE].config
    tree = lxml.html.parse(path).getroot()
    if not disclaimer.shown_in_main(tree, config.disclaimer):
        report(Problem(
            display_path(content.source_path, context["PATH"]), 1,
            f"the written page {path} does not show the medical disclaimer inside <main>",
            f"keep {{% include \"partials/disclaimer.html\" %}} inside <main> in the theme "
            f"template {content.template}.html, and MEDICAL_DISCLAIMER set",
        ))


def fail_on_errors(pelican):
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
    signals.finalized.connect(fail_on_errors)
