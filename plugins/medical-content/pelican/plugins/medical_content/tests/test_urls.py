"""One URL policy for every link the site writes (medical_content.urls): the scheme as a
browser reads it, after entities, escapes and ignored characters."""

import pytest

from pelican.plugins.medical_content.checks import html_policy
from pelican.plugins.medical_content.core import urls


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "javascript:alert%281%29",
        "jav&#x61;script:x",
        "jav&#97;script:x",
        "%6Aavascript:x",
        "%256Aavascript:x",
        "java\tscript:x",
        "java\nscript:x",
        " \x01javascript:x",
        "vbscript:msgbox",
        "VBScript:x",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
    ],
)
def test_a_script_or_other_scheme_is_refused(url: str) -> None:
    assert not urls.allowed(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.rxabbvie.com/pdf/botox_pi.pdf",
        "http://example.org/",
        "mailto:a@example.org",
        "tel:+1-555-010-0100",
        "/articles/botox-for-chronic-pain/",
        "../faq/",
        "#in-short",
        "{filename}/pages/faq.md",
        "faq/?q=a:b",
    ],
)
def test_web_mail_phone_and_site_paths_are_allowed(url: str) -> None:
    assert urls.allowed(url)


def test_the_body_and_the_metadata_share_one_list_of_schemes() -> None:
    assert html_policy.POLICY["url_schemes"] == set(urls.SCHEMES)


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("www.fda.gov/drugs", "https://www.fda.gov/drugs"),
        ("dailymed.nlm.nih.gov/dailymed/", "https://dailymed.nlm.nih.gov/dailymed/"),
        ("example.org", "https://example.org"),
        ("www.example.org?q=1", "https://www.example.org?q=1"),
        ("https://www.fda.gov/drugs", None),
        ("faq.md", None),  # a file of the site, not a host
        ("images/sites.svg", None),
        ("../faq/", None),
        ("/conditions/migraine/", None),
        ("{filename}/pages/faq.md", None),
        ("faq/", None),
        ("#in-short", None),
    ],
)
def test_a_host_name_without_its_scheme_is_read_as_the_web_address_meant(
    url: str, meant: str | None
) -> None:
    assert urls.without_scheme(url) == meant
