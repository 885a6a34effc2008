"""What an approval clause calls approved (``approval_check``): the words after "for",
"to treat", "approved to <verb>" ... up to what ends them; with none, what the approval
word describes before it ("Chronic migraine is an FDA-approved use"), back to the
subject of the sentence; a fronted "For TTH sufferers, ..." too. And the words a clause
uses to gloss a label's name ("crossed eyes (strabismus)", "chronic migraine (CM)")."""

import re
from collections.abc import Sequence

from .approval_predicate import NOUNS, until_clause, until_predicate
from .approval_terms import Clause, Named
from .approval_words import (
    BEFORE_APPROVAL,
    BRACKETED,
    DIRECT_OBJECT,
    OBJECT,
    OBJECT_END,
    names_something,
    until_its_end,
    words,
)

__all__ = ["glossed", "marker_of", "object_of"]

# The predicate of a subject set off by commas: "Cervical dystonia, a painful condition
# that twists the neck, is one of <drug>'s FDA-approved uses".
_PREDICATE = re.compile(
    r"^\s*(?:is|are|was|were|remains?|remained|has\s+been|have\s+been|becomes?|became)\b",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r"^\s*(?:a|an|the)\b", re.IGNORECASE)
# "For TTH sufferers, <drug> is approved ...": the people or the condition it is for;
# not "For years, ...", "For example, ...", "For more information, ...".
_FRONTED_FOR = re.compile(
    r"^\W*for\s+(?!(?:the\s+)?(?:(?:past|last|first|next|over|more\s+than|almost|nearly"
    r"|about|some|many|several)\s+)?(?:\d|many\b|several\b|a\s+few\b|decades?\b|years?\b"
    r"|months?\b|now\b|example\b|instance\b|more\b|details\b|information\b|reference\b"
    r"|starters\b|this\s+reason|that\s+reason|these\s+reasons|the\s+record\b))([^,]+),",
    re.IGNORECASE,
)
# What ends a gloss, looking back from the bracket: a list's joints, a negation, what
# introduces an object.
_GLOSS_START = re.compile(
    r".*(?:[;:,(]|\b(?:and|or|nor|but|not|no|for|to|include|includes|including|such\s+as"
    r"|with|is|are|was|were)\b)",
    re.IGNORECASE | re.DOTALL,
)
# A word that reads as an adjective ("Forceful, uncontrollable closing of ..."): a gloss
# runs back over it and its comma.
_ADJECTIVE = re.compile(
    r"\b([a-z]+(?:ful|ous|able|ible|ive|al|ic|less|ant|ent|ed|ing))\s*,\s*$", re.IGNORECASE
)
_MAX_GLOSS = 10  # words
# What makes the words before a label's name the writer's name for it: a bracket, "...,
# known as", "..., also called", "the ... of".
_NAMED_AS = re.compile(
    r"(?:(\()|,?\s*\b(?:(?:also|commonly|medically|sometimes|often)\s+)?(?:known\s+as"
    r"|called|termed|referred\s+to\s+as)|(?<=\w)\s+of(?:\s+(?:the|an?))?)\s*$",
    re.IGNORECASE,
)
# What introduces a list: "including", "such as" (and a colon: ``approval_clauses``).
_LISTED = re.compile(r"\W*(?:include|includes|including|such\s+as)\b", re.IGNORECASE)
_DRUG_ONLY = " <drug> "  # a product's name, once it has been read
_ARTICLE = re.compile(r"\s*(?:(?:the|its|their)\s+)?", re.IGNORECASE)
# An approval verb in a relative clause: "injections that were cleared for ...".
_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:(?:is|are|was|were|has|have|had|been|being)\s+){0,2}"
    r"(?:\w+ly\s+)?(?:(?:by\s+)?(?:the\s+)?fda[\s-]*)?$",
    re.IGNORECASE,
)
# A gloss that widens the name it brackets: "all facial wrinkles (glabellar lines)".
_WIDER = re.compile(r"\b(?:all|every|any|other|types?|kinds?|forms?|most|various)\b", re.IGNORECASE)


def marker_of(after: str, names: re.Pattern[str] | None = None) -> re.Match[str] | None:
    """What introduces the object in the text after the approval word, if anything: not
    a "for <drug>" ("the first uses approved for <drug>, for patients 12 and older"),
    which names the product that holds the approval."""
    marker = DIRECT_OBJECT.match(after) or OBJECT.search(after)
    while marker is not None and names is not None:
        held = _held(after, marker, names)
        if held is None:
            break
        marker = OBJECT.search(after, held)
    return marker


def _held(after: str, marker: re.Match[str], names: re.Pattern[str]) -> int | None:
    """Where the product the marker names as the approval's holder ends, or None."""
    text = marker.group()
    if re.search(r"\b(?:for|to)\s*$", text, re.IGNORECASE):  # "approved for <drug>"
        article = _ARTICLE.match(after, marker.end())
        at = article.end() if article else marker.end()
    elif re.match(r"\W*to\s+\S+$", text, re.IGNORECASE):  # "blessing to <drug>"
        at = marker.end() - len(text.split()[-1])
    else:
        return None
    held = names.match(after, at)
    # "approval for <drug>'s use in ...": what follows is the object
    return held.end() if held and not re.match(r"['\u2019]s\b", after[held.end() :]) else None


def object_of(
    clause: Clause, after: str, marker: re.Match[str] | None, found: Sequence[Named]
) -> tuple[str, str]:
    """What the clause says is approved: what follows the approval word, and that with
    what the approval word describes before it where that names the use, and a fronted
    "For ..." phrase."""
    marked = until_clause(_object(after, marker), clause.names)
    if marked and _predicated(clause):
        marked = until_predicate(marked)
    obj = _described(clause, marked, marker is not None, found)
    fronted = _FRONTED_FOR.match(clause.text[: clause.start])
    return marked, (obj + " " + fronted.group(1) if fronted else obj)


def _predicated(clause: Clause) -> bool:
    """Whether the approval is named in a clause's subject, where a verb of its own
    follows what it is for: a noun ("<drug>'s approval for X begins at age 5"), or a
    verb in a relative clause ("Injections that were cleared for X are offered")."""
    word = clause.text[clause.start : clause.end].casefold()
    return word.endswith(NOUNS) or bool(_RELATIVE.search(clause.text[: clause.start]))


def _object(after: str, marker: re.Match[str] | None) -> str:
    """What the clause says it is approved for, with what stands between ("by the FDA
    as a first-line treatment for ...")."""
    if not marker:
        return ""
    between = after[: marker.start()]
    cut = OBJECT_END.search(between)
    # "FDA-approved or used off-label for each": the object is not the approval's
    if cut:
        return between[: cut.start()]
    listed = _LISTED.match(marker.group()) or _LISTED.match(after[marker.end() :])
    return between + " " + until_its_end(after[marker.end() :], listed=bool(listed))


def _described(clause: Clause, obj: str, marked: bool, found: Sequence[Named]) -> str:
    """The object, with what the approval word describes when it stands beside it
    ("Tension headache | FDA-approved", "Episodic migraine (FDA-approved for adults)"):
    what stands just before it, back to a comma or a bracket, or to the subject."""
    before = clause.text[: clause.start]
    written = [match.group() for match, _ in found if match is not None]
    if marked and names_something(clause.names.sub(" ", obj), written):
        return obj  # else: "X is something <drug> is approved to treat", "X (approved for it)"
    if BRACKETED.search(before) and "(" in before:
        before = before[: before.rindex("(")]  # what the bracket stands beside
    before = re.sub(r"\([^()]*\)", " ", BEFORE_APPROVAL.sub("", before))
    # what a product is called ("<drug>, the newest entry,") describes it, not a use
    before = clause.names.sub(lambda name: _DRUG_ONLY, before)
    before = re.sub(_DRUG_ONLY + r"\s*,\s*(?:a|an|the)\b[^,]*", " ", before, flags=re.IGNORECASE)
    return obj + " " + OBJECT_END.split(_subject(before))[-1]


def _subject(before: str) -> str:
    """The text before the approval word that it describes: back to a comma; past the
    commas of a subject and what it is called ("X, a ... condition, is an approved
    use"), when what stands after the last comma is only the predicate."""
    segments = before.split(",")
    if len(segments) < 2 or not _PREDICATE.match(segments[-1]):
        return segments[-1]
    kept = [segment for segment in segments[:-1] if not _APPOSITIVE.match(segment)]
    return " ".join([*kept, segments[-1]])


def glossed(clause: Clause, found: Sequence[Named]) -> frozenset[str]:
    """The words a clause uses to explain a label's name: "crossed eyes (strabismus)",
    "the vertical cords in the neck, known as platysma bands", "the uncontrollable
    blinking of blepharospasm", "blepharospasm (uncontrollable blinking)"; and a
    bracketed abbreviation of a name: "chronic migraine (CM)"."""
    text = clause.text
    kept: set[str] = set()
    for match, _ in found:
        if match is None:
            continue
        before, after = text[: match.start()], text[match.end() :]
        initials = "".join(word[0] for word in words(match.group()))
        abbreviation = re.match(r"\s*\(\s*([a-z]+)\s*\)", after, re.IGNORECASE)
        if abbreviation and abbreviation.group(1).casefold().rstrip("s") == initials:
            kept.add(abbreviation.group(1).casefold())
        named_as = _NAMED_AS.search(before)
        if named_as and (named_as.group(1) is None or re.match(r"\s*\)", after)):
            kept.update(_gloss(before[: named_as.start()]))
        bracket = re.match(r"\s*\(([^()]*)\)", after)
        if bracket and not _GLOSS_START.match(bracket.group(1)):
            kept.update(_gloss(bracket.group(1)))
    return frozenset(kept)


def _gloss(before: str) -> list[str]:
    """The words of what stands just before a bracket, back to what ends a gloss."""
    start = _GLOSS_START.match(before)
    gloss = before[start.end() :] if start else before
    head = before[: start.end()] if start else ""
    while adjective := _ADJECTIVE.search(head):
        gloss = adjective.group(1) + " " + gloss
        head = head[: adjective.start(1)]
    found = words(gloss)
    return found if len(found) <= _MAX_GLOSS and not _WIDER.search(gloss) else []
