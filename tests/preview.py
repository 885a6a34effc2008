"""The preview that `make serve` runs (tools/serve.py), in a process of its own, for the
preview's tests; and what they read of it: the page inside <main>, the banner of
problems, and the files it serves, which must hold nothing of the preview's own."""

import json
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from bs4 import BeautifulSoup
from support import ROOT, default_ctrl_c

# What the preview adds to pages as it serves them, and must never write.
PREVIEW_MARKS = (b"__preview__", b"preview-problems")


class Preview:
    """tools/serve.py in a process of its own, as `make serve` runs it."""

    def __init__(self, settings_file, content, output, cwd):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.output = output
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tools" / "serve.py"),
                str(settings_file),
                str(content),
                str(output),
                "--port",
                str(self.port),
                "--log-handler",
                "plain",
            ],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=default_ctrl_c,
        )
        self.lines = queue.Queue()
        self.said = []  # every line read so far
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)  # the preview stopped

    def wait_for(self, text, timeout=60):
        """The output up to and including the first line that holds text."""
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            if line is None:
                self.lines.put(None)
                break
            seen.append(line)
            self.said.append(line)
            if text in line:
                return "".join(seen)
        raise AssertionError(f"no {text!r} from the preview; it wrote:\n{''.join(seen)}")

    def started(self):
        self.wait_for("Preview at")
        time.sleep(0.5)  # the watcher starts right after the first build
        return self

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def fetch(self, path):
        """(status, content type, text) of what the preview serves at path."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as answer:
                return answer.status, answer.headers["Content-Type"], answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read().decode("utf-8")

    def ask(self, path, *hosts, method="GET"):
        """(status, head, body) of a request for path with these Host headers (none, one
        or several), sent over a socket: a page of another site chooses its Host."""
        lines = [f"{method} {path} HTTP/1.1", *(f"Host: {host}" for host in hosts)]
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
            connection.sendall(("\r\n".join([*lines, "Connection: close", "", ""])).encode())
            answer = b"".join(iter(lambda: connection.recv(65536), b""))
        head, _, body = answer.partition(b"\r\n\r\n")
        return int(head.split()[1]), head.decode("latin-1"), body.decode("utf-8")

    def get(self, path):
        status, _, text = self.fetch(path)
        assert status == 200, f"{path}: {status}"
        return text

    def state(self):
        return json.loads(self.get("/__preview__/state"))

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def main_of(page):
    """What the page shows inside <main>: the preview's banner is above it."""
    return str(BeautifulSoup(page, "html.parser").find("main"))


def banner_of(page):
    return BeautifulSoup(page, "html.parser").find(attrs={"role": "alert"})


def served_files(output):
    """Every served file: its modification time and bytes."""
    return {
        p.relative_to(output): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


def assert_nothing_of_the_preview_in(output):
    files = served_files(output)
    assert files
    for path, (_, data) in files.items():
        assert not any(mark in data for mark in PREVIEW_MARKS), f"{path} holds the preview's markup"
