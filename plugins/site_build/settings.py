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
    # Write _headers (Netlify and Cloudflare Pages read it) with these security headers.
    "SITE_BUILD_HEADERS": {
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
            "object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'"),
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    },
}


def load(settings):
    unknown = sorted(k for k in settings if k.startswith("SITE_BUILD_") and k not in DEFAULTS)
    if unknown:
        raise ValueError(f"unknown setting {', '.join(unknown)}; the site_build plugin reads "
                         f"only {', '.join(sorted(DEFAULTS))}")
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}
