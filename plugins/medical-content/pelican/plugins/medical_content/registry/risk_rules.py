"""The risk-language rules as data: read from their file (``risk_language.toml``, or the
file ``MEDICAL_RISK_LANGUAGE`` names) once a build, each pattern with the words a text
must hold for it to be tried (``required_words``)."""

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_
from typing import Any

from ..core.problems import SettingsError, read_toml
from ..core.prose import fold
from ..core.required_words import WORD, Needles, required_words, requirements

DEFAULT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "risk_language.toml")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    patterns: tuple[re.Pattern[str], ...]
    why: str
    fix: str
    subject: bool  # the clause must name the treatment before the match
    own_negation: bool  # its patterns hold a negation ("no side effects"): only one before counts
    unless: re.Pattern[str] | None  # before the match in its clause, makes it no claim
    approved_passes: bool  # passes for a use the label holds


@dataclass(frozen=True)
class Candidate:
    """A pattern to try on the clauses of a text that holds what it requires."""

    rule: int  # its rule's index in ``Rules.rules``
    pattern: int  # its index in the rule's patterns
    words: tuple[str, ...]  # one of which a clause must hold (loosely); () for any clause


@dataclass(frozen=True)
class _Filter:
    """What a text must hold for one pattern to be tried on it."""

    candidate: Candidate
    index: Needles | None  # one of which the text holds; None when no word stands for it
    alternatives: tuple[tuple[Needles, ...], ...]  # and all of one of these


@dataclass(frozen=True, eq=False)
class Rules:
    rules: tuple[Rule, ...]
    treatment: re.Pattern[str]  # words that stand for the treatment, and the drugs' names
    fingerprint: str  # of the file and the names: cached results hold while it holds
    words: dict[str, int] = field(default_factory=dict, repr=False)  # needles by token
    memo: dict[tuple[int, int], tuple[Candidate, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: str, drug_names: Iterable[str]) -> "Rules":
        data = read_toml(path, "risk-language file")
        rules = tuple(
            _rule(entry, f"{path}: rule {number} ({entry.get('id', '?')})")
            for number, entry in enumerate(data.get("rule", []), start=1)
        )
        # the longest first, so that the alternation prefers it; then in order, so that
        # the fingerprint is the same in every process (a set's order is not)
        words = sorted(
            {fold(w) for w in (*data.get("treatment_words", []), *drug_names)},
            key=lambda w: (-len(w), w),
        )
        treatment = re.compile(
            r"\b(?:"
            + "|".join([re.escape(w) for w in words] + data.get("treatment_patterns", []))
            + r")\b"
        )
        with open(path, "rb") as source:
            fingerprint = hashlib.sha256(source.read() + "\0".join(words).encode()).hexdigest()
        return cls(rules, treatment, fingerprint)

    # The filters are read from the patterns where the rules are first used, which on a
    # big site is a check worker: reading them costs the build's own process 60 ms.
    @cached_property
    def filters(self) -> tuple[_Filter, ...]:
        return _filters(self.rules)

    @cached_property
    def needles(self) -> "_Needles":
        """The needles any filter looks for."""
        return _Needles.of_filters(self.filters)

    @cached_property
    def sieve(self) -> "_Sieve":
        return _Sieve.of(self.filters, self.needles)

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """The patterns that may match in ``text``, in the rules' order: those whose
        every requirement the text holds."""
        # Kept for the build, one entry a token and one a set of needles: looking each
        # needle up in each block's text (a hundred substring tests), then each pattern's
        # requirements, cost more than the rules themselves (``make bench``); a site's
        # tokens, and the sets of needles its blocks hold, are few. A text's words
        # (``WORD``) are those of its whitespace-separated tokens.
        tokens = set(fold(text).split())
        sieve = self.sieve
        for token in tokens.difference(self.words):
            self.words[token] = sieve.mask(
                n for w in WORD.findall(token) for n in self.needles.of(w)
            )
        found = sieve.key(reduce(or_, map(self.words.__getitem__, tokens), 0))
        known = self.memo.get(found)
        if known is None:
            known = self.memo[found] = sieve.candidates(found[1])
        return known

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rules) and other.fingerprint == self.fingerprint


@dataclass(frozen=True)
class _Sieve:
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
    def of(cls, filters: Sequence[_Filter], needles: "_Needles") -> "_Sieve":
        every = sorted(
            {*needles.whole, *needles.start.values(), *needles.end.values(), *needles.inside}
        )
        bits = {needle: 1 << number for number, needle in enumerate(every)}

        def mask(found: Iterable[str]) -> int:
            return reduce(or_, (bits[n] for n in found), 0)

        tests = tuple(
            (
                one.candidate,
                None if one.index is None else mask(one.index),
                tuple(tuple(mask(n) for n in alternative) for alternative in one.alternatives),
            )
            for one in filters
        )
        index = reduce(or_, (test[1] for test in tests if test[1] is not None), 0)
        return cls(bits, tests, index)

    def key(self, found: int) -> tuple[int, int]:
        """What decides which filters a text of the ``found`` needles passes: the index
        bits it holds, and its needles among those of the filters they let try."""
        indexed = found & self.index
        relevant = self.relevant.get(indexed)
        if relevant is None:
            relevant = self.relevant[indexed] = reduce(
                or_,
                (
                    index if index is not None else 0
                    for _, index, _ in self.tests
                    if index is None or index & indexed
                ),
                0,
            ) | reduce(
                or_,
                (
                    needles
                    for _, index, alternatives in self.tests
                    if index is None or index & indexed
                    for alternative in alternatives
                    for needles in alternative
                ),
                0,
            )
        return indexed, found & relevant

    def mask(self, needles: Iterable[str]) -> int:
        return reduce(or_, (self.bits[n] for n in needles), 0)

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
class _Needles:
    """The needles of the filters by the part of a word they stand for (a needle is a
    word's, see ``required_words``): the whole word, its start, its end, or any part."""

    whole: frozenset[str]
    start: dict[str, str]  # the word's start -> the needle
    end: dict[str, str]
    inside: tuple[str, ...]

    @classmethod
    def of_filters(cls, filters: Sequence[_Filter]) -> "_Needles":
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


def _rule(entry: dict[str, Any], where: str) -> Rule:
    try:
        if any(re.search("[A-Z]", re.sub(r"\\[A-Za-z]", "", p)) for p in entry["patterns"]):
            raise SettingsError(
                f"{where}: write its patterns in lower case; they are matched "
                "against the text in lower case"
            )
        return Rule(
            id=entry["id"],
            name=entry["name"],
            # matched against folded (lower-case) text: case-insensitive matching made
            # every pattern about a third slower
            patterns=tuple(re.compile(p) for p in entry["patterns"]),
            why=entry["why"],
            fix=entry["fix"],
            subject=bool(entry.get("subject")),
            own_negation=bool(entry.get("own_negation")),
            unless=re.compile(entry["unless"]) if entry.get("unless") else None,
            approved_passes=bool(entry.get("approved_passes")),
        )
    except (KeyError, re.error) as error:
        raise SettingsError(
            f"{where}: {error}; each rule needs id, name, patterns, why and fix"
        ) from None


def _needles(found: _Filter) -> set[str]:
    """Every needle the filter looks for."""
    return {*(found.index or ()), *(n for a in found.alternatives for c in a for n in c)}


def _filters(rules: Sequence[Rule]) -> tuple[_Filter, ...]:
    """Each pattern's filter, in the rules' order."""
    found = []
    for number, rule in enumerate(rules):
        for index, pattern in enumerate(rule.patterns):
            needles = required_words(pattern)
            words = tuple(sorted({n.strip() for n in needles})) if needles is not None else ()
            found.append(_Filter(Candidate(number, index, words), needles, requirements(pattern)))
    return tuple(found)
