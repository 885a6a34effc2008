"""The sitemap's <lastmod>: when the page itself last changed (its Modified:, else its
Reviewed:, else the newest page of the site), never the time of the build, so two
builds of the same sources write the same sitemap."""

import re
import time

from conftest import ROOT, TODAY

from tools.build import build


def sitemap(tmp_path, name):
    output = tmp_path / name / "output"
    build(str(ROOT / "publishconf.py"), str(output),
          overrides={"CACHE_PATH": str(tmp_path / name / "cache"), "MEDICAL_TODAY": TODAY,
                     "SITE_BUILD_SEARCH_INDEX": False})
    text = (output / "sitemap.xml").read_text(encoding="utf-8")
    return text, dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", text))


def test_lastmod_is_the_pages_own_date_and_two_builds_agree(tmp_path):
    first, dates = sitemap(tmp_path, "first")
    time.sleep(1.1)  # the build time, if it were used, would differ by a second
    second, _ = sitemap(tmp_path, "second")
    assert first == second
    site = "https://patients.example.org"
    assert dates[f"{site}/conditions/migraine/"].startswith("2026-11-20")  # its Reviewed
    assert dates[f"{site}/articles/botox-for-chronic-pain/"].startswith("2026-11-20")
    assert dates[f"{site}/about/"].startswith("2026-11-20")  # the newest page's
    assert f"{site}/articles/" not in dates  # Pelican's list has no date of its own
    assert len(dates) == first.count("<url>") >= 11
