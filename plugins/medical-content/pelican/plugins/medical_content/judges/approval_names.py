"""How a label's names are matched as writers word them (``approvals``): any case, hyphens
or spaces between words, a plural "s", a word of cause for another ("bladder leakage from
MS" = "... caused by MS"), an article or none after a preposition."""

import functools
import re
from collections.abc import Iterable

from ..registry.labels import fold as fold_condition

__all__ = ["canonical", "phrase", "phrase_pattern"]

# Words that say one condition comes of another: a writer may put any of them where a
# label's name has one ("bladder leakage from MS" = "... caused by MS").
_CAUSES: tuple[str, ...] = (
    *("caused by", "due to", "associated with", "because of", "resulting from", "related to"),
    *("stems from", "stem from", "stemming from", "arising from", "arises from"),
    *("brought on by", "secondary to", "linked to", "comes from", "coming from"),
)
# "... that stems from", "... which is caused by"
_CAUSE = r"(?:(?:that|which)[\s\-]+(?:(?:is|are|was|were)[\s\-]+)?)?(?:"
_CAUSE += "|".join(c.replace(" ", r"[\s\-]+") for c in _CAUSES) + r"|from)"
_CAUSE_WORDS = re.compile(
    r"\b(?:(?:that|which)\s+(?:(?:is|are|was|were)\s+)?)?(?:" + "|".join(_CAUSES) + r"|from)\b"
)
_CAUSED = "<cause>"  # a folded name holds no "<"
_ARTICLES = frozenset({"a", "an", "the"})
_LEADS = frozenset({"of", "in", "by", "with", "to", "for", "between", "at", "on", "from"})


def phrase(folded: str, loose: bool = False) -> str:
    """A folded synonym as a pattern of what a writer may type: any case, hyphens or
    spaces between its words, a plural "s" on any word, any of ``_CAUSES`` for one of
    them, with or without an article after a preposition. ``loose``: another adjective
    may follow the first word after a comma ("stiff, tight arm muscles")."""
    parts: list[str] = []
    lead = False  # after a preposition: an article may stand there
    for word in _CAUSE_WORDS.sub(_CAUSED, folded).split(" "):
        if word in _ARTICLES:
            lead = True
            continue
        written = _CAUSE if word == _CAUSED else re.escape(word) + r"(?:e?s)?"
        parts.append((r"(?:(?:a|an|the)[\s\-]+)?" if lead else "") + written)
        lead = word == _CAUSED or word in _LEADS
    if loose and len(parts) > 1:
        parts[0] += r"(?:\s*,\s*[a-z]+)?"
    return r"[\s\-]+".join(parts)


@functools.cache
def canonical(folded: str) -> str:
    """A folded name as ``phrase`` reads it: one word for every cause, no articles."""
    return " ".join(
        word for word in _CAUSE_WORDS.sub("from", folded).split(" ") if word not in _ARTICLES
    )


def phrase_pattern(written: str) -> re.Pattern[str]:
    """A pattern of what names the condition ``written`` (folded first); loose
    (``phrase``): it names a definition or an exclusion, not a synonym."""
    return re.compile(r"\b" + phrase(fold_condition(written), loose=True) + r"\b", re.IGNORECASE)


def any_of(synonyms: Iterable[str]) -> re.Pattern[str]:
    """A pattern of what names any of the (folded) ``synonyms``, the longest first."""
    alternatives = sorted(set(synonyms), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(phrase(s) for s in alternatives) + r")\b", re.IGNORECASE)
