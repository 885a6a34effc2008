"""Finds sentences that say a drug is approved for what its label does not hold.

A sentence makes a claim when, in a clause, it says "approved" (or "FDA-approved",
"approval", "indicated", "licensed", "cleared", "authorized", "green-lit" and their kin:
``approval_words.APPROVAL``) without negating it (``approval_clauses``); what
the clause then calls approved must be an indication of the drug in the label registry
(``approvals``: closed-world). A list is judged with the sentence that introduces it:
"<drug> has been approved for ..., including:" followed by "- Tension headaches" is the
claim "approved for ... tension headaches". A list item that states its own status
("(off-label: not FDA-approved)") is judged on its own; a table row is read as one
sentence. Questions assert nothing.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.html_text import text_of
from ..core.prose import BLOCKS, LISTS, SKIPPED, fold, own_text, sentences
from .approval_check import Refusal
from .approval_clauses import claimed, points_back
from .approval_words import APPROVAL, APPROVAL_STEMS
from .approvals import Judge

__all__ = ["APPROVAL", "Claim", "every_claim", "false_approvals", "fold", "may_say_approved"]
__all__ += ["own_text", "sentences"]

# What a table cell says when its column's heading asks the question ("FDA-approved?").
_AFFIRMATIVE = {"yes", "y", "\u2713", "\u2714", "\u2705", "x", "approved", "fda-approved"}


@dataclass(frozen=True)
class Claim:
    sentence: str  # as a reader sees it; for a list item: its introduction + the item
    condition: str  # what it calls approved, as written
    reason: str  # what the label holds instead
    anchor: str  # the text to look for in the source: the sentence, or the list item
    row: tuple[str, ...] = ()  # for a table row: its cells' texts, on one source line


def false_approvals(root: Any, terms: Judge) -> list[Claim]:
    """Every false approval claim in the element's text, each (sentence, condition) once;
    ``terms``: the ``approvals.Judge`` of the build."""
    stems = _stems_in(text_of(root))
    if not stems and root.tag not in LISTS:  # a list's introduction stands before it
        return []
    # the root's text holds them: it is not read again
    return _distinct(_claims(root, terms, in_item=False, stems=stems, held=bool(stems)))


def every_claim(root: Any, terms: Judge) -> list[Claim]:
    """``false_approvals`` without its shortcut: each sentence judged."""
    return _distinct(_claims(root, terms, in_item=False, stems=None))


def may_say_approved(text: str) -> bool:
    """False when ``APPROVAL`` cannot match the text."""
    return bool(_stems_in(text))


def _stems_in(text: str) -> tuple[str, ...]:
    """The ``APPROVAL_STEMS`` the text holds: a text without one holds no approval word.
    A substring test a stem (a search in C that skips ahead) costs a third of one
    case-insensitive alternation, which tries its words at every position."""
    folded = fold(text)
    return tuple(stem for stem in APPROVAL_STEMS if stem in folded)


def _holds(element: Any, stems: tuple[str, ...]) -> bool:
    folded = fold(text_of(element))
    return any(stem in folded for stem in stems)


def _distinct(claims: Iterable[Claim]) -> list[Claim]:
    found: dict[tuple[str, str], Claim] = {}
    for claim in claims:
        found.setdefault((claim.sentence, claim.condition), claim)
    return list(found.values())


def _claims(
    element: Any, terms: Judge, in_item: bool, stems: tuple[str, ...] | None, held: bool = False
) -> Iterator[Claim]:
    """``stems``: the approval stems the page holds, the shortcut's (None: no shortcut).
    Most text says nothing of approval, and an element whose text holds none of them
    holds no claim. Each word of a sentence that is judged stands whole in its
    element's text (``own_text`` puts a space where it leaves a nested block or a script
    out); that text may run the words of two blocks together, so the stems are looked
    for without word boundaries. Looking for only the page's own stems keeps the test
    cheap on the long text of the elements that hold a page's blocks. ``held``: the
    element's text is known to hold one."""
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIPPED:
        return
    if stems is not None and not held and tag not in LISTS and not _holds(element, stems):
        return
    # list items are judged with their list, where the introduction is known
    in_item = in_item or tag == "li"
    if tag in LISTS:
        yield from _list_claims(element, terms, stems)
    elif tag == "table" and not in_item:
        yield from _table_claims(element, terms)
        return  # its cells are judged with their rows, not one by one
    elif tag in BLOCKS and not in_item:
        yield from _text_claims(own_text(element), terms)
    for child in element:
        # an inline element with nothing inside it (a link, a <strong>) holds no block:
        # its words were judged with its block's
        if len(child) or child.tag in BLOCKS:
            yield from _claims(child, terms, in_item, stems)


def _text_claims(text: str, terms: Judge, row: tuple[str, ...] = ()) -> Iterator[Claim]:
    if APPROVAL.search(text):
        for sentence in sentences(text):
            for refusal in _claimed(sentence, terms):
                yield Claim(sentence, refusal.named, refusal.reason, sentence, row)


def _list_claims(list_element: Any, terms: Judge, stems: tuple[str, ...] | None) -> Iterator[Claim]:
    intro = _introduction(list_element)
    # judged with the sentence that introduces it: the list itself may not say "approved"
    if stems is not None and not (_holds(list_element, stems) or may_say_approved(intro)):
        return
    if intro and _claimed(intro.rstrip(":"), terms):
        intro = ""  # refused where it stands: its items are judged on their own
    for item in list_element:
        if not isinstance(item.tag, str) or item.tag != "li":
            continue
        for sentence in sentences(own_text(item, skip=LISTS)):
            if intro and not _states_status(sentence):
                judged, shown = intro.rstrip(":") + " " + sentence, intro + " " + sentence
            else:
                judged = shown = sentence
            for refusal in _claimed(judged, terms):
                yield Claim(shown, refusal.named, refusal.reason, sentence)


def _table_claims(table: Any, terms: Judge) -> Iterator[Claim]:
    """A table row is read as one sentence: "Tension headache | FDA-approved" says that
    tension headache is an approved use."""
    headings: list[str] = []
    for row in table.iter("tr"):
        cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        texts = [own_text(cell) for cell in cells]
        if cells and all(cell.tag == "th" for cell in cells):
            headings = texts
            # a heading row is read too: "Approved?" asks, a sentence there asserts
            for sentence in sentences(" | ".join(t for t in texts if t)):
                for refusal in _claimed(sentence, terms):
                    yield Claim(sentence, refusal.named, refusal.reason, sentence, row=tuple(texts))
            continue
        line = " | ".join(_as_read(texts, headings))
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


def _as_read(texts: Sequence[str], headings: Sequence[str]) -> list[str]:
    """A row's cells as a reader takes them: a cell that answers its column's question
    ("FDA-approved?" - "Yes") reads as that heading."""
    read = []
    for index, text in enumerate(texts):
        heading = headings[index] if index < len(headings) else ""
        if APPROVAL.search(heading) and text.casefold().strip(" .!") in _AFFIRMATIVE:
            read.append(heading.rstrip(" ?"))
        else:
            read.append(text)
    return read


def _introduction(list_element: Any) -> str:
    """The sentence that introduces a list: the last one before it, if it ends with ':'."""
    parent = list_element.getparent()
    if parent is not None and parent.tag == "li":
        before = own_text(parent, skip=LISTS)
    else:
        previous = list_element.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        before = own_text(previous) if previous is not None else ""
    last = (sentences(before) or [""])[-1]
    return last if last.endswith(":") else ""


def _states_status(text: str) -> bool:
    return bool(APPROVAL.search(text)) or "off-label" in text.lower()


def _claimed(sentence: str, judge: Judge) -> tuple[Refusal, ...]:
    """What a sentence calls approved that the label does not hold (``approval_clauses``),
    judged once a build: most of the sentences a page's text is judged on stand on
    every page (the status box, the safety information's headings). Only a sentence
    that points back (``points_back``) is judged again for each condition a page is
    about."""
    key = (judge.subject if points_back(sentence) else "", sentence)
    found = judge.verdicts.get(key)
    if found is None:
        found = judge.verdicts[key] = claimed(sentence, judge)
    return found
