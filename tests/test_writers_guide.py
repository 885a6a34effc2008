"""The writers' guide (docs/writers-guide.md) keeps up with the plugin: every key of the
header schema is documented, and every kind a page can have; its table of the condition
names the labels know is the registry's; it answers the questions writers ask."""

import re

import pytest
from support import ROOT

from pelican.plugins.medical_content.checks import images
from pelican.plugins.medical_content.page import header as page_header
from pelican.plugins.medical_content.registry import labels
from pelican.plugins.medical_content.settings.config import DEFAULTS
from tools import condition_names

GUIDE = (ROOT / "docs" / "writers-guide.md").read_text(encoding="utf-8")


def documented_keys():
    """The keys of the guide's table of keys: the first cell of each row, in backticks."""
    section = GUIDE.split("## Every key of the header", 1)[1].split("\n## ", 1)[0]
    return {
        key.lower()
        for row in section.splitlines()
        if row.startswith("| `")
        for key in re.findall(r"`([A-Za-z_]+)`", row.split("|")[1])
    }


def test_every_key_of_the_schema_is_in_the_guide():
    assert documented_keys() == set(DEFAULTS["MEDICAL_METADATA"])


def test_the_guide_tells_the_decorative_marker_the_image_check_accepts():
    assert "{." + images.DECORATIVE + "}" in GUIDE


def test_the_guides_example_header_is_a_valid_condition_header(settings):
    """The example a writer copies must pass the checks it documents."""
    from pelican.plugins.medical_content.settings.config import load

    example = GUIDE.split("## Add a condition page", 1)[1].split("```", 2)[1]
    text = "\n".join(line[3:] for line in example.strip("\n").splitlines()) + "\n\nText.\n"
    header, faults = page_header.header_lines(text)
    config = load(settings)
    assert faults == []
    assert page_header.check(header, "condition", config) == []


def test_the_guides_condition_names_are_the_registrys():
    """The table is made from the label files (tools/condition_names.py): a label added,
    or a synonym, shows in the guide only once it is made again."""
    made = condition_names.table(labels.load([labels.HERE]))
    assert condition_names.with_table(GUIDE, made) == GUIDE, (
        "docs/writers-guide.md lists other condition names than the label registry: "
        "run python tools/condition_names.py --write"
    )
    assert "| `botox` | BOTOX | Overactive bladder | OAB," in GUIDE
    assert "|  |  | Cervical dystonia | spasmodic torticollis |" in GUIDE


@pytest.mark.parametrize(
    "question",
    [
        "Which condition names do the labels know?",
        "Is alt text checked?",
        "Can I run `make html` while `make serve` runs?",
        "Who publishes, and how?",
    ],
)
def test_the_guide_answers_what_writers_ask(question):
    section = GUIDE.split("## Questions writers ask", 1)[1].split("\n## ", 1)[0]
    answer = section.split(f"**{question}**", 1)[1].split("\n\n", 1)[0]
    assert len(answer.split()) >= 8, question
