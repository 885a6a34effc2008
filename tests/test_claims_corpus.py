"""The claims check against its labelled corpus (tests/claims_corpus.toml): sentences
written the way clinics write, true and false, several products, lists of uses, limits,
negations, questions, history and hedges, each with the verdict the labels give it.
Every verdict must be right; the precision and recall of false-claim detection are
printed at the end of the run (conftest's terminal summary)."""

import tomllib
from pathlib import Path

import pytest
from support import precision_recall

from pelican.plugins.medical_content.core.html_text import fragment
from pelican.plugins.medical_content.judges import approvals, claims
from pelican.plugins.medical_content.registry import labels

CORPUS = tomllib.loads((Path(__file__).parent / "claims_corpus.toml").read_text(encoding="utf-8"))
ENTRIES = CORPUS["sentence"]
REGISTRY = labels.load([labels.HERE])
JUDGES = {key: approvals.Judge.of(REGISTRY, key) for key in REGISTRY.labels}
VERDICTS = {}  # index -> (expected, got): the summary's precision and recall


def verdict(entry):
    found = claims.false_approvals(fragment(f"<p>{entry['text']}</p>"), JUDGES[entry["drug"]])
    return "refuse" if found else "pass"


def test_the_corpus_is_big_and_balanced_enough_to_mean_something():
    refusals = sum(entry["verdict"] == "refuse" for entry in ENTRIES)
    assert len(ENTRIES) >= 80 and 0.3 <= refusals / len(ENTRIES) <= 0.7
    assert {entry["drug"] for entry in ENTRIES} <= set(REGISTRY.labels)
    assert len({entry["drug"] for entry in ENTRIES}) >= 5  # several products


@pytest.mark.parametrize(
    "index", range(len(ENTRIES)), ids=[entry["text"][:60] for entry in ENTRIES]
)
def test_each_sentence_gets_the_labels_verdict(index):
    entry = ENTRIES[index]
    got = verdict(entry)
    VERDICTS[index] = (entry["verdict"], got)
    assert got == entry["verdict"], entry["why"]


def summary():
    return precision_recall("claims corpus", list(VERDICTS.values()))
