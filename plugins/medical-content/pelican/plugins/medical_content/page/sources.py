"""A medical page's sources, from its ``Sources:`` metadata: one Markdown link a line.

    Sources: [Prescribing Information](https://example.org/label.pdf)
        [Our article]({filename}/articles/treatment-for-chronic-pain.md)

A page of the site is named by its source file, as in a page's text: Pelican's
``{filename}`` (or ``{static}``) link, resolved the way Pelican resolves those, so that it
follows the page's address and the site's, a sub-path included. ``/articles/x/`` would
break under a sub-path, and is refused with the line to write instead.
"""

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from ..core import urls
from ..core.problems import Fault
from ..registry.labels import Label
from .status import Status

# A {filename}/{static} address of a page -> the linked file's path on the site, or None.
Resolver = Callable[[str], str | None]

_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)$")
_INTRASITE = re.compile(r"^[{|](?P<what>filename|static)[}|](?P<path>[^#]+)(?P<fragment>#.*)?$")


@dataclass(frozen=True)
class Source:
    title: str
    url: str  # a web address, or a path of the site without its leading "/"


def intrasite_resolver(
    content: Any, context: Mapping[str, Any], url_of: Callable[[Any], str] = lambda c: c.url
) -> Resolver:
    """A function from a ``{filename}``/``{static}`` address in ``content``'s metadata to
    the linked file's path on the site ("articles/x/"), or None when the site does not
    have it: Pelican's lookup (a leading "/" is the content folder, else the page's own
    folder) in the context Pelican's own links are resolved from. ``url_of``: the linked
    content's URL (Pelican works one out from the settings on each ask: 50 µs)."""

    def resolve(url: str) -> str | None:
        match = _INTRASITE.match(url)
        if match is None:
            return None
        path = unquote(match["path"])
        if path.startswith("/"):
            path = path[1:]
        else:
            path = content.get_relative_source_path(os.path.join(content.relative_dir, path))
        path = os.path.normpath(path).replace(os.sep, "/")
        keys = (
            ["static_content"]
            if match["what"] == "static"
            else ["generated_content", "static_content"]
        )
        linked = next(
            (
                context.get(key, {}).get(path)
                for key in keys
                if context.get(key, {}).get(path) is not None
            ),
            None,
        )
        return None if linked is None else str(url_of(linked)) + (match["fragment"] or "")

    return resolve


def _site_path_fault(title: str, url: str) -> Fault:
    meant = urls.without_scheme(url)
    if meant is not None:
        return Fault(
            f"the source address {url[:60]!r} has no https://, so a browser would take it "
            "for a page of this site",
            f"write the whole address: [{title}]({meant[:80]})",
            raw=url,
        )
    if urls.root_relative(url):
        what = (
            f"the source address {url[:60]!r} starts at the domain's root, so it breaks "
            "when the site is served under a sub-path"
        )
        fix = f"name the page by its file: [Title]({urls.written_as_file(url)})"
    else:
        what = (
            f"the source address {url[:60]!r} is relative, so it would lead elsewhere "
            "from each page that shows it"
        )
        fix = "name the page by its file: [Title]({filename}/pages/<file>.md)"
    return Fault(what, fix, raw=url)


def sources_of(
    metadata: Mapping[str, Any], regulatory: Status | None, resolve: Resolver | None = None
) -> tuple[list[Source], list[Fault]]:
    """(sources, faults): the parsed list, and what is wrong with it; ``regulatory``: a
    condition page's ``status.Status`` (an approved use must cite its label);
    ``resolve``: ``intrasite_resolver`` of the page (no site's pages without it)."""
    value = metadata.get("sources")
    if not value:
        return [], []  # the schema check names what is missing
    lines = value if isinstance(value, list) else str(value).splitlines()
    found: list[Source] = []
    faults: list[Fault] = []
    for line in (raw.strip() for raw in lines):
        parsed = _source(line, resolve) if line else None
        if isinstance(parsed, Source):
            found.append(parsed)
        elif parsed is not None:
            faults.append(parsed)
    if regulatory is not None and regulatory.approved:
        faults += _label_not_cited(regulatory.label, found)
    return found, faults


def _source(line: str, resolve: Resolver | None) -> Source | Fault:
    """One line of Sources, as a source or as what is wrong with it."""
    match = _LINK.match(line)
    if not match:
        return Fault(
            f"the source {line!r} is not a Markdown link",
            "write each source on its own line as [Title](https://address), the "
            "lines after the first indented by 4 spaces",
            field="sources",
        )
    title, url = match["title"].strip(), match["url"]
    if not urls.allowed(url):
        return Fault(
            f"the source address {url[:60]!r} is not allowed: only http(s), "
            "mailto: and tel: addresses and the site's own pages are (a script address "
            "would run when a reader clicks it)",
            "link to the source's web address, [Title](https://address)",
            field="sources",
        )
    if _INTRASITE.match(url):
        site_path = resolve(url) if resolve else None
        if site_path is None:
            return Fault(
                f"the source {url[:80]!r} names a file that the site does not have",
                "name a file under content/, as {filename}/articles/<file>.md or "
                "{filename}/pages/<file>.md",
                raw=url,
            )
        return Source(title, site_path)
    if not urlsplit(url).scheme:
        return _site_path_fault(title, url)
    return Source(title, url)


def _label_not_cited(label: Label, found: list[Source]) -> list[Fault]:
    """An approved use must cite its label's prescribing information."""
    if set(label.urls) & {source.url for source in found}:
        return []
    return [
        Fault(
            "an approved use must cite the prescribing information, and it does not",
            f"add [{label.brand} US Prescribing Information]({label.url}) to Sources",
            field="sources",
        )
    ]
