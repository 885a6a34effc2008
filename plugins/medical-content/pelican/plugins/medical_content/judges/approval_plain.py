"""A sentence as the approval judge reads it (``approval_clauses``): the words that date
an approval ("back in 1989", "since October 2010", "years ago") say when, never what for,
and are left out; a prior treatment that "has not worked" (or "was not tolerated") is a
failed one, not a negation of the approval ("for adults whose pills have not worked,
<drug> is approved ..."): it reads "failed"; and "not only ... but also" denies nothing."""

import re

from ..core.prose import fold

__all__ = ["plain"]

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
# A date or a year, with what places an event at it: "in 2010", "back in 1989", "as far
# back as 1989", "since October 2010", "on February 29, 2024", "in the 1990s", "2010's".
_DATE = re.compile(
    r"(?:\b(?:(?:way\s+|all\s+the\s+way\s+)?back|as\s+(?:far\s+back|early|long\s+ago)\s+as)\s+)?"
    r"(?:\b(?:in|since|by|from|until|till|through|as\s+of|on|during|around|circa|before"
    r"|after)\s+)?(?:\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?)?"
    rf"(?:\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    r"\b(?:19|20)\d\d(?:['\u2019]?s)?\b(?:['\u2019]s)?",
    re.IGNORECASE,
)
# A time counted back or on from another: "years ago", "a few years later", "since then".
_SPAN = re.compile(
    r"\b(?:(?:a\s+(?:few|couple\s+of)|some|several|many|two|three|four|five|ten|\d{1,2})\s+)?"
    r"(?:years?|decades?|months?)\s+(?:ago|later|earlier|afterwards?|before)\b"
    r"|\b(?:since\s+then|back\s+then|at\s+the\s+time|at\s+that\s+time|long\s+ago)\b",
    re.IGNORECASE,
)
# A prior treatment that did not help: "pills have not worked", "were not tolerated",
# "topical products have not controlled", "haven't helped enough", "cannot be taken".
_FAILED = re.compile(
    r"(?:\b(?:not|never|cannot)|n['\u2019]t)\s+(?:(?:\w+ly|been|be|yet)\s+)?"
    r"(?:work(?:ed|s)?|help(?:ed|s)?|control(?:led|s)?|tolerat(?:e|ed|es)|respond(?:ed|s)?"
    r"|succeed(?:ed|s)?|managed?|relieved?|done\s+well|do\s+well|taken|take|improved?)\b"
    r"|\b(?:cannot|can['\u2019]t|could\s+not|couldn['\u2019]t|unable\s+to)\s+(?:be\s+)?"
    r"(?:take|taken|tolerate|tolerated|use|used)\b",
    re.IGNORECASE,
)


# "not only ... but also": both, no negation.
_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|merely|simply)\b", re.IGNORECASE)


# What each pattern cannot match without: a year's digits; one of these words, as
# ``fold`` leaves them (the patterns ignore case). Most sentences hold none, and a
# substitution tries its pattern at every position (``make bench``).
_YEAR = re.compile(r"(?:19|20)\d\d")
_SPAN_WORDS = ("year", "decade", "month", "then", "time", "ago")
_NEGATION_WORDS = ("not", "never", "n't", "n\u2019t", "unable")


def plain(sentence: str) -> str:
    """The sentence without the words that date an approval, with "failed" for a prior
    treatment that did not work and "both" for "not only"."""
    if _YEAR.search(sentence):
        sentence = _DATE.sub(" ", sentence)
    folded = fold(sentence)
    if any(word in folded for word in _SPAN_WORDS):
        sentence = _SPAN.sub(" ", sentence)
        folded = fold(sentence)
    if any(word in folded for word in _NEGATION_WORDS):
        sentence = _FAILED.sub(" failed", _NOT_ONLY.sub("both", sentence))
    return sentence
