"""The site of test_data/ built as Pelican's own tests build one
(``read_settings(path=None, override=...)``, then ``Pelican(settings).run()``): the
plugin alone, with a theme of a few templates, and the report and structured data it
writes."""

import json
import logging
import shutil
from pathlib import Path

import pytest
from pelican.settings import read_settings

from pelican import Pelican  # type: ignore[attr-defined]  # mypy reads pelican/ here as this namespace
from pelican.plugins.medical_content.core.problems import BuildFailed
from pelican.plugins.medical_content.tests.support import (
    FIXTURE_TODAY,
    PLUGIN_SETTINGS,
    TEST_DATA,
    faq_node,
    first,
    only_its_own_plugins,
    read_page,
    text_of,
    visible_faq,
)


def build(tmp_path: Path, content: Path = TEST_DATA / "content", **overrides: object) -> Path:
    settings = read_settings(
        path=None,
        override={
            **PLUGIN_SETTINGS,
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "THEME": str(TEST_DATA / "theme"),
            "MEDICAL_TODAY": FIXTURE_TODAY,
            "MEDICAL_REPORT_FILE": str(tmp_path / "report.json"),
            **overrides,
        },
    )
    only_its_own_plugins()
    Pelican(settings).run()
    return tmp_path / "output"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("site"))


def test_every_page_of_the_site_is_written(site: Path) -> None:
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert written == [
        "about/index.html",
        "articles/index.html",
        "articles/your-first-visit/index.html",
        "conditions/cervical-dystonia/index.html",
        "faq/index.html",
    ]


@pytest.mark.parametrize("url", ["/articles/your-first-visit/", "/conditions/cervical-dystonia/"])
def test_a_medical_page_shows_its_safeguards(site: Path, url: str) -> None:
    main = first(read_page(site, url), "main")
    assert "not medical advice" in text_of(first(main, ".disclaimer"))
    assert first(first(main, ".safety-summary"), "a")["href"] == "#safety-information"
    assert text_of(first(first(main, "#safety-information"), "h3")) == (
        "Warning: distant spread of toxin effect"
    )


def test_a_plain_page_shows_none(site: Path) -> None:
    page = read_page(site, "/about/")
    assert page.find(class_="disclaimer") is None
    assert page.find(class_="safety") is None


def test_the_faqs_structured_data_is_what_the_page_shows(site: Path) -> None:
    page = read_page(site, "/faq/")
    node = faq_node(first(page, 'script[type="application/ld+json"]').string)
    got = [(q["name"], q["acceptedAnswer"]["text"]) for q in node["mainEntity"]]
    assert (
        got
        == visible_faq(page)
        == [
            ("Does it hurt?", "A little."),
            ("How long does it last?", "About three months."),
        ]
    )


def test_the_report_holds_every_page_and_each_medical_pages_checks(site: Path) -> None:
    report = json.loads((site.parent / "report.json").read_text(encoding="utf-8"))
    rows = {row["url"]: row for row in report["pages"]}
    assert sorted(rows) == [
        "/about/",
        "/articles/your-first-visit/",
        "/conditions/cervical-dystonia/",
        "/faq/",
    ]
    assert [url for url, row in rows.items() if not row["medical"]] == ["/about/"]
    for url in ("/articles/your-first-visit/", "/conditions/cervical-dystonia/"):
        checks = rows[url]["checks"]
        assert (checks["disclaimer"], checks["safety info"], checks["JSON-LD"]) == ("ok",) * 3
        assert rows[url]["problems"] == 0


def test_a_broken_page_fails_the_build_with_its_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = tmp_path / "content"
    shutil.copytree(TEST_DATA / "content", content)
    faq = content / "pages" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("A little.", ""), encoding="utf-8")
    caplog.set_level(logging.ERROR)
    with pytest.raises(BuildFailed):
        build(tmp_path, content)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR][:1] == [
        "content/pages/faq.md:8: the question 'Does it hurt?' has no answer; write the answer "
        "as text below the question, before the next question heading (an image alone is not "
        "an answer)"
    ]
