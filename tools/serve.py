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

The preview's parts: tools/preview_rebuild.py (the watcher and the builds),
tools/preview_copy.py (a passing build into the served folder) and tools/preview_http.py
(the HTTP server, its own addresses, the banner and the reload script). The server answers
only requests whose Host header is 127.0.0.1, localhost, [::1] or the --bind address, with
the port or without: any other (a page of another site, by DNS rebinding) gets 421.

    python tools/serve.py SETTINGS_FILE CONTENT OUTPUT [--port 8000] [--bind 127.0.0.1]
"""

import argparse
import logging
import os
import sys

from pelican.log import init as init_logging

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tools.build import log_handler
from tools.preview_http import serve
from tools.preview_rebuild import Preview

logger = logging.getLogger("pelican")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
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
