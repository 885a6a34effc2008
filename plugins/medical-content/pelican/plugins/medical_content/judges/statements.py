"""Every sentence of a page that states an approval, a benefit or a risk, with what the
checks say of it: what a reviewer reads first before signing (the review packet).

An approval statement is a sentence with an approval word (``approval_words.APPROVAL``):
its verdict is the claims judge's (``approval_clauses.claimed``). A benefit or risk
statement is a sentence with one of ``BENEFIT_OR_RISK``'s words, or one the
risk-language rules refuse: its verdict is theirs. Each keeps the links of its block:
the sources it cites where it stands.
"""

import re
from dataclasses import dataclass
from typing import Any

from ..core.prose import LEAVES, own_text, sentences
from ..registry.risk_rules import Rules
from . import risk_language
from .approval_clauses import claimed
from .approval_words import APPROVAL
from .approvals import Judge

# The words of a sentence about what a treatment does for a patient, or to one. A
# reviewer reads the whole page; this list only puts these sentences first.
BENEFIT_OR_RISK = re.compile(
    r"\b(?:side[\s-]effects?|risks?|safe(?:ly|ty)?|dangers?|harm|serious|deaths?|die|"
    r"weak(?:ness)?|swallow\w*|breath\w*|allerg\w*|help(?:s|ed)?|reliefs?|relieve\w*|"
    r"reduc\w*|improv\w*|works?|effective(?:ness)?|benefits?|evidence|studies|study|"
    r"trials?|lasts?|pain[\s-]free|cures?|better)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Statement:
    sentence: str
    about: str  # "approval", or "benefit or risk"
    verdict: str  # what the checks say of it
    refused: bool  # the build refuses it
    links: tuple[tuple[str, str], ...] = ()  # (text, address) of its block's links


def statements(root: Any, rules: Rules, judge: Judge) -> list[Statement]:
    """The statements of the page (a parsed element: its <main> as read), in order."""
    found: list[Statement] = []
    for element in root.iter(*LEAVES):
        text = own_text(element)
        overstated = {f.sentence: f for f in risk_language.findings(text, rules, judge)}
        links = tuple(
            (" ".join("".join(a.itertext()).split()), a.get("href") or "")
            for a in element.iter("a")
            if a.get("href")
        )
        for sentence in sentences(text):
            statement = _judged(sentence, overstated.get(sentence), judge, links)
            if statement is not None:
                found.append(statement)
    return found


def _judged(
    sentence: str, finding: risk_language.Finding | None, judge: Judge, links: Any
) -> Statement | None:
    verdicts = []
    refused = False
    about = ""
    if APPROVAL.search(sentence):
        about = "approval"
        refusals = claimed(sentence, judge)
        refused = bool(refusals)
        verdicts += [f"refused: it calls {r.named!r} approved; {r.reason}" for r in refusals] or [
            "passes: nothing it calls approved lies outside the label"
        ]
    if finding is not None:
        about = about or "benefit or risk"
        refused = True
        verdicts.append(f"refused: {finding.rule.name} ({finding.phrase!r}): {finding.rule.why}")
    elif BENEFIT_OR_RISK.search(sentence):
        about = about or "benefit or risk"
        if not verdicts:
            verdicts.append("passes: the risk-language rules find no overstatement")
    if not about:
        return None
    return Statement(sentence, about, "; ".join(verdicts), refused, links)
