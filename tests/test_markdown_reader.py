"""The plugin's Markdown reader keeps its Markdown instances from file to file: whatever
it reads, in whatever order, it must give what Pelican's own reader gives each file."""

import shutil
import sys
import types

from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from support import ROOT, SETTINGS_FILE

from pelican.plugins.medical_content import build_state, settings as plugin_settings, workers
from pelican.plugins.medical_content.reader import CheckedMarkdownReader

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


def reader_settings(content):
    settings = read_settings(str(SETTINGS_FILE), override={"PATH": str(content)})
    config = plugin_settings.load(settings)
    # no source checked ahead: the reader checks each as it reads it
    checks = workers.Checks(types.SimpleNamespace(config=config), workers=0)
    build_state.start(types.SimpleNamespace(config=config, checks=checks))
    return settings


def test_reading_many_files_with_one_reader_gives_what_pelicans_reader_gives(tmp_path):
    generate(40, tmp_path)  # a content folder of generated pages, beside which the site's own
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "articles", content / "articles", dirs_exist_ok=True)
    shutil.copytree(ROOT / "content" / "pages", content / "pages", dirs_exist_ok=True)
    for name, text in LEFT_BEHIND.items():
        (content / "pages" / "left").mkdir(exist_ok=True)
        (content / "pages" / "left" / name).write_text(text, encoding="utf-8")
    files = sorted(p for p in content.glob("**/*.md") if "includes" not in p.parts)
    files += [content / "pages" / "left" / name for name in LEFT_BEHIND]  # again, after the others
    settings = reader_settings(content)
    ours = CheckedMarkdownReader(settings)
    for path in files:
        pelicans = MarkdownReader(settings)  # Pelican's: a new Markdown instance each file
        text, metadata = ours.read(str(path))
        # the one thing ours adds: the page's kind, which its folder may give it
        kind = metadata.pop("kind")
        metadata.pop("headings")  # and its headings, for the "On this page" list
        expected_text, expected = pelicans.read(str(path))
        assert kind == (
            "article" if "articles" in path.parts else str(expected.pop("kind", "page")).lower()
        ), path
        assert (text, metadata) == (expected_text, expected), path
    assert len(files) > 50


def test_what_one_document_leaves_behind_does_not_reach_the_next(tmp_path):
    for name, text in LEFT_BEHIND.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ours = CheckedMarkdownReader(reader_settings(ROOT / "content"))
    ours.read(str(tmp_path / "footnote.md"))
    ours.read(str(tmp_path / "abbreviation.md"))
    content, metadata = ours.read(str(tmp_path / "plain.md"))
    assert "footnote" not in content and "<abbr" not in content and "<a " not in content
    content, metadata = ours.read(str(tmp_path / "footnote.md"))
    assert metadata["title"] == "Notes"
    assert metadata["summary"] == "<p>Note: a summary with a colon</p>"
