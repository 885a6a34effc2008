"""The preview on small fixture sites: a first build that fails serves nothing and says
why, then the page once it is fixed; a page removed from the content leaves the preview
and nothing else that is served does; Ctrl-C stops the preview quietly."""

import signal

import pytest
from preview import Preview, assert_nothing_of_the_preview_in, banner_of, main_of
from support import condition_source

# A preview server: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


def test_a_first_build_that_fails_serves_nothing_and_says_why(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2025-02-30"))
    preview = Preview(
        fixture_site.settings_file(), fixture_site.content, fixture_site.output, fixture_site.root
    )
    try:
        preview.started()
        said = "".join(preview.said)
        assert "content/pages/conditions/cd.md:3: Reviewed '2025-02-30' is not a valid date" in said
        assert "Traceback" not in said
        assert not (fixture_site.output / "conditions").exists()
        status, _, shown = preview.fetch("/conditions/cd/")
        assert status == 404
        assert "content/pages/conditions/cd.md:3" in banner_of(shown).get_text(" ")

        fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2025-02-28"))
        preview.wait_for("Wrote the whole site in")
        shown = preview.get("/conditions/cd/")
        assert "28 February 2025" in main_of(shown) and banner_of(shown) is None
        assert_nothing_of_the_preview_in(fixture_site.output)
    finally:
        preview.stop()


def test_a_removed_page_leaves_the_preview_and_nothing_else_does(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.write("pages/other.md", "Title: Other\nSummary: S.\n\nText.\n")
    # What `make html` leaves that the preview does not build (compression, search index).
    fixture_site.output.mkdir()
    (fixture_site.output / "index.html.gz").write_bytes(b"not the preview's")
    preview = Preview(
        fixture_site.settings_file(), fixture_site.content, fixture_site.output, fixture_site.root
    ).started()
    try:
        assert "Text." in main_of(preview.get("/other/"))
        (fixture_site.content / "pages" / "other.md").unlink()
        preview.wait_for("Wrote the whole site in")
        assert not (fixture_site.output / "other").exists()
        assert preview.fetch("/other/")[0] == 404
        assert (fixture_site.output / "index.html.gz").read_bytes() == b"not the preview's"
        assert "Botox can help." in main_of(preview.get("/conditions/cd/"))
    finally:
        preview.stop()


def test_ctrl_c_stops_the_preview_quietly(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    preview = Preview(
        fixture_site.settings_file(), fixture_site.content, fixture_site.output, fixture_site.root
    ).started()
    preview.process.send_signal(signal.SIGINT)
    said = preview.wait_for("Preview stopped.")
    assert preview.process.wait(10) == 0
    assert "Traceback" not in said
