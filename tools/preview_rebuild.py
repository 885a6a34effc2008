"""The builds of `make serve`'s preview (tools/serve.py): one Pelican with its content
cache for the whole session, a watcher that never stops, and on each save the saved pages
first (site_build's SITE_BUILD_WRITE_ONLY), then the whole site, so that lists follow.

Every build writes into the preview's own folder (``preview/`` in the CACHE_PATH); what
passed is copied into the served folder (tools/preview_copy.py), and the problems of what
did not are kept for the HTTP server's banner (tools/preview_http.py).

The settings are read again when the settings file changes, and so are the files the
plugin reads its data from (the reviewers file, the safety information, the label
registry, the risk-language rules: ``medical_content.settings.data_files``), which are
watched too, wherever they are: a reviewer added to the reviewers file is known at the
next build, without a restart."""

import logging
import os
import secrets
import shutil
import time
from collections.abc import Sequence
from typing import Any

import watchfiles
from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

from pelican.plugins.medical_content.settings import data_files
from tools.preview_copy import ServedFolder, static_outputs
from tools.preview_http import Status

logger = logging.getLogger("pelican")

# Where the findings of a build are logged: Pelican's loggers, the plugin's among them
# (pelican.plugins.medical_content).
FINDINGS_LOGGERS = ("pelican",)


class Findings(logging.Handler):
    """The errors of one build, as the writer reads them in the terminal, for the
    browser's banner; and whether Pelican's content cache could not be written or read."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self.cache_trouble = False

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("pelican.server"):
            return  # the HTTP server's thread, not the build
        if record.name.startswith("pelican.cache"):
            self.cache_trouble = True
        if record.levelno >= logging.ERROR:
            self.messages.append(record.getMessage())


class Preview:
    def __init__(self, settings_file: str, content: str, output: str) -> None:
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
        # source file -> its page, relative to the output folder
        self.outputs: dict[str, str] = {}
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
        signals.feed_written.connect(self._remember_rendered, weak=False)
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
        # the files Pelican renders in the whole-site build under way, and the static
        # files it copies (``_remember_outputs``)
        self.rendered: set[str] | None = None
        self.static: set[str] = set()
        self.context: dict[str, Any] = {}  # Pelican's, of the last whole-site build
        self.served = ServedFolder(self.site, self.output)

    def load(self) -> None:
        settings = read_settings(self.settings_file, override=self.overrides)
        self.pelican, self.settings = Pelican(settings), settings
        self.data = data_files.paths(settings)  # read again when one of them changes
        self.settings_failed = False
        # Pelican's cache of what it read knows nothing of the settings it was read with.
        self.cache_written = False

    def build(self, only: Sequence[str] = ()) -> bool:
        """One build, copied into the served folder if it passed; False when it failed
        (the problems are logged and shown in the browser, the preview goes on)."""
        start = time.perf_counter()
        self.settings["OUTPUT_PATH"] = self.pelican.output_path = self.site
        rendered: set[str] = set()
        self.rendered = None if only else rendered
        self.settings["SITE_BUILD_WRITE_ONLY"] = list(only)
        self.settings["LOAD_CONTENT_CACHE"] = self.cache_written and not self.cache_broken
        findings = Findings()
        for name in FINDINGS_LOGGERS:
            logging.getLogger(name).addHandler(findings)
        try:
            self.pelican.run()
        except Exception as error:  # the writer fixes the source and saves again
            if not only:
                self.served.failed(rendered)
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
            # site_build names the theme's assets once every generator has read
            assets = set(self.context.get("ASSET_URLS", {}).values())
            copied = (
                self.served.copy_pages(only)
                if only
                else self.served.mirror(rendered | self.static | assets)
            )
        except OSError as error:
            logger.error("The preview could not copy the build into %s: %s", self.output, error)
            self._failed([f"the preview could not copy the build into {self.output}: {error}"])
            return False
        self.whole_site_passed = self.whole_site_passed or not only
        self._passed(copied, whole=not only)
        what = ", ".join(only) if only else "the whole site"
        print(f"Wrote {what} in {time.perf_counter() - start:.2f} s", flush=True)
        return True

    def changed(self, paths: set[str]) -> None:
        data = any(data_files.within(path, self.data) for path in paths)
        if self.settings_file in paths or self.settings_failed or data:
            try:
                self.load()
            except Exception as error:  # a bad setting: the writer fixes it and saves again
                self.settings_failed = True  # and the earlier settings are not built again
                logger.error("The settings were not reloaded: %s: %s", type(error).__name__, error)
                self._failed([f"{self.settings_file}: {type(error).__name__}: {error}"])
                return
        elif self.whole_site_passed:
            pages = [self.outputs.get(path) or "" for path in paths]
            if pages and all(pages) and not self.build(only=pages):
                return  # the problems are listed; the whole site would only repeat them
        self.build()

    def watch(self) -> None:
        ignored = FileChangeFilter(ignore_file_patterns=self.settings.get("IGNORE_FILES", []))
        watched = [self.content, self.settings["THEME"], self.settings_file]
        watched += [  # the data files outside those (the plugin's own label registry)
            path
            for path in self.data
            if os.path.exists(path) and not data_files.within(path, (self.content,))
        ]
        # One watcher for the whole session: a save made during a build is kept for the next.
        for changes in watchfiles.watch(*watched, watch_filter=ignored, raise_interrupt=False):
            self.changed({os.path.abspath(path) for _, path in changes})

    def _remember_outputs(self, generators: list[object]) -> None:
        # Pelican saves its content cache when it has read the sources, before this signal.
        self.cache_written = True
        if self.settings["SITE_BUILD_WRITE_ONLY"]:
            return
        self.static = static_outputs(generators, self.settings)
        self.context = getattr(generators[0], "context", {}) if generators else {}
        self.outputs = {}
        for generator in generators:
            if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
                for content in (
                    getattr(generator, "articles", [])
                    + getattr(generator, "pages", [])
                    + generator.translations
                ):
                    self.outputs[os.path.abspath(content.source_path)] = content.save_as

    def _remember_rendered(self, path: str, context: object = None, **_: object) -> None:
        if self.rendered is not None:
            self.rendered.add(os.path.relpath(path, self.site).replace(os.sep, "/"))

    def _passed(self, copied: int, whole: bool) -> None:
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

    def _failed(self, problems: Sequence[str]) -> None:
        self.changes += 1
        self.status = Status(f"{self.session}.{self.changes}", self.status.build, tuple(problems))
