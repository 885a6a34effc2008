"""Settings of the site_build plugin: defaults in one dict, read once per build."""

DEFAULTS = {
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


# What each host uses: a _headers file (Netlify, Cloudflare Pages), precompressed .gz and
# .br files (nginx's gzip_static / brotli_static). GitHub Pages uses neither: it sends
# no custom headers and compresses by itself.
HOSTS = {
    None: {"headers": True, "precompressed": True},
    "github-pages": {"headers": False, "precompressed": False},
    "netlify": {"headers": True, "precompressed": False},
    "cloudflare": {"headers": True, "precompressed": False},
    "nginx": {"headers": False, "precompressed": True},
}


def load(settings):
    unknown = sorted(k for k in settings if k.startswith("SITE_BUILD_") and k not in DEFAULTS)
    if unknown:
        raise ValueError(
            f"unknown setting {', '.join(unknown)}; the site_build plugin reads "
            f"only {', '.join(sorted(DEFAULTS))}"
        )
    config = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if config["SITE_BUILD_HOSTING"] not in HOSTS:
        raise ValueError(
            f"setting SITE_BUILD_HOSTING is {config['SITE_BUILD_HOSTING']!r}; write "
            + ", ".join(repr(h) for h in HOSTS if h)
            + " (or None for everything)"
        )
    return config
