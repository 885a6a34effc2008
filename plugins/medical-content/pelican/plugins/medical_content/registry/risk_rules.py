"""The risk-language rules as data: read from their file (``risk_language.toml``, or the
file ``MEDICAL_RISK_LANGUAGE`` names) once a build, each pattern with the words a text
must hold for it to be tried (``required_words``)."""

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_
from typing import Any

from ..core.problems import SettingsError, read_toml
from ..core.prose import fold
from ..core.required_words import WORD
from .risk_filters import Candidate, Filter, NeedleIndex, Sieve, filters

__all__ = ["DEFAULT_FILE", "Candidate", "Rule", "Rules"]

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


@dataclass(frozen=True, eq=False)
class Rules:
    rules: tuple[Rule, ...]
    treatment: re.Pattern[str]  # words that stand for the treatment, and the drugs' names
    fingerprint: str  # of the file and the names: cached results hold while it holds
    known: set[str] = field(default_factory=set, repr=False)  # every token met
    masks: dict[str, int] = field(default_factory=dict, repr=False)  # needles by token
    flagged: set[str] = field(default_factory=set, repr=False)  # the tokens with any
    memo: dict[int, tuple[Candidate, ...]] = field(default_factory=dict, repr=False)

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
    def filters(self) -> tuple[Filter, ...]:
        return filters([rule.patterns for rule in self.rules])

    @cached_property
    def needles(self) -> NeedleIndex:
        """The needles any filter looks for."""
        return NeedleIndex.of_filters(self.filters)

    @cached_property
    def sieve(self) -> Sieve:
        return Sieve.of(self.filters)

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """The patterns that may match in ``text``, in the rules' order: those whose
        every requirement the text holds."""
        # Kept for the build, the needles of each token and the candidates of each set
        # of needles: looking each needle up in each block's text (a hundred substring
        # tests), then each pattern's requirements, cost more than the rules themselves
        # (``make bench``); a site's tokens, and the sets of needles its blocks hold, are
        # few. A text's words (``WORD``) are those of its whitespace-separated tokens.
        # Most of a text's tokens are known and hold no needle: two set operations on
        # its tokens, with no set of them built, find the few that do.
        tokens = fold(text).split()
        if not self.known.issuperset(tokens):
            self._learn(tokens)
        masks = map(self.masks.__getitem__, self.flagged.intersection(tokens))
        found = self.sieve.key(reduce(or_, masks, 0))
        known = self.memo.get(found)
        if known is None:
            known = self.memo[found] = self.sieve.candidates(found)
        return known

    def _learn(self, tokens: Iterable[str]) -> None:
        for token in set(tokens).difference(self.known):
            mask = self.sieve.mask(n for w in WORD.findall(token) for n in self.needles.of(w))
            self.known.add(token)
            if mask:
                self.masks[token] = mask
                self.flagged.add(token)

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rules) and other.fingerprint == self.fingerprint


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
