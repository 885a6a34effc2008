"""A medical page's sources, from its ``Sources:`` metadata: one Markdown link a line.

    Sources: [BOTOX US Prescribing Information](https://www.rxabbvie.com/pdf/botox_pi.pdf)
        [Our article]({filename}/articles/botox-for-chronic-pain.md)

A page of the site is named by its source file, as in a page's text: Pelican's
``{filename}`` (or ``{static}``) link, resolved the way Pelican resolves those, so that it
follows the page's address and the site's, a sub-path included. ``/articles/x/`` would
break under a sub-path, and is refused with the line to write instead.
"""

import os
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from . import urls
from .problems import Fault

_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)$")
_INTRASITE = re.compile(r"^[{|](?P<what>filename|static)[}|](?P<path>[^#]+)(?P<fragment>#.*)?$")


@dataclass(frozen=True)
class Source:
    title: str
    url: str  # a web address, or a path of the site without its leading "/"


def intrasite_resolver(content, context):
    """A function from a ``{filename}``/``{static}`` address in ``content``'s metadata to
    the linked file's path on the site ("articles/x/"), or None when the site does not
    have it: Pelican's lookup (a leading "/" is the content folder, else the page's own
    folder) in the context Pelican's own links are resolved from."""

    def resolve(url):
        match = _INTRASITE.match(url)
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
        return None if linked is None else linked.url + (match["fragment"] or "")

    return resolve


def _site_path_fault(url):
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


def sources_of(metadata, regulatory, resolve=None):
    """(sources, faults): the parsed list, and what is wrong with it; ``regulatory``: a
    condition page's ``status.Status`` (an approved use must cite its label);
    ``resolve``: ``intrasite_resolver`` of the page (no site's pages without it)."""
    value = metadata.get("sources")
    if not value:
        return [], []  # the schema check names what is missing
    lines = value if isinstance(value, list) else str(value).splitlines()
    found, faults = [], []
    for line in (raw.strip() for raw in lines):
        match = _LINK.match(line)
        if not line:
            continue
        if match and not urls.allowed(match["url"]):
            faults.append(
                Fault(
                    f"the source address {match['url'][:60]!r} is not allowed: only http(s), "
                    "mailto: and tel: addresses and the site's own pages are (a script address "
                    "would run when a reader clicks it)",
                    "link to the source's web address, [Title](https://address)",
                    field="sources",
                )
            )
        elif match and _INTRASITE.match(match["url"]):
            site_path = resolve(match["url"]) if resolve else None
            if site_path is None:
                faults.append(
                    Fault(
                        f"the source {match['url'][:80]!r} names a file that the site "
                        "does not have",
                        "name a file under content/, as {filename}/articles/<file>.md or "
                        "{filename}/pages/<file>.md",
                        raw=match["url"],
                    )
                )
            else:
                found.append(Source(match["title"].strip(), site_path))
        elif match and not urlsplit(match["url"]).scheme:
            faults.append(_site_path_fault(match["url"]))
        elif match:
            found.append(Source(match["title"].strip(), match["url"]))
        else:
            faults.append(
                Fault(
                    f"the source {line!r} is not a Markdown link",
                    "write each source on its own line as [Title](https://address), the "
                    "lines after the first indented by 4 spaces",
                    field="sources",
                )
            )
    if regulatory is not None and regulatory.approved:
        label = regulatory.label
        if not set(label.urls) & {source.url for source in found}:
            faults.append(
                Fault(
                    "an approved use must cite the prescribing information, and it does not",
                    f"add [{label.brand} US Prescribing Information]({label.url}) to Sources",
                    field="sources",
                )
            )
    return found, faults
