"""The preview that `make serve` runs (tools/serve.py): a saved page is written first,
then the whole site; a save with a problem is reported and the preview goes on."""

import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from conftest import ROOT, condition_source
from test_publish import default_ctrl_c


class Preview:
    def __init__(self, fixture_site):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tools" / "serve.py"), str(fixture_site.settings_file()),
             str(fixture_site.content), str(fixture_site.output), "--port", str(self.port),
             "--log-handler", "plain"],
            cwd=fixture_site.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            preexec_fn=default_ctrl_c)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, text, timeout=60):
        """The output up to and including the first line that holds text."""
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line:
                return "".join(seen)
        raise AssertionError(f"no {text!r} from the preview; it wrote:\n{''.join(seen)}")

    def get(self, path):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=10) as page:
            return page.read().decode("utf-8")


@pytest.fixture
def preview(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    running = Preview(fixture_site)
    running.wait_for("Preview at")
    time.sleep(0.5)  # the watcher starts right after the first build
    yield running
    running.process.terminate()
    running.process.wait(10)


def test_a_saved_page_is_written_first_then_the_whole_site(fixture_site, preview):
    assert "Botox can help." in preview.get("/conditions/cd/")
    fixture_site.write("pages/conditions/cd.md", condition_source(
        body="## In short\n\nIt is a neck problem. Botox can help some people."))
    preview.wait_for("Wrote conditions/cd/index.html in")
    assert "Botox can help some people." in preview.get("/conditions/cd/")
    preview.wait_for("Wrote the whole site in")


def test_a_save_with_a_problem_is_reported_and_the_preview_goes_on(fixture_site, preview):
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2025-02-30"))
    said = preview.wait_for("The preview was not rebuilt")
    assert "content/pages/conditions/cd.md:3: Reviewed '2025-02-30' is not a valid date" in said
    assert "Traceback" not in said
    fixture_site.write("pages/conditions/cd.md", condition_source(Reviewed="2025-02-28"))
    preview.wait_for("Wrote the whole site in")
    assert "28 February 2025" in preview.get("/conditions/cd/")


def test_ctrl_c_stops_the_preview_quietly(preview):
    preview.process.send_signal(signal.SIGINT)
    said = preview.wait_for("Preview stopped.")
    assert preview.process.wait(10) == 0
    assert "Traceback" not in said
