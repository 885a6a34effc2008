"""What a page's own HTML may hold: the raw-HTML policy here, and the structure rules
that keep a page readable by everyone (``html_structure``).

Markdown lets a writer type raw HTML. On this site a page must not run code, embed
another site, send a form, or restyle itself: the allow-list is the nh3 sanitiser's
(Ammonia's, a kept Rust library), minus nothing, plus the attributes Markdown itself
writes. nh3 decides; this module only says what it refused, where, and what to do.
"""

from typing import Any

import nh3
from lxml import etree

from ..core import urls
from ..core.html_text import Element, fragment
from ..core.problems import Fault
from . import restyling
from .base import Context, Findings, Page
from .html_structure import (
    MAX_LIST_DEPTH,
    skipped_heading_levels,
    too_deep_lists,
    unclosed_elements,
)

__all__ = [
    "MAX_LIST_DEPTH",
    "POLICY",
    "faults",
    "refused_html",
    "skipped_heading_levels",
    "too_deep_lists",
    "unclosed_elements",
]

# Markdown writes ids (headings, footnotes), classes (footnotes, code languages) and
# titles (abbreviations); lang and dir mark a passage in another language or script.
_ANY_TAG = {"id", "class", "title", "lang", "dir"}
# The box each Markdown table scrolls in on a phone (plugins/markdown_tables.py) is a
# <div> that a keyboard can reach and a screen reader can name. Only on <div>, and only
# role="region" and tabindex="0": a writer's raw HTML can then neither pose as a control
# (role="button") nor change the order in which the keyboard moves (tabindex="3").
_TABLE_BOX = {"aria-label", "aria-labelledby"}
# What makes a browser show other words, or another order, than the text: bidirectional
# overrides and ruby annotations.
_SHOWN_OTHERWISE = {"bdo", "ruby", "rt", "rp", "rtc", "rb"}
POLICY: dict[str, Any] = {
    "tags": set(nh3.ALLOWED_TAGS) - _SHOWN_OTHERWISE,
    "attributes": {tag: set(names) | _ANY_TAG for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    | {"*": _ANY_TAG, "div": set(nh3.ALLOWED_ATTRIBUTES.get("div", ())) | _ANY_TAG | _TABLE_BOX},
    "tag_attribute_values": {"div": {"role": {"region"}, "tabindex": {"0"}}},
    "url_schemes": set(urls.SCHEMES),
    "clean_content_tags": {"script", "style"},
    "strip_comments": False,
    "link_rel": None,
}
# built once: ``nh3.clean`` builds its sanitiser from the policy's sets on every call,
# which cost more than cleaning a page (make bench)
_CLEANER = nh3.Cleaner(**POLICY)

_URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "data", "poster", "srcset"}
_WHY: dict[str, tuple[str, str]] = {
    "script": (
        "pages may not run code of their own",
        "remove it; the theme holds every script the site needs",
    ),
    "style": (
        "styles belong to the theme, and the site's security policy blocks them inline",
        "remove it, and ask for the style in theme/static/css/site.css",
    ),
    "iframe": (
        "it embeds another site, which can track readers and is blocked by the "
        "site's security policy",
        "link to it instead: [what it is](https://...)",
    ),
    "form": (
        "a form would send patients' details to a server, and this site has none",
        "link to the clinic's contact page instead",
    ),
}
_WHY["bdo"] = (
    "it makes the browser show its letters in another order than they are written, so a "
    "reader reads words the page's text does not hold",
    "write the words in the order a reader should read them, and delete the <bdo>",
)
_WHY["ruby"] = (
    "its annotations show other words above the text, which the page's text does not "
    "hold as a sentence",
    "write the words as plain text, and delete the <ruby> and its <rt>",
)
for _tag in ("rt", "rp", "rtc", "rb"):
    _WHY[_tag] = _WHY["ruby"]
for _tag in ("object", "embed", "frame", "frameset", "applet"):
    _WHY[_tag] = _WHY["iframe"]
for _tag in ("input", "button", "select", "textarea"):
    _WHY[_tag] = _WHY["form"]


def faults(content_html: str, root: Element) -> list[Fault]:
    """The faults of a page's rendered text (Markdown's HTML; root: its parsed fragment),
    each with a needle to find its source line."""
    found = refused_html(content_html, root)
    found += restyling.faults(root)
    found += unclosed_elements(content_html)
    found += skipped_heading_levels(root)
    found += too_deep_lists(root)
    return found


# --- the raw-HTML policy -----------------------------------------------------------


def _elements(root: Element) -> list[tuple[str, list[tuple[str, str]]]]:
    """(tag, attributes) of every element below root, in order: what to compare."""
    # nh3's parser adds the <tbody> that HTML implies in a table written without one;
    # one without attributes carries nothing, so it is not compared
    # (an element's ``items()`` and ``keys()``: lists, where ``attrib`` makes a proxy)
    return [
        (e.tag, sorted(e.items()))
        for e in root.iter()
        if isinstance(e.tag, str) and e is not root and not (e.tag == "tbody" and not e.keys())
    ]


def refused_html(content_html: str, root: Element) -> list[Fault]:
    """What nh3, with the site's policy, would take out of the page."""
    cleaned = _CLEANER.clean(content_html)
    if _elements(fragment(cleaned)) == _elements(root):
        return []  # nothing refused: the common case, one call to the sanitiser
    return _refusals(root) or [
        Fault(
            "the page holds HTML that the site's sanitiser changes",
            "write the passage in Markdown, or in the plain HTML tags of the writers' guide",
            line=1,
        )
    ]


def _refusals(root: Element) -> list[Fault]:
    """Each element and attribute below root that nh3 drops, one fault each."""
    found = []
    refused = set()
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        if any(parent in refused for parent in element.iterancestors()):
            continue  # the <input> of a refused <form>: one message says it
        kept = _kept(element)
        if kept is None:
            refused.add(element)
            found.append(_refused_tag(element.tag))
            continue
        for name, value in element.attrib.items():
            if name not in kept.attrib:
                found.append(_refused_attribute(element.tag, name, value))
    return found


# An HTML parser drops a table's parts found outside a table: each is cleaned inside
# the elements it needs around it, or every raw-HTML table would be refused.
_CONTEXT: dict[str, tuple[str, str]] = {
    "tr": ("<table><tbody>", "</tbody></table>"),
    "td": ("<table><tbody><tr>", "</tr></tbody></table>"),
    "th": ("<table><tbody><tr>", "</tr></tbody></table>"),
    "col": ("<table><colgroup>", "</colgroup></table>"),
}
for _tag in ("thead", "tbody", "tfoot", "caption", "colgroup"):
    _CONTEXT[_tag] = ("<table>", "</table>")


def _kept(element: Element) -> Element | None:
    """The element as nh3 keeps it (attributes it allows), or None when it drops it."""
    alone = etree.Element(element.tag, dict(element.attrib))
    alone.text = "x"
    before, after = _CONTEXT.get(element.tag, ("", ""))
    cleaned = fragment(
        _CLEANER.clean(before + etree.tostring(alone, encoding="unicode", method="html") + after)
    )
    return next((e for e in cleaned.iter(element.tag)), None)


def _refused_tag(tag: str) -> Fault:
    why, fix = _WHY.get(
        tag,
        (
            "it is not among the HTML tags this site allows",
            "write it in Markdown, or use an allowed tag (the writers' guide lists them)",
        ),
    )
    return Fault(f"raw HTML <{tag}> is not allowed: {why}", fix, raw=f"<{tag}")


def _refused_attribute(tag: str, name: str, value: str) -> Fault:
    if name.startswith("on"):
        return Fault(
            f"the inline event handler {name}= on <{tag}> is not allowed: pages "
            "may not run code of their own",
            f'remove {name}="..."',
            raw=f"{name}=",
        )
    if name == "style":
        return Fault(
            f"the style= attribute on <{tag}> is not allowed: styles belong to the "
            "theme, and the site's security policy blocks them inline",
            "remove it, and ask for the style in theme/static/css/site.css",
            raw="style=",
        )
    if name in _URL_ATTRIBUTES:
        scheme = value.split(":", 1)[0].strip().lower() if ":" in value else value
        fix = (
            "put the image in content/images/ and use its path, ![what it shows]"
            "({static}/images/name.png)"
            if tag == "img"
            else "link to a web address (https://...) or a page of the site"
        )
        return Fault(
            f"the address {value[:60]!r} in <{tag} {name}> is not allowed: only "
            "http(s), mailto: and tel: addresses and the site's own pages are",
            fix,
            raw=scheme + ":",
        )
    return Fault(
        f"the attribute {name}= on <{tag}> is not allowed on this site",
        f'remove {name}="..."',
        raw=f"{name}=",
    )


def check(page: Page, context: Context) -> Findings:
    """The raw-HTML policy and the structure rules on the page's own text and Summary."""
    if page.root is None:
        return Findings()
    found = faults(page.html, page.root)
    if page.summary_html:
        found += refused_html(page.summary_html, fragment(page.summary_html))
    return Findings(found)
