"""The readability figures are textstat's own: the plugin counts a text's sentences,
words and syllables in one pass with pyphen (``checks.readability``), and each count
and figure must be the one textstat 0.7.3 gives for the same text, on ordinary prose
and on the texts where its counting rules bite (a sentence of two words is not
counted; a token made only of punctuation is no word; a sentence ends after its last
"?!", which may cut a token)."""

import random

import pytest
from textstat.textstat import textstatistics

from pelican.plugins.medical_content.checks import readability

TEXTS = [
    "Botox is a prescription medicine. It is injected into muscles. Ask your doctor.",
    "Really ?!x And then? Yes. No!",
    "One two - three. Four — five six. Seven & eight; nine.",
    "Wait ?! Go. A b c ?! d",
    "a . b . c d e . f g h i .",
    "e.g. this, i.e. that. 3.5 mg... OK?!",
    "-- -- --. ... !!! ??? word.",
    "Crow’s feet, it's fine: don't worry. They'd go.",
]


def _random_texts(count: int) -> list[str]:
    draw = random.Random(7)
    alphabets = ["ab .!?", "a ?!x.", "ab c.!?'-—_\n\t\u00a0é1 ,;x", "w  - -- . ! ? w"]
    found = []
    for number in range(count):
        alphabet = alphabets[number % len(alphabets)]
        found.append("".join(draw.choice(alphabet) for _ in range(draw.randint(1, 60))))
    return [text for text in found if text.split()]


def _figures(text: str) -> dict[str, object]:
    words, syllables = readability.word_and_syllable_counts(text)
    figures = readability.measure(text)
    assert figures is not None
    return {
        "sentence_count": readability.sentence_count(text),
        "lexicon_count": words,
        "syllable_count": syllables,
        "flesch_kincaid_grade": figures.grade,
        "flesch_reading_ease": figures.ease,
        "words": figures.words,
    }


def _textstats(text: str) -> dict[str, object]:
    plain = textstatistics()
    return {
        "sentence_count": plain.sentence_count(text),
        "lexicon_count": plain.lexicon_count(text),
        "syllable_count": plain.syllable_count(text),
        # as the plugin reports them: one decimal place
        "flesch_kincaid_grade": round(plain.flesch_kincaid_grade(text), 1),
        "flesch_reading_ease": round(plain.flesch_reading_ease(text), 1),
        "words": plain.lexicon_count(text),
    }


def _differences(texts: list[str]) -> list[tuple[str, object, object]]:
    return [
        (text, ours, theirs)
        for text in texts
        if (ours := _figures(text)) != (theirs := _textstats(text))
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_each_figure_is_textstats_own(text: str) -> None:
    assert _differences([text]) == []


def test_each_figure_is_textstats_own_on_texts_of_punctuation_and_short_words() -> None:
    texts = _random_texts(4000)
    assert len(texts) > 3500
    assert _differences(texts) == []
