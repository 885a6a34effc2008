"""Filters the theme's templates print links and telephone numbers through.

``href``: every link a template prints passes the URL policy (``urls.template_link``),
and the site's own paths are put under SITEURL, so that a template can neither print a
``javascript:`` source nor a ``/path`` that breaks under a sub-path.
``nonbreaking``: a telephone number shown as text never wraps in the middle (a reader
on a phone would see half a number on each line; html-validate's ``tel-non-breaking``).
"""

from collections.abc import Callable, MutableMapping
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..core import urls

# Spaces and hyphens as their non-breaking forms: no-break space and non-breaking hyphen.
_NONBREAKING = str.maketrans({" ": "\u00a0", "-": "\u2011"})


@jinja2.pass_context
def href(context: jinja2.runtime.Context, url: object) -> str:
    return urls.template_link(context.get("SITEURL", ""), url)


def nonbreaking(text: object) -> Markup:
    return Markup(str(escape(text)).translate(_NONBREAKING))


FILTERS: dict[str, Callable[..., Any]] = {"href": href, "nonbreaking": nonbreaking}


def install(settings: MutableMapping[str, Any]) -> None:
    """Add the filters to Pelican's settings before its generators make their template
    environments (a filter the writer's settings define wins)."""
    settings["JINJA_FILTERS"] = {**FILTERS, **settings.get("JINJA_FILTERS", {})}
