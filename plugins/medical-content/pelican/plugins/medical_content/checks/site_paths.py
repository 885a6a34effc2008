"""Where pages are written, and where their links go: two pages that would be written
to the same file, and a writer's link to a page the site does not have. A page's links
are found beside the build (``workers``); whether they resolve is known at its end, when
every page and static file is written."""

import os
import posixpath
from collections.abc import Callable, Collection, Iterable
from typing import Protocol, TypeVar
from urllib.parse import unquote, urlsplit

from pelican.contents import Content

from ..core import urls
from ..core.html_text import Element, fragment, visible_text
from ..core.problems import Fault
from .base import Context, Findings, Link, Page


class Placed(Protocol):
    """A page and the file it is written to: what ``build.state.Located`` holds, named
    here because the checks stand below the build."""

    @property
    def content(self) -> Content: ...

    @property
    def save_as(self) -> str: ...


P = TypeVar("P", bound=Placed)


def duplicate_outputs(located: Iterable[P], display: Callable[[P], str]) -> list[tuple[P, Fault]]:
    """[(item, fault)] for each page (``prepare.Located``) that would overwrite an earlier
    one's file: both cannot be published, and Pelican would stop half-way through writing."""
    first: dict[str, P] = {}
    found: list[tuple[P, Fault]] = []
    for item in located:
        content = item.content
        target = os.path.normpath(item.save_as or "")
        if not target or target == ".":
            continue
        if target in first:
            found.append(
                (
                    item,
                    Fault(
                        f"this page would be written to {target}, as {display(first[target])} is",
                        "give one of them its own 'Slug: ...' (or its own 'Save_as:')",
                        field="slug" if "slug" in content.metadata else "title",
                    ),
                )
            )
        else:
            first[target] = item
    return found


def among_medical_pages(
    located: Iterable[P], is_medical: Callable[[P], bool], kind: Callable[[P], str]
) -> list[tuple[P, Fault]]:
    """[(item, fault)] for each plain page written among the medical pages: in a folder
    of the site's addresses that holds medical pages ("conditions/"), but for the folder's
    own index. It would look like one of them, without their safeguards."""
    located = list(located)
    folders: dict[str, str] = {}  # folder -> the kind of its medical pages
    for item in located:
        folder = posixpath.dirname(posixpath.dirname(item.save_as or ""))
        if folder and is_medical(item):
            folders.setdefault(folder, kind(item))
    found = []
    for item in located:
        target = item.save_as or ""
        among = next((f for f in folders if target.startswith(f + "/")), None)
        if among is None or is_medical(item) or target == f"{among}/index.html":
            continue
        metadata = item.content.metadata
        field = next((key for key in ("save_as", "url") if key in metadata), "")
        where = {"save_as": "change its Save_as", "url": "change its URL"}.get(field, "move it")
        found.append(
            (
                item,
                Fault(
                    f"the page is written to {target!r}, among the {folders[among]} pages "
                    f"({among}/...), but it is a plain page: it would look like one of them "
                    "without their disclaimer, safety information and medical review",
                    f"give it their kind ('Kind: {folders[among]}'), or write it elsewhere "
                    f"({where})",
                    field=field,
                    line=0 if field else 1,
                ),
            )
        )
    return found


def site_links(html: str, url: str, siteurl: str) -> list[Link]:
    """[(href, candidate output files)] for each link in a page's own text (``html``, at
    ``url``) to this site; any one candidate existing resolves it. Links to other sites
    are not followed: a build must not depend on the network."""
    found: list[Link] = []
    page_folder = posixpath.dirname("/" + url.lstrip("/"))  # "a/b/" -> "/a/b"
    siteurl = siteurl.rstrip("/")
    for element in fragment(html).iter("a", "img"):
        href = element.get("href" if element.tag == "a" else "src") or ""
        candidates = _candidates(href, siteurl, page_folder)
        if candidates is not None:
            found.append((href, candidates))
    return found


def root_relative_links(root: Element) -> list[Fault]:
    """Faults for the links and images of a page's own text (``root``: its parsed
    fragment, before Pelican resolves its {filename} links) that start at the domain's
    root: ``/faq/`` leads out of the site when it is served under a sub-path."""
    found: list[Fault] = []
    for element in root.iter("a", "img"):
        attribute = "href" if element.tag == "a" else "src"
        address = element.get(attribute) or ""
        if not urls.root_relative(address):
            continue
        instead = urls.written_as_file(address)
        if element.tag == "img":
            example = f"![{element.get('alt') or 'what it shows'}]({instead})"
        else:
            example = f"[{visible_text(element) or 'text'}]({instead})"
        found.append(
            Fault(
                f"the address {address[:60]!r} starts at the domain's root, so it breaks when "
                "the site is served under a sub-path (a SITEURL such as https://host/patients)",
                f"name the file instead: write {example}",
                raw=address,
            )
        )
    return found


def broken_links(
    links: Iterable[Link], output_path: str, known_outputs: Collection[str]
) -> list[Fault]:
    """Faults for the links of ``site_links`` to pages or files the site does not have."""
    return [
        _missing(href)
        for href, candidates in links
        if not any(
            c in known_outputs or os.path.isfile(os.path.join(output_path, c)) for c in candidates
        )
    ]


def _missing(href: str) -> Fault:
    meant = urls.without_scheme(href)
    if meant is not None:  # "www.fda.gov/drugs": another site's address, its https:// left out
        return Fault(
            f"the link {href!r} has no https://, so a browser takes it for a page of this "
            "site, which does not have it",
            f"write the whole address in the link: {meant[:80]}",
            raw=href,
        )
    return Fault(
        f"the link {href!r} goes to a page or file that the site does not have",
        "link to an existing page, with {filename}/pages/....md (Pelican checks those), "
        "or remove the link",
        raw=href,
    )


def _candidates(href: str, siteurl: str, page_folder: str) -> tuple[str, ...] | None:
    if href.startswith("{"):
        return ()  # a {filename} or {static} link that Pelican could not resolve
    if siteurl and href.startswith(siteurl):
        href = href[len(siteurl) :] or "/"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site, mailto:, tel:, or a #fragment of this page
    path = unquote(parts.path)
    if not path.startswith("/"):
        path = posixpath.join(page_folder, path)
    relative = posixpath.normpath(path).lstrip("/")
    if relative in ("", "."):
        return ("index.html",)
    return (relative, posixpath.join(relative, "index.html"))


def check(page: Page, context: Context) -> Findings:
    """Addresses of the page's own text that start at the domain's root (TEXT)."""
    return Findings(root_relative_links(page.root)) if page.root is not None else Findings()


def links_check(page: Page, context: Context) -> Findings:
    """The page's links to the site, to resolve once every page is written (WRITTEN)."""
    return Findings(links=site_links(page.html, page.url, context.siteurl))
