"""Property tests (Hypothesis) of the FAQ extraction, the JSON-LD writer and the claims
check: whatever a writer types, the structured data is valid JSON, says exactly what a
reader sees, and never ends or confuses its <script> element; and the claims check's
shortcut never lets a false approval claim through.

The examples are drawn with a fixed seed (derandomize), so CI runs the same ones every
time; conftest prints how many ran.
"""

import html
import json
import re

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, given, settings, strategies as st

from pelican.plugins.medical_content.core.html_text import collapse, fragment
from pelican.plugins.medical_content.judges import (
    approval_clauses,
    approval_plain,
    approvals,
    claims,
)
from pelican.plugins.medical_content.outputs.structured_data import faq_page, script_json
from pelican.plugins.medical_content.page import faq
from pelican.plugins.medical_content.registry import labels
from pelican.plugins.medical_content.tests.support import first

# Thousands of generated examples: `make test-fast` leaves them to `make test`.
pytestmark = pytest.mark.slow

EXAMPLES = 1500
RUNS: dict[str, int] = {}  # test name -> examples run; conftest reports them

# Sequences that mean something to an HTML parser, a script element or a JSON reader.
NASTY = [
    "</script>",
    "</SCRIPT >",
    "<script>",
    "<!--",
    "-->",
    "]]>",
    "<![CDATA[",
    "\u2028",
    "\u2029",
    "\x00",
    '"',
    "'",
    "\\",
    "&amp;",
    "&lt;",
    "<p>",
    "</h2>",
    "\r\n",
    "\t",
    "\u200f",
    "مرحبا",
    "שלום",
    "😀",
    "👩🏽‍⚕️",
    "\ufeff",
    "\xa0",
]
TEXT = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(NASTY)), max_size=12).map("".join)
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_HTML_WHITESPACE = re.compile(r"[ \t\n\f\r]+")


def counted(name: str) -> None:
    RUNS[name] = RUNS.get(name, 0) + 1


def as_a_browser_shows(element: Tag) -> str:
    """The text a browser shows for an element that an independent parser (Python's
    html.parser, via BeautifulSoup) read: HTML ignores NUL in text, and shows each run
    of ASCII whitespace as one space (other spaces, such as U+00A0, are kept)."""
    text = element.get_text().replace("\x00", "")
    return _HTML_WHITESPACE.sub(" ", text).strip(" ")


def script_body_as_parsed(page_html: str) -> tuple[list[str], BeautifulSoup]:
    """The text of each <script> element of a page, as an HTML parser splits it."""
    soup = BeautifulSoup(page_html, "html.parser")
    return [script.string or "" for script in soup.find_all("script")], soup


@PROPERTY
@given(
    value=st.recursive(
        TEXT,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
        max_leaves=8,
    )
)
def test_the_json_ld_writer_round_trips_and_stays_inside_its_script(value: object) -> None:
    counted("JSON-LD writer")
    written = script_json({"@type": "Thing", "value": value})
    assert json.loads(written) == {"@type": "Thing", "value": value}
    assert not set(written) & {"<", ">", "&", "\u2028", "\u2029"}
    page = f'<script type="application/ld+json">{written}</script><p id="after">after</p>'
    scripts, soup = script_body_as_parsed(page)
    assert scripts == [written]
    assert first(soup, "#after").get_text() == "after"


@PROPERTY
@given(text=st.text(alphabet=" \t\n\f\r\xa0\u2003\u3000\x0bab."))
def test_collapsing_whitespace_keeps_what_html_keeps(text: str) -> None:
    counted("whitespace collapsing")
    # HTML's definition, written as a pattern: each run of ASCII whitespace is one space
    assert collapse(text) == _HTML_WHITESPACE.sub(" ", text).strip(" ")


# What may stand between an answer's paragraphs in a page's HTML and shows nothing: a
# writer's note (Markdown keeps raw HTML), a processing instruction, a blank line.
UNSEEN = ["", "\n", "\n<!-- TODO: check with Dr. Lee -->\n", "<!---->", "<?php x ?>"]


@PROPERTY
@given(
    question=TEXT, answer=st.lists(st.tuples(st.sampled_from(UNSEEN), TEXT), min_size=1, max_size=3)
)
def test_faq_structured_data_says_exactly_what_the_page_shows(
    question: str, answer: list[tuple[str, str]]
) -> None:
    counted("FAQ extraction")
    # The HTML Markdown writes for "## question" and paragraphs of answer.
    page = f"<h2>{html.escape(question)}</h2>\n" + "".join(
        f"{unseen}<p>{html.escape(paragraph)}</p>" for unseen, paragraph in answer
    )
    visible = BeautifulSoup(page, "html.parser")
    shown_question = as_a_browser_shows(first(visible, "h2"))
    shown_answer = " ".join(text for text in map(as_a_browser_shows, visible.find_all("p")) if text)
    found = faq.extract(fragment(page))
    if not shown_question or not shown_answer:
        assert not found.entries and found.faults  # an empty question or answer is refused
        return
    assert not found.faults
    written = script_json(faq_page(found.entries))
    scripts, _ = script_body_as_parsed(f'<script type="application/ld+json">{written}</script>')
    data = json.loads(scripts[0])
    [entry] = data["mainEntity"]
    assert entry["name"] == shown_question
    assert entry["acceptedAnswer"]["text"] == shown_answer


# Sentences that make or break an approval claim, with the approval word and the name of
# an off-label use cut by markup (inline elements, comments, nested blocks, scripts) and
# glued to the blocks around them.
TERMS = approvals.Judge.of(labels.load([labels.HERE]), "botox")
NAMES = ["Tension headache", "tension-type headaches", "TMJ disorders", "TMJ"]
APPROVALS = [
    "approved",
    "FDA-approved",
    "Approved",
    "indicated",
    "licensed",
    "cleared",
    "authorized",
    "apProved",
    "licenſed",
    "İndicated",
]  # with characters case-insensitive matching folds
CUTS = [
    "<b></b>",
    "<!-- -->",
    "<br>",
    "<script>x</script>",
    "<div>z</div>",
    "<em>",
    "</em>",
    " ",
    "\n",
]
BEFORE = ["", "<p>x</p>", "<div>y</div>", "<p>Approved uses</p>", "<h2>Uses</h2>"]
SENTENCES = [
    "{name} is {approved}.",
    "Botox is {approved} for {name}.",
    "Botox is not {approved} for {name}.",
    "{approved} for {name}?",
    "Botox is {approved} for migraine; {name} is off-label.",
    "Botox has been {approved} for these conditions, including:</p><ul><li>{name}</li></ul><p>",
    "Is {name} {approved}",
    "{name} (off-label: not FDA-{approved})",
]


def cut(draw: st.DrawFn, word: str) -> str:
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(word)))
        word = word[:at] + draw(st.sampled_from(CUTS)) + word[at:]
    return word


@st.composite
def claim_pages(draw: st.DrawFn) -> str:
    sentence = draw(st.sampled_from(SENTENCES)).format(
        name=cut(draw, draw(st.sampled_from(NAMES))),
        approved=cut(draw, draw(st.sampled_from(APPROVALS))),
    )
    opener = draw(st.sampled_from(["<p>", "<li>", "<div>", ""]))
    # the shortcut skips any element whose text has no approval word: the sentence may
    # stand inside others, and what comes before it (a list's introduction) outside
    inside = draw(st.sampled_from(["", "<div>", "<section>", "<aside><div>", "<li>"]))
    outside = draw(st.sampled_from(["", "<div>", "<section>"]))
    return outside + draw(st.sampled_from(BEFORE)) + inside + opener + sentence


@PROPERTY
@given(page=claim_pages())
def test_the_claims_shortcut_never_hides_a_claim(page: str) -> None:
    counted("claims shortcut")
    root = fragment(page)
    assert claims.false_approvals(root, TERMS) == claims.every_claim(root, TERMS)


# A sentence's verdict is remembered for the build, and shared by the pages about other
# conditions unless it holds a word that points back at the page's own ("it", "this"),
# as a word or inside one, cut by the marks the judge deletes, in any case.
POINTERS = ["it", "this", "these", "them", "they", "that", "those", "th\u00aeis", "i\u2122t"]
POINTERS += ["IT", "\u0130t", "This condition", "those uses", "sit", "with", "legit"]
SUBJECTS = ["", "Chronic migraine", "Tension headache", "Cervical dystonia", "TMJ disorders"]
VERDICT_SENTENCES = [
    "Botox is {approved} to treat {pointer}.",
    "{pointer} is an {approved} use of Botox.",
    "Botox is {approved} for {name}, and for {pointer} too.",
    "The FDA {approved} Botox for {pointer}; ask about {name}.",
    "Botox is {approved} for {name}.",
    "Botox is {approved} for chronic migraine, not {pointer}.",
]
JUDGES = approvals.Judges(labels.load([labels.HERE]))  # remembers across the examples


@st.composite
def verdict_sentences(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(VERDICT_SENTENCES)).format(
        pointer=draw(st.sampled_from(POINTERS)),
        approved=draw(st.sampled_from(APPROVALS)),
        name=draw(st.sampled_from(NAMES)),
    )


@PROPERTY
@given(sentence=verdict_sentences(), subjects=st.lists(st.sampled_from(SUBJECTS), min_size=2))
def test_a_verdict_remembered_from_another_page_is_the_sentence_s_own(
    sentence: str, subjects: list[str]
) -> None:
    counted("remembered verdicts")
    for subject in subjects:
        fresh = approval_clauses.claimed(sentence, TERMS.about(subject) if subject else TERMS)
        assert claims._claimed(sentence, JUDGES.of("botox", subject)) == fresh


@PROPERTY
@given(
    text=st.lists(
        st.one_of(
            TEXT, st.sampled_from([*APPROVALS, "APPROVAL", "Indicated", "cleaRed", "AUTHORISED"])
        ),
        max_size=6,
    ).map("".join)
)
def test_the_approval_prefilter_passes_every_text_the_approval_pattern_matches(
    text: str,
) -> None:
    # the claims shortcut skips an element when this says no: it may never say no to a
    # text the approval pattern matches
    counted("approval prefilter")
    if claims.APPROVAL.search(text):
        assert claims.may_say_approved(text)


# What the approval judge's reading of a sentence leaves out or rewrites (dates, spans of
# time, failed treatments, "not only"), with look-alike letters and case changed
_PLAIN_WORDS = [
    *("in 1989", "since October 2010", "back in 2019's", "20", "19", "years ago", "Decades"),
    *("a few MONTHS later", "since then", "at that time", "LONG AGO", "not", "NOT only"),
    *("never", "cannot be taken", "can\u2019t", "couldn't", "unable to use", "have not worked"),
    *("haven't helped", "n\u2019t", "tolerated", "approved for", "BOTOX", "ſince then", "\u212a"),
]


@PROPERTY
@given(text=st.lists(st.one_of(TEXT, st.sampled_from(_PLAIN_WORDS)), max_size=8).map(" ".join))
def test_the_plain_reading_skips_only_substitutions_that_could_not_apply(text: str) -> None:
    # approval_plain.plain tries a pattern only when the words it needs are there
    counted("plain reading")
    every = approval_plain._FAILED.sub(
        " failed",
        approval_plain._NOT_ONLY.sub(
            "both", approval_plain._SPAN.sub(" ", approval_plain._DATE.sub(" ", text))
        ),
    )
    assert approval_plain.plain(text) == every
