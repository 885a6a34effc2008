"""The preview's folder is its own (issue 31): `make serve` serves preview/, which `make
html` and `make publish` never write (tools/build.py refuses the folder the preview
marks as its own), and the preview never takes over a folder that holds files it did not
write. It holds exactly what the last passing build holds: a deleted page leaves with
the .gz and .br beside it, a deleted image leaves, and so does whatever an earlier
session left. And the preview reads the plugin's data files again when one changes: a
reviewer added to the reviewers file is known at the next build, without a restart."""

import re
import subprocess

import pytest
from preview import Preview, banner_of, main_of
from support import ROOT, condition_source

from pelican.plugins.medical_content.registry import labels, risk_rules
from pelican.plugins.medical_content.settings import data_files
from tools.build import PREVIEW_MARK

# Preview servers and builds in processes of their own: `make test-fast` leaves them.
pytestmark = pytest.mark.slow

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'


def start(fixture_site):
    return Preview(
        fixture_site.settings_file(), fixture_site.content, fixture_site.output, fixture_site.root
    )


def test_the_preview_refuses_a_folder_it_did_not_write(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.output.mkdir()
    (fixture_site.output / "index.html.gz").write_bytes(b"make html's")
    preview = start(fixture_site)
    try:
        said = preview.wait_for("holds files that the preview did not write", timeout=30)
        assert preview.process.wait(10) == 1
    finally:
        preview.stop()
    assert f"CRITICAL ForeignFolder: {fixture_site.output} holds files" in said
    assert "make serve uses preview/" in "".join(preview.said)
    assert [p.name for p in fixture_site.output.iterdir()] == ["index.html.gz"]


def test_what_the_site_no_longer_has_leaves_the_preview(fixture_site):
    # The preview's folder as an earlier session, or a build of old, left it: a page the
    # site no longer has, compressed; an image it no longer has; a page's .gz and .br.
    served = fixture_site.output
    (served / "old").mkdir(parents=True)
    (served / PREVIEW_MARK).write_text("make serve's\n")
    for name in ("old/index.html", "old/index.html.gz", "old/index.html.br"):
        (served / name).write_bytes(b"stale")
    (served / "images").mkdir()
    (served / "images" / "old.svg").write_text(SVG)
    (served / "other").mkdir()
    (served / "other" / "index.html.gz").write_bytes(b"an older version of the page")
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.write("pages/other.md", "Title: Other\nSummary: S.\n\nText.\n")
    fixture_site.write("images/sites.svg", SVG)
    preview = start(fixture_site).started()
    try:
        for gone in ("old", "images/old.svg", "other/index.html.gz"):
            assert not (served / gone).exists(), gone
        assert "Text." in main_of(preview.get("/other/"))
        assert preview.fetch("/images/sites.svg")[0] == 200
        (fixture_site.content / "pages" / "other.md").unlink()
        (fixture_site.content / "images" / "sites.svg").unlink()
        preview.wait_for("Wrote the whole site in")
        assert not (served / "other").exists()
        assert not (served / "images" / "sites.svg").exists()
        assert preview.fetch("/images/sites.svg")[0] == 404
        assert "Botox can help." in main_of(preview.get("/conditions/cd/"))
        assert (served / PREVIEW_MARK).is_file()
    finally:
        preview.stop()


def test_a_build_never_replaces_the_preview_folder(fixture_site):
    """What `make publish` (and `make html`) do when pointed at the preview's folder."""
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.output.mkdir()
    (fixture_site.output / PREVIEW_MARK).write_text("make serve's\n")
    (fixture_site.output / "index.html").write_text("the page the preview shows")
    result = subprocess.run(
        fixture_site.build_command(), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f"CRITICAL PreviewFolder: {fixture_site.output} is the folder make serve's preview "
        "serves: a build would replace the pages it shows; build into another folder"
    ) in result.stderr
    assert sorted(p.name for p in fixture_site.output.iterdir()) == [PREVIEW_MARK, "index.html"]
    assert (fixture_site.output / "index.html").read_text() == "the page the preview shows"


def make_variable(makefile, name):
    return re.search(rf"^{name} \?= (.+)$", makefile, re.MULTILINE)[1]


def test_make_serve_serves_a_folder_that_make_html_and_make_publish_never_write():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert make_variable(makefile, "PREVIEWDIR") != make_variable(makefile, "OUTPUTDIR")
    recipes = {
        target: re.search(rf"^{target}\b.*:.*\n\t(.+)$", makefile, re.MULTILINE)[1]
        for target in ("serve devserver", "html", "publish")
    }
    assert '"$(PREVIEWDIR)"' in recipes["serve devserver"]
    assert '"$(OUTPUTDIR)"' not in recipes["serve devserver"]
    assert all('"$(OUTPUTDIR)"' in recipes[target] for target in ("html", "publish"))
    assert "preview/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_data_files_are_those_the_settings_read(fixture_site):
    settings = fixture_site.settings(
        MEDICAL_LABELS=["labels"], MEDICAL_RISK_LANGUAGE="rules/risk.toml"
    )
    content = fixture_site.content
    assert data_files.paths(settings) == (
        labels.HERE,
        str(content / "labels"),
        str(content / "reviewers.toml"),
        str(content / "includes" / "important-safety-information.md"),
        str(content / "rules" / "risk.toml"),
    )
    assert risk_rules.DEFAULT_FILE in data_files.paths(fixture_site.settings())
    assert data_files.within(str(content / "labels" / "x.toml"), data_files.paths(settings))
    assert not data_files.within(str(content / "labels-x"), data_files.paths(settings))


def test_a_reviewer_added_to_the_reviewers_file_is_known_at_the_next_build(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewer="sarah-lee"))
    preview = start(fixture_site).started()
    try:
        said = "".join(preview.said)
        assert "Reviewer 'sarah-lee' is not in the reviewers file" in said
        reviewers = fixture_site.content / "reviewers.toml"
        entry = '[sarah-lee]\nname = "Dr. Sarah Lee"\ncredentials = "MD"\ngithub = ["sarah-lee-md"]'
        reviewers.write_text(f"{reviewers.read_text()}\n{entry}\n")
        preview.wait_for("Wrote the whole site in")
        page = preview.get("/conditions/cd/")
        assert banner_of(page) is None
        assert "Dr. Sarah Lee" in page
    finally:
        preview.stop()
