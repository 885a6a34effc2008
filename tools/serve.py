"""`make serve`: a local preview that rebuilds on save, the saved page first, and serves
only what passed the checks.

Pelican's own ``pelican -lr`` renders every page again on each save, which takes
seconds on a site of a thousand pages, and loses a save made while it builds (it
watches only between builds). This preview keeps one Pelican with its content cache,
watches all the time, and when pages it knows are saved, writes just those first
(site_build's SITE_BUILD_WRITE_ONLY), then the whole site, so that lists follow.

It builds into a folder of its own (``preview/`` in the CACHE_PATH) and copies into the
served folder only what a passing build wrote, and only the files that changed: a save
that fails a check leaves the last good page served. The HTTP server then shows the
problems on every page it serves, in a banner, and each page reloads itself when the
preview has something new to show (a script of the preview's own, under /__preview__/).
Banner and script are added as pages are served, never written into the output folder;
`make html` and `make publish` do not run this file.

    python tools/serve.py SETTINGS_FILE CONTENT OUTPUT [--port 8000] [--bind 127.0.0.1]
"""

import argparse
import html
import io
import json
import logging
import os
import re
import secrets
import shutil
import socketserver
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from typing import ClassVar

import watchfiles
from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import init as init_logging
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tools.build import log_handler

logger = logging.getLogger("pelican")

# The preview's own addresses. Pelican writes no file whose name starts with two
# underscores unless a writer names a page so; the preview warns if one does.
OWN = "/__preview__/"
# Where the findings of a build are logged: Pelican's loggers, the plugin's among them
# (pelican.plugins.medical_content).
FINDINGS_LOGGERS = ("pelican",)


@dataclass(frozen=True)
class Status:
    """What the preview serves, as the HTTP server's thread reads it (replaced whole,
    never changed in place, so that thread needs no lock)."""

    version: str  # changes whenever what a page would show changes: files or problems
    build: int  # passing builds that changed the served folder
    problems: tuple = ()  # of the last failed build, until a whole-site build passes

    def as_json(self):
        return json.dumps(
            {
                "version": self.version,
                "build": self.build,
                "failed": bool(self.problems),
                "problems": list(self.problems),
            }
        )


class Findings(logging.Handler):
    """The errors of one build, as the writer reads them in the terminal, for the
    browser's banner; and whether Pelican's content cache could not be written or read."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []
        self.cache_trouble = False

    def emit(self, record):
        if record.name.startswith("pelican.server"):
            return  # the HTTP server's thread, not the build
        if record.name.startswith("pelican.cache"):
            self.cache_trouble = True
        if record.levelno >= logging.ERROR:
            self.messages.append(record.getMessage())


class Preview:
    def __init__(self, settings_file, content, output):
        self.settings_file = os.path.abspath(settings_file)
        self.content = os.path.abspath(content)
        self.output = os.path.abspath(output)
        self.overrides = {
            "PATH": self.content,
            "CACHE_CONTENT": True,
            "CONTENT_CACHING_LAYER": "reader",
            # The preview's build folder keeps what earlier builds wrote: a quick step
            # writes one page into a complete site, whose files its link checks look at.
            "DELETE_OUTPUT_DIRECTORY": False,
            # What only a published site needs, and would slow every save.
            "SITE_BUILD_SEARCH_INDEX": False,
            "PRECOMPRESS_GZIP": False,
            "PRECOMPRESS_BROTLI": False,
            "GZIP_CACHE": False,
        }
        self.outputs = {}  # source file -> its page, relative to the output folder
        self.session = secrets.token_hex(4)
        self.changes = 0
        self.status = Status(f"{self.session}.0", 0)
        # A cache file left by an earlier session may come from another version of
        # Pelican or of the plugin, or be broken: before e1faee9 the plugin left it empty,
        # Pelican's loader then fails with 'Ran out of input' (it catches only some
        # errors), and every build of the preview failed. So a session loads only the
        # cache that one of its own builds wrote, and stops loading it for good once
        # Pelican has said it could not write or read it (Pelican says so only once).
        self.cache_written = False
        self.cache_broken = False
        signals.all_generators_finalized.connect(self._remember_outputs, weak=False)
        signals.content_written.connect(self._remember_rendered, weak=False)
        self.load()
        # Pelican leaves its default CACHE_PATH relative: to the working folder.
        self.folder = os.path.abspath(os.path.join(self.settings["CACHE_PATH"], "preview"))
        for served in (self.output, self.content):
            if os.path.commonpath([served, self.folder]) in (served, self.folder):
                raise ValueError(
                    f"the preview's own folder {self.folder} and {served} "
                    "must not be inside one another"
                )
        # The preview's own build of the site: every build writes into it, and what
        # passed is copied from it into the served folder. One folder, built over:
        # a fresh one for each whole-site build would have to be deleted, which takes
        # longer on a big site than writing the saved page.
        shutil.rmtree(self.folder, ignore_errors=True)  # nothing of an earlier session
        self.site = os.path.join(self.folder, "site")
        self.whole_site_passed = False  # the quick step needs a whole site to write into
        self.rendered = None  # files Pelican renders in the whole-site build under way
        self.last_rendered = set()  # ... rendered in the last whole-site build that passed
        self.served = {}  # served file -> its stamp when this session made it the build's

    def load(self):
        settings = read_settings(self.settings_file, override=self.overrides)
        self.pelican, self.settings = Pelican(settings), settings
        self.settings_failed = False
        # Pelican's cache of what it read knows nothing of the settings it was read with.
        self.cache_written = False

    def build(self, only=()):
        """One build, copied into the served folder if it passed; False when it failed
        (the problems are logged and shown in the browser, the preview goes on)."""
        start = time.perf_counter()
        self.settings["OUTPUT_PATH"] = self.pelican.output_path = self.site
        self.rendered = None if only else set()
        self.settings["SITE_BUILD_WRITE_ONLY"] = list(only)
        self.settings["LOAD_CONTENT_CACHE"] = self.cache_written and not self.cache_broken
        findings = Findings()
        for name in FINDINGS_LOGGERS:
            logging.getLogger(name).addHandler(findings)
        try:
            self.pelican.run()
        except Exception as error:  # the writer fixes the source and saves again
            problems = list(findings.messages) or [f"{type(error).__name__}: {error}"]
            logger.error(
                "The preview was not rebuilt, it still shows the last version that passed: %s",
                error,
            )
            self._failed(problems)
            return False
        finally:
            for name in FINDINGS_LOGGERS:
                logging.getLogger(name).removeHandler(findings)
            self.settings["SITE_BUILD_WRITE_ONLY"] = []
            if findings.cache_trouble and not self.cache_broken:
                self.cache_broken = True
                logger.warning(
                    "Pelican's content cache failed: this preview builds without "
                    "it from now on (slower); restart it once that is fixed"
                )
        try:
            copied = self._copy_pages(only) if only else self._mirror(self.rendered)
        except OSError as error:
            logger.error("The preview could not copy the build into %s: %s", self.output, error)
            self._failed([f"the preview could not copy the build into {self.output}: {error}"])
            return False
        self.whole_site_passed = self.whole_site_passed or not only
        self._passed(copied, whole=not only)
        what = ", ".join(only) if only else "the whole site"
        print(f"Wrote {what} in {time.perf_counter() - start:.2f} s", flush=True)
        return True

    def changed(self, paths):
        if self.settings_file in paths or self.settings_failed:
            try:
                self.load()
            except Exception as error:  # a bad setting: the writer fixes it and saves again
                self.settings_failed = True  # and the earlier settings are not built again
                logger.error("The settings were not reloaded: %s: %s", type(error).__name__, error)
                self._failed([f"{self.settings_file}: {type(error).__name__}: {error}"])
                return
        elif self.whole_site_passed:
            pages = [self.outputs.get(path) for path in paths]
            if pages and all(pages) and not self.build(only=pages):
                return  # the problems are listed; the whole site would only repeat them
        self.build()

    def watch(self):
        ignored = FileChangeFilter(ignore_file_patterns=self.settings.get("IGNORE_FILES", []))
        watched = [self.content, self.settings["THEME"], self.settings_file]
        # One watcher for the whole session: a save made during a build is kept for the next.
        for changes in watchfiles.watch(*watched, watch_filter=ignored, raise_interrupt=False):
            self.changed({os.path.abspath(path) for _, path in changes})

    def _remember_outputs(self, generators):
        # Pelican saves its content cache when it has read the sources, before this signal.
        self.cache_written = True
        if self.settings["SITE_BUILD_WRITE_ONLY"]:
            return
        self.outputs = {}
        for generator in generators:
            if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
                for content in (
                    getattr(generator, "articles", [])
                    + getattr(generator, "pages", [])
                    + generator.translations
                ):
                    self.outputs[os.path.abspath(content.source_path)] = content.save_as

    def _remember_rendered(self, path, context=None):
        if self.rendered is not None:
            self.rendered.add(os.path.relpath(path, self.site).replace(os.sep, "/"))

    def _copy_pages(self, pages):
        """The quick step's pages, into the served folder if they changed."""
        copied = 0
        for page in pages:
            built, served = os.path.join(self.site, page), os.path.join(self.output, page)
            if os.path.isfile(built) and not _same(built, served):
                _copy(built, served)
                self.served[page] = _stamp(served)
                copied += 1
        return copied

    def _mirror(self, rendered):
        """A passing whole-site build into the served folder: each file that differs from
        the served one is copied. A page is removed when the last passing whole-site
        build rendered it, this one did not, and the served file is still the one this
        session copied or found identical: nothing the preview did not put there (`make
        html`'s search index or compressed files, a page of an earlier session) is ever
        removed. Static files the site no longer has are left: Pelican does not say."""
        copied = 0
        for path in _files(self.site):
            if path.startswith(OWN.strip("/") + "/"):
                logger.warning(
                    "%s cannot be previewed: the preview serves its own files at %s", path, OWN
                )
            built, served = os.path.join(self.site, path), os.path.join(self.output, path)
            if not _same(built, served):
                _copy(built, served)
                copied += 1
            self.served[path] = _stamp(served)
        gone = []
        for path in sorted(self.last_rendered - rendered):
            served = os.path.join(self.output, path)
            stamp = _stamp(served)
            if stamp is not None and self.served.pop(path, None) == stamp:
                os.remove(served)
                gone.append(served)
            if os.path.isfile(os.path.join(self.site, path)):  # or the next copy brings it back
                os.remove(os.path.join(self.site, path))
        self.last_rendered = rendered
        for served in gone:  # and the folders that held only those, up to the served one
            folder = os.path.dirname(served)
            while folder != self.output and os.path.isdir(folder) and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        return copied + len(gone)

    def _passed(self, copied, whole):
        # A quick step that passed checked one page: the problems of the last failed
        # build stay shown until the whole site passes.
        recovered = whole and self.status.problems
        if copied or recovered:
            self.changes += 1
            self.status = Status(
                f"{self.session}.{self.changes}",
                self.status.build + (1 if copied else 0),
                () if whole else self.status.problems,
            )

    def _failed(self, problems):
        self.changes += 1
        self.status = Status(f"{self.session}.{self.changes}", self.status.build, tuple(problems))


def _files(root):
    """The files under root, relative to it, with '/' between folders."""
    for folder, _, names in os.walk(root):
        relative = os.path.relpath(folder, root)
        for name in names:
            yield name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")


def _stamp(path):
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino


def _same(first, second):
    if not os.path.isfile(second) or os.path.getsize(first) != os.path.getsize(second):
        return False
    with open(first, "rb") as one, open(second, "rb") as other:
        return one.read() == other.read()


def _copy(source, target):
    """Copy under a temporary name, then rename: the HTTP server never reads half a file.
    The copy gets a new modification time: bench/run.py times a save by it."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    temporary = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.preview")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)


# What the served pages get. A script and a stylesheet of the preview's own, not inline:
# the site's Content-Security-Policy allows scripts and styles from the site only.
RELOAD_JS = """\
// make serve's live reload (tools/serve.py): the page was served in one state of the
// preview; when the preview has copied a newer build, or a build failed or recovered,
// the page loads again. Polls the preview on the same origin; no dependencies.
(function () {
  "use strict";
  var served = document.currentScript && document.currentScript.getAttribute("data-version");
  function poll() {
    fetch("/__preview__/state", {cache: "no-store"})
      .then(function (answer) { return answer.json(); })
      .then(function (state) {
        if (state.version !== served) { location.reload(); } else { setTimeout(poll, 300); }
      }, function () { setTimeout(poll, 1000); });  // stopped or restarting: try again
  }
  setTimeout(poll, 300);
})();
"""
PREVIEW_CSS = """\
.preview-problems { position: relative; z-index: 2147483647; margin: 0; padding: 1rem 1.25rem;
  border: 0.3rem solid #a4001d; background: #fff4d6; color: #1b1b1b;
  font: 1rem/1.5 system-ui, sans-serif; text-align: left; }
.preview-problems p, .preview-problems ul { margin: 0; max-width: none; }
.preview-problems ul { margin-top: 0.5rem; padding-left: 1.5rem; }
.preview-problems code { font-weight: 700; overflow-wrap: anywhere; }
"""
NO_PAGE = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No page here'
    b"</title></head><body><main><h1>No page here</h1><p>The preview has no page at this "
    b"address.</p></main></body></html>"
)
_LOCATED = re.compile(r"(\S+?:\d+): (.*)", re.S)
_BODY = re.compile(rb"<body\b[^>]*>", re.I)


def banner(problems):
    items = []
    for problem in problems:
        located = _LOCATED.fullmatch(problem)
        items.append(
            f"<li><code>{html.escape(located[1])}</code> {html.escape(located[2])}</li>"
            if located
            else f"<li>{html.escape(problem)}</li>"
        )
    return (
        '<div class="preview-problems" role="alert"><p><strong>The last save did not pass '
        "the checks: this page is the last version that did.</strong> Fix what is listed "
        f"and save again.</p><ul>{''.join(items)}</ul></div>"
    )


def inject(page, status):
    """A served page with the preview's script, and the banner when a build failed."""
    lowered = page.lower()
    end = lowered.rfind(b"</body")
    script = (
        f'<script src="{OWN}reload.js" data-version="{html.escape(status.version)}"></script>'
    ).encode()
    page = page + script if end < 0 else page[:end] + script + page[end:]
    if status.problems:
        opening = _BODY.search(page)
        at = opening.end() if opening else 0
        page = page[:at] + banner(status.problems).encode() + page[at:]
        head = page.lower().find(b"</head")
        link = f'<link rel="stylesheet" href="{OWN}preview.css">'.encode()
        page = page[: max(head, 0)] + link + page[max(head, 0) :]
    return page


class PreviewHandler(ComplexHTTPRequestHandler):
    """Pelican's development server, with the preview's addresses, its script and banner
    in each HTML page, and a 404 page instead of a dropped connection."""

    OWN_FILES: ClassVar[dict] = {
        "reload.js": ("text/javascript; charset=utf-8", RELOAD_JS.encode()),
        "preview.css": ("text/css; charset=utf-8", PREVIEW_CSS.encode()),
    }

    def do_GET(self):
        self._answer(body=True)

    def do_HEAD(self):
        self._answer(body=False)

    def _answer(self, body):
        route = urllib.parse.urlsplit(self.path).path
        if route.startswith(OWN):
            answer = self._own(route[len(OWN) :])
        else:
            found = self.get_path_that_exists(route)
            if found is None:
                answer = self._not_found()
            else:
                self.path = found
                answer = self.send_head()
        if answer:
            try:
                if body:
                    self.copyfile(answer, self.wfile)
            finally:
                answer.close()

    def _own(self, name):
        if name == "state":
            return self._send(
                HTTPStatus.OK, "application/json", self.server.preview.status.as_json().encode()
            )
        if name in self.OWN_FILES:
            return self._send(HTTPStatus.OK, *self.OWN_FILES[name])
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urllib.parse.urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        if path.endswith((".html", ".htm")) and os.path.isfile(path):
            with open(path, "rb") as page:
                return self._page(HTTPStatus.OK, page.read())
        return super().send_head()

    def list_directory(self, path):
        return self._not_found()  # a folder without a page: nothing the site publishes

    def _not_found(self):
        site_404 = os.path.join(self.base_path, "404.html")
        if os.path.isfile(site_404):
            with open(site_404, "rb") as page:
                return self._page(HTTPStatus.NOT_FOUND, page.read())
        return self._page(HTTPStatus.NOT_FOUND, NO_PAGE)

    def _page(self, code, page):
        return self._send(
            code, "text/html; charset=utf-8", inject(page, self.server.preview.status)
        )

    def _send(self, code, content_type, data):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def end_headers(self):
        # Pages change under the same address, and so does a page's banner.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class PreviewServer(socketserver.ThreadingMixIn, RootedHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(preview, output, bind, port):
    server = PreviewServer(output, (bind, port), PreviewHandler)
    server.preview = preview
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview at http://{bind}:{port}/ (Ctrl-C stops it)", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings")
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--log-handler", choices=["plain", "rich"], default="rich")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, handler=log_handler(args.log_handler))
    try:
        preview = Preview(args.settings, args.content, args.output)
    except Exception as error:  # a bad setting or theme: one line, no traceback
        logger.critical("%s: %s", type(error).__name__, error)
        return 1
    try:
        os.makedirs(args.output, exist_ok=True)
        preview.build()
        serve(preview, args.output, args.bind, args.port)
        preview.watch()
    except KeyboardInterrupt:  # Ctrl-C is how a preview ends, even mid-build
        pass
    print("Preview stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
