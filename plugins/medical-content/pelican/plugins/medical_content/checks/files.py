"""The content folder, before Pelican reads or copies anything from it: what would put
something other than the site's own files into the output, or keep the build busy for
minutes, is refused with its path and the fix.

- A symbolic link whose target is outside the project (the folder that holds the
  content folder): Pelican would copy ``/etc/passwd`` or a key file into the output,
  and CI would upload it.
- A symbolic link that loops (to itself, or to a folder above it): Pelican follows links
  into folders, and would walk it until the operating system gives up.
- A Markdown source larger than ``MAX_SOURCE_BYTES``: a page is a few kilobytes; a file
  of tens of megabytes took minutes and more than a gigabyte to build.
"""

import errno
import os
from collections.abc import Iterable

from pelican.readers import MarkdownReader

from ..core.problems import Fault

MAX_SOURCE_BYTES = 1 << 20  # 1 MiB: the longest page of the site is about 20 KiB


def entries(root: str) -> list[str]:
    """Every file and folder below root, links included and not followed: the one walk
    of the content folder a build makes (its hostile files, its SVG files, its size)."""
    return [
        os.path.join(folder, name)
        for folder, folders, files in os.walk(root, followlinks=False)
        for name in sorted(folders + files)
    ]


def is_markdown(path: str) -> bool:
    """A source Pelican's Markdown reader reads, by its extension."""
    return path.rsplit(".", 1)[-1] in MarkdownReader.file_extensions


def hostile(paths: Iterable[str], content_root: str) -> list[tuple[str, Fault]]:
    """(path, fault) of each link or file of ``paths`` (``entries`` of the content
    folder) that may not be built."""
    project = os.path.dirname(os.path.realpath(content_root))
    found = []
    for path in paths:
        fault = _link_fault(path, project) if os.path.islink(path) else _size_fault(path)
        if fault is not None:
            found.append((path, fault))
    return found


_LOOP = Fault(
    "the symbolic link loops (it leads back to itself or to a folder above it): reading "
    "it would never end",
    "delete the link, and put the file itself in content/",
    line=1,
)


def _link_fault(path: str, project: str) -> Fault | None:
    try:
        os.stat(path)
    except OSError as error:
        if error.errno != errno.ELOOP:
            return None  # a broken link: Pelican skips it, and the link check names it
        return _LOOP
    target = os.path.realpath(path)
    here = os.path.realpath(os.path.dirname(path))
    if os.path.isdir(target) and os.path.commonpath([here, target]) == target:
        return _LOOP  # a folder above it: a walk that follows links goes round it for ever
    if os.path.commonpath([target, project]) == project:
        return None
    return Fault(
        f"the symbolic link leads outside the project, to {target}: the build would "
        "publish that file with the site",
        "delete the link, and copy into content/ only what the site should publish",
        line=1,
    )


def _size_fault(path: str) -> Fault | None:
    if not is_markdown(path) or not os.path.isfile(path):
        return None
    size = os.path.getsize(path)
    if size <= MAX_SOURCE_BYTES:
        return None
    return Fault(
        f"the file is {size / (1 << 20):.1f} MB, more than the {MAX_SOURCE_BYTES >> 20} MB a "
        "page may be",
        "split it into pages of their own, or take out what is not text (an image belongs "
        "in content/images/)",
        line=1,
    )
