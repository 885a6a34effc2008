"""The preview on small fixture sites: a first build that fails serves nothing and says
why, then the page once it is fixed; a page removed from the content leaves the preview
(tests/test_preview_folder.py: the preview's folder is its own, and holds nothing the
site no longer has); it answers only requests for its own address (not a page of another
site, by DNS rebinding); Ctrl-C stops the preview quietly."""

import json
import signal
import time

import pytest
from preview import Preview, assert_nothing_of_the_preview_in, banner_of, main_of
from support import condition_source

# A preview server: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

# All a request for another address gets: nothing of the site, nothing of its problems.
REFUSED = "Misdirected request: this preview answers only the address it was started for.\n"


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


def test_a_removed_page_leaves_the_preview(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.write("pages/other.md", "Title: Other\nSummary: S.\n\nText.\n")
    preview = Preview(
        fixture_site.settings_file(), fixture_site.content, fixture_site.output, fixture_site.root
    ).started()
    try:
        assert "Text." in main_of(preview.get("/other/"))
        (fixture_site.content / "pages" / "other.md").unlink()
        preview.wait_for("Wrote the whole site in")
        assert not (fixture_site.output / "other").exists()
        assert preview.fetch("/other/")[0] == 404
        assert "Botox can help." in main_of(preview.get("/conditions/cd/"))
    finally:
        preview.stop()


def test_the_preview_answers_only_the_host_it_was_started_for(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    preview = Preview(
        fixture_site.settings_file(), fixture_site.content, fixture_site.output, fixture_site.root
    ).started()
    try:
        # A save that fails: the preview now has a problem list to give away.
        fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2025-02-30"))
        preview.wait_for("is not a valid date")
        deadline = time.monotonic() + 30
        while not preview.state()["failed"]:
            assert time.monotonic() < deadline, "the failed save never reached the server"
            time.sleep(0.1)
        port = preview.port
        for hosts in [
            ("evil.example",),
            (f"evil.example:{port}",),
            (f"127.0.0.1.evil.example:{port}",),
            (f"localhost.evil.example:{port}",),
            (f"127.0.0.1:{port}.evil.example",),
            (f"127.0.0.1:{port + 1}",),
            (f"localhost:{port}", "evil.example"),
            (),
        ]:
            for path in ("/conditions/cd/", "/", "/__preview__/state", "/__preview__/reload.js"):
                status, head, body = preview.ask(path, *hosts)
                assert status == 421, (hosts, path, status)
                assert "Content-Type: text/plain" in head, head
                assert body == REFUSED, (hosts, path)
            assert preview.ask("/conditions/cd/", *hosts, method="HEAD")[2] == ""

        for host in (
            f"127.0.0.1:{port}",
            f"localhost:{port}",
            "LocalHost",
            "127.0.0.1",
            f"[::1]:{port}",
        ):
            status, _, page = preview.ask("/conditions/cd/", host)
            assert status == 200 and "Botox can help." in main_of(page), host
            assert "2025-02-30" in banner_of(page).get_text(" ")
            status, _, state = preview.ask("/__preview__/state", host)
            assert status == 200 and json.loads(state)["failed"], host
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
