"""The plugin's Markdown reader keeps its Markdown instances from file to file, and on a
big site a worker converts the sources while Pelican reads others: whatever it reads, in
whatever order and wherever it was converted, it must give what Pelican's own reader
gives each file, and the site it builds must be the same."""

import filecmp
import shutil
import sys
import types

import pytest
from pelican import Pelican, signals
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from support import ROOT, SETTINGS_FILE, TODAY

from pelican.plugins.medical_content.builder import reader, state as build_state, workers
from pelican.plugins.medical_content.builder.conversion import Converter
from pelican.plugins.medical_content.builder.reader import CheckedMarkdownReader
from pelican.plugins.medical_content.settings import config as plugin_settings

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate

# Documents that leave something behind in a Markdown instance: footnotes, abbreviations,
# link references, heading ids, and formatted metadata that looks like a header line.
LEFT_BEHIND = {
    "footnote.md": "Title: Notes\nSummary: Note: a summary with a colon\n\nText[^1].\n\n"
    "[^1]: The note.\n",
    "plain.md": "Title: Plain\n\nText[^1] with no note of its own, about HTML and [ref].\n",
    "abbreviation.md": "Title: Abbreviations\n\nHTML is markup.\n\n*[HTML]: Hyper Text Markup "
    "Language\n\n[ref]: https://example.org/\n",
    "again.md": "Title: Again\nSummary: Plain words\n\n## Overview\n\nHTML and [ref] again.\n\n"
    "## Overview\n\nSame heading.\n",
    "no-header.md": "Title: Last\n\n## Overview\n\nText.\n",
}


def reader_settings(content, workers_count=0):
    settings = read_settings(str(SETTINGS_FILE), override={"PATH": str(content)})
    config = plugin_settings.load(settings)
    shared = types.SimpleNamespace(config=config, converter=Converter(settings))
    checks = workers.Checks(shared, workers=workers_count)
    state = build_state.State(config, settings["MARKDOWN"])
    state.checks = checks
    build_state.start(state)
    return settings, checks


def convert_ahead(checks, content, files):
    """Each file's job started as a build starts them, and done before it is read."""
    checks.start_ahead(
        {
            str(path): reader.SourceJob(
                str(path), path.relative_to(content).as_posix(), "articles" in path.parts, True
            )
            for path in files
        }
    )
    for future, _ in checks.started.values():
        future.result()


# "reader": no job started; the reader checks and converts each file as Pelican asks.
# "job": each file's job, converting it, runs in the build's process when it is asked for.
# "worker": a worker has converted every file before Pelican asks for it.
@pytest.mark.parametrize(("where", "workers_count"), [("reader", 0), ("job", 0), ("worker", 1)])
def test_reading_many_files_with_one_reader_gives_what_pelicans_reader_gives(
    tmp_path, where, workers_count
):
    generate(40, tmp_path)  # a content folder of generated pages, beside which the site's own
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "articles", content / "articles", dirs_exist_ok=True)
    shutil.copytree(ROOT / "content" / "pages", content / "pages", dirs_exist_ok=True)
    for name, text in LEFT_BEHIND.items():
        (content / "pages" / "left").mkdir(exist_ok=True)
        (content / "pages" / "left" / name).write_text(text, encoding="utf-8")
    files = sorted(p for p in content.glob("**/*.md") if "includes" not in p.parts)
    files += [content / "pages" / "left" / name for name in LEFT_BEHIND]  # again, after the others
    settings, checks = reader_settings(content, workers_count)
    if where != "reader":
        convert_ahead(checks, content, files)
        assert len(checks.waiting) == len(set(files))
    ours = CheckedMarkdownReader(settings)
    for path in files:
        pelicans = MarkdownReader(settings)  # Pelican's: a new Markdown instance each file
        text, metadata = ours.read(str(path))
        # the one thing ours adds: the page's kind, which its folder may give it
        kind = metadata.pop("kind")
        metadata.pop("headings")  # and its headings, for the "On this page" list
        assert metadata.pop("source_html") is text  # and its text, kept in Pelican's cache
        expected_text, expected = pelicans.read(str(path))
        assert kind == (
            "article" if "articles" in path.parts else str(expected.pop("kind", "page")).lower()
        ), path
        assert (text, metadata) == (expected_text, expected), path
    checks.close()
    assert len(files) > 50


def test_what_one_document_leaves_behind_does_not_reach_the_next(tmp_path):
    for name, text in LEFT_BEHIND.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ours = CheckedMarkdownReader(reader_settings(ROOT / "content")[0])
    ours.read(str(tmp_path / "footnote.md"))
    ours.read(str(tmp_path / "abbreviation.md"))
    content, metadata = ours.read(str(tmp_path / "plain.md"))
    assert "footnote" not in content and "<abbr" not in content and "<a " not in content
    content, metadata = ours.read(str(tmp_path / "footnote.md"))
    assert metadata["title"] == "Notes"
    assert metadata["summary"] == "<p>Note: a summary with a colon</p>"


def generated(fixture_site):
    """The site's settings and theme on 60 generated pages (in place of the fixture's
    content folder), reviewed by the date the real site's tests take as today."""
    generate(60, fixture_site.root)
    return {"MEDICAL_TODAY": TODAY}


def test_pelican_reads_the_sources_in_the_order_they_were_planned(fixture_site, monkeypatch):
    """The worker takes the files Pelican reads last first: the build and the worker
    meet halfway only if the plan is the order in which Pelican reads."""
    planned, read = [], []
    start_ahead, original_read = workers.Checks.start_ahead, CheckedMarkdownReader.read

    def record_plan(self, jobs):
        planned.extend(jobs)
        start_ahead(self, jobs)

    def record_read(self, source_path):
        read.append(source_path)
        return original_read(self, source_path)

    monkeypatch.setattr(workers.Checks, "start_ahead", record_plan)
    monkeypatch.setattr(CheckedMarkdownReader, "read", record_read)
    fixture_site.build(**generated(fixture_site), MEDICAL_CHECK_WORKERS=0)
    assert len(read) == 60  # every page the generator wrote
    assert read == list(reversed(planned))


def test_a_site_converted_by_a_worker_is_the_site_its_build_converts(fixture_site, tmp_path):
    today = generated(fixture_site)
    in_process, in_worker = tmp_path / "in-process", tmp_path / "worker"
    fixture_site.build(**today, OUTPUT_PATH=str(in_process), MEDICAL_CHECK_WORKERS=0)
    fixture_site.build(**today, OUTPUT_PATH=str(in_worker), MEDICAL_CHECK_WORKERS=1)
    compared = filecmp.dircmp(in_process, in_worker)
    pages = 0
    stack = [compared]
    while stack:
        level = stack.pop()
        assert not (level.left_only or level.right_only or level.diff_files), level.report()
        pages += sum(name.endswith(".html") for name in level.same_files)
        stack += level.subdirs.values()
    assert pages >= 60


def test_a_plugin_that_changes_the_markdown_settings_late_is_converted_as_pelican_would(
    fixture_site,
):
    """Sources are converted with the Markdown settings of the build's start: a plugin
    that changes them when a generator is made must still see its change on every page."""
    today = generated(fixture_site)
    fixture_site.write("pages/quotes.md", 'Title: Quotes\n\nShe said "yes".\n')

    def smart_quotes(generator):
        extensions = generator.settings["MARKDOWN"]["extensions"]
        if "markdown.extensions.smarty" not in extensions:
            extensions.append("markdown.extensions.smarty")

    # not fixture_site.build, which disconnects every receiver a test connected
    settings = fixture_site.settings(**today, MEDICAL_CHECK_WORKERS=0)
    signals.generator_init.connect(smart_quotes)
    try:
        Pelican(settings).run()
    finally:
        signals.generator_init.disconnect(smart_quotes)
    assert "She said \u201cyes\u201d." in fixture_site.page("/quotes/").get_text()
