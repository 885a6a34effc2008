"""Settings of the site_build plugin: defaults in one dict, read into a typed ``Config``.

Each signal handler reads them afresh: the preview (``tools/serve.py``) runs one Pelican
instance many times, setting SITE_BUILD_WRITE_ONLY between runs, while ``initialized``
reaches the plugin once; reading them is a few dictionary look-ups.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Theme static files (relative to the theme's static folder) published under a name
    # that carries a hash of their content, so that hosts may cache them for a year.
    "SITE_BUILD_FINGERPRINT": ["css/site.css"],
    # Index the built site with Pagefind for the search page. `make serve` turns it off.
    "SITE_BUILD_SEARCH_INDEX": True,
    # Output paths (relative to the output folder) to write, leaving every other file
    # as it is; empty: write the whole site. The preview sets it for its quick first step.
    "SITE_BUILD_WRITE_ONLY": [],
    # A build for publishing needs the site's absolute address (canonical links, the
    # sitemap, the feed, the structured data's ids): publishconf.py turns this on, and
    # an empty, relative or plain-http SITEURL then stops the build at start.
    "SITE_BUILD_REQUIRE_SITEURL": False,
    # Where the site is published, which decides what the build writes beside the pages
    # (see HOSTS): None writes everything; publishconf.py names the host it deploys to.
    "SITE_BUILD_HOSTING": None,
    # Write _headers (Netlify and Cloudflare Pages read it) with these security headers.
    "SITE_BUILD_HEADERS": {
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
            "object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'"
        ),
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": (
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
        ),
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    },
}


@dataclass(frozen=True)
class Host:
    headers: bool  # reads a _headers file
    precompressed: bool  # serves the .gz and .br files beside each file


# What each host uses: a _headers file (Netlify, Cloudflare Pages), precompressed .gz and
# .br files (nginx's gzip_static / brotli_static). GitHub Pages uses neither: it sends
# no custom headers and compresses by itself.
HOSTS: dict[str | None, Host] = {
    None: Host(headers=True, precompressed=True),
    "github-pages": Host(headers=False, precompressed=False),
    "netlify": Host(headers=True, precompressed=False),
    "cloudflare": Host(headers=True, precompressed=False),
    "nginx": Host(headers=False, precompressed=True),
}


@dataclass(frozen=True)
class Config:
    fingerprint: tuple[str, ...]  # theme static files, relative to its static folder
    search_index: bool
    write_only: tuple[str, ...]  # output paths; empty: the whole site
    require_siteurl: bool
    host: Host
    headers: Mapping[str, str]  # header name -> value, for every path


def load(settings: Mapping[str, Any]) -> Config:
    ours = {key for key in settings if key.startswith("SITE_BUILD_")}
    if not ours <= DEFAULTS.keys():
        raise ValueError(
            f"unknown setting {', '.join(sorted(ours - DEFAULTS.keys()))}; the site_build "
            f"plugin reads only {', '.join(sorted(DEFAULTS))}"
        )
    given = {**DEFAULTS, **{key: settings[key] for key in ours}}
    hosting = given["SITE_BUILD_HOSTING"]
    if hosting not in HOSTS:
        raise ValueError(
            f"setting SITE_BUILD_HOSTING is {hosting!r}; write "
            + ", ".join(repr(h) for h in HOSTS if h)
            + " (or None for everything)"
        )
    return Config(
        fingerprint=tuple(given["SITE_BUILD_FINGERPRINT"]),
        search_index=bool(given["SITE_BUILD_SEARCH_INDEX"]),
        write_only=tuple(given["SITE_BUILD_WRITE_ONLY"]),
        require_siteurl=bool(given["SITE_BUILD_REQUIRE_SITEURL"]),
        host=HOSTS[hosting],
        headers=dict(given["SITE_BUILD_HEADERS"]),
    )
