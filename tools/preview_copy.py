"""What a passing build of `make serve`'s preview (tools/serve.py) puts into the served
folder: only the files that changed, each copied whole, and a page removed only when this
session put it there. A save that fails a check copies nothing, so the last good page
stays served."""

import logging
import os
import shutil
from collections.abc import Iterable, Iterator

from tools.preview_http import OWN

logger = logging.getLogger("pelican")

Stamp = tuple[int, int, int]


class ServedFolder:
    """The served folder, filled from the preview's own build of the site."""

    def __init__(self, site: str, output: str) -> None:
        self.site = site  # the preview's build
        self.output = output  # what the HTTP server serves
        self.last_rendered: set[str] = set()  # by the last whole-site build that passed
        # served file -> its stamp when this session made it the build's
        self.stamps: dict[str, Stamp | None] = {}

    def copy_pages(self, pages: Iterable[str]) -> int:
        """The quick step's pages, into the served folder if they changed."""
        copied = 0
        for page in pages:
            built, served = os.path.join(self.site, page), os.path.join(self.output, page)
            if os.path.isfile(built) and not _same(built, served):
                _copy(built, served)
                self.stamps[page] = _stamp(served)
                copied += 1
        return copied

    def mirror(self, rendered: set[str]) -> int:
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
            self.stamps[path] = _stamp(served)
        gone = []
        for path in sorted(self.last_rendered - rendered):
            served = os.path.join(self.output, path)
            stamp = _stamp(served)
            if stamp is not None and self.stamps.pop(path, None) == stamp:
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


def _files(root: str) -> Iterator[str]:
    """The files under root, relative to it, with '/' between folders."""
    for folder, _, names in os.walk(root):
        relative = os.path.relpath(folder, root)
        for name in names:
            yield name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")


def _stamp(path: str) -> Stamp | None:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino


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
