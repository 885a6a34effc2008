"""The word filters of the risk-language rules: which patterns a text may match, read
from the words each pattern needs (``core.required_words``), so that a block is tried
only with the few patterns whose words it holds."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from ..core.required_words import Needles, read


@dataclass(frozen=True)
class Candidate:
    """A pattern to try on the clauses of a text that holds what it requires."""

    rule: int  # its rule's index in ``Rules.rules``
    pattern: int  # its index in the rule's patterns
    words: tuple[str, ...]  # one of which a clause must hold (loosely); () for any clause


@dataclass(frozen=True)
class Filter:
    """What a text must hold for one pattern to be tried on it."""

    candidate: Candidate
    index: Needles | None  # one of which the text holds; None when no word stands for it
    alternatives: tuple[tuple[Needles, ...], ...]  # and all of one of these


@dataclass(frozen=True)
class Sieve:
    """The filters with their needles as bits: the needles a text holds are one number,
    and whether it holds one of a set is one AND (a set of needles, a set operation)."""

    bits: dict[str, int]  # needle -> its bit
    # each filter: its candidate, its index's bits (None: tried on any text), and the
    # bits of each set of needles of each alternative
    tests: tuple[tuple[Candidate, int | None, tuple[tuple[int, ...], ...]], ...]
    index: int  # the bits of every filter's index
    # the index bits a text holds -> the bits of the needles of every filter they let
    # try: no other needle changes which filters a text passes
    relevant: dict[int, int] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, filters: Sequence[Filter]) -> "Sieve":
        every = sorted({needle for one in filters for needle in _needles(one)})
        bits = {needle: 1 << number for number, needle in enumerate(every)}
        tests = tuple(
            (
                one.candidate,
                None if one.index is None else _mask(bits, one.index),
                tuple(
                    tuple(_mask(bits, needles) for needles in alternative)
                    for alternative in one.alternatives
                ),
            )
            for one in filters
        )
        index = reduce(or_, (test[1] for test in tests if test[1] is not None), 0)
        return cls(bits, tests, index)

    def key(self, found: int) -> int:
        """What decides which filters a text of the ``found`` needles passes: the index
        bits it holds, and its needles among those of the filters they let try (which
        hold those index bits: the key holds them)."""
        indexed = found & self.index
        relevant = self.relevant.get(indexed)
        if relevant is None:
            relevant = 0
            for _, index, alternatives in self.tests:
                if index is None or index & indexed:
                    relevant |= index or 0
                    for alternative in alternatives:
                        relevant |= reduce(or_, alternative, 0)
            self.relevant[indexed] = relevant
        return found & relevant

    def mask(self, needles: Iterable[str]) -> int:
        return _mask(self.bits, needles)

    def candidates(self, found: int) -> tuple[Candidate, ...]:
        """The candidates of the filters a text of the ``found`` needles passes (or of
        its relevant ones: ``key``)."""
        return tuple(
            candidate
            for candidate, index, alternatives in self.tests
            if (index is None or index & found)
            and any(all(needles & found for needles in alternative) for alternative in alternatives)
        )


@dataclass(frozen=True)
class NeedleIndex:
    """The needles of the filters by the part of a word they stand for (a needle is a
    word's, see ``required_words.read``): the whole word, its start, its end, or any part."""

    whole: frozenset[str]
    start: dict[str, str]  # the word's start -> the needle
    end: dict[str, str]
    inside: tuple[str, ...]

    @classmethod
    def of_filters(cls, filters: Sequence[Filter]) -> "NeedleIndex":
        every = {n for f in filters for n in _needles(f)}
        start = {n[1:]: n for n in every if n.startswith(" ") and not n.endswith(" ")}
        end = {n[:-1]: n for n in every if n.endswith(" ") and not n.startswith(" ")}
        return cls(
            frozenset(n for n in every if n.startswith(" ") and n.endswith(" ")),
            start,
            end,
            tuple(n for n in every if n.strip() == n),
        )

    def of(self, word: str) -> frozenset[str]:
        """The needles the word holds."""
        found = {n for n in self.inside if n in word}
        if f" {word} " in self.whole:
            found.add(f" {word} ")
        for length in range(1, len(word) + 1):
            if word[:length] in self.start:
                found.add(self.start[word[:length]])
            if word[-length:] in self.end:
                found.add(self.end[word[-length:]])
        return frozenset(found)


def _mask(bits: dict[str, int], needles: Iterable[str]) -> int:
    return reduce(or_, (bits[needle] for needle in needles), 0)


def _needles(found: Filter) -> set[str]:
    """Every needle the filter looks for."""
    return {*(found.index or ()), *(n for a in found.alternatives for c in a for n in c)}


def filters(rules: Sequence[Sequence[re.Pattern[str]]]) -> tuple[Filter, ...]:
    """Each pattern's filter, in the rules' order; ``rules``: each rule's patterns."""
    found = []
    for number, patterns in enumerate(rules):
        for index, pattern in enumerate(patterns):
            needles, requirements = read(pattern)
            words = tuple(sorted({n.strip() for n in needles})) if needles is not None else ()
            found.append(Filter(Candidate(number, index, words), needles, requirements))
    return tuple(found)
