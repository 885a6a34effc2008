"""One URL policy for every link the site writes: a page's body (through nh3, whose
``url_schemes`` come from here), its metadata (Sources) and what templates print.

A link may be a web address (http, https), an email or telephone link, or a path of
the site. The scheme is read as a browser reads it: after HTML entities and percent
escapes are decoded and the characters a browser ignores are dropped, so that
``jav&#x61;script:``, ``%6Aavascript:`` or ``java\\tscript:`` are not waved through.
"""

import html
import re
import urllib.parse

SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# What a browser strips from a URL before reading its scheme: ASCII controls, spaces,
# tabs and newlines (WHATWG URL: leading C0 controls and spaces, and tab or newline
# anywhere).
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def scheme(url):
    """The scheme a browser would take from ``url`` (lower case), or "" for a path."""
    decoded = url
    for _ in range(3):  # a scheme escaped twice over is still a scheme
        decoded = urllib.parse.unquote(html.unescape(decoded))
    match = _SCHEME.match(_IGNORED.sub("", decoded))
    return match.group(1).lower() if match else ""


def allowed(url):
    found = scheme(url)
    return not found or found in SCHEMES
