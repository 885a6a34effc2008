"""Whether a written page shows a text (the disclaimer, the safety information) inside
its <main> element, where a reader sees it near the content.

The check reads the HTML that was written, not the metadata, so a theme change that
drops the disclaimer, moves it out of <main> or hides it is caught.
"""

import copy

from .html_text import Element, text_of

_HIDDEN = ".//*[@hidden or @aria-hidden='true' or self::template or self::script or self::style]"


def visible_main_text(tree: Element) -> str:
    """The text of the page's <main>, hidden elements left out, every run of whitespace
    (a no-break space too) as one space: the same as ``shows`` makes of the text it looks
    for, so the two compare word for word."""
    texts = []
    for main in tree.iter("main"):
        if main.xpath(_HIDDEN):  # rare: copy, so the written tree stays as it is
            main = copy.deepcopy(main)
            for hidden in main.xpath(_HIDDEN):
                _drop(hidden)
        texts.append(" ".join(text_of(main).split()))
    return " ".join(texts)


def shows(main_text: str, text: str) -> bool:
    return " ".join(text.split()) in main_text


def _drop(element: Element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent, tail = element.getparent(), element.tail
    if parent is None:
        return
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
