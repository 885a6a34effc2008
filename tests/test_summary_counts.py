"""No summary states a count of questions, which the page outgrows as soon as a question
is added."""

import re

import pytest
from support import ROOT

# Slow with the phone checks it was written beside: `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.slow

NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "dozen",
]
# A number, then at most three words ("four common", "10 frequently asked"), then
# "question(s)": what a writer types to say how many questions a page answers.
QUESTION_COUNT = re.compile(
    r"\b(?:\d+|" + "|".join(NUMBER_WORDS) + r")\b(?:[\s-]+[\w’'-]+){0,3}?[\s-]+questions?\b",
    re.IGNORECASE,
)
SOURCES = sorted((ROOT / "content").rglob("*.md"))


def summary(path):
    """The Summary of a Markdown source's metadata header (with its indented
    continuation lines), or ''."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found, inside = [], False
    for line in lines:
        if not line.strip():
            break  # the header ends at the first blank line
        if line[:1].isspace():
            if inside:
                found.append(line.strip())
            continue
        key, _, value = line.partition(":")
        inside = key.strip().lower() == "summary"
        if inside:
            found.append(value.strip())
    return " ".join(found)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "content")))
def test_no_summary_states_how_many_questions_a_page_answers(path):
    """A count in a summary is written once and checked by no one: the FAQ's said "four
    questions", and would have gone on saying it after a fifth was added. The count a
    reader needs is the page itself."""
    count = QUESTION_COUNT.search(summary(path))
    assert count is None, (
        f"{path.relative_to(ROOT)}: the summary says {count.group()!r}; say what the "
        "questions are about, not how many there are"
    )


def test_the_sources_have_summaries_to_check():
    assert summary(ROOT / "content" / "pages" / "faq.md").startswith("Answers to")
    assert len([p for p in SOURCES if summary(p)]) >= 10


@pytest.mark.parametrize(
    "text, counted",
    [
        ("Answers to four common questions about Botox injections for chronic pain.", True),
        ("Answers to 4 questions.", True),
        ("Ten frequently asked questions, answered.", True),
        ("The five questions patients ask most.", True),
        ("A dozen questions.", True),
        ("One question about dosing.", True),
        ("Answers to common questions about Botox injections for chronic pain.", False),
        ("Headaches on 15 or more days a month; questions to ask your doctor.", False),
        ("Questions and answers.", False),
    ],
)
def test_the_count_pattern_finds_a_count_of_questions(text, counted):
    assert bool(QUESTION_COUNT.search(text)) is counted, text
