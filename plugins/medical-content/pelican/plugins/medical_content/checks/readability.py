"""Readability figures of a page's text: Flesch-Kincaid grade and Flesch reading ease.

textstat 0.7.3 counts syllables with pyphen's bundled dictionaries; later versions
download a dictionary at run time, which a build must never do.
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..core.html_text import Element, block_texts, prose, sections
from ..core.problems import Fault
from .base import Context, Findings, Page

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's own
_PUNCTUATION_ONLY = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a token textstat removes


_WORD_CHARACTER = re.compile(r"\w")


def _words(sentence: str) -> int:
    r"""``lexicon_count``'s words: the tokens left once punctuation (every character of
    ``[^\w\s]``) is removed, which drops the tokens made only of it."""
    return len(sentence.split()) - len(_PUNCTUATION_ONLY.findall(sentence))


def _words_of_plain_text(sentence: str) -> int:
    """``_words`` of a sentence of a text with no token made only of punctuation. A
    sentence's tokens are the text's, but for its last: a sentence ends after its "?!",
    which may be all of its last token ("Really ?!x" reads "Really ?!")."""
    tokens = sentence.split()
    return len(tokens) - (1 if tokens and not _WORD_CHARACTER.search(tokens[-1]) else 0)


@functools.cache
def _textstat() -> Any:
    # Imported on first use: textstat and its dictionaries take a fifth of a second to
    # load, and on a big site the measuring happens in a worker process.
    from textstat.textstat import textstatistics

    class Textstat(textstatistics):
        """textstat's own formulas and rounding, with its counts taken in fewer passes:
        syllables once per distinct word (pyphen's hyphenation is most of the cost, and
        a site repeats its words), and the words of each sentence in one search."""

        # One instance a process (``_textstat`` is cached), so caching on its methods
        # keeps nothing alive that would otherwise be freed.
        @functools.lru_cache(maxsize=65536)  # noqa: B019
        def _word_syllables(self, word: str) -> int:
            return len(self.pyphen.positions(word)) + 1

        @functools.lru_cache(maxsize=128)  # noqa: B019
        def syllable_count(self, text: str, lang: str | None = None) -> int:
            words = Counter(self.remove_punctuation(text.lower()).split())
            return sum(self._word_syllables(word) * count for word, count in words.items())

        @functools.lru_cache(maxsize=128)  # noqa: B019
        def sentence_count(self, text: str) -> int:
            # textstat's: a sentence of two words or fewer is not counted.
            sentences = _SENTENCE.findall(text)
            words = _words if _PUNCTUATION_ONLY.search(text) else _words_of_plain_text
            return max(1, len(sentences) - sum(1 for s in sentences if words(s) <= 2))

    return Textstat()


@dataclass(frozen=True, slots=True)
class Readability:
    grade: float  # Flesch-Kincaid grade level
    ease: float  # Flesch reading ease, 0-100, higher is easier
    words: int


def measure(text: str) -> Readability | None:
    """The figures of a text, or None when it has no words to measure."""
    if not text.split():
        return None
    textstat = _textstat()
    return Readability(
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        ease=round(textstat.flesch_reading_ease(text), 1),
        words=textstat.lexicon_count(text),
    )


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
    found = sections(root, "h2")
    if not found or found[0][0].casefold() != heading.casefold():
        return None, [
            Fault(
                f"the page does not open with an '{heading}' section",
                f"start the text with '## {heading}' and two to four short, plain sentences",
                line=1,
            )
        ]
    figures = measure(prose(found[0][1]))
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
