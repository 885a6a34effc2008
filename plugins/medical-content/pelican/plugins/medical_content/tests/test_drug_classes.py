"""A claim about a whole class of products is judged by the registry's data: the class's
own words name it, and only the labels of that class are asked; and those words stand
for the treatment in the risk-language check, as the products' names do. A registry of another
class (two made-up products, in a folder of their own beside the plugin's labels) shows
that nothing of the site's own class is in the code."""

from pathlib import Path

import pytest

from pelican.plugins.medical_content.core.html_text import fragment
from pelican.plugins.medical_content.core.problems import SettingsError
from pelican.plugins.medical_content.judges import approvals, claims, risk_language
from pelican.plugins.medical_content.registry import labels
from pelican.plugins.medical_content.settings import config as settings
from pelican.plugins.medical_content.tests.support import FixtureSite

CLASS = """
name = "statin"
names = ["statins"]
short_names = ["statin"]
"""
LABEL = """
brand = "{brand}"
generic = "{generic}"
class = "{drug_class}"
names = ["{brand}", "{generic}"]
manufacturer = "Example Pharma"
label_url = "https://example.org/{brand}.pdf"
label_revision = "2024-01"
checked = 2025-01-01
checked_by = "a test"
boxed_warning = "None."
{indications}
"""
INDICATION = """
[[indications]]
id = "{id}"
condition = "{condition}"
text = "Treatment of {condition}."
population = "adults"
section = "1 Indications and Usage"
read_in = "secondary"
"""


def write_label(folder: Path, key: str, conditions: list[str], drug_class: str = "statin") -> None:
    indications = "".join(
        INDICATION.format(id=c.replace(" ", "-"), condition=c) for c in conditions
    )
    text = LABEL.format(
        brand=key.capitalize(),
        generic=f"{key}statin",
        drug_class=drug_class,
        indications=indications,
    )
    (folder / f"{key}.toml").write_text(text, encoding="utf-8")


@pytest.fixture
def statins(tmp_path: Path) -> approvals.Judge:
    """The plugin's registry and a folder of two statins: both hold high cholesterol,
    one of them heart attack prevention."""
    (tmp_path / "classes").mkdir()
    (tmp_path / "classes" / "statin.toml").write_text(CLASS, encoding="utf-8")
    write_label(tmp_path, "lowerol", ["high cholesterol", "heart attack prevention"])
    write_label(tmp_path, "cholestrex", ["high cholesterol"])
    return approvals.Judge.of(labels.load([labels.HERE, str(tmp_path)]), "lowerol")


def refused(judge: approvals.Judge, sentence: str) -> list[str]:
    return [claim.reason for claim in claims.false_approvals(fragment(f"<p>{sentence}</p>"), judge)]


@pytest.mark.parametrize(
    "sentence",
    [
        "All statins are approved for high cholesterol.",
        "Every statin is FDA-approved for high cholesterol.",
        "Statins are approved for high cholesterol.",
    ],
)
def test_a_claim_every_label_of_the_class_holds_passes(
    statins: approvals.Judge, sentence: str
) -> None:
    # the products of the site's own class do not hold it: only the statins are asked
    assert refused(statins, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "All statins are approved for heart attack prevention.",
        "Any statin is indicated for heart attack prevention.",
    ],
)
def test_a_claim_one_label_of_the_class_lacks_is_refused_in_the_class_s_words(
    statins: approvals.Judge, sentence: str
) -> None:
    [reason] = refused(statins, sentence)
    assert reason.startswith("not every statin's label holds it: ")
    assert "the Cholestrex label" in reason


def test_the_site_s_own_class_is_still_judged_by_its_own_labels(statins: approvals.Judge) -> None:
    [reason] = refused(statins, "All botulinum toxins are approved for high cholesterol.")
    assert reason.startswith("not every botulinum toxin's label holds it: ")
    assert "Cholestrex" not in reason and "Lowerol" not in reason


def test_a_word_that_is_not_the_class_s_names_one_product_the_page_s(
    statins: approvals.Judge,
) -> None:
    # "this medicine" names no class: the page's own drug, which holds the use
    assert refused(statins, "This medicine is approved for heart attack prevention.") == []


def test_a_label_of_a_class_the_registry_does_not_have_stops_the_build(tmp_path: Path) -> None:
    write_label(tmp_path, "lowerol", ["high cholesterol"], drug_class="fibrate")
    with pytest.raises(SettingsError, match=r"lowerol\.toml: class = 'fibrate' is not a class"):
        labels.load([str(tmp_path)])


@pytest.mark.parametrize(
    "sentence, with_statins, without",
    [
        ("Statins are completely safe.", True, False),
        ("A statin is completely safe.", True, False),
        # the plugin's own class, from its class file
        ("Neurotoxins are completely safe.", True, True),
        ("Toxins are completely safe.", True, True),
    ],
)
def test_a_class_word_stands_for_the_treatment_in_risk_language(
    tmp_path: Path, sentence: str, with_statins: bool, without: bool
) -> None:
    site = FixtureSite(tmp_path)
    folder = site.content / "statin-labels"
    (folder / "classes").mkdir(parents=True)
    (folder / "classes" / "statin.toml").write_text(CLASS, encoding="utf-8")
    write_label(folder, "lowerol", ["high cholesterol"])
    for extra, expected in (([], without), (["statin-labels"], with_statins)):
        rules = settings.load(site.settings(MEDICAL_LABELS=extra)).risk_rules
        found = risk_language.findings(sentence, rules, None)
        assert [f.rule.id for f in found] == (["absolute-safety"] if expected else []), extra
