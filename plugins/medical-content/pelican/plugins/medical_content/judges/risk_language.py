"""Risk language: sentences that overstate a treatment's safety or benefit.

The rules are data (``risk_rules``: ``risk_language.toml``, or the file
``MEDICAL_RISK_LANGUAGE`` names), each with its reason and a suggested wording; this
module only applies them, one clause at a time, and lets negations, questions and
denials through (the file's header says how). Whether a use is approved, for the rules
that care ("proven"), is the label registry's answer (``approvals.Judge``), never the
page's.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core.problems import Fault
from ..core.prose import LEAVES, fold, own_text, sentences
from ..registry.risk_rules import DEFAULT_FILE, Candidate, Rule, Rules
from .approvals import Judge

__all__ = ["DEFAULT_FILE", "Finding", "Rule", "Rules", "faults", "findings", "in_html"]

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
    r"|\b(?:claims?|idea|notion|belief|suggestion|statement)\s+that\b.*\b(?:is|are|was|were)"
    r"\s+(?:simply\s+|just\s+|plainly\s+)?(?:false|wrong|mistaken|misleading)\b"
)
# A clause that asks before it says: "decide whether Botox is a safe choice for you",
# "ask your doctor if it will help". What follows is an open question, not a claim.
_OPEN_QUESTION = re.compile(
    r"\bwhether\b"
    r"|\b(?:ask|asking|decide|deciding|check|checking|discuss|discussing|find\s+out|wonder"
    r"|wondering|consider|considering|judge|assess|work\s+out|weigh|weighing)"
    r"\s+(?:\w+\s+){0,3}?if\b"
)
# "Unlike ..." starts a clause of its own, but the comparison is the claim.
_KEEP_WHOLE = re.compile(r"\bunlike\b")
# Another's claim quoted to hold it at a distance: "Some clinics advertise 'guaranteed
# results'", "a clinic calls Botox 'proven'" (not "our clinic offers 'guaranteed results'").
_QUOTED_REPORT = re.compile(
    r"\b(?:some|other|certain|many|a|an|any|one|several|these|those|such)\s+(?:[\w-]+\s+)?"
    r"(?:clinics?|(?:web)?sites?|ads|adverts?|advertisements?|marketers?|providers?|spas?"
    r"|companies|sellers?|influencers?|posts?|brochures?|salons?)\s+(?:\w+\s+)?"
    r"(?:advertis|promis|claim|call|say|offer|tout|market|boast|use|sell|push)\w*\s+"
    r"(?:[\w-]+\s+){0,3}?['\"\u2018\u201c]$"
)
# A clause with no verb that starts with the claim is said of the page's treatment when it
# starts the sentence ("Safe for everyone.", "Permanent results.") or goes on from a clause
# that starts with the treatment ("Botox is gentle, safe and effective"); not "Safe options
# are few" (it has a verb of its own).
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|can|could|will|would|may|might|must|should"
    r"|do|does|did)\b|n't\b"
)
# ... but a clause that starts with a verb tells the reader to do something: "Be safe",
# "Stay safe and call us".
_IMPERATIVE = re.compile(r"(?:be|stay|remain|keep|get|make|feel|play|drive|travel)\b")


@dataclass(frozen=True)
class Finding:
    rule: Rule
    sentence: str
    phrase: str  # the words that matched: what the writer looks for in the source


def in_html(root: Any, rules: Rules, judge: Judge | None) -> list[Finding]:
    """Every overstated sentence of a rendered page or snippet."""
    found = []
    for element in root.iter(*LEAVES):
        found += findings(own_text(element), rules, judge)
    return found


def findings(text: str, rules: Rules, judge: Judge | None) -> list[Finding]:
    """Every overstated sentence in ``text`` (plain text of one block), with its rule."""
    candidates = rules.candidates(text)
    if not candidates:
        return []  # most text: not all the words of any one pattern
    found = []
    for sentence in sentences(text):
        finding = _sentence_finding(sentence, rules, candidates, judge)
        if finding is not None:
            found.append(finding)
    return found


def _sentence_finding(
    sentence: str, rules: Rules, candidates: Sequence[Candidate], judge: Judge | None
) -> Finding | None:
    """The sentence's first overstatement (the writer rewrites it whole), or None;
    ``candidates``: the patterns that may match in the sentence's block."""
    plain = fold(sentence.replace("\u2019", "'"))
    if plain.rstrip(" )\"'”").endswith("?"):
        return None
    # each pattern reads only the clauses that hold one of its words (looked for loosely:
    # a cheap narrowing), first in the whole sentence, where most of them are not
    live = [c for c in candidates if not c.words or any(word in plain for word in c.words)]
    if not live:
        return None
    clauses = _clauses(plain)
    several = len(clauses) > 1
    denied = _DENIAL.search(plain) is not None
    for number, clause in enumerate(clauses):
        # the clause says what it says of the treatment, if it has no subject: see _FINITE
        implied = number == 0 or rules.treatment.match(clauses[number - 1].lstrip()) is not None
        for candidate in live:
            if several and candidate.words and not any(w in clause for w in candidate.words):
                continue
            rule = rules.rules[candidate.rule]
            pattern = rule.patterns[candidate.pattern]
            match = _match(rule, pattern, clause, rules, judge, implied)
            if match and not (denied and _denies(plain, clause, match.group())):
                return Finding(rule, sentence, match.group().strip())
    return None


def _denies(sentence: str, clause: str, matched: str) -> bool:
    """Whether the sentence denies the claim ``matched`` in its ``clause`` ("It is a myth
    that Botox cannot spread"): a denial in the same part of it (up to a semicolon: "It
    is a myth that it is risky; it is completely safe" denies nothing of the second), and
    not the claim's own ("Breathing trouble after Botox is a myth")."""
    part = next((part for part in sentence.split(";") if clause in part), sentence)
    return _DENIAL.search(part.replace(matched, " ", 1)) is not None


def _clauses(sentence: str) -> list[str]:
    if _KEEP_WHOLE.search(sentence):
        return [sentence]
    return [part for part in _CLAUSE_BREAK.split(sentence) if part.strip()]


def _match(
    rule: Rule,
    pattern: re.Pattern[str],
    clause: str,
    rules: Rules,
    judge: Judge | None,
    implied: bool = False,
) -> re.Match[str] | None:
    for match in pattern.finditer(clause):
        if _passes(rule, clause, match.start(), match.end(), rules, judge, implied):
            return match
    return None


def _passes(
    rule: Rule,
    clause: str,
    start: int,
    end: int,
    rules: Rules,
    judge: Judge | None,
    implied: bool = False,
) -> bool:
    """Whether the words at start:end of the clause make the rule's claim there;
    ``implied``: a clause with no subject of its own would say it of the treatment
    (see ``_FINITE``)."""
    before, matched = clause[:start], clause[start:end]
    if _NEGATION.search(before if rule.own_negation else before + matched):
        return False  # "No medicine is completely safe"; "<drug> is not safe for everyone"
    if _OPEN_QUESTION.search(before):
        return False  # "ask your doctor whether it is safe for you"
    if rule.unless is not None and rule.unless.search(before):
        return False
    if _QUOTED_REPORT.search(before):
        return False  # "some clinics advertise 'guaranteed results'"
    if rule.subject and not (
        rules.treatment.search(before + matched) or (implied and _slogan(clause, before, matched))
    ):
        return False  # names no treatment ("a safe place to rest"), and is no slogan
    return not (rule.approved_passes and judge is not None and judge.names_a_use(clause))


def _slogan(clause: str, before: str, matched: str) -> bool:
    """Whether a clause that would say the match of the treatment does: it starts with
    the match, has no verb of its own and does not tell the reader to do something."""
    return not (before.strip() or _FINITE.search(clause) or _IMPERATIVE.match(matched))


def faults(found: Sequence[Finding], field: str = "") -> list[Fault]:
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
