"""The sitemap's <lastmod>: when the page itself last changed (its Modified:, else its
Reviewed:, else the newest page of the site), never the time of the build, so two
builds of the same sources write the same sitemap."""

import re
import time

from support import ROOT, SIGNED_OFF, TODAY

from tools.build import build


def sitemap(tmp_path, name):
    output = tmp_path / name / "output"
    build(
        str(ROOT / "publishconf.py"),
        str(output),
        overrides={
            **SIGNED_OFF,
            "CACHE_PATH": str(tmp_path / name / "cache"),
            "MEDICAL_TODAY": TODAY,
            "SITE_BUILD_SEARCH_INDEX": False,
        },
    )
    text = (output / "sitemap.xml").read_text(encoding="utf-8")
    return text, dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", text))


def header(path):
    lines = path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line and not line.startswith(" "))


def test_lastmod_is_the_pages_own_date_and_two_builds_agree(tmp_path):
    first, dates = sitemap(tmp_path, "first")
    time.sleep(1.1)  # the build time, if it were used, would differ by a second
    second, _ = sitemap(tmp_path, "second")
    assert first == second
    site = "https://patients.example.org"
    migraine = header(ROOT / "content" / "pages" / "conditions" / "migraine.md")
    article = header(ROOT / "content" / "articles" / "botox-for-chronic-pain.md")
    # its Modified (the corrections of 2026-11-25), else its Reviewed
    assert dates[f"{site}/conditions/migraine/"].startswith(
        migraine.get("Modified", migraine["Reviewed"])
    )
    assert dates[f"{site}/articles/botox-for-chronic-pain/"].startswith(
        article.get("Modified", article["Reviewed"])
    )
    assert dates[f"{site}/about/"] == max(dates.values())  # undated: the newest page's
    assert f"{site}/articles/" not in dates  # Pelican's list has no date of its own
    assert len(dates) == first.count("<url>") >= 11
