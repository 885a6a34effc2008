"""The HTTP side of `make serve`'s preview (tools/serve.py): Pelican's development server,
serving the folder that passing builds were copied into, with the preview's own addresses
under /__preview__/ (its state, its reload script and stylesheet), and the problems of a
failed build in a banner on every page. It answers only requests for the address it was
started for (``own_hosts``): any other Host header gets 421 and nothing of the site.

Banner and script are added as pages are served, never written into the output folder."""

import html
import io
import json
import os
import re
import socketserver
import threading
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from typing import BinaryIO, ClassVar, Protocol

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

# The preview's own addresses. Pelican writes no file whose name starts with two
# underscores unless a writer names a page so; the preview warns if one does.
OWN = "/__preview__/"


@dataclass(frozen=True)
class Status:
    """What the preview serves, as the HTTP server's thread reads it (replaced whole,
    never changed in place, so that thread needs no lock)."""

    version: str  # changes whenever what a page would show changes: files or problems
    build: int  # passing builds that changed the served folder
    problems: tuple[str, ...] = ()  # of the last failed build, until a whole-site build passes

    def as_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "build": self.build,
                "failed": bool(self.problems),
                "problems": list(self.problems),
            }
        )


class Showing(Protocol):
    """What the server asks of the preview (tools/preview_rebuild.py): its state, read
    anew for each request."""

    status: Status


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
# DNS rebinding: a site whose name is then pointed at this machine would read the preview
# (its problems too) from a browser tab; its requests name that site in their Host header.
MISDIRECTED = b"Misdirected request: this preview answers only the address it was started for.\n"
_LOCATED = re.compile(r"(\S+?:\d+): (.*)", re.S)
_BODY = re.compile(rb"<body\b[^>]*>", re.I)


def own_hosts(port: int, *addresses: str) -> frozenset[str]:
    """The Host headers the preview answers, its port named or not: loopback's names and
    the addresses given (the one it is bound to, the one a request arrived at)."""
    names = ("127.0.0.1", "localhost", "[::1]", *(f"[{a}]" if ":" in a else a for a in addresses))
    return frozenset(host.lower() for name in names for host in (name, f"{name}:{port}"))


def banner(problems: tuple[str, ...]) -> str:
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


def inject(page: bytes, status: Status) -> bytes:
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

    OWN_FILES: ClassVar[dict[str, tuple[str, bytes]]] = {
        "reload.js": ("text/javascript; charset=utf-8", RELOAD_JS.encode()),
        "preview.css": ("text/css; charset=utf-8", PREVIEW_CSS.encode()),
    }
    # The request's path; _answer replaces it with the file found for it. Pelican's
    # handler, whose attribute this is, has no type information.
    path: str

    def parse_request(self) -> bool:
        """The request, if its one Host header names the preview's own address; otherwise
        421 with a line of plain text, and no method of the handler runs."""
        if not super().parse_request():
            return False
        hosts = [host.strip().lower() for host in self.headers.get_all("Host") or []]
        arrived = str(self.connection.getsockname()[0])  # bound to all: the address used
        own = own_hosts(self.server.server_address[1], self.server.bind, arrived)
        if len(hosts) == 1 and hosts[0] in own:
            return True
        return self._misdirected()

    def _misdirected(self) -> bool:
        self.close_connection = True
        refusal = self._send(HTTPStatus.MISDIRECTED_REQUEST, "text/plain", MISDIRECTED)
        if self.command != "HEAD":
            self.copyfile(refusal, self.wfile)
        return False

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
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

    def _own(self, name: str) -> BinaryIO | None:
        if name == "state":
            return self._send(
                HTTPStatus.OK, "application/json", self.server.preview.status.as_json().encode()
            )
        if name in self.OWN_FILES:
            return self._send(HTTPStatus.OK, *self.OWN_FILES[name])
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_head(self) -> BinaryIO | None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urllib.parse.urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        if path.endswith((".html", ".htm")) and os.path.isfile(path):
            with open(path, "rb") as page:
                return self._page(HTTPStatus.OK, page.read())
        return super().send_head()

    def list_directory(self, path: str) -> BinaryIO:
        return self._not_found()  # a folder without a page: nothing the site publishes

    def _not_found(self) -> BinaryIO:
        site_404 = os.path.join(self.base_path, "404.html")
        if os.path.isfile(site_404):
            with open(site_404, "rb") as page:
                return self._page(HTTPStatus.NOT_FOUND, page.read())
        return self._page(HTTPStatus.NOT_FOUND, NO_PAGE)

    def _page(self, code: HTTPStatus, page: bytes) -> BinaryIO:
        return self._send(
            code, "text/html; charset=utf-8", inject(page, self.server.preview.status)
        )

    def _send(self, code: HTTPStatus, content_type: str, data: bytes) -> BinaryIO:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def end_headers(self) -> None:
        # Pages change under the same address, and so does a page's banner.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class PreviewServer(socketserver.ThreadingMixIn, RootedHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    preview: Showing
    bind: str  # the address it was started for (--bind)


def serve(preview: Showing, output: str, bind: str, port: int) -> None:
    server = PreviewServer(output, (bind, port), PreviewHandler)
    server.preview = preview
    server.bind = bind
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview at http://{bind}:{port}/ (Ctrl-C stops it)", flush=True)
