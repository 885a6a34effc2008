"""Risk language: sentences that overstate a treatment's safety or benefit.

The rules are data (``risk_language.toml``, or the file ``MEDICAL_RISK_LANGUAGE``
names), each with its reason and a suggested wording; this module only applies them,
one clause at a time, and lets negations, questions and denials through (the file's
header says how). Whether a use is approved, for the rules that care ("proven"), is
the label registry's answer (``approvals.Judge``), never the page's.
"""

import functools
import hashlib
import os
import re
from dataclasses import dataclass

from .claims import fold, own_text, sentences
from .problems import Fault, SettingsError, read_toml
from .required_words import WORD, haystack_of, required_words

DEFAULT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "risk_language.toml")

# Every pattern here reads folded (lower-case) text: see ``_sentence_findings``.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014\u2022\u00b7|]|\s-\s"
    r"|\b(?:but|although|however|while|whereas|unlike|so)\b"
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|nobody|neither|nor|cannot|without|myths?|untrue|false|wrong)\b"
    r"|n['\u2019]t\b"
)
# A sentence that reports a claim to deny or withdraw it: "It is a myth that ...",
# "Be wary of a clinic that says ...", "We used to say ..." (a page of corrections).
_DENIAL = re.compile(
    r"\b(?:myths?|misconceptions?|not\s+true|untrue|false\s+claims?"
    r"|used\s+to\s+(?:say|call|claim|write|invite|describe|tell|promise)"
    r"|be\s+wary|beware|do\s+not\s+believe|don['\u2019]t\s+believe)\b"
)
# "Unlike ..." starts a clause of its own, but the comparison is the claim.
_KEEP_WHOLE = re.compile(r"\bunlike\b")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    patterns: tuple  # compiled
    why: str
    fix: str
    subject: bool  # the clause must name the treatment before the match
    own_negation: bool  # its patterns hold a negation ("no side effects"): only one before counts
    unless: object  # a pattern that, before the match in its clause, makes it no claim, or None
    approved_passes: bool  # passes for a use the label holds


@dataclass(frozen=True)
class Finding:
    rule: Rule
    sentence: str
    phrase: str  # the words that matched: what the writer looks for in the source


@dataclass(frozen=True)
class Rules:
    rules: tuple
    treatment: re.Pattern  # words that stand for the treatment, and the drugs' names
    fingerprint: str  # of the file and the names: cached results hold while it holds
    # word -> the (rule, pattern) indices that need it (``required_words``), and the
    # patterns no word stands for, which read every clause
    by_word: dict
    always: tuple
    whole: frozenset  # the needles that are whole words, as words
    partial: tuple  # the others

    @classmethod
    def load(cls, path, drug_names):
        data = read_toml(path, "risk-language file")
        rules = tuple(
            _rule(entry, f"{path}: rule {number} ({entry.get('id', '?')})")
            for number, entry in enumerate(data.get("rule", []), start=1)
        )
        by_word, always = _index(rules)
        words = sorted(
            {fold(w) for w in (*data.get("treatment_words", []), *drug_names)},
            key=len,
            reverse=True,
        )
        treatment = re.compile(
            r"\b(?:"
            + "|".join([re.escape(w) for w in words] + data.get("treatment_patterns", []))
            + r")\b"
        )
        with open(path, "rb") as source:
            fingerprint = hashlib.sha256(source.read() + "\0".join(words).encode()).hexdigest()
        whole = frozenset(n.strip() for n in by_word if _is_whole(n))
        return cls(
            rules,
            treatment,
            fingerprint,
            by_word,
            always,
            whole,
            tuple(n for n in by_word if not _is_whole(n)),
        )

    def words_in(self, text):
        """The needles of ``by_word`` that the text holds."""
        words = WORD.findall(fold(text))
        found = haystack_of(words)
        # most needles are whole words: a set intersection finds them at once
        whole = {f" {word} " for word in self.whole.intersection(words)}
        return frozenset(whole | {needle for needle in self.partial if needle in found})

    def patterns_for(self, words):
        """(rule, pattern) indices to try on a text that holds ``words``, in order."""
        return sorted({found for word in words for found in self.by_word[word]} | set(self.always))

    def __hash__(self):
        return hash(self.fingerprint)

    def __eq__(self, other):
        return isinstance(other, Rules) and other.fingerprint == self.fingerprint


def _is_whole(needle):
    """A needle anchored at both ends is a whole word (``required_words``)."""
    return needle.startswith(" ") and needle.endswith(" ")


def _rule(entry, where):
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


def _index(rules):
    """(needle -> the (rule, pattern) indices that need it, the patterns no needle
    stands for)."""
    by_word, always = {}, []
    for number, rule in enumerate(rules):
        for index, pattern in enumerate(rule.patterns):
            words = required_words(pattern)
            for word in words or ():
                by_word.setdefault(word, []).append((number, index))
            if words is None:
                always.append((number, index))
    return {word: tuple(found) for word, found in by_word.items()}, tuple(always)


# The blocks whose own words a reader takes as one text (a list item, a table cell).
_LEAVES = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "blockquote",
    "summary",
)


def in_html(root, rules, judge):
    """Every overstated sentence of a rendered page or snippet."""
    found = []
    for element in root.iter(*_LEAVES):
        found += findings(own_text(element), rules, judge)
    return found


def findings(text, rules, judge):
    """Every overstated sentence in ``text`` (plain text of one block), with its rule."""
    words = rules.words_in(text)
    if not words and not rules.always:
        return []  # most text: none of the words any pattern needs
    found = []
    for sentence in sentences(text):
        found += _sentence_findings(sentence, rules, words, judge)
    return found


@functools.lru_cache(maxsize=16384)
def _sentence_findings(sentence, rules, words, judge):
    """``words``: those of the rules' words that the sentence's block holds."""
    plain = fold(sentence.replace("\u2019", "'"))
    if plain.rstrip(" )\"'”").endswith("?") or _DENIAL.search(plain):
        return ()
    for clause in _clauses(plain):
        # each pattern reads only the clauses that hold one of its words (looked for
        # loosely: a cheap narrowing)
        for number, index in rules.patterns_for([word for word in words if word.strip() in clause]):
            rule = rules.rules[number]
            match = _match(rule, rule.patterns[index], clause, rules, judge)
            if match:  # one finding a sentence: the writer rewrites it whole
                return (Finding(rule, sentence, match.group().strip()),)
    return ()


def _clauses(sentence):
    if _KEEP_WHOLE.search(sentence):
        return [sentence]
    return [part for part in _CLAUSE_BREAK.split(sentence) if part.strip()]


def _match(rule, pattern, clause, rules, judge):
    for match in pattern.finditer(clause):
        if _passes(rule, clause, match.start(), match.end(), rules, judge):
            return match
    return None


def _passes(rule, clause, start, end, rules, judge):
    """Whether the words at start:end of the clause make the rule's claim there."""
    before, matched = clause[:start], clause[start:end]
    if _NEGATION.search(before if rule.own_negation else before + matched):
        return False  # "No medicine is completely safe"; "Botox is not safe for everyone"
    if rule.unless is not None and rule.unless.search(before):
        return False
    if rule.subject and not rules.treatment.search(before + matched):
        return False
    return not (rule.approved_passes and judge is not None and judge.names_a_use(clause))


def faults(found, field=""):
    """A fault for each finding; ``field``: the metadata it was read from, if any."""
    return [
        Fault(
            f"overstates the treatment ({finding.rule.name}): {finding.sentence!r}; "
            f"{finding.rule.why}",
            # the line that holds the whole sentence, else the first that holds the words
            finding.rule.fix,
            field=field,
            text="" if field else finding.phrase,
            all_of=() if field else (finding.sentence,),
        )
        for finding in found
    ]
