"""Readability figures of a page's text: Flesch-Kincaid grade and Flesch reading ease.

The figures are textstat 0.7.3's, to the digit (its counting rules and rounding, held to
it by ``tests/test_readability_counts.py`` on the site's texts and on 4,000 made to hit
its edge cases), taken in one pass with pyphen, the hyphenation dictionaries textstat
counts syllables with. textstat itself is not imported by a build: it loads setuptools'
``pkg_resources`` and a second dictionary, a tenth of a second in each process, and its
later versions download a dictionary at run time, which a build must never do.
"""

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..core.html_text import Element, block_texts, prose, sections
from ..core.problems import Fault
from .base import Context, Findings, Page

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's own
_PUNCTUATION = re.compile(r"[^\w\s]")  # what textstat removes before it counts words
# the same, of ASCII text: str.translate deletes them at a seventh of the pattern's cost
_ASCII_PUNCTUATION = dict.fromkeys(i for i in range(128) if _PUNCTUATION.match(chr(i)))
_PUNCTUATION_ONLY = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a token made only of it
_WORD_CHARACTER = re.compile(r"\w")


def _words(sentence: str) -> int:
    r"""textstat's words of a sentence: the tokens left once punctuation (every character
    of ``[^\w\s]``) is removed, which drops the tokens made only of it."""
    return len(sentence.split()) - len(_PUNCTUATION_ONLY.findall(sentence))


def _short_in_plain_text(sentence: str) -> bool:
    """Whether ``_words`` of a sentence of a text with no token made only of punctuation
    is two or fewer. A sentence's tokens are the text's, but for its last: a sentence
    ends after its "?!", which may be all of its last token ("Really ?!x" reads "Really
    ?!"), so three tokens may be two words, and four (or more) never are. Split at most
    three times: most sentences are long, and splitting all of each was most of the
    count's cost."""
    tokens = sentence.split(None, 3)
    return len(tokens) <= 2 or (len(tokens) == 3 and not _WORD_CHARACTER.search(tokens[2]))


def sentence_count(text: str, plain: bool | None = None) -> int:
    """textstat's: a sentence of two words or fewer is not counted; at least one.
    ``plain``: whether no token of the text is made only of punctuation, if known."""
    sentences = _SENTENCE.findall(text)
    if plain is None:
        plain = not _PUNCTUATION_ONLY.search(text)
    if not plain:
        short = sum(1 for s in sentences if _words(s) <= 2)
    else:
        short = sum(map(_short_in_plain_text, sentences))
    return max(1, len(sentences) - short)


@functools.cache
def _hyphenation() -> Any:
    # Loaded on first use: on a big site the measuring happens in a worker process.
    import pyphen

    return pyphen.Pyphen(lang="en_US")  # textstat's language


@functools.lru_cache(maxsize=65536)
def _syllables(word: str) -> int:
    # once per distinct word: hyphenation is most of the cost, and a site repeats its words
    return len(_hyphenation().positions(word)) + 1


def word_and_syllable_counts(text: str) -> tuple[int, int]:
    """textstat's ``lexicon_count`` and ``syllable_count``: the words left once
    punctuation is removed, and pyphen's syllables of each (lower case)."""
    lowered = text.lower()
    if lowered.isascii():
        lowered = lowered.translate(_ASCII_PUNCTUATION)
    else:
        lowered = _PUNCTUATION.sub("", lowered)
    words = Counter(lowered.split())
    return sum(words.values()), sum(_syllables(word) * count for word, count in words.items())


def _rounded(number: float, points: int) -> float:
    """textstat's ``_legacy_round``: half away from zero."""
    scale = 10**points
    return math.floor(number * scale + math.copysign(0.5, number)) / scale


@dataclass(frozen=True, slots=True)
class Readability:
    grade: float  # Flesch-Kincaid grade level
    ease: float  # Flesch reading ease, 0-100, higher is easier
    words: int


def measure(text: str) -> Readability | None:
    """The figures of a text, or None when it has no words to measure."""
    tokens = len(text.split())
    if not tokens:
        return None
    words, syllables = word_and_syllable_counts(text)
    # the words are the tokens left once punctuation is removed: a token made only of
    # it is gone (a search for one cost more than the rest of the sentence count)
    sentences = sentence_count(text, plain=words == tokens)
    # textstat's averages, each rounded to one place before the formulas use them
    sentence_length = _rounded(words / sentences, 1)
    syllables_per_word = _rounded(syllables / words, 1) if words else 0.0
    grade = _rounded(0.39 * sentence_length + 11.8 * syllables_per_word - 15.59, 1)
    ease = _rounded(206.835 - 1.015 * sentence_length - 84.6 * syllables_per_word, 2)
    return Readability(grade=round(grade, 1), ease=round(ease, 1), words=words)


def page_readability(root: Element) -> Readability | None:
    return measure(prose(block_texts(root)))


def above_target(figures: Readability | None, target: float) -> list[Fault]:
    """A warning for a page that reads above the target grade: most readers are patients."""
    if figures is None or figures.grade <= target:
        return []
    return [
        Fault(
            f"the page reads at grade {figures.grade:g} (Flesch-Kincaid), above the "
            f"target of {target:g}",
            "shorter sentences and everyday words make it easier for patients",
            line=1,
        )
    ]


def summary_faults(
    root: Element, heading: str, target: float
) -> tuple[Readability | None, list[Fault]]:
    """A page that must open with a plain-language summary: is it there, and plain?"""
    first = next(sections(root, "h2"), None)
    if first is None or first[0].casefold() != heading.casefold():
        return None, [
            Fault(
                f"the page does not open with an '{heading}' section",
                f"start the text with '## {heading}' and two to four short, plain sentences",
                line=1,
            )
        ]
    figures = measure(prose(first[1]))
    if figures is None:
        return None, [
            Fault(
                f"the '{heading}' section is empty",
                "write two to four short, plain sentences under it",
                text=heading,
            )
        ]
    if figures.grade > target:
        return figures, [
            Fault(
                f"the '{heading}' section reads at grade {figures.grade:g}, above the "
                f"target of {target:g}",
                "use shorter sentences and everyday words",
                text=heading,
            )
        ]
    return figures, []


def check(page: Page, context: Context) -> Findings:
    """The page's reading grade and ease; above the target, a warning on a medical page."""
    if page.view is None:
        return Findings()
    figures = page_readability(page.view.root)
    target = context.config.readability_grade
    warnings = above_target(figures, target) if page.is_medical else []
    cell = f"{figures.grade:g} / {figures.ease:g}" if figures else None
    return Findings(warnings=warnings, cell=cell, value=figures)


def summary_check(page: Page, context: Context) -> Findings:
    """The plain-language summary that the kinds of ``MEDICAL_SUMMARY_KINDS`` open with."""
    config = context.config
    if page.view is None or page.kind not in config.summary_kinds:
        return Findings()
    figures, found = summary_faults(
        page.view.root, config.summary_heading, config.readability_grade
    )
    return Findings(found, value=figures)
