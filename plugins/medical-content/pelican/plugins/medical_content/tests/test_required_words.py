"""The risk-language word filter is sound: it never skips a text one of the rules'
patterns matches. A pattern is only tried on a block whose words hold what its
requirements need (``Rules.candidates``, with the needles ``required_words`` reads from
the pattern), and then only on the clauses that hold one of its words; a wrong needle
would let unsafe wording through without a sign. So each pattern's own matches, drawn
by Hypothesis from the pattern itself, in other text and written as pages write them (in
capitals, with curly apostrophes and the letters that fold to ASCII ones), must pass
both, as the check applies them.

The examples are drawn with a fixed seed (derandomize), so CI runs the same ones every
time.
"""

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pelican.plugins.medical_content.core.prose import ASCII_LOOKALIKES, fold, sentences
from pelican.plugins.medical_content.judges import risk_language
from pelican.plugins.medical_content.registry import labels
from pelican.plugins.medical_content.registry.risk_rules import Candidate

REGISTRY = labels.load([labels.HERE])
RULES = risk_language.Rules.load(
    risk_language.DEFAULT_FILE, [name for label in REGISTRY.labels.values() for name in label.names]
)
# Every pattern the rules load, each with the candidate its filter lets through: the
# filters are the only users of ``required_words.read``.
CANDIDATES = [found.candidate for found in RULES.filters]
# About half a minute of generated examples: `make test-fast` leaves them to `make test`.
pytestmark = pytest.mark.slow
EXAMPLES = 60  # a pattern: enough to reach each of its branches
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# What stands around a match: words a page holds (its drug, the words of the rules,
# abbreviations that end no sentence), any text, and what may join them, or nothing.
WORDS = ["Botox", "it", "is", "not", "no", "side", "effects", "safe", "pain", "Dr.", "e.g.", "#"]
AROUND = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=4).map(" ".join)
JOINS = st.sampled_from(["", " ", "  ", "\n", "\u00a0", ", ", ". ", " (", ") "])


def lookalikes(text: str) -> str:
    """The text with each letter that has one as its ASCII lookalike ("ſ" for "s")."""
    for lookalike, letter in ASCII_LOOKALIKES.items():
        text = text.replace(letter, lookalike)
    return text


# How a page may write the words a pattern matches in lower case.
WRITTEN: list[Callable[[str], str]] = [
    str,
    str.upper,
    str.capitalize,
    lambda text: text.replace("'", "\u2019"),
    lookalikes,
]


def read_as_the_check_does(text: str) -> list[str]:
    """The clauses of a block of text the risk-language check tries its patterns on
    (``risk_language._sentence_finding``), and the whole block, folded."""
    read = [fold(text.replace("\u2019", "'"))]
    for sentence in sentences(text):
        read += risk_language._clauses(fold(sentence.replace("\u2019", "'")))
    return read


def name(candidate: Candidate) -> str:
    return f"{RULES.rules[candidate.rule].id}-{candidate.pattern}"


def test_every_pattern_of_every_rule_is_filtered_and_checked_here() -> None:
    assert len(CANDIDATES) == sum(len(rule.patterns) for rule in RULES.rules) >= 50


@pytest.mark.parametrize("candidate", CANDIDATES, ids=map(name, CANDIDATES))
def test_the_word_filter_lets_through_every_text_a_pattern_matches(candidate: Candidate) -> None:
    pattern = RULES.rules[candidate.rule].patterns[candidate.pattern]
    tried: list[str] = []  # every text drawn
    read: list[str] = []  # those the pattern matched in as the check reads them

    @PROPERTY
    @given(
        match=st.from_regex(pattern, fullmatch=True),
        written=st.sampled_from(WRITTEN),
        before=AROUND,
        after=AROUND,
        joins=st.tuples(JOINS, JOINS),
    )
    def passes(
        match: str,
        written: Callable[[str], str],
        before: str,
        after: str,
        joins: tuple[str, str],
    ) -> None:
        text = before + joins[0] + written(match) + joins[1] + after
        tried.append(text)
        matched = [part for part in read_as_the_check_does(text) if pattern.search(part)]
        if not matched:
            return  # written so that the pattern does not match either: nothing to let through
        read.append(text)
        assert candidate in RULES.candidates(text), (text, pattern.pattern)
        for part in matched[1:]:  # the clauses
            assert not candidate.words or any(word in part for word in candidate.words), (
                part,
                candidate.words,
            )

    passes()
    # the property held for the pattern's matches, not only for text it does not match
    # (Hypothesis may run fewer examples than it is allowed: a share of those it ran)
    assert len(read) >= max(10, len(tried) // 4), (pattern.pattern, len(read), len(tried))
