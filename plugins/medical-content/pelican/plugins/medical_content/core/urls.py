"""One URL policy for every link the site writes: a page's body (through nh3, whose
``url_schemes`` come from here), its metadata (Sources) and what templates print.

A link may be a web address (http, https), an email or telephone link, or a path of
the site. The scheme is read as a browser reads it: after HTML entities and percent
escapes are decoded and the characters a browser ignores are dropped, so that
``jav&#x61;script:``, ``%6Aavascript:`` or ``java\\tscript:`` are not waved through.
"""

import functools
import html
import re
import urllib.parse

SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# What a browser strips from a URL before reading its scheme: ASCII controls, spaces,
# tabs and newlines (WHATWG URL: leading C0 controls and spaces, and tab or newline
# anywhere).
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def scheme(url: str) -> str:
    """The scheme a browser would take from ``url`` (lower case), or "" for a path."""
    decoded = url
    for _ in range(3):  # a scheme escaped twice over is still a scheme
        decoded = urllib.parse.unquote(html.unescape(decoded))
    match = _SCHEME.match(_IGNORED.sub("", decoded))
    return match.group(1).lower() if match else ""


def allowed(url: str) -> bool:
    found = scheme(url)
    return not found or found in SCHEMES


def root_relative(url: str) -> bool:
    """True for an address that starts at the domain's root (``/faq/``): it breaks as soon
    as the site is served under a sub-path (``https://host/patients/``). ``//host/x`` is
    another site, and is not one."""
    stripped = _IGNORED.sub("", html.unescape(url))
    return stripped.startswith("/") and not stripped.startswith("//")


# A host name written first: "www.fda.gov/drugs", "dailymed.nlm.nih.gov". Its last label
# must not be a file's extension: "faq.md" and "sites.svg" are files of the site.
_HOST_FIRST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,})(?=[/?#:]|$)", re.I)
_FILE_EXTENSIONS = frozenset(
    {"md", "markdown", "html", "htm", "pdf", "png", "jpg", "jpeg", "gif", "svg", "webp", "txt"}
)


def without_scheme(url: str) -> str | None:
    """The web address a writer meant by an address that starts with a host name but
    has no ``https://`` (``www.fda.gov/drugs``: a browser would take it for a page of
    this site), or None."""
    if scheme(url) or url.startswith(("/", ".", "{", "|", "#")):
        return None
    found = _HOST_FIRST.match(url)
    if found is None or found.group(1).lower() in _FILE_EXTENSIONS:
        return None
    return "https://" + url


def written_as_file(url: str) -> str:
    """What a writer should write instead of a root-relative ``url``: the source file
    Pelican resolves to the page's address wherever the site is served. The site's
    addresses follow its files (PATH_METADATA): /faq/ is pages/faq.md, /articles/x/ is
    articles/x.md, /images/y.png is the static file itself."""
    path = urllib.parse.urlsplit(url).path.strip("/")
    if path.startswith("images/") or "." in path.rsplit("/", 1)[-1]:
        return "{static}/" + path
    if path.startswith("articles/"):
        return "{filename}/" + path + ".md"
    return "{filename}/pages/" + (path or "index") + ".md"


class TemplateLinkError(ValueError):
    """A theme template printed a link the URL policy refuses: a developer's fix."""


def template_link(siteurl: str, url: object) -> str:
    """A link a template prints, under the same policy as a page's own: a web, mail or
    telephone address as it is; a path of the site (written without a leading /) under
    SITEURL, so that the site works under a sub-path. Anything else stops the build."""
    return _template_link(siteurl, str(url))


# Templates print the same few dozen links on every page: judged once each (at 5,000
# pages, judging each afresh costs 5 % of a bare build, ``make bench``).
@functools.lru_cache(maxsize=4096)
def _template_link(siteurl: str, url: str) -> str:
    if not allowed(url):
        raise TemplateLinkError(
            f"a template links to {url[:60]!r}, a scheme the site's URL "
            "policy refuses; link to http(s), mailto: or tel: only"
        )
    if root_relative(url):
        raise TemplateLinkError(
            f"a template links to {url[:60]!r}, from the domain's root, "
            "which breaks under a sub-path SITEURL; write the path without "
            "its leading / and pass it through |href"
        )
    if scheme(url) or url.startswith("#"):
        return url
    return f"{siteurl}/{url}"
