"""Issue 30: the label's facts read from the label's own text. Every fact of the drug
registry a page shows says where its words were read; one shown as the label's (cited
to the prescribing information) was read in the label itself, with its section and its
words; one read only in a copy names that copy. Each condition page shows the side
effects and warnings of its own use under its safety information, and every off-label
page the same evidence line and warning about unapproved uses. Read from the data, from
the real site as built, and from its compliance report."""

import json
import re
import tomllib
from pathlib import Path

import pytest
from support import CONDITION_PAGES, CONDITIONS, ROOT, read_page, text_of

from pelican.plugins.medical_content.core.problems import SettingsError
from pelican.plugins.medical_content.registry import courses, labels, provenance
from pelican.plugins.medical_content.registry.courses import LABEL_TITLE

REGISTRY = labels.load([labels.HERE])
COURSES = courses.load([labels.HERE], REGISTRY)
BOTOX = REGISTRY["botox"]
OFF_LABEL = [f"/conditions/{slug}/" for slug, status in CONDITIONS.items() if status == "off-label"]
APPROVED = [f"/conditions/{slug}/" for slug, status in CONDITIONS.items() if status == "approved"]
README = labels.HERE + "/README.md"


def shown_facts(registry=REGISTRY, found=COURSES):
    """(product's label, fact) of every fact the course files would show."""
    for course in found:
        label = registry[course.product]
        evidence = [course.evidence.fact] if course.evidence else []
        for fact in (*course.facts, *course.risks, *evidence):
            yield label, fact
    for key in registry.labels:
        for fact in found.unapproved_use(key):
            yield registry[key], fact


def test_every_fact_shown_as_the_labels_was_read_in_the_label_with_its_section_and_words():
    facts = list(shown_facts())
    assert facts
    for label, fact in facts:
        source = fact.source
        presented = LABEL_TITLE in source.title.casefold() or source.url in label.urls
        assert presented == source.read.from_label, (fact.text, source.title)
        if presented:
            read = source.read
            assert read.read_in == provenance.LABEL, fact.text
            assert read.section and read.words and read.read_at.startswith("http"), fact.text
    # the data holds facts read both ways: the rule is tried on each
    assert {fact.source.read.read_in for _, fact in facts} == set(provenance.READ_IN)


def test_every_indication_and_the_labels_own_facts_say_where_they_were_read():
    for label in REGISTRY.labels.values():
        for indication in label.indications:
            read = indication.read
            assert read.read_in in provenance.READ_IN, (label.key, indication.id)
            if read.from_label:
                assert read.section and read.words and read.read_at, (label.key, indication.id)
    for name in ("boxed_warning", "first_approved", "label_revision", "interchangeability"):
        read = BOTOX.read[name]
        assert read.section and read.words and read.read_at, name


COURSE_FILE = """product = "botox"
[sources.s]
title = "{title}"
url = "{url}"
quote = "Some words."
read_in = "{read_in}"
{extra}
[[unapproved_use]]
text = "A warning."
source = "s"
[[course]]
condition = "Tension headache"
{evidence}
"""
EVIDENCE = '[course.evidence]\nyear = 2012\ntext = "A review found."\nsource = "s"'


@pytest.mark.parametrize(
    "title, url, read_in, extra, evidence, said",
    [
        (
            "BOTOX prescribing information, section 2",
            "https://example.org",
            "secondary",
            "",
            EVIDENCE,
            "is shown as the label's, but read_in = 'secondary'",
        ),
        (
            "A copy",
            BOTOX.url,
            "secondary",
            "",
            EVIDENCE,
            "is shown as the label's, but read_in = 'secondary'",
        ),
        (
            "A copy",
            "https://example.org",
            "label",
            'section = "5.3"\nread_at = "https://example.org"',
            EVIDENCE,
            "was read in the label, but read_in = 'label'",
        ),
        (
            "BOTOX prescribing information, section 5.3",
            BOTOX.url,
            "label",
            "",
            EVIDENCE,
            "read in the label, but without its section",
        ),
        ("A copy", "https://example.org", "somewhere", "", EVIDENCE, "read_in = 'somewhere'"),
        ("A copy", "https://example.org", "secondary", "", "", "give it [course.evidence]"),
    ],
)
def test_a_course_file_that_shows_a_fact_as_the_labels_without_reading_it_there_stops(
    tmp_path, title, url, read_in, extra, evidence, said
):
    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "botox.toml").write_text(
        COURSE_FILE.format(title=title, url=url, read_in=read_in, extra=extra, evidence=evidence)
    )
    with pytest.raises(SettingsError, match=re.escape(said)):
        courses.load([str(tmp_path)], REGISTRY)


def test_the_labels_readme_lists_every_source_and_label_fact():
    """The README's table of where each fact was read has a row for each source of the
    course file and each label-level fact: one added without its row fails here."""
    readme = Path(README).read_text(encoding="utf-8")
    table = readme[readme.index("## Where each fact was read") :]
    data = tomllib.loads(Path(labels.HERE, "courses", "botox.toml").read_text("utf-8"))
    for key in data["sources"]:
        assert f"`{key}`" in table, key
    for name in BOTOX.read:
        assert f"`read.{name}`" in table, name


# ---------------------------------------------------------------- the site as built


@pytest.mark.parametrize("url", OFF_LABEL)
def test_each_off_label_page_shows_the_evidence_line_and_the_unapproved_use_warning(site, url):
    main = read_page(site, url).find("main")
    status = main.find(class_="status-off-label")
    box = main.find("section", class_="off-label-evidence")
    assert status is not None and box is not None
    # right under the status line, before the page's own text
    assert status.find_next("section") is box
    line = text_of(box.find(class_="evidence-line"))
    assert re.match(r"What the best review found \(20\d\d\): \S", line), line
    warning = box.find(class_="unapproved-use")
    text = text_of(warning)
    for phrase in ("ways the FDA has not approved", "trouble swallowing", "Some people died"):
        assert phrase in text, text
    cited = [text_of(a) for a in warning.select("a.source")]
    assert any("section 5.3 Serious Adverse Reactions with Unapproved Use" in c for c in cited)


def test_every_off_label_page_shows_the_same_warning_and_an_evidence_line_of_its_own(site):
    warnings = {text_of(read_page(site, url).find(class_="unapproved-use")) for url in OFF_LABEL}
    assert len(warnings) == 1
    lines = {text_of(read_page(site, url).find(class_="evidence-line")) for url in OFF_LABEL}
    assert len(lines) == len(OFF_LABEL)


@pytest.mark.parametrize("url", APPROVED)
def test_an_approved_page_shows_no_off_label_box(site, url):
    assert read_page(site, url).find(class_="off-label-evidence") is None


@pytest.mark.parametrize(
    "url, expected",
    [
        (
            "/conditions/cervical-dystonia/",
            ["trouble swallowing", "nose and throat", "neck pain", "headache", "section 5.6"],
        ),
        (
            "/conditions/limb-spasticity/",
            ["breathing is already weak", "bronchitis", "children treated for spasticity"],
        ),
        ("/conditions/overactive-bladder/", ["bladder infections", "section 5.12", "5.13"]),
        ("/conditions/migraine/", ["Neck pain"]),
    ],
)
def test_each_approved_page_shows_the_risks_of_its_use_under_the_safety_information(
    site, url, expected
):
    safety = read_page(site, url).find("section", id="safety-information")
    risks = safety.find("ul", class_="condition-risks")
    assert risks is not None, url
    text = text_of(risks)
    assert all(phrase in text for phrase in expected), text
    # the use's risks, not the whole safety information again
    assert "Important safety information" not in text
    assert all(li.find("a", class_="source") for li in risks.find_all("li"))


def test_the_overactive_bladder_page_gives_the_labels_figures_and_precautions(site):
    text = text_of(read_page(site, "/conditions/overactive-bladder/").find("main"))
    assert "up to about 6 months" not in text and "169 days" in text
    assert "antibiotics" in text and "antiplatelet" in text
    assert "more than 200 mL" in text


def test_the_spasticity_page_names_the_fixed_contracture_limit(site):
    text = text_of(read_page(site, "/conditions/limb-spasticity/").find("main"))
    assert "fixed contracture" in text and "does not replace physical therapy" in text


def report(site):
    return json.loads((site.parent / "compliance-report.json").read_text(encoding="utf-8"))


def test_the_report_lists_each_pages_facts_and_where_each_was_read(site):
    rows = {row["url"]: row for row in report(site)["pages"]}
    for url in CONDITION_PAGES:
        facts = rows[url]["facts"]
        assert facts, url
        for fact in facts:
            assert fact["read_in"] in provenance.READ_IN and fact["shown"], (url, fact)
            assert fact["words"], (url, fact)
            if fact["read_in"] == provenance.LABEL:
                assert fact["section"] and fact["read_at"], (url, fact)
    approved = [rows[url]["facts"][0] for url in APPROVED]
    assert all(fact["where"] == "status line" for fact in approved)
    assert rows["/faq/"]["facts"] == []


def test_every_source_a_page_cites_as_the_prescribing_information_was_read_there(site):
    """What the reader sees: a source link that names the prescribing information is a
    fact the report lists as read in the label, with its section and words."""
    rows = {row["url"]: row for row in report(site)["pages"]}
    seen = 0
    for url in CONDITION_PAGES:
        from_label = {fact["source"] for fact in rows[url]["facts"] if fact["read_in"] == "label"}
        for link in read_page(site, url).select("main a.source"):
            title = text_of(link).removeprefix("Source: ")
            if LABEL_TITLE in title.casefold():
                seen += 1
                assert title in from_label, (url, title)
    assert seen


def test_the_writers_and_readers_docs_name_the_new_fields():
    plugin_readme = (ROOT / "plugins" / "medical-content" / "README.md").read_text("utf-8")
    for field in ("`risks`", "`evidence`", "`unapproved_use`"):
        assert field in plugin_readme, field
