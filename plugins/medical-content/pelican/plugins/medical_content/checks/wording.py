"""What a page says, judged on its reader's view (``page.view``): wording that overstates
safety or benefit (``judges.risk_language``) and uses called approved that the label
does not hold (``judges.claims``), in its blocks and in every piece of text outside them
(alt text, titles, abbreviations, the text inside its SVG images, its header fields).
Each fault names what the reader met and finds its source line from the piece."""

from collections.abc import Iterable, Sequence
from dataclasses import replace

from markupsafe import escape

from ..core.html_text import fragment
from ..core.problems import Fault
from ..judges import claims, risk_language
from ..judges.approvals import Judge
from ..judges.claims import Claim
from ..page.view import Piece, View
from ..registry.risk_rules import Rules
from .base import Context, Findings, Page, passed


def risk_faults(view: View, rules: Rules, judge: Judge) -> list[Fault]:
    """The overstatements of the view's blocks and pieces."""
    faults = risk_language.faults(risk_language.in_html(view.root, rules, judge))
    for piece in view.pieces:
        found = risk_language.findings(piece.text, rules, judge)
        faults += _located(risk_language.faults(found, field=piece.field), piece)
    return faults


def piece_claims(pieces: Iterable[Piece], judge: Judge) -> list[tuple[Piece, Claim]]:
    """The false approval claims of each piece, read as a paragraph of its own."""
    found = []
    for piece in pieces:
        if claims.may_say_approved(piece.text):
            root = fragment(f"<p>{escape(piece.text)}</p>")
            found += [(piece, claim) for claim in claims.false_approvals(root, judge)]
    return found


def claim_faults(found: Iterable[Claim], field: str = "", raw: str = "") -> list[Fault]:
    """A fault for each false claim; ``field``: the header field it was read from, if
    any; ``raw``: the source's text of the piece, where the sentence is not."""
    return [
        Fault(
            f"says something is approved that its label does not hold: {claim.sentence!r} "
            f"(approved for {claim.condition!r}? {claim.reason})",
            "say only what the label holds, say plainly that it is not FDA-approved for this "
            "use, or remove the claim",
            field=field,
            text="" if field else claim.anchor,
            all_of=claim.row or ((claim.anchor,) if raw else ()),
            raw=raw,
        )
        for claim in found
    ]


def piece_claim_faults(found: Sequence[tuple[Piece, Claim]]) -> list[Fault]:
    """The faults of ``piece_claims``, each where its piece is written."""
    faults = []
    for piece, claim in found:
        fault = claim_faults([claim], field=piece.field, raw=piece.raw)[0]
        faults.append(_named(fault, piece))
    return faults


def _located(faults: list[Fault], piece: Piece) -> list[Fault]:
    return [_named(fault, piece) for fault in faults]


def _named(fault: Fault, piece: Piece) -> Fault:
    """The fault, saying which piece of the page said it, found by the piece's source
    text where the sentence as read is not in the source."""
    if piece.field:
        return fault
    return replace(fault, what=f"in {piece.what}: {fault.what}", raw=fault.raw or piece.raw)


def check(page: Page, context: Context) -> Findings:
    """Overstated wording anywhere in the page's own text and header, and false approval
    claims in the text inside its images, on no written page's text (TEXT)."""
    if page.view is None:
        return Findings()
    found = risk_faults(page.view, context.config.risk_rules, context.judge)
    found += piece_claim_faults(piece_claims(page.view.in_images(), context.judge))
    return Findings(found)


def claims_check(page: Page, context: Context) -> Findings:
    """False approval claims on the written page: its <main> as read, and the pieces a
    screen reader or a tooltip gives of it (WRITTEN). A claim of a Summary shown here is
    reported where the Summary is written."""
    if page.view is None:
        return Findings()
    found = [
        claim
        for claim in claims.false_approvals(page.view.root, context.judge)
        if not _from_a_summary(claim, context.summary_claims)
    ]
    in_pieces = piece_claims(page.view.pieces, context.judge)
    count = len(found) + len(in_pieces)
    cell = passed(True) if count == 0 else f"{count} {passed(False)}"
    return Findings(claim_faults(found) + piece_claim_faults(in_pieces), cell=cell, claims=found)


def _from_a_summary(claim: Claim, summary_claims: Sequence[tuple[str, str]]) -> bool:
    return any(
        condition == claim.condition and sentence in claim.sentence
        for sentence, condition in summary_claims
    )
