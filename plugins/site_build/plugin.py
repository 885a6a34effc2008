"""The site_build plugin: what the built site needs to be served well.

``initialized``               a publishing build's SITEURL is absolute and https; no
                              precompression for a host that does not use it.
``all_generators_finalized``  the fingerprinted names of theme assets, and the security
                              policy as a <meta> element can carry it, for the templates.
``get_writer``                a writer of only some pages, when SITE_BUILD_WRITE_ONLY says.
``finalized``                 assets renamed, the Pagefind search index, ``_headers`` (for
                              hosts that read it: SITE_BUILD_HOSTING).
Compression (.gz, .br) follows, by pelican-precompress, on the granular "compress" signal.
"""

import os
import subprocess
import sys

from pelican import Pelican, signals
from pelican.generators import Generator

from . import hosting, settings
from .selective import SelectiveWriter


class SiteAddressError(ValueError):
    """The address a published site is built for is missing or wrong."""


def at_start(pelican: Pelican) -> None:
    config = settings.load(pelican.settings)
    if config.require_siteurl:
        problem = hosting.siteurl_problem(pelican.settings.get("SITEURL"))
        if problem:
            raise SiteAddressError(problem)
    if not config.host.precompressed:
        # pelican-precompress reads its settings when it runs, at the build's end
        for name in (
            "PRECOMPRESS_GZIP",
            "PRECOMPRESS_BROTLI",
            "PRECOMPRESS_ZOPFLI",
            "PRECOMPRESS_ZSTANDARD",
        ):
            pelican.settings[name] = False


def asset_names(generators: list[Generator]) -> None:
    config = settings.load(generators[0].settings)
    context = generators[0].context
    theme_static = os.path.join(context["THEME"], "static")
    context["ASSET_URLS"] = hosting.asset_urls(
        theme_static, context["THEME_STATIC_DIR"], config.fingerprint
    )
    # The security policy in every page's <head> too: many hosts send no headers.
    context["CSP_META"] = hosting.meta_policy(config.headers)
    context["REFERRER_POLICY"] = config.headers.get("Referrer-Policy", "")


def writer_of_selected_pages(pelican: Pelican) -> type[SelectiveWriter] | None:
    if settings.load(pelican.settings).write_only:
        return SelectiveWriter
    return None


def finish_site(pelican: Pelican) -> None:
    config = settings.load(pelican.settings)
    if config.write_only:
        return  # a partial write; the full build that follows finishes the site
    output = pelican.settings["OUTPUT_PATH"]
    theme_static = os.path.join(pelican.settings["THEME"], "static")
    urls = hosting.asset_urls(
        theme_static, pelican.settings["THEME_STATIC_DIR"], config.fingerprint
    )
    hosting.publish_fingerprinted(output, pelican.settings["THEME_STATIC_DIR"], urls)
    if config.search_index:
        index_for_search(output)
    if not config.host.headers:
        return  # the host ignores _headers: the pages' <meta> policy is what protects
    with open(os.path.join(output, "_headers"), "w", encoding="utf-8") as out:
        out.write(hosting.headers_file(config.headers, urls.values()))


def index_for_search(site: str) -> None:
    """Pagefind's index of the built site, in site/pagefind/ (the search page loads it)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", site, "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"Pagefind could not index the site: {result.stderr.strip()}")


def register() -> None:
    signals.initialized.connect(at_start)
    signals.all_generators_finalized.connect(asset_names)
    signals.get_writer.connect(writer_of_selected_pages)
    signals.finalized.connect(finish_site)
