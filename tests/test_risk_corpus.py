"""The risk-language check against its labelled corpus (tests/risk_corpus.toml),
written apart from the rules: overstated safety and benefit, statements against the
boxed warning, certainty, and the balanced or other-sense sentences that must pass.
Every verdict must be right; precision and recall are printed at the end of the run."""

import tomllib
from pathlib import Path

import pytest
from support import precision_recall

from pelican.plugins.medical_content.judges import approvals, risk_language
from pelican.plugins.medical_content.registry import labels

CORPUS = tomllib.loads((Path(__file__).parent / "risk_corpus.toml").read_text(encoding="utf-8"))
ENTRIES = CORPUS["sentence"]
REGISTRY = labels.load([labels.HERE])
RULES = risk_language.Rules.load(
    risk_language.DEFAULT_FILE, [name for label in REGISTRY.labels.values() for name in label.names]
)
JUDGE = approvals.Judge.of(REGISTRY, "botox")
# The page a sentence stands on, when its status matters: a use the label holds, or not.
PAGES = {
    "any": JUDGE,
    "approved": JUDGE.about("Chronic migraine"),
    "off-label": JUDGE.about("Tension headache"),
}
VERDICTS = {}  # index -> (expected, got)


def test_the_corpus_is_big_and_balanced_enough_to_mean_something():
    refused = sum(entry["refused"] for entry in ENTRIES)
    assert len(ENTRIES) >= 60 and 0.3 <= refused / len(ENTRIES) <= 0.7
    assert {entry["status"] for entry in ENTRIES} <= set(PAGES)


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=[e["text"][:60] for e in ENTRIES])
def test_each_sentence_gets_the_reviewers_verdict(index):
    entry = ENTRIES[index]
    found = risk_language.findings(entry["text"], RULES, PAGES[entry["status"]])
    VERDICTS[index] = (entry["refused"], bool(found))
    assert bool(found) == entry["refused"], (entry["why"], [f.rule.id for f in found])


def summary():
    return precision_recall("risk-language corpus", list(VERDICTS.values()), refused=True)


def test_every_match_holds_one_of_the_words_its_pattern_is_filtered_by():
    """The word filter (``required_words.read``) may only skip text a pattern cannot match:
    on every corpus sentence a pattern matches, one of its words is there."""
    from pelican.plugins.medical_content.core.required_words import (
        WORD,
        haystack_of,
        read,
    )
    from pelican.plugins.medical_content.judges.claims import fold

    checked = 0
    for rule in RULES.rules:
        for pattern in rule.patterns:
            needles, _ = read(pattern)
            for entry in ENTRIES:
                text = entry["text"].replace("\u2019", "'")
                for match in pattern.finditer(text):
                    checked += 1
                    found = haystack_of(WORD.findall(fold(match.group())))
                    assert needles is None or any(n in found for n in needles), (
                        pattern.pattern,
                        match.group(),
                        needles,
                    )
    assert checked >= 71  # every refused sentence matched at least one pattern
