"""Reads questions and answers out of a page's rendered HTML.

Each heading of the configured level is a question; everything after it, up to the next
heading of the same or a higher level, is its answer. Reading the rendered HTML, not the
Markdown, means the structured data says exactly what a reader sees.
"""

import re
from dataclasses import dataclass, field

import lxml.html


@dataclass(frozen=True)
class Entry:
    question: str
    answer: str


@dataclass
class Faq:
    entries: list = field(default_factory=list)
    # (question text, occurrence of that text in the source, what is wrong, how to fix)
    faults: list = field(default_factory=list)


def visible_text(element):
    """Text a reader sees in an element, whitespace collapsed as a browser renders it."""
    return " ".join(element.text_content().split())


def _level(tag):
    """1 for h1 ... 6 for h6; None for anything else (comments have a non-string tag)."""
    if isinstance(tag, str) and re.fullmatch(r"h[1-6]", tag):
        return int(tag[1])
    return None


def extract(html, heading="h2"):
    """Return the page's questions, answers and faults."""
    faq = Faq()
    if not html.strip():
        return faq
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    level = _level(heading)
    blocks = []  # [question, [answer parts]]
    for child in root:
        child_level = _level(child.tag)
        if child.tag == heading:
            blocks.append([visible_text(child), []])
        elif child_level is not None and child_level < level:
            blocks.append(None)  # a higher section ends the current answer
        elif blocks and blocks[-1] is not None:
            text = visible_text(child)
            if text:
                blocks[-1][1].append(text)
        if blocks and blocks[-1] is not None and child.tail and child.tail.strip():
            blocks[-1][1].append(" ".join(child.tail.split()))

    seen = {}
    for block in filter(None, blocks):
        question, parts = block
        key = question.casefold()
        seen[key] = seen.get(key, 0) + 1
        if not question:
            faq.faults.append(
                ("", 1, "a question heading is empty",
                 "write the question as the heading's text, or remove the empty heading")
            )
        elif not parts:
            faq.faults.append(
                (question, seen[key], f"the question {question!r} has no answer",
                 "write the answer as text below the question, before the next question "
                 "heading (an image alone is not an answer)")
            )
        elif seen[key] > 1:
            faq.faults.append(
                (question, seen[key], f"the question {question!r} is asked twice",
                 "merge the two answers under one question, or reword one of them")
            )
        else:
            faq.entries.append(Entry(question, " ".join(parts)))
    return faq
