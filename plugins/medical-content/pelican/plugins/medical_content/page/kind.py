"""Where a source lives in the content folder: the kind of page that place gives it, and
the address its file name becomes."""

import fnmatch
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..core.problems import Fault
from .header import HeaderLine, is_slug

if TYPE_CHECKING:
    from ..settings.config import Config


def kind_from_path(relative: str, kind_paths: tuple[tuple[str, str], ...]) -> str | None:
    """The kind that a source's place in the content folder gives it, or None."""
    for pattern, kind in kind_paths:
        if fnmatch.fnmatchcase(relative, pattern):
            return kind
    return None


def kind_of(
    relative: str, is_article: bool, header: Mapping[str, HeaderLine], config: "Config"
) -> tuple[str, list[Fault]]:
    """(kind, faults): an article is an article; a page's kind follows from where it
    lives (MEDICAL_KIND_PATHS), else from its Kind line, else it is a plain "page"."""
    written = header.get("kind")
    said = written.value.strip().lower() if written else ""
    implied: str | None = "article"
    where = "the articles folder"
    if not is_article:
        implied, where = kind_from_path(relative, config.kind_paths), f"the folder of {relative}"
    if implied is None:
        return said or "page", []
    if written is not None and said and said != implied:
        return implied, [
            Fault(
                f"Kind {written.value!r} does not match where the file is: pages in {where} "
                f"are {implied} pages",
                f"delete the Kind line (or write 'Kind: {implied}'), or "
                "move the file to the folder of its kind",
                line=written.line,
            )
        ]
    return implied, []


def check_file_name(relative: str) -> list[Fault]:
    """A source's name becomes its address: lower-case words joined by hyphens only."""
    parts = relative.split("/")
    if parts[0] == "..":
        return []  # not under the content folder: its name makes no address of the site
    for part in parts[1:]:  # the first is the articles or pages folder, as configured
        stem = part[:-3] if part.endswith(".md") else part
        if not is_slug(stem):
            better = "-".join(re.findall(r"[a-z0-9]+", stem.lower())) or "page-name"
            return [
                Fault(
                    f"the name {part!r} becomes part of the page's address, and an address "
                    "may hold only lower-case letters, digits and hyphens",
                    f"rename it to {better + ('.md' if part.endswith('.md') else '')!r}",
                    line=1,
                )
            ]
    return []
