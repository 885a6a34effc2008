"""The regulatory-claims check, one sentence or list per case."""

import pytest

from pelican.plugins.medical_content.core.html_text import fragment
from pelican.plugins.medical_content.judges import approvals, claims
from pelican.plugins.medical_content.registry import labels

# The BOTOX label of the plugin's registry, the site's drug: the check is closed-world.
TERMS = approvals.Judge.of(labels.load([labels.HERE]), "botox")

SOURCE_LIST = (
    "<p>Another significant benefit of Botox for chronic pain management is its versatility. "
    "Botox has been approved for the treatment of a variety of chronic pain conditions, "
    "including:</p><ul><li>Migraine headaches</li><li>Tension headaches</li><li>Cervical "
    "dystonia (neck muscle spasms)</li><li>Chronic low back pain</li><li>Temporomandibular "
    "joint (TMJ) disorders</li><li>Overactive bladder</li><li>Chronic limb spasticity</li></ul>"
)
CORRECTED_LIST = (
    "<p>Botox is used to treat a variety of chronic conditions, including some FDA-approved "
    "uses and some off-label uses (uses that the FDA has not approved):</p><ul><li>Chronic "
    "migraine (FDA-approved for prevention in adults)</li><li>Tension headaches (off-label: "
    "not FDA-approved)</li><li>Chronic low back pain (off-label: not FDA-approved)</li><li>"
    "Temporomandibular joint (TMJ) disorders (off-label: not FDA-approved)</li></ul>"
)


def found(html: str) -> list[tuple[str, str]]:
    root = fragment(html)
    return [(c.condition, c.sentence) for c in claims.false_approvals(root, TERMS)]


def test_the_source_articles_list_is_refused_at_its_introduction() -> None:
    """It calls "a variety of chronic pain conditions" approved: one message, at the
    sentence to rewrite; its items are then judged on their own (none claims anything)."""
    intro = (
        "Botox has been approved for the treatment of a variety of chronic pain "
        "conditions, including:"
    )
    assert found(SOURCE_LIST) == [
        ("the treatment of a variety of chronic pain conditions, including", intro)
    ]


@pytest.mark.parametrize(
    "sentence, named",
    [
        ("Botox is FDA-approved for tension headaches.", "tension headaches"),
        (
            "Botox is approved for chronic migraine and tension-type headaches.",
            "tension-type headaches",
        ),
        ("Botox is indicated for TMJ disorders.", "TMJ disorders"),
        ("The FDA has approved Botox for low back pain.", "low back pain"),
        ("Botox has FDA approval for lower back pain.", "lower back pain"),
        ("It is licensed for TMD in adults.", "TMD"),
        (
            "Botox, which is FDA approved for tension type headaches, works.",
            "tension type headaches",
        ),
    ],
)
def test_false_claims(sentence: str, named: str) -> None:
    [(what, said)] = found(f"<p>{sentence}</p>")
    assert said == sentence and named in what


@pytest.mark.parametrize(
    "html",
    [
        "<p>Botox is not approved for tension headaches.</p>",
        "<p>Botox is not FDA-approved for tension headaches.</p>",
        "<p>Botox is approved for chronic migraine.</p>",
        "<p>Botox is approved for chronic migraine, but not for tension headaches.</p>",
        "<p>Botox is approved for chronic migraine, not tension headaches.</p>",
        "<p>Botox is FDA-approved for chronic migraine; "
        "tension headaches are an off-label use.</p>",
        "<p>Is Botox approved for tension headaches?</p>",
        "<p>Tension headaches are sometimes treated with Botox as an off-label use. Botox is not "
        "FDA-approved for tension headaches.</p>",
        "<p>Botox isn't approved for TMJ.</p>",
        "<p>Botox has not been approved for low back pain.</p>",
        "<p>Treating low back pain with Botox is an off-label use.</p>",
        "<p>Botox is approved for chronic migraine. Tension headaches are common.</p>",
        CORRECTED_LIST,
    ],
)
def test_correct_text_passes(html: str) -> None:
    assert found(html) == []


@pytest.mark.parametrize(
    "html, condition",
    [
        ("<ul><li>Approved uses include:<ul><li>TMJ</li></ul></li></ul>", "TMJ"),
        (
            "<ul><li><p>Botox is approved for these:</p><ul><li>Low back pain</li></ul></li></ul>",
            "Low back pain",
        ),
        ("<ol><li>Botox is FDA-approved for tension headaches.</li></ol>", "tension headaches"),
    ],
)
def test_lists_nested_and_loose(html: str, condition: str) -> None:
    [(what, _)] = found(html)
    assert condition in what


def test_a_list_without_an_introducing_sentence_is_judged_alone() -> None:
    assert found("<p>Some conditions.</p><ul><li>Tension headaches</li></ul>") == []


def test_the_corrected_list_passes_and_each_labelled_use_in_it_is_known() -> None:
    assert found(CORRECTED_LIST) == []
    assert found(CORRECTED_LIST.replace("Chronic migraine (", "Episodic migraine (")) == [
        ("Episodic migraine", "Episodic migraine (FDA-approved for prevention in adults)")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("See e.g. the label. It is approved.", ["See e.g. the label.", "It is approved."]),
        ("U.S. rules apply. Ask.", ["U.S. rules apply.", "Ask."]),
        ("One! Two? Three.", ["One!", "Two?", "Three."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert claims.sentences(text) == expected


def test_the_shortcuts_case_folding_knows_every_character_python_matches_to_an_ascii_letter() -> (
    None
):
    import re
    import sys

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for found in set(re.findall(letter, everything, re.IGNORECASE)):
            assert claims.fold(found) == letter, hex(ord(found))


def test_a_claim_right_after_another_block_with_no_space_between_is_found() -> None:
    # Raw HTML with no line break: the page's text runs "Uses" into "Approved".
    assert found("<h2>Uses</h2><p>Approved for tension headaches.</p>") == [
        ("tension headaches", "Approved for tension headaches.")
    ]


# --- tables: a row is read as one sentence ------------------------------------------


def table(
    *rows: tuple[str, str], head: tuple[str, str] = ("Condition", "Status"), caption: str = ""
) -> str:
    cells = lambda tag, row: "".join(f"<{tag}>{cell}</{tag}>" for cell in row)  # noqa: E731
    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    caption = f"<caption>{caption}</caption>" if caption else ""
    return (
        f"<table>{caption}<thead><tr>{cells('th', head)}</tr></thead><tbody>{body}</tbody></table>"
    )


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            table(("Chronic migraine", "FDA-approved"), ("Tension headache", "FDA-approved")),
            [("Tension headache", "Tension headache | FDA-approved")],
        ),
        (
            table(("Low back pain", "Yes"), head=("Use", "FDA-approved?")),
            [("Low back pain", "Low back pain | FDA-approved")],
        ),
        (
            table(("Chronic migraine", "x"), caption="Uses approved for TMJ and migraine"),
            [("TMJ and migraine", "Uses approved for TMJ and migraine")],
        ),
    ],
)
def test_a_table_row_or_caption_that_calls_an_off_label_use_approved(
    html: str, expected: list[tuple[str, str]]
) -> None:
    assert found(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        table(("Tension headache", "Not FDA-approved (off-label)")),
        table(("Tension headache", "No"), head=("Use", "FDA-approved?")),
        table(("Tension headache", "Off-label"), ("Chronic migraine", "FDA-approved")),
    ],
)
def test_a_table_that_states_each_status_truthfully_passes(html: str) -> None:
    assert found(html) == []


def test_each_drug_judges_by_its_own_label_with_the_patterns_compiled_once() -> None:
    """A sentence that names no drug means the page's own: chronic migraine is on
    BOTOX's label, not on Dysport's, though both judges share one set of patterns."""
    judges = approvals.Judges(labels.load([labels.HERE]))
    botox, dysport = judges.of("botox"), judges.of("dysport")
    assert dysport.patterns is botox.patterns
    sentence = fragment("<p>It is FDA-approved for the prevention of chronic migraine.</p>")
    assert claims.false_approvals(sentence, botox) == []
    assert [c.condition for c in claims.false_approvals(sentence, dysport)] == [
        "the prevention of chronic migraine"
    ]
