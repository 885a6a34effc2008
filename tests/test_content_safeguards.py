"""What issue 15 asked of the content and its pipeline, read from real builds: the review
gate, fair balance, per-condition courses of treatment, risk language in the safety
information, and reading grades that match textstat on the text they measure."""

import json
import re
import subprocess
import sys

import pytest
from lxml import etree
from support import (
    IMPORT_PATH,
    ROOT,
    build_command,
    condition_source,
    read_page,
    refused,
    run_build,
)

from pelican.plugins.medical_content.core.html_text import block_texts, fragment, prose
from pelican.plugins.medical_content.settings.config import DEFAULTS

# Production builds of the real site: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow


def publish(tmp_path, env=None):
    """`make publish` of the real site, as the workflow runs it."""
    return subprocess.run(
        build_command(ROOT / "publishconf.py", tmp_path / "output"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **IMPORT_PATH, **(env or {})},
    )


def test_publishing_refuses_a_placeholder_reviewer_at_each_pages_reviewer_line(tmp_path):
    result = publish(tmp_path)
    log = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in log
    faq = (ROOT / "content" / "pages" / "faq.md").read_text().splitlines()
    line = next(n for n, text in enumerate(faq, 1) if text.startswith("Reviewer:"))
    assert (
        f"content/pages/faq.md:{line}: Reviewer 'clinical-team' (Example Pain Clinic "
        "clinical team) is a placeholder in the reviewers file"
    ) in log
    assert "MEDICAL_PLACEHOLDER_REVIEWS=mark make publish" in log
    assert not (tmp_path / "output").exists()


def test_the_preview_mode_marks_every_page_and_claims_no_review(tmp_path):
    result = publish(tmp_path, {"MEDICAL_PLACEHOLDER_REVIEWS": "mark"})
    assert result.returncode == 0, result.stdout[-3000:]
    assert "WARNING 9 page(s) name a placeholder reviewer" in result.stdout + result.stderr
    output = tmp_path / "output"
    pages = [p for p in output.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) >= 15
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert (
            'class="preview-notice"' in text and '<meta name="robots" content="noindex">' in text
        ), path
        assert "Medically reviewed by" not in text and '"reviewedBy"' not in text, path
    assert "Not yet medically reviewed" in read_page(output, "/faq/").get_text()
    # and make github / make rsync_upload will not upload it (issue 29)
    upload = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "publishable.py"), str(output)],
        capture_output=True,
        text=True,
    )
    assert upload.returncode == 1
    assert upload.stderr.startswith("Not uploaded: this build is an unreviewed preview")


def test_a_real_reviewer_is_named_with_credentials_and_no_preview_notice(fixture_site):
    fixture_site.write("pages/conditions/cd.md", condition_source())
    fixture_site.build()
    page = fixture_site.page("/conditions/cd/")
    assert "Medically reviewed by Dr. Test Reviewer, MD on" in page.get_text(" ", strip=True)
    assert page.find(class_="preview-notice") is None
    assert page.find("meta", attrs={"name": "robots"}) is None


def test_a_reviewer_without_credentials_stops_the_build_with_the_fix(fixture_site):
    fixture_site.write("reviewers.toml", '[dr-x]\nname = "Dr. X"\n')
    fixture_site.write("pages/conditions/cd.md", condition_source())
    with pytest.raises(Exception, match=r"reviewer \[dr-x\] needs a credentials"):
        fixture_site.build()


@pytest.mark.parametrize(
    "url",
    ["/articles/botox-for-chronic-pain/", "/conditions/migraine/", "/conditions/tension-headache/"],
)
def test_the_boxed_warning_summary_comes_before_any_call_to_action(site, url):
    main = etree.HTML((site / url.strip("/") / "index.html").read_bytes()).find(".//main")
    order = list(main.iter())
    summary = main.find(".//aside[@class='safety-summary']")
    assert summary is not None and "life-threatening" in "".join(summary.itertext())
    assert summary.find(".//a").get("href") == "#safety-information"
    assert main.find(".//*[@id='safety-information']") is not None
    asks = re.compile(DEFAULTS["MEDICAL_CALL_TO_ACTION"], re.IGNORECASE)
    actions = [a for a in main.iter("a") if asks.search("".join(a.itertext()))]
    assert actions, "each of these pages asks the reader to book"
    assert all(order.index(summary) < order.index(action) for action in actions)


def test_a_theme_that_puts_a_call_to_action_above_the_warning_is_refused(fixture_site):
    theme = fixture_site.copy_theme()
    template = theme / "templates" / "condition.html"
    template.write_text(
        template.read_text().replace(
            "{% block before_content %}",
            '{% block before_content %}<p><a href="#book">Book a consultation</a></p>',
            1,
        )
    )
    fixture_site.write("pages/conditions/cd.md", condition_source())
    assert "the call to action 'Book a consultation' comes before the safety summary" in (
        refused(fixture_site)
    )


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/conditions/migraine/", ["every 12 weeks", "31 small injections"]),
        ("/conditions/cervical-dystonia/", ["about 6 weeks"]),
        ("/conditions/overactive-bladder/", ["not sooner than 12 weeks", "catheter"]),
        ("/conditions/tension-headache/", ["no approved dose or schedule"]),
    ],
)
def test_each_condition_page_shows_its_own_course_with_sources(site, url, expected):
    course = read_page(site, url).find("section", class_="course")
    text = course.get_text(" ", strip=True)
    assert all(phrase in text for phrase in expected), text
    facts = course.find_all("dd")
    assert facts and all(
        dd.find("a", class_="source")["href"].startswith("https://") for dd in facts
    )


def test_a_fact_read_only_in_a_weak_copy_is_not_shown(site):
    # courses/botox.toml keeps the post-void residual check (verified = false) for the
    # pharmacist; the page must not show it
    text = read_page(site, "/conditions/overactive-bladder/").get_text(" ", strip=True)
    assert "how much urine stays in your bladder" not in text


def test_the_reported_reading_grade_is_textstats_on_the_pages_own_text(site):
    """The report measures a page's own text (its Markdown, without the safety
    information, disclaimer or navigation the theme adds): the same figure as textstat
    0.7.3 gives on that text, read back from the written page's content block."""
    from textstat import textstat

    report = json.loads((site.parent / "compliance-report.json").read_text())
    rows = {row["url"].strip("/") + "/": row for row in report["pages"]}
    for url in ("articles/botox-for-chronic-pain/", "faq/"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        block = etree.HTML(html).find(".//div[@class='content']")
        root = fragment("".join(etree.tostring(child, encoding="unicode") for child in block))
        text = prose(block_texts(root))
        reported = rows[url]["readability"]["flesch_kincaid_grade"]
        assert reported == round(textstat.flesch_kincaid_grade(text), 1)
        assert reported <= 8


def test_the_safety_information_itself_is_held_to_the_risk_language(fixture_site):
    fixture_site.write(
        "includes/important-safety-information.md",
        "## Important safety information\n\nBotox is completely safe.\n",
    )
    fixture_site.write("pages/conditions/cd.md", condition_source())
    assert (
        "content/includes/important-safety-information.md:3: overstates the treatment "
        "(absolute safety): 'Botox is completely safe.'"
    ) in refused(fixture_site)


def test_the_faqs_structured_answers_about_safety_carry_the_visible_caution(site):
    page = read_page(site, "/faq/")
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    [faq] = [node for node in graph if "FAQPage" in node["@type"]]
    answers = {q["name"]: q["acceptedAnswer"]["text"] for q in faq["mainEntity"]}
    safety = answers["Is Botox safe for long-term use in chronic pain management?"]
    visible = page.find("h2", string=lambda s: s and s.startswith("Is Botox safe")).find_next("p")
    assert safety.startswith(visible.get_text(" ", strip=True)[:120])
    assert "serious risks" in safety and "life-threatening" in safety
    contraindications = next(text for name, text in answers.items() if "contraindications" in name)
    assert "allergic" in contraindications and "infection" in contraindications


def test_proven_is_judged_by_the_label_the_pages_drug_line_names(fixture_site):
    """A page about another product, named by its generic name, is judged by that
    product's label: Xeomin holds chronic sialorrhea; BOTOX does not."""
    fixture_site.write(
        "pages/conditions/drooling.md",
        condition_source(
            body="## In short\n\nDrooling is common. In trials, it was proven to reduce drooling "
            "in chronic sialorrhea.",
            Title="Xeomin for drooling",
            Condition="Chronic sialorrhea",
            Drug="incobotulinumtoxinA",
            drop=["Indication"],
            Sources="[XEOMIN US Prescribing Information](https://dailymed.nlm.nih.gov/dailymed/"
            "drugInfo.cfm?setid=ccdc3aae-6e2d-4cd0-a51c-8375bfee9458)",
        ),
    )
    result = run_build(fixture_site)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "overstates" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "course, said",
    [
        (
            'indication = "tension-headache"',
            "indication 'tension-headache' is not one of the botox label's",
        ),
        (
            'indication = "chronic-migraine"\ncondition = "Chronic migraine"',
            "needs either indication",
        ),
        (
            'indication = "chronic-migraine"\n[[course.facts]]\n'
            'topic = "mood"\ntext = "x"\nsource = "s"',
            "needs a topic of",
        ),
    ],
)
def test_a_course_file_that_does_not_hold_to_the_registry_stops_the_build(tmp_path, course, said):
    from pelican.plugins.medical_content.core.problems import SettingsError
    from pelican.plugins.medical_content.registry import courses, labels

    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "botox.toml").write_text(
        'product = "botox"\n[sources.s]\ntitle = "T"\nurl = "https://example.org"\n'
        'quote = "Q"\nread_in = "secondary"\n'
        f"[[course]]\n{course}\n"
    )
    with pytest.raises(SettingsError, match=re.escape(said)):
        courses.load([str(tmp_path)], labels.load([labels.HERE]))
