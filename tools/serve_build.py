"""Build the site into a temporary folder and serve it on loopback, for the audit and the
screenshots: `with built_site(settings_file) as base_url: ...`."""

import contextlib
import functools
import http.server
import os
import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build import build  # noqa: E402

# One page of each type: what the audit and the screenshots look at.
PAGE_TYPES = {
    "home": "/",
    "conditions": "/conditions/",
    "condition": "/conditions/migraine/",
    "article": "/articles/botox-for-chronic-pain/",
    "faq": "/faq/",
    "about": "/about/",
    "search": "/search/",
    "not-found": "/404.html",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def built_site(settings_file):
    with socket.socket() as probe:  # a free port, so SITEURL can name it before the build
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    os.environ["SITEURL"] = base  # publishconf.py reads it
    with tempfile.TemporaryDirectory() as folder:
        site = os.path.join(folder, "site")
        build(
            str(ROOT / settings_file), site, overrides={"CACHE_PATH": os.path.join(folder, "cache")}
        )
        handler = functools.partial(QuietHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield base
        finally:
            server.shutdown()
