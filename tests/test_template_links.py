"""Every link a theme template prints goes through the URL policy (the |href filter):
no scheme the policy refuses, and no path from the domain's root, which would break
under a sub-path SITEURL. The writer's side of the same rule (a page's text and its
Sources) is in test_corpus and test_page_sources."""

import re

import pytest
from browser import html_files
from bs4 import BeautifulSoup
from support import ROOT

from pelican.plugins.medical_content.core import urls
from pelican.plugins.medical_content.outputs.template_filters import nonbreaking

TEMPLATES = sorted((ROOT / "theme" / "templates").rglob("*.html"))
# an attribute's value: a Jinja expression (which may hold quotes of its own) or text
_ATTRIBUTE = re.compile(r"""\b(href|src)=("\{\{.*?\}\}"|"[^"]*"|'[^']*')""")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_every_link_a_template_prints_passes_the_href_filter(template):
    text = template.read_text(encoding="utf-8")
    values = [value[1:-1] for _, value in _ATTRIBUTE.findall(text)]
    unfiltered = [
        value
        for value in values
        if not re.fullmatch(r"\{\{ .*\|href \}\}", value) and value != "{{ canonical }}"
    ]  # set from |href in base.html
    assert unfiltered == [], f"{template.name}: {unfiltered}"


def test_the_pattern_sees_every_link_of_the_base_template():
    base = (ROOT / "theme" / "templates" / "base.html").read_text(encoding="utf-8")
    assert len(_ATTRIBUTE.findall(base)) == base.count("href=") + base.count("src=") >= 8


def test_the_canonical_link_is_made_by_the_filter():
    base = (ROOT / "theme" / "templates" / "base.html").read_text(encoding="utf-8")
    assert re.search(r"\{% set canonical = .*\|href %\}", base)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "jav&#x61;script:x", "data:text/html,x"])
def test_a_refused_scheme_stops_the_template(url):
    with pytest.raises(urls.TemplateLinkError, match="scheme"):
        urls.template_link("https://host/patients", url)


def test_a_path_from_the_domains_root_stops_the_template():
    with pytest.raises(urls.TemplateLinkError, match="sub-path"):
        urls.template_link("https://host/patients", "/faq/")


@pytest.mark.parametrize(
    "url, printed",
    [
        ("faq/", "https://host/patients/faq/"),
        ("", "https://host/patients/"),
        ("https://www.rxabbvie.com/pdf/botox_pi.pdf", "https://www.rxabbvie.com/pdf/botox_pi.pdf"),
        ("tel:+1-555-010-0100", "tel:+1-555-010-0100"),
        ("#main", "#main"),
    ],
)
def test_site_paths_go_under_siteurl_and_addresses_stay(url, printed):
    assert urls.template_link("https://host/patients", url) == printed


def test_a_telephone_number_never_breaks():
    assert nonbreaking("(555) 010-0100") == "(555)\u00a0010\u20110100"
    assert nonbreaking("<b> 1") == "&lt;b&gt;\u00a01"


def test_every_link_of_the_built_site_is_allowed_and_none_starts_at_the_root(site):
    """The dev build's SITEURL is empty, so a site path prints as "/x": allowed there,
    and tested under a sub-path in test_subpath. Here: every scheme passes the policy."""
    refused = []
    for file in html_files(site):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img"]):
            address = element.get("href") or element.get("src")
            if address is not None and not urls.allowed(address):
                refused.append(f"{file.relative_to(site)}: {address}")
    assert refused == []
