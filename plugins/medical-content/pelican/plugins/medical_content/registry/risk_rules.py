"""The risk-language rules as data: read from their file (``risk_language.toml``, or the
file ``MEDICAL_RISK_LANGUAGE`` names) once a build, each pattern with the words a text
must hold for it to be tried (``required_words``)."""

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
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

    def holds(self, found: frozenset[str]) -> bool:
        """Whether a text of these needles holds what one alternative requires."""
        return any(all(not n.isdisjoint(found) for n in a) for a in self.alternatives)


@dataclass(frozen=True, eq=False)
class Rules:
    rules: tuple[Rule, ...]
    treatment: re.Pattern[str]  # words that stand for the treatment, and the drugs' names
    fingerprint: str  # of the file and the names: cached results hold while it holds
    words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # by token
    memo: dict[frozenset[str], tuple[Candidate, ...]] = field(default_factory=dict, repr=False)

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
    def by_needle(self) -> dict[str, tuple[int, ...]]:
        """needle -> the filters whose index holds it"""
        found: dict[str, list[int]] = {}
        for number, one in enumerate(self.filters):
            for needle in one.index or ():
                found.setdefault(needle, []).append(number)
        return {needle: tuple(numbers) for needle, numbers in found.items()}

    @cached_property
    def always(self) -> tuple[int, ...]:
        """The filters no needle stands for."""
        return tuple(number for number, one in enumerate(self.filters) if one.index is None)

    @cached_property
    def needles(self) -> "_Needles":
        """The needles any filter looks for."""
        return _Needles.of_filters(self.filters)

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """The patterns that may match in ``text``, in the rules' order: those whose
        every requirement the text holds."""
        # Kept for the build, one entry a token and one a set of needles: looking each
        # needle up in each block's text (a hundred substring tests), then each pattern's
        # requirements, cost more than the rules themselves (``make bench``); a site's
        # tokens, and the sets of needles its blocks hold, are few. A text's words
        # (``WORD``) are those of its whitespace-separated tokens.
        tokens = set(fold(text).split())
        for token in tokens.difference(self.words):
            self.words[token] = frozenset().union(*map(self.needles.of, WORD.findall(token)))
        found = frozenset().union(*map(self.words.__getitem__, tokens))
        known = self.memo.get(found)
        if known is None:
            known = self.memo[found] = self._candidates(found)
        return known

    def _candidates(self, found: frozenset[str]) -> tuple[Candidate, ...]:
        indexed = {number for needle in found for number in self.by_needle.get(needle, ())}
        return tuple(
            self.filters[number].candidate
            for number in sorted(indexed.union(self.always))
            if self.filters[number].holds(found)
        )

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rules) and other.fingerprint == self.fingerprint


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
