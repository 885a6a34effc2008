"""Finds sentences that say a drug is approved for what its label does not hold.

A sentence makes a claim when, in a clause, it says "approved" (or "FDA-approved",
"approval", "indicated", "licensed", "cleared", "authorized") without negating it; what
the clause then calls approved must be an indication of the drug in the label registry
(``approvals``: closed-world). A list is judged with the sentence that introduces it:
"Botox has been approved for ..., including:" followed by "- Tension headaches" is the
claim "approved for ... tension headaches". A list item that states its own status
("(off-label: not FDA-approved)") is judged on its own; a table row is read as one
sentence. Questions assert nothing.
"""

import functools
import re
from dataclasses import dataclass

from lxml import etree

from .html_text import text_of

APPROVAL = re.compile(
    r"\b(?:approv(?:ed|al|es)|indicated|licensed|cleared|authori[sz]ed)\b", re.IGNORECASE
)
_APPROVAL_STEMS = ("approv", "indicated", "licensed", "cleared", "authori")  # as APPROVAL
_NEGATOR = re.compile(
    r"(?:\b(?:not|never|no|neither|nor|without|lacks?|except|excluding)\b|n['\u2019]t\b)",
    re.IGNORECASE,
)
# A question that asserts: "Did you know Botox is approved for ...?"
_RHETORICAL = re.compile(r"^\W*(?:did\s+you\s+know|why\b.*\bwhen\b)", re.IGNORECASE)
# An approval hoped for, not held: "may soon be approved", "is seeking approval".
_NOT_YET = re.compile(
    r"\b(?:may|might|could|will|would)\s+(?:\w+\s+){0,2}(?:be|become)\s+"
    r"(?:fda[\s-]*)?$|\b(?:seeking|awaiting|pending|applied\s+for)\s+(?:fda\s+)?$",
    re.IGNORECASE,
)
# A claim quoted to deny it: "It is a myth that ..."; or reported, then denied later in
# the sentence: "Some websites claim ..., but the FDA has not approved it".
_DENIED = re.compile(
    r"\b(?:myths?|misconceptions?|false|untrue|not\s+true|wrong|incorrect)\b", re.IGNORECASE
)
_REPORTED = re.compile(
    r"\b(?:claims?|claimed|read|say|says|said|heard|advertises?|advertised"
    r"|suggests?|ask|asks|asked|wonder|wonders|whether)\b",
    re.IGNORECASE,
)
# Clauses end at these: an approval on one side says nothing about a name on the other.
_CLAUSE_BREAK = re.compile(r";|:|\b(?:but|whereas|while|although|however|unlike)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|U\.S|Dr|vs|etc|approx|No)\.", re.IGNORECASE)
_BLOCKS = {
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
    "dd",
    "dt",
    "figcaption",
    "caption",
    "blockquote",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tr",
    "address",
    "details",
    "summary",
    "pre",
    "figure",
    "form",
    "fieldset",
}
_LISTS = {"ul", "ol"}
_SKIPPED = {"script", "style", "template"}
_WINDOW = 4  # words before an approval word that can negate it
# Blocks whose lists are introduced inside them, so they can be judged on their own.
_SELF_CONTAINED = {"section", "aside"}
_judged: dict[tuple, list] = {}  # (serialized section, terms) -> its claims


# What a table cell says when its column's heading asks the question ("FDA-approved?").
_AFFIRMATIVE = {"yes", "y", "\u2713", "\u2714", "\u2705", "x", "approved", "fda-approved"}


@dataclass(frozen=True)
class Claim:
    sentence: str  # as a reader sees it; for a list item: its introduction + the item
    condition: str  # what it calls approved, as written
    reason: str  # what the label holds instead
    anchor: str  # the text to look for in the source: the sentence, or the list item
    row: tuple = ()  # for a table row: its cells' texts, which stand on one source line


# The characters beyond ASCII that Python's case-insensitive matching takes for an
# ASCII letter: with them folded, a substring test finds what a case-insensitive
# pattern of ASCII words would, at a fraction of the cost of searching a whole page.
ASCII_LOOKALIKES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def fold(text):
    """The text in lower case, with ``ASCII_LOOKALIKES`` as their ASCII letters."""
    # str.replace, not str.translate: translate looks each character up in Python, and
    # took half a millisecond on a page's text.
    for lookalike, letter in ASCII_LOOKALIKES.items():
        text = text.replace(lookalike, letter)
    return text.lower()


def false_approvals(root, terms):
    """Every false approval claim in the element's text, each (sentence, condition) once;
    ``terms``: the ``approvals.Judge`` of the build."""
    return _distinct(_claims(root, terms, in_item=False, prune=True))


def every_claim(root, terms):
    """``false_approvals`` without its shortcut: each sentence judged."""
    return _distinct(_claims(root, terms, in_item=False, prune=False))


def may_say_approved(text):
    """False when ``APPROVAL`` cannot match the text: a few substring tests, much
    cheaper than a case-insensitive search at every position."""
    folded = fold(text)
    return any(stem in folded for stem in _APPROVAL_STEMS)


def _distinct(claims):
    found = {}
    for claim in claims:
        found.setdefault((claim.sentence, claim.condition), claim)
    return list(found.values())


def _claims(element, terms, in_item, prune):
    tag = element.tag
    if not isinstance(tag, str) or tag in _SKIPPED:
        return
    # The shortcut: most text says nothing of approval, and an element whose text has
    # no approval word holds no claim. Each word of a sentence that is judged stands
    # whole in its element's text (``own_text`` puts a space where it leaves a nested
    # block or a script out); that text may run the words of two blocks together, so
    # the approval words are looked for without word boundaries. Not for a list: it is
    # judged with the sentence before it, outside it. (Looking for the names' words
    # too was dearer than what it saved once a site has hundreds of off-label names.)
    if prune and tag not in _LISTS and not may_say_approved(text_of(element)):
        return
    if tag in _SELF_CONTAINED and not in_item:
        # The same sections (the safety information, the sources' heading) stand on
        # every page: judge each distinct one once.
        key = (etree.tostring(element), terms, prune)
        if key not in _judged:
            if len(_judged) >= 4096:
                _judged.clear()
            _judged[key] = list(_walk(element, terms, in_item, prune))
        yield from _judged[key]
    else:
        yield from _walk(element, terms, in_item, prune)


def _walk(element, terms, in_item, prune):
    tag = element.tag
    # list items are judged with their list, where the introduction is known
    in_item = in_item or tag == "li"
    if tag in _LISTS:
        yield from _list_claims(element, terms)
    elif tag == "table" and not in_item:
        yield from _table_claims(element, terms)
        return  # its cells are judged with their rows, not one by one
    elif tag in _BLOCKS and not in_item:
        text = own_text(element)
        if APPROVAL.search(text):
            for sentence in sentences(text):
                for refusal in _claimed(sentence, terms):
                    yield Claim(sentence, refusal.named, refusal.reason, sentence)
    for child in element:
        yield from _claims(child, terms, in_item, prune)


def _list_claims(list_element, terms):
    intro = _introduction(list_element)
    if intro and _claimed(intro.rstrip(":"), terms):
        intro = ""  # refused where it stands: its items are judged on their own
    for item in list_element:
        if not isinstance(item.tag, str) or item.tag != "li":
            continue
        for sentence in sentences(own_text(item, skip=_LISTS)):
            if intro and not _states_status(sentence):
                judged, shown = intro.rstrip(":") + " " + sentence, intro + " " + sentence
            else:
                judged = shown = sentence
            for refusal in _claimed(judged, terms):
                yield Claim(shown, refusal.named, refusal.reason, sentence)


def _table_claims(table, terms):
    """A table row is read as one sentence: "Tension headache | FDA-approved" says that
    tension headache is an approved use. A cell that answers its column's question
    ("FDA-approved?" - "Yes") reads as that heading."""
    rows = list(table.iter("tr"))
    headings = []
    for row in rows:
        cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        texts = [own_text(cell) for cell in cells]
        if cells and all(cell.tag == "th" for cell in cells):
            headings = texts
            continue
        read = []
        for index, text in enumerate(texts):
            heading = headings[index] if index < len(headings) else ""
            if APPROVAL.search(heading) and text.casefold().strip(" .!") in _AFFIRMATIVE:
                read.append(heading.rstrip(" ?"))
            else:
                read.append(text)
        line = " | ".join(read)
        for sentence in sentences(line):
            for refusal in _claimed(sentence, terms):
                yield Claim(
                    sentence,
                    refusal.named,
                    refusal.reason,
                    sentence,
                    row=tuple(t for t in texts if t),
                )
    for caption in table.iter("caption"):
        for sentence in sentences(own_text(caption)):
            for refusal in _claimed(sentence, terms):
                yield Claim(sentence, refusal.named, refusal.reason, sentence)


def _introduction(list_element):
    """The sentence that introduces a list: the last one before it, if it ends with ':'."""
    parent = list_element.getparent()
    if parent is not None and parent.tag == "li":
        before = own_text(parent, skip=_LISTS)
    else:
        previous = list_element.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        before = own_text(previous) if previous is not None else ""
    last = (sentences(before) or [""])[-1]
    return last if last.endswith(":") else ""


def _states_status(text):
    return bool(APPROVAL.search(text)) or "off-label" in text.lower()


@functools.lru_cache(maxsize=65536)
def _claimed(sentence, judge):
    """What a sentence calls approved that the label does not hold (``approvals``);
    cached, as the same sentences (the safety information, the disclaimer) stand on
    every page."""
    if not APPROVAL.search(sentence):
        return ()
    # BOTOX® is BOTOX; crow’s feet are crow's feet
    sentence = sentence.replace("\u00ae", "").replace("\u2122", "").replace("\u2019", "'")
    if sentence.rstrip(' )"”’').endswith("?") and not _RHETORICAL.search(sentence):
        return ()
    found = []
    clauses = _CLAUSE_BREAK.split(sentence)
    for index, clause in enumerate(clauses):
        affirmed = next(
            (m for m in APPROVAL.finditer(clause) if not _negated(clause, m.start())), None
        )
        if affirmed is None or _NOT_YET.search(clause[: affirmed.start()]):
            continue
        said_before = " ".join(clauses[:index]) + " " + clause[: affirmed.start()]
        denied_after = any(_NEGATOR.search(later) for later in clauses[index + 1 :])
        if _DENIED.search(said_before) or (_REPORTED.search(said_before) and denied_after):
            continue
        for refusal in judge.refusals(clause, affirmed.span()):
            if refusal not in found:
                found.append(refusal)
    return tuple(found)


def _negated(clause, position):
    return bool(_NEGATOR.search(" ".join(clause[:position].split()[-_WINDOW:])))


def own_text(element, skip=_BLOCKS):
    """The element's text without that of the nested elements ``skip`` names: a block's
    nested blocks, or a list item's nested list."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pass  # a comment
        elif child.tag in skip or child.tag in _SKIPPED:
            # Words do not run on across a block. A word is never made of the text on
            # both sides of what is left out: the claims shortcut (``_claims``) relies on it.
            parts.append(" ")
        else:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def sentences(text):
    protected = _ABBREVIATIONS.sub(lambda m: m.group().replace(".", "\0"), text)
    return [s.replace("\0", ".").strip() for s in _SENTENCE_END.split(protected) if s.strip()]
