"""Reads questions and answers out of a page's rendered HTML.

Each heading of the configured level is a question; everything after it, up to the next
heading of the same or a higher level, is its answer. Reading the rendered HTML, not the
Markdown, means the structured data says exactly what a reader sees.
"""

from dataclasses import dataclass, field

from ..core.html_text import Element, sections
from ..core.problems import Fault


@dataclass(frozen=True)
class Entry:
    question: str
    answer: str


@dataclass
class Faq:
    entries: list[Entry] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)


def extract(root: Element, heading: str = "h2") -> Faq:
    """The questions, answers and faults of a page's content (an lxml element)."""
    faq = Faq()
    seen: dict[str, int] = {}
    for question, parts in sections(root, heading):
        key = question.casefold()
        seen[key] = seen.get(key, 0) + 1
        if not question:
            faq.faults.append(
                Fault(
                    "a question heading is empty",
                    "write the question as the heading's text, or remove the empty heading",
                )
            )
        elif not parts:
            faq.faults.append(
                Fault(
                    f"the question {question!r} has no answer",
                    "write the answer as text below the question, before the next question "
                    "heading (an image alone is not an answer)",
                    text=question,
                    occurrence=seen[key],
                )
            )
        elif seen[key] > 1:
            faq.faults.append(
                Fault(
                    f"the question {question!r} is asked twice",
                    "merge the two answers under one question, or reword one of them",
                    text=question,
                    occurrence=seen[key],
                )
            )
        else:
            faq.entries.append(Entry(question, " ".join(parts)))
    if not faq.entries and not faq.faults:
        level = int(heading[1])
        faq.faults.append(
            Fault(
                "this FAQ page has no questions",
                f"write each question as a level-{level} heading ('{'#' * level} Question?') "
                "followed by its answer",
                line=1,
            )
        )
    return faq
