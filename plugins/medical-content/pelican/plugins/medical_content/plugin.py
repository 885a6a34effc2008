"""Signal handlers of the medical_content plugin, and its ``register()``.

Order of work in a build:
``initialized``               settings read and checked once; the error count starts.
``get_generators``            the checks start (``workers``).
``generator_init``            which Markdown sources each generator will read, in order.
``…_generator_preread``       before the first is read: each source is checked and
                              converted, by a worker on a big site (``reader``).
``readers_init``              Pelican's reader of Markdown takes the checked sources.
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

import os
from collections.abc import Mapping
from typing import Any

import blinker
import pelican.plugins.granular_signals as granular_signals
import pelican.plugins.signals as signals
from pelican.contents import Article, Content, Page
from pelican.generators import Generator
from pelican.readers import MarkdownReader, Readers

from .builder import (
    checks_cache,
    contents,
    heap,
    history,
    jobs,
    log as build_log,
    packets,
    reader,
    results,
    state as build_state,
    workers,
)
from .builder.contents import judged_as
from .builder.conversion import Converter
from .builder.reader import CheckedMarkdownReader
from .checks import files, svg
from .core.problems import BuildFailed, ContentRefused, report_faults
from .outputs import compliance, feeds, template_filters
from .page import metadata as page_metadata, status, view
from .page.model import SOURCE_HTML
from .settings import config as settings, theme

# pelican.Pelican: mypy reads the name "pelican" as this plugin's namespace package
Pelican = Any


def initialized(pelican: Pelican) -> None:
    state = build_state.State(settings.load(pelican.settings), pelican.settings["MARKDOWN"])
    theme.check(pelican.settings, state.config)
    template_filters.install(pelican.settings)
    build_log.install(state.errors, __package__)
    build_state.start(state)
    if state.config.production:
        build_log.announce_policy(state.config, pelican.settings["PATH"])


def start_checks(pelican: Pelican) -> None:
    state = build_state.current()
    content_root = pelican.settings["PATH"]
    paths = files.entries(content_root)
    _refuse_hostile_files(paths, content_root)
    heap.release()  # of an earlier build in this process, if it stopped half-way
    state.errors.count = 0  # an earlier build in this process may have stopped half-way
    state.stop_checks()  # an earlier build in this process that stopped half-way
    state.history = history.start(content_root, state.config)
    shared = jobs.Shared(
        state.config,
        state.safety_heading,
        pelican.settings["SITEURL"],
        state.judges,
        Converter(pelican.settings),
    )
    state.checks = workers.Checks(
        shared,
        state.config.check_workers(sum(map(files.is_markdown, paths))),
        memory=checks_cache.load(pelican.settings, state.config),
    )
    state.generators = []
    # checked with the pages, by a worker on a big site: judging it builds the judge and
    # the word filters, which the build's own process need not build before it reads
    safety = jobs.SafetyInformationJob(state.safety_html)
    file = state.config.safety_file
    state.checks.submit(safety, lambda found: report_faults(file, content_root, found))
    for path in paths:
        if path.lower().endswith(".svg") and os.path.isfile(path):
            with open(path, "rb") as image:
                report_faults(path, content_root, svg.faults(image.read()))


def _refuse_hostile_files(paths: list[str], content_root: str) -> None:
    """Before Pelican reads or copies a file: links out of the project, link loops and
    oversized sources stop the build here, each reported at its path."""
    refused = files.hostile(paths, content_root)
    for path, fault in refused:
        report_faults(path, content_root, [fault])
    if refused:
        raise ContentRefused(
            f"the content folder holds {len(refused)} file(s) that cannot be built, listed "
            "above; nothing was read or written"
        )


def add_generator(generator: Generator) -> None:
    state = build_state.current()
    if state.generators is not None:
        state.generators.append(generator)


def read_ahead(generator: Generator) -> None:
    """Before Pelican reads its first file, with every generator and reader made: each
    Markdown source is checked and converted as the build starts, on a big site by a
    worker that takes the files Pelican reads last first, so that the two meet halfway."""
    state = build_state.current()
    if state.generators is None:
        return
    settings = generator.settings
    # Not where Pelican's content cache may give a file's last reading, and not if a
    # plugin changed the Markdown settings after the worker started with them.
    convert = not settings["LOAD_CONTENT_CACHE"] and state.checks.shared.converter.converts_as(
        settings
    )
    jobs = [job for each in state.generators for job in reader.source_jobs(each, convert)]
    heap.settle()  # before a worker forks: it shares what the build holds
    state.checks.start_ahead({job.path: job for job in reversed(jobs)})
    state.generators = None


def measure_text(content: Content) -> None:
    if not isinstance(content, (Article, Page)):
        return  # static files are contents too
    state = build_state.current()
    metadata = content.metadata
    # the same label the page's status is judged by (``status``); an unknown Drug: is
    # reported there, and the site's drug stands in here
    written = str(metadata.get("drug") or "").strip()
    label = status.label_named(written, state.config.registry) if written else None
    html = metadata.get(SOURCE_HTML)
    if not isinstance(html, str):  # a source another reader read: its links resolved
        html = content.get_content(content.get_siteurl())
    job = jobs.TextJob(
        html,
        str(metadata.get("summary") or ""),
        str(metadata.get("title") or ""),
        label.key if label else state.config.product,
        str(metadata.get("condition") or ""),
        page_metadata.kind_of(content, isinstance(content, Article)),
        view.header_pieces(metadata),
        reader.image_texts(html, content.source_path, content.settings["PATH"]),
        reader.relative_path(content.source_path, content.settings),
    )
    state.checks.submit(job, lambda result: results.record(result, content, state))


def use_checked_reader(readers: Readers) -> None:
    for extension in MarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = CheckedMarkdownReader


def prepare_content(generators: list[Generator]) -> None:
    heap.settle()  # every page is read
    contents.prepare_content(generators, build_state.current())


def check_written_page(path: str, context: Mapping[str, Any]) -> None:
    """Read a written article or page once and check what the reader will see."""
    content = context.get("article") or context.get("page")
    if content is None or not hasattr(content, "medical"):
        return
    state = build_state.current()
    drug, subject = judged_as(content, state)
    job = jobs.PageJob(
        path=path,
        url=state.contents[id(content)].url,
        text=content.content,
        template=content.template,
        kind=content.medical.kind,
        is_medical=content.medical.is_medical,
        shows_safety_information=content.medical.shows_safety_information,
        drug=drug,
        subject=subject,
        summary_claims=state.summary_claims,
    )
    state.checks.submit(job, lambda result: results.record(result, content, state))


def safeguard_feed(context: Mapping[str, Any], feed: Any) -> None:
    state = build_state.current()
    feeds.safeguard(
        feed,
        context.get("SITEURL", ""),
        [item.content for item in state.contents.values()],
        state.config,
        state.safety_html,
    )


def report_compliance(pelican: Pelican) -> None:
    state = build_state.current()
    state.checks.finish()
    if state.history is not None:
        state.history.close()
    checks_cache.save(pelican.settings, state.config, state.checks.used)
    compliance.publish(state.report, state.config, pelican.settings["OUTPUT_PATH"])
    build_log.summarise(state.report, pelican.settings["PATH"])
    if state.config.review_packets:
        packets.write(state, pelican.settings["OUTPUT_PATH"], state.config.review_packets)
    state.report = compliance.Report()
    heap.release()


def fail_on_errors(pelican: Pelican) -> None:
    """Runs last, on the granular "deploy" signal: other plugins finish their work (and
    reset their state) first, and then a build with errors stops before it is deployed."""
    state = build_state.current()
    count, state.errors.count = state.errors.count, 0
    if count:
        raise BuildFailed(
            f"the build found {count} problem(s), listed above; it is not fit to "
            "publish. Fix each one and build again."
        )


def register() -> None:
    signals.initialized.connect(initialized)
    signals.get_generators.connect(start_checks)
    signals.generator_init.connect(add_generator)
    signals.article_generator_preread.connect(read_ahead)
    signals.page_generator_preread.connect(read_ahead)
    signals.readers_init.connect(use_checked_reader)
    signals.content_object_init.connect(measure_text)
    signals.all_generators_finalized.connect(prepare_content)
    signals.content_written.connect(check_written_page)
    signals.feed_generated.connect(safeguard_feed)
    signals.finalized.connect(report_compliance)
    granular_signals.register()
    blinker.signal("deploy").connect(fail_on_errors)
