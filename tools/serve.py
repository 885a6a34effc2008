"""`make serve`: a local preview that rebuilds on save, the saved page first.

Pelican's own ``pelican -lr`` renders every page again on each save, which takes
seconds on a site of a thousand pages, and loses a save made while it builds (it
watches only between builds). This preview keeps one Pelican with its content cache,
watches all the time, and when pages it knows are saved, writes just those first
(site_build's SITE_BUILD_WRITE_ONLY), then the whole site, so that lists follow.
A preview writes straight into the output folder; `make html` and `make publish` are
the builds that check everything before a site replaces the last good one.

    python tools/serve.py SETTINGS_FILE CONTENT OUTPUT [--port 8000] [--bind 127.0.0.1]
"""

import argparse
import logging
import os
import sys
import threading
import time

import watchfiles
from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import init as init_logging
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tools.build import log_handler  # noqa: E402

logger = logging.getLogger("pelican")


class Preview:
    def __init__(self, settings_file, content, output):
        self.settings_file = os.path.abspath(settings_file)
        self.content = os.path.abspath(content)
        self.output = os.path.abspath(output)
        self.overrides = {
            "PATH": self.content, "OUTPUT_PATH": self.output,
            "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
            "CONTENT_CACHING_LAYER": "reader",
            # What only a published site needs, and would slow every save.
            "SITE_BUILD_SEARCH_INDEX": False, "PRECOMPRESS_GZIP": False,
            "PRECOMPRESS_BROTLI": False, "GZIP_CACHE": False,
        }
        self.outputs = {}  # source file -> its page, relative to the output folder
        signals.all_generators_finalized.connect(self._remember_outputs, weak=False)
        self.load()

    def load(self):
        self.settings = read_settings(self.settings_file, override=self.overrides)
        self.pelican = Pelican(self.settings)

    def build(self, only=()):
        """One build; False when it failed (the problems are logged, the preview goes on)."""
        self.settings["SITE_BUILD_WRITE_ONLY"] = list(only)
        start = time.perf_counter()
        try:
            self.pelican.run()
        except Exception as error:  # the writer fixes the source and saves again
            logger.error("The preview was not rebuilt: %s", error)
            return False
        finally:
            self.settings["SITE_BUILD_WRITE_ONLY"] = []
        what = ", ".join(only) if only else "the whole site"
        print(f"Wrote {what} in {time.perf_counter() - start:.2f} s", flush=True)
        return True

    def changed(self, paths):
        if self.settings_file in paths:
            self.load()
        else:
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
        if self.settings["SITE_BUILD_WRITE_ONLY"]:
            return
        self.outputs = {}
        for generator in generators:
            if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
                for content in (getattr(generator, "articles", []) + getattr(generator, "pages", [])
                                + generator.translations):
                    self.outputs[os.path.abspath(content.source_path)] = content.save_as


def serve(output, bind, port):
    RootedHTTPServer.allow_reuse_address = True
    server = RootedHTTPServer(output, (bind, port), ComplexHTTPRequestHandler)
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
        preview.build()
        os.makedirs(args.output, exist_ok=True)
        serve(args.output, args.bind, args.port)
        preview.watch()
    except KeyboardInterrupt:  # Ctrl-C is how a preview ends, even mid-build
        pass
    print("Preview stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
