"""Where pages are written, and where their links go: two pages that would be written
to the same file, and a writer's link to a page the site does not have."""

import os
import posixpath
from urllib.parse import unquote, urlsplit

from .html_text import fragment
from .problems import Fault


def duplicate_outputs(contents, display):
    """[(content, fault)] for each page that would overwrite an earlier one's file: both
    cannot be published, and Pelican would stop half-way through writing."""
    first = {}
    found = []
    for content in contents:
        target = os.path.normpath(content.save_as or "")
        if not target or target == ".":
            continue
        if target in first:
            found.append((content, Fault(
                f"this page would be written to {target}, as {display(first[target])} is",
                "give one of them its own 'Slug: ...' (or its own 'Save_as:')",
                field="slug" if "slug" in content.metadata else "title")))
        else:
            first[target] = content
    return found


def broken_links(content, output_path, known_outputs):
    """Faults for links in a page's own text to pages or files the site does not have.
    Links to other sites are not followed: a build must not depend on the network."""
    found = []
    page_folder = posixpath.dirname("/" + content.url.lstrip("/"))  # "a/b/" -> "/a/b"
    siteurl = content.settings.get("SITEURL", "").rstrip("/")
    for element in fragment(content.content or "").iter("a", "img"):
        href = element.get("href" if element.tag == "a" else "src") or ""
        if _resolves(href, siteurl, page_folder, output_path, known_outputs):
            continue
        found.append(Fault(
            f"the link {href!r} goes to a page or file that the site does not have",
            "link to an existing page, with {filename}/pages/....md (Pelican checks those), "
            "or remove the link", raw=href))
    return found


def _resolves(href, siteurl, page_folder, output_path, known_outputs):
    if href.startswith("{"):
        return False  # a {filename} or {static} link that Pelican could not resolve
    if siteurl and href.startswith(siteurl):
        href = href[len(siteurl):] or "/"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return True  # another site, mailto:, tel:, or a #fragment of this page
    path = unquote(parts.path)
    if not path.startswith("/"):
        path = posixpath.join(page_folder, path)
    relative = posixpath.normpath(path).lstrip("/")
    candidates = [relative, posixpath.join(relative, "index.html")] if relative not in ("", ".") \
        else ["index.html"]
    return any(c in known_outputs or os.path.isfile(os.path.join(output_path, c))
               for c in candidates)
