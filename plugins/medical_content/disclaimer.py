"""Whether a written page shows a text (the disclaimer, the safety information) inside
its <main> element, where a reader sees it near the content.

The check reads the HTML that was written, not the metadata, so a theme change that
drops the disclaimer, moves it out of <main> or hides it is caught.
"""

_HIDDEN = ".//*[@hidden or @aria-hidden='true' or self::template or self::script or self::style]"


def visible_main_text(tree):
    """The text of the page's <main>, whitespace collapsed, hidden elements left out."""
    texts = []
    for main in tree.iter("main"):
        if main.xpath(_HIDDEN):  # rare: copy, so the written tree stays as it is
            main = main.__copy__()
            for hidden in main.xpath(_HIDDEN):
                hidden.drop_tree()
        texts.append(" ".join(main.text_content().split()))
    return " ".join(texts)


def shows(main_text, text):
    return " ".join(text.split()) in main_text
