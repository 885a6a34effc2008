"""Signal handlers of the medical_content plugin, and its ``register()``.

Order of work in a build:
``initialized``               settings read and checked once; the error count starts.
``get_generators``            the checks start (``workers``).
``readers_init``              Markdown sources are checked before Pelican reads them.
``content_object_init``       each page's text is measured for readability.
``all_generators_finalized``  each article and page gets its kind, template, review,
                              sources, breadcrumbs and structured data; faults reported.
``content_written``           each written page is parsed once and checked as a reader
                              will see it (disclaimer, safety information, claims, JSON-LD,
                              readability), beside the build on a big site (``workers``).
``finalized``                 the checks' results, then the compliance report.
``deploy`` (granular signals) the build fails if anything erred, after every plugin's
                              end-of-build work, before anything could be deployed.
"""

import logging
import os

import blinker
import markdown
import pelican.plugins.granular_signals as granular_signals
import pelican.plugins.signals as signals
from markupsafe import Markup
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.readers import MarkdownReader

from . import (
    approvals,
    build_state,
    checks_cache,
    claims,
    compliance,
    feeds,
    html_text,
    last_changed,
    metadata,
    prepare,
    readability,
    review,
    risk_language,
    settings,
    site_paths,
    status,
    template_filters,
    theme,
    workers,
    written_page,
)
from .problems import (
    BuildFailed,
    ErrorCounter,
    HideTraceback,
    Problem,
    Superseded,
    display_path,
    report,
    report_faults,
)
from .reader import CheckedMarkdownReader

logger = logging.getLogger(__name__)


class State:
    """What one Pelican instance's builds share: the checked settings, the error count,
    the rendered safety information, the claims judges and the compliance report."""

    def __init__(self, config, markdown_settings):
        self.config = config
        self.errors = ErrorCounter()
        self.safety_html = Markup(
            markdown.Markdown(**markdown_settings).convert(config.safety_information)
        )
        self.safety_heading = written_page.first_heading(self.safety_html)
        self.judges = {}  # product -> approvals.Judge
        self.report = compliance.Report()
        self.checks = None
        self.contents = {}  # id(content): prepare.Located, for each article and page read
        self.known_outputs = set()  # where the build writes them
        # (sentence, condition) of each false claim a page's Summary makes: reported at
        # that Summary's line, not on every page that lists the summary
        self.summary_claims = ()


def initialized(pelican):
    for name in ("pelican", "pelican.generators"):  # a filter sees its own logger's records
        pelican_logger = logging.getLogger(name)
        if not any(isinstance(f, HideTraceback) for f in pelican_logger.filters):
            pelican_logger.addFilter(HideTraceback())
    readers_logger = logging.getLogger("pelican.readers")
    if not any(isinstance(f, Superseded) for f in readers_logger.filters):
        readers_logger.addFilter(Superseded())
    state = State(settings.load(pelican.settings), pelican.settings["MARKDOWN"])
    theme.check(pelican.settings, state.config)
    template_filters.install(pelican.settings)
    # Counted where Pelican's and our records pass, not on the root logger: a root
    # handler would silence Python's last-resort output that Pelican's plain log uses.
    for name in ("pelican", __name__.split(".")[0]):
        counted = logging.getLogger(name)
        for handler in [h for h in counted.handlers if isinstance(h, ErrorCounter)]:
            counted.removeHandler(handler)  # left by an earlier build in this process
        counted.addHandler(state.errors)
    build_state.start(state)


def start_checks(pelican):
    state = build_state.current()
    state.errors.count = 0  # an earlier build in this process may have stopped half-way
    if state.checks is not None:
        state.checks.close()  # an earlier build in this process that stopped half-way
    sources = sum(len(files) for _, _, files in os.walk(pelican.settings["PATH"]))
    shared = written_page.Shared(state.config, state.safety_heading, pelican.settings["SITEURL"])
    state.checks = workers.Checks(
        shared,
        state.config.check_workers(sources),
        memory=checks_cache.load(pelican.settings, state.config),
    )
    _check_safety_information(state, pelican.settings["PATH"])


def _check_safety_information(state, content_root):
    """The safety information stands on every medical page from one file: its wording
    is checked there, once, and reported at that file's lines."""
    config = state.config
    found = risk_language.in_html(
        html_text.fragment(state.safety_html),
        config.risk_rules,
        _product_judge(config.product, state),
    )
    report_faults(config.safety_file, content_root, risk_language.faults(found))


def measure_text(content):
    if not isinstance(content, (Article, Page)):
        return  # static files are contents too
    state = build_state.current()
    metadata = content.metadata
    # the same label the page's status is judged by (``status``); an unknown Drug: is
    # reported there, and the site's drug stands in here
    written = str(metadata.get("drug") or "").strip()
    label = status.label_named(written, state.config.registry) if written else None
    judge = _product_judge(label.key if label else state.config.product, state)
    condition = str(metadata.get("condition") or "")
    job = written_page.TextJob(
        content._content or "",
        str(metadata.get("summary") or ""),
        str(metadata.get("title") or ""),
        judge.about(condition) if condition else judge,
    )
    state.checks.submit(job, lambda result: _record_text(result, content, state))


def use_checked_reader(readers):
    for extension in MarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = CheckedMarkdownReader


# Where each generator keeps its contents, published or not.
_CONTENT_LISTS = {
    ArticlesGenerator: (
        "articles",
        "translations",
        "hidden_articles",
        "hidden_translations",
        "drafts",
        "drafts_translations",
    ),
    PagesGenerator: (
        "pages",
        "translations",
        "hidden_pages",
        "hidden_translations",
        "draft_pages",
        "draft_translations",
    ),
}


def _content_lists(generator):
    names = next(n for kind, n in _CONTENT_LISTS.items() if isinstance(generator, kind))
    return [getattr(generator, name) for name in names]


def _contents(generator):
    return [content for found in _content_lists(generator) for content in found]


def prepare_content(generators):
    """Give every article and page what its template and the checks need."""
    wanted = [g for g in generators if isinstance(g, tuple(_CONTENT_LISTS))]
    if not wanted:
        return
    settings_ = wanted[0].settings
    state = build_state.current()
    # Pelican works a page's URL out afresh each time it is asked (a few dozen
    # microseconds); the plugin asks once, and gives Pelican the answer to keep
    # (``override_url`` is what a page's "url" metadata sets). Not ``save_as``: with
    # that set, Pelican lets a page overwrite another file without a word.
    everything = [prepare.Located(c, g, c.url, c.save_as) for g in wanted for c in _contents(g)]
    for item in everything:
        item.content.override_url = item.url
    left_out = set()
    for item, fault in site_paths.duplicate_outputs(
        everything, lambda item: display_path(item.content.source_path, item.generator.path)
    ):
        report_faults(item.content.source_path, item.generator.path, [fault])
        _leave_out(item.content, item.generator)  # Pelican would stop when it came to write it
        left_out.add(id(item.content))
    everything = [item for item in everything if id(item.content) not in left_out]
    state.contents = {id(item.content): item for item in everything}
    state.known_outputs = {os.path.normpath(item.save_as) for item in everything if item.save_as}
    for item in everything:
        item.content.kind = metadata.kind_of(item.content, item.is_article)
    pages_by_slug = {item.content.slug: item for item in everything if not item.is_article}
    _report_stale_labels(state.config)
    site = prepare.site_facts(settings_, state.config)
    for item in everything:
        content = item.content
        faults = prepare.prepare(item, state, pages_by_slug, site)
        too_long, warnings = metadata.title_length(
            content.metadata, state.config.title_length, state.config.title_max_length
        )
        faults += too_long
        if content.review and content.review.overdue(state.config.today):
            (faults if state.config.overdue_is_error else warnings).append(
                review.overdue_fault(content.review)
            )
        report_faults(content.source_path, item.generator.path, faults)
        report_faults(content.source_path, item.generator.path, warnings, logging.WARNING)
    state.summary_claims = _summary_claims(everything, state)
    last_changed.set_last_changed([item.content for item in everything], settings_["TIMEZONE"])
    context = wanted[0].context  # one dict, shared by every generator
    published = {id(c) for g in wanted for c in getattr(g, "pages", ())}
    context["condition_pages"] = sorted(
        (
            item.content
            for item in everything
            if item.content.kind == "condition" and id(item.content) in published
        ),
        key=lambda page: page.title.casefold(),
    )
    context["SAFETY_INFORMATION"] = state.safety_html
    context["SAFETY_SUMMARY"] = state.config.safety_summary
    # Every page of a site with an unreviewed page says so (and is not indexed): a
    # reader cannot tell which pages of a preview were reviewed.
    unreviewed = [
        item
        for item in everything
        if item.content.review is not None and item.content.review.placeholder
    ]
    context["PREVIEW_NOTICE"] = state.config.preview_notice if unreviewed else ""
    if unreviewed:
        # said once, so that a writer knows before publishing what make publish will say
        logger.warning(
            "%d page(s) name a placeholder reviewer (placeholder = true in the "
            "reviewers file): they build marked 'Not yet medically reviewed', and "
            "make publish refuses them until a named clinician reviews them",
            len(unreviewed),
        )
    # the <title> drops the site's name where it would make the title too long to show
    context["TITLE_LENGTH"] = state.config.title_length


def _summary_claims(everything, state):
    """Check each page's Summary where it is written: templates show it on other pages
    (lists of conditions, the search page), whose sources do not hold it."""
    found_everywhere = []
    for item in everything:
        summary = str(item.content.metadata.get("summary") or "")
        if not summary or not claims.may_say_approved(summary):
            continue
        found = claims.false_approvals(html_text.fragment(summary), _judge(item.content, state))
        report_faults(
            item.content.source_path,
            item.generator.path,
            written_page.claim_faults(found, field="summary"),
        )
        found_everywhere += [(claim.sentence, claim.condition) for claim in found]
    return tuple(found_everywhere)


def _judge(content, state):
    """The claims judge of a page: its own drug is the one a sentence means when it
    names none (a condition page's Drug:, else the site's)."""
    regulatory = getattr(content, "regulatory", None)
    judge = _product_judge(status.label_of(regulatory, state.config).key, state)
    subject = str(content.metadata.get("condition", "")) if regulatory is not None else ""
    return judge.about(subject) if subject else judge


def _product_judge(product, state):
    if product not in state.judges:
        state.judges[product] = approvals.Judge.of(state.config.registry, product)
    return state.judges[product]


def _report_stale_labels(config):
    for label in config.registry.stale(config.today, config.label_check_months):
        report(
            Problem(
                os.path.relpath(label.path),
                1,
                f"the {label.brand} label was last checked on {label.checked.isoformat()}, "
                f"more than {config.label_check_months} months ago",
                "have a pharmacist compare it with the current prescribing information "
                f"({label.url}), then update label_revision, checked and checked_by",
            ),
            logging.ERROR if config.overdue_is_error else logging.WARNING,
        )


def _from_a_summary(claim, summary_claims):
    return any(
        condition == claim.condition and sentence in claim.sentence
        for sentence, condition in summary_claims
    )


def _leave_out(content, generator):
    for found in _content_lists(generator):
        if content in found:
            found.remove(content)


def check_written_page(path, context):
    """Read a written article or page once and check what the reader will see."""
    content = context.get("article") or context.get("page")
    if content is None or not hasattr(content, "is_medical"):
        return
    state = build_state.current()
    job = written_page.PageJob(
        path=path,
        url=state.contents[id(content)].url,
        text=content.content,
        template=content.template,
        is_medical=content.is_medical,
        shows_safety_information=content.shows_safety_information,
        judge=_judge(content, state),
    )
    state.checks.submit(job, lambda result: _record(result, content, state))


def _record_text(result, content, state):
    if not hasattr(content, "kind"):
        return  # read, then left out of the site by Pelican (an unknown status, say)
    config = state.config
    if content.kind in config.summary_kinds:
        result = written_page.Result(result.faults + result.summary_faults, result.cells)
    else:
        result = written_page.Result(result.faults, {**result.cells, "summary": None})
    warnings = []
    if content.is_medical:
        warnings = readability.above_target(result.cells["readability"], config.readability_grade)
    _record(result, content, state)
    report_faults(content.source_path, content.settings["PATH"], warnings, logging.WARNING)


def _record(result, content, state):
    row = state.report.row(content)
    found = [
        claim for claim in result.claims if not _from_a_summary(claim, state.summary_claims)
    ]  # reported at its line
    if found != result.claims:
        result.cells["claims"] = len(found)
    for name, value in result.cells.items():
        setattr(row, name, value)
    faults = (
        result.faults
        + written_page.claim_faults(found)
        + site_paths.broken_links(
            result.links, content.settings["OUTPUT_PATH"], state.known_outputs
        )
    )
    row.faults += len(faults)
    report_faults(content.source_path, content.settings["PATH"], faults)


def safeguard_feed(context, feed):
    state = build_state.current()
    feeds.safeguard(
        feed,
        context.get("SITEURL", ""),
        [item.content for item in state.contents.values()],
        state.config,
        state.safety_html,
    )


def report_compliance(pelican):
    state = build_state.current()
    state.checks.finish()
    checks_cache.save(pelican.settings, state.config, state.checks.used)
    compliance.publish(state.report, state.config, pelican.settings["OUTPUT_PATH"])
    state.report = compliance.Report()


def fail_on_errors(pelican):
    """Runs last, on the granular "deploy" signal: other plugins finish their work (and
    reset their state) first, and then a build with errors stops before it is deployed."""
    state = build_state.current()
    count, state.errors.count = state.errors.count, 0
    if count:
        raise BuildFailed(
            f"the build found {count} problem(s), listed above; it is not fit to "
            "publish. Fix each one and build again."
        )


def register():
    signals.initialized.connect(initialized)
    signals.get_generators.connect(start_checks)
    signals.readers_init.connect(use_checked_reader)
    signals.content_object_init.connect(measure_text)
    signals.all_generators_finalized.connect(prepare_content)
    signals.content_written.connect(check_written_page)
    signals.feed_generated.connect(safeguard_feed)
    signals.finalized.connect(report_compliance)
    granular_signals.register()
    blinker.signal("deploy").connect(fail_on_errors)
