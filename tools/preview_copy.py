"""What a passing build of `make serve`'s preview (tools/serve.py) puts into the served
folder: only the files that changed, each copied whole. A save that fails a check copies
nothing, so the last good page stays served.

The served folder is the preview's own (`make serve`: preview/, never output/, which
`make html` and `make publish` write), marked as such by a file in it (``MARK``): so a
build beside the preview never replaces the pages it shows, and the preview may make the
folder hold exactly what its last passing build holds. A page, an image or any other file
the site no longer has leaves the preview (with whatever was served beside it, such as
the .gz and .br of a page that `make html` compressed, had the folder been `make html`'s
once). A folder that holds files and no mark is someone else's: the preview refuses it,
and touches nothing in it."""

import logging
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pelican.generators import StaticGenerator

from tools.build import PREVIEW_MARK
from tools.preview_http import OWN

logger = logging.getLogger("pelican")

MARK_TEXT = (
    "This folder is make serve's preview (tools/serve.py): it serves what the last passing "
    "build wrote and removes anything else. make html and make publish never write here.\n"
)


class ForeignFolder(Exception):
    """The folder given to serve holds files, and not the preview's mark."""


class ServedFolder:
    """The served folder, filled from the preview's own build of the site."""

    def __init__(self, site: str, output: str) -> None:
        self.site = site  # the preview's build
        self.output = output  # what the HTTP server serves
        # what the last passing whole-site build wrote, and what builds that failed since
        # wrote: a file of theirs that the next passing build does not write is stale
        self.produced: set[str] = set()
        self.written_since: set[str] = set()
        claim(output)

    def copy_pages(self, pages: Iterable[str]) -> int:
        """The quick step's pages, into the served folder if they changed."""
        copied = 0
        for page in pages:
            built, served = os.path.join(self.site, page), os.path.join(self.output, page)
            if os.path.isfile(built) and not _same(built, served):
                _copy(built, served)
                copied += 1
        return copied

    def failed(self, written: set[str]) -> None:
        """A whole-site build that failed wrote these into the preview's build."""
        self.written_since |= written

    def mirror(self, produced: set[str]) -> int:
        """A passing whole-site build into the served folder, which then holds exactly the
        build's files (and the mark): each file that differs from the served one is
        copied, and each served file the build does not have is removed. ``produced``:
        what this build wrote (pages, static files); what an earlier build wrote and this
        one did not is gone from the build first (Pelican writes over its output folder,
        and never says which of its files the site no longer has)."""
        for path in sorted((self.produced | self.written_since) - produced):
            _remove(self.site, path)
        self.produced, self.written_since = set(produced), set()
        copied = 0
        built = set(_files(self.site))
        for path in sorted(built):
            if path.startswith(OWN.strip("/") + "/"):
                logger.warning(
                    "%s cannot be previewed: the preview serves its own files at %s", path, OWN
                )
            source, served = os.path.join(self.site, path), os.path.join(self.output, path)
            if not _same(source, served):
                _copy(source, served)
                copied += 1
        gone = [path for path in _files(self.output) if path not in built and path != PREVIEW_MARK]
        for path in gone:
            _remove(self.output, path)
        return copied + len(gone)


def static_outputs(generators: Iterable[object], settings: Mapping[str, Any]) -> set[str]:
    """The files a whole-site build copies rather than renders: the content's static
    files (images), and the theme's, where Pelican copies them (THEME_STATIC_DIR)."""
    found = {
        static.save_as.replace(os.sep, "/")
        for generator in generators
        if isinstance(generator, StaticGenerator)
        for static in generator.staticfiles
    }
    for path in settings["THEME_STATIC_PATHS"]:
        source = os.path.join(settings["THEME"], path)
        names = [source] if os.path.isfile(source) else _full_paths(source)
        for name in names:
            relative = os.path.relpath(name, os.path.dirname(source) if name == source else source)
            found.add(f"{settings['THEME_STATIC_DIR']}/{relative}".replace(os.sep, "/"))
    return found


def _full_paths(root: str) -> Iterator[str]:
    for folder, _, names in os.walk(root):
        for name in names:
            yield os.path.join(folder, name)


def claim(output: str) -> None:
    """Make ``output`` the preview's folder: a new or empty folder gets the mark; one
    that holds files without it is refused (``ForeignFolder``)."""
    mark = os.path.join(output, PREVIEW_MARK)
    if os.path.isfile(mark):
        return
    if os.path.isdir(output) and os.listdir(output):
        raise ForeignFolder(
            f"{output} holds files that the preview did not write (a build of make html or "
            "make publish?): the preview serves a folder of its own, which it empties of "
            "what the site does not have; give it a new or empty folder (make serve uses "
            "preview/)"
        )
    os.makedirs(output, exist_ok=True)
    with open(mark, "w", encoding="utf-8") as out:
        out.write(MARK_TEXT)


def _files(root: str) -> Iterator[str]:
    """The files under root, relative to it, with '/' between folders."""
    for folder, _, names in os.walk(root):
        relative = os.path.relpath(folder, root)
        for name in names:
            yield name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")


def _remove(root: str, path: str) -> None:
    """A file under root, and the folders that held only it, up to root."""
    target = os.path.join(root, path)
    if not os.path.isfile(target) and not os.path.islink(target):
        return
    os.remove(target)
    folder = os.path.dirname(target)
    while folder != root and os.path.isdir(folder) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


def _same(first: str, second: str) -> bool:
    if not os.path.isfile(second) or os.path.getsize(first) != os.path.getsize(second):
        return False
    with open(first, "rb") as one, open(second, "rb") as other:
        return one.read() == other.read()


def _copy(source: str, target: str) -> None:
    """Copy under a temporary name, then rename: the HTTP server never reads half a file.
    The copy gets a new modification time: bench/run.py times a save by it."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    temporary = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.preview")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)
