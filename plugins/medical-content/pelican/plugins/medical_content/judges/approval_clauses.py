"""Which clauses of a sentence affirm an approval (``claims``): a sentence, read plain
(``approval_plain``: no dates, "failed" for "has not worked"), is cut into clauses at the
words that end one; in each, the approval words that no negation denies are judged
(``approvals``; one after the first only where it says what for: "when the FDA approved
<drug> for X, the approval covered Y"), unless the sentence asks, hopes, or quotes or
reports the claim to deny it. A denied negation affirms ("it would be wrong to say <drug>
lacks approval for ..."); a negated subject denies ("None of the toxins ... is
approved"). A clause that ends in a colon with nothing named after its approval word
("Approved uses (per the FDA): ...") is read with what follows the colon; "but only ..."
and "but also ..." are read with the clause before them."""

import re
from collections.abc import Sequence

from .approval_check import Refusal
from .approval_object import marker_of
from .approval_plain import plain
from .approval_words import (
    APPROVAL,
    INFORMAL,
    MAY_POINT,
    OTHER_SUBJECT,
    REGULATOR,
    any_word,
    names_something,
)
from .approvals import Judge

__all__ = ["claimed"]

_NEGATOR = re.compile(
    r"(?:\b(?:not|never|no(?!\s+(?:wonder|doubt|matter|question)\b)"
    r"|neither|nor|without|lacks?|except|excluding)\b|n['\u2019]t\b)",
    re.IGNORECASE,
)
# A negation that governs the clause after it: "that does not mean the FDA has approved
# it", "an insurer's approval doesn't prove ...".
_NEGATED_FRAME = re.compile(
    r"(?:\b(?:not|never)|n['\u2019]t)\s+(?:necessarily\s+|automatically\s+)?"
    r"(?:mean|means|imply|implies|prove|proves|guarantee|guarantees)\b"
    r"(?=(?:(?!\band\b)[^,])*$)",  # up to the approval word, in the same clause
    re.IGNORECASE,
)
# A question that asserts: "Did you know <drug> is approved for ...?"
_RHETORICAL = re.compile(r"^\W*(?:did\s+you\s+know|why\b.*\bwhen\b)", re.IGNORECASE)
# A question put in a sentence: "Many patients ask whether <drug> is approved for ...".
_ASKED = re.compile(
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|unsure|not\s+sure"
    r"|check|checking|find\s+out|question)\s+(?:\w+\s+){0,2}(?:whether|if)\b",
    re.IGNORECASE,
)
# An approval hoped for, not held: "may soon be approved", "is seeking approval".
_NOT_YET = re.compile(
    r"\b(?:may|might|could|will|would)\s+(?:\w+\s+){0,2}(?:be|become)\s+"
    r"(?:fda[\s-]*)?$|\b(?:seeking|awaiting|pending|applied\s+for)\s+(?:fda\s+)?$"
    # "hopes to win FDA approval", "a possible future approval"
    r"|\b(?:hopes?|hoped|hoping|expected|expects?|plans?|planning|aims?|aiming|seeks?|wants?"
    r"|trying|tries|tried|failed|fails?)\s+to\s+(?:\w+\s+){0,2}$"
    r"|\b(?:possible|potential|future|eventual|hoped-for)\s+(?:fda[\s-]*)?$",
    re.IGNORECASE,
)
# A claim quoted to deny it: "It is a myth that ..."; or reported, then denied later in
# the sentence: "Some websites claim ..., but the FDA has not approved it"; "A medspa
# advertises it as 'FDA approved for ...', but that claim is false".
_DENIED = any_word(
    r"myths? misconceptions? false untrue not\s+true wrong incorrect misleading inaccurate"
    r" bogus mistaken"
)
_REPORTED = any_word(
    "claims? claimed claiming read say says said saying heard advertises? advertised"
    " advertising touts? touted promotes? promoted promising promises? boasts? rumou?rs?"
    " suggests? ask asks asked wonder wonders whether believe believes think thinks"
    # "had described <drug> as FDA-approved for ...", "was told it is approved"
    " describes? described describing tells? told telling calls? called labell?ed labels?"
    " markets? marketed marketing bills? billed presents? presented portrays? portrayed"
    " states? stated insists? insisted assures? assured mentioned implie[sd] posted wrote"
    " writes lists? listed"
)
# A denial that governs a negated claim, which it so affirms: "it would be wrong to say
# <drug> lacks approval for ...", "it is a myth that <drug> is not approved for ...".
_DENYING = re.compile(
    _DENIED.pattern
    + r"\s+(?:(?:for\s+\w+\s+)?to\s+(?:say|think|claim|believe|suggest|assume|state|write)"
    r"|that)\b",
    re.IGNORECASE,
)
# A subject that negates its clause: "None of the toxins sold in the US is approved for
# ...", "No toxin on the market is ...", "Not every ...", "Neither ...".
_NO_SUBJECT = re.compile(
    r"^\W*(?:none|neither|nothing|nobody|no\s+one|not\s+(?:one|a\s+single|any|every|all)"
    r"|no\b(?!\s*,)(?!\s+(?:matter|doubt|wonder|longer|less)\b))\b",
    re.IGNORECASE,
)
# What a negated subject may deny of a claim, so affirming it: "nobody disputes that ...".
_DISPUTED = re.compile(
    r"\b(?:disput|den(?:y|ies|ied)|doubt|question|contest)\w*\s+(?:that|whether)\b", re.IGNORECASE
)
# What goes on with the clause before it: a restriction that says which part of what it
# names is approved ("approved for migraine, but only the chronic kind"), or more of it
# ("approved not only for X but also for Y").
_ONLY = re.compile(r"^\s*(?:only|just|solely|exclusively|strictly|also)\b", re.IGNORECASE)
# Clauses end at these: an approval on one side says nothing about a name on the other.
_CLAUSE_BREAK = re.compile(
    r"(;|:|\b(?:but|whereas|while|although|however|unlike)\b)", re.IGNORECASE
)
_WINDOW = 4  # words before an approval word that can negate it


def claimed(sentence: str, judge: Judge) -> tuple[Refusal, ...]:
    """What a sentence calls approved that the label does not hold (``approvals``)."""
    if not APPROVAL.search(sentence):
        return ()
    # crow’s feet are crow's feet
    sentence = _unmarked(sentence).replace("\u2019", "'")
    sentence = plain(sentence)
    if sentence.rstrip(' )"”’').endswith("?") and not _RHETORICAL.search(sentence):
        return ()
    found: list[Refusal] = []
    clauses = _clauses(sentence)
    for index, clause in enumerate(clauses):
        for order, affirmed in enumerate(_affirmations(clause, judge)):
            before, after = clause[: affirmed.start()], clause[affirmed.end() :]
            if order and not marker_of(APPROVAL.split(after)[0]):
                continue  # a later one says what for, or restates: "(approved in 2024)"
            if not _doubly_negated(before) and _denied(clauses, index, before, after):
                continue
            for refusal in judge.refusals(clause, affirmed.span()):
                if refusal not in found:
                    found.append(refusal)
    return tuple(found)


def points_back(sentence: str) -> bool:
    """Whether what ``claimed`` finds in a sentence may depend on the condition the page
    is about: it holds a word that points back (``MAY_POINT``), as ``claimed`` reads it."""
    return MAY_POINT.search(_unmarked(sentence)) is not None


def _unmarked(sentence: str) -> str:
    """<drug>® is <drug>: the marks the judge reads past, deleted."""
    return sentence.replace("\u00ae", "").replace("\u2122", "")


def _clauses(sentence: str) -> list[str]:
    """The sentence's clauses. "unlike" stays with the clause it opens ("unlike Botox,
    Xeomin is ..."): the drug it names is not the one called approved. A clause that
    calls something approved without naming it before a colon takes what follows it."""
    pieces = _CLAUSE_BREAK.split(sentence)
    clauses = [pieces[0]]
    for mark, text in zip(pieces[1::2], pieces[2::2], strict=True):
        if mark == ":" and _names_nothing_approved(clauses[-1]):
            clauses[-1] += " including " + text  # what the colon introduces
        elif mark.casefold() == "but" and _ONLY.match(text):
            clauses[-1] += ", " + text  # "approved for migraine, but only the chronic kind"
        else:
            clauses.append(mark + text if mark.casefold() == "unlike" else text)
    return clauses


def _names_nothing_approved(clause: str) -> bool:
    """Whether the clause affirms an approval and names nothing after the word."""
    affirmed = _affirmed(clause)
    return affirmed is not None and not names_something(clause[affirmed.end() :], [])


def _affirmed(clause: str, judge: Judge | None = None) -> re.Match[str] | None:
    """The clause's first approval word that affirms (``_affirmations``), or None."""
    return next(iter(_affirmations(clause, judge)), None)


def _affirmations(clause: str, judge: Judge | None = None) -> list[re.Match[str]]:
    """The clause's approval words that no negation before them denies and that claim a
    drug's approval (``_regulatory``), each a claim of its own ("when the FDA approved
    <drug> for X, the approval covered Y"); none when the first is only hoped for or the
    clause asks about it ("patients ask whether ...")."""
    found: list[re.Match[str]] = []
    for m in APPROVAL.finditer(clause):
        if _negated(clause, m.start()) or not _regulatory(clause, m, judge):
            continue
        if _NOT_YET.search(clause[: m.start()]) or _ASKED.search(clause[: m.start()]):
            if not found:
                return []
            continue
        found.append(m)
    return found


def _regulatory(clause: str, approval: re.Match[str], judge: Judge | None) -> bool:
    """Whether an approval word claims a drug's approval: an everyday one ("okayed",
    "signed off on", "the green light") only where the clause names a regulator, or
    says it of a drug named before it and of no doctor, insurer or the like."""
    if not INFORMAL.match(approval.group()) or REGULATOR.search(clause):
        return True
    named = judge is not None and judge.patterns.names.search(clause[: approval.start()])
    return bool(named) and not OTHER_SUBJECT.search(clause)


def _denied(clauses: Sequence[str], index: int, before: str, after: str) -> bool:
    """Whether the approval (in clause ``index``, ``before`` it and ``after`` it in its
    clause) is quoted to deny it, or reported and denied later in the sentence ("..., which
    is not true"; "...; it is not")."""
    said_before = " ".join(clauses[:index]) + " " + before
    denied_after = bool(_DENIED.search(after)) or any(
        _NEGATOR.search(later) or _DENIED.search(later) for later in clauses[index + 1 :]
    )
    return bool(_DENIED.search(said_before) or (_REPORTED.search(said_before) and denied_after))


def _negated(clause: str, position: int) -> bool:
    before = clause[:position]
    if _doubly_negated(before):
        return False
    return bool(
        _NEGATOR.search(" ".join(before.split()[-_WINDOW:]))
        or _NEGATED_FRAME.search(before)
        or (_NO_SUBJECT.match(before) and not _DISPUTED.search(before))
    )


def _doubly_negated(before: str) -> bool:
    """Whether a negation just before the approval word is itself denied: "it would be
    wrong to say <drug> lacks approval for ..."."""
    words = before.split()
    window = " ".join(words[-_WINDOW:])
    negation = _NEGATOR.search(window)
    if negation is None:
        return False
    return bool(_DENYING.search(" ".join(words[:-_WINDOW]) + " " + window[: negation.start()]))
