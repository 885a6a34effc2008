"""Checks that a written medical page shows the disclaimer near its content.

The check reads the HTML that was written, not the metadata, so a theme change that
drops the disclaimer, moves it out of <main> or hides it is caught.
"""

_HIDDEN = "//*[@hidden or @aria-hidden='true' or self::template or self::script or self::style]"


def shown_in_main(tree, disclaimer):
    """True when the disclaimer's text is visible inside the page's <main> element."""
    for main in tree.iter("main"):
        main = _without_hidden(main)
        if disclaimer in " ".join(main.text_content().split()):
            return True
    return False


def _without_hidden(element):
    copy = element.__copy__()
    for hidden in copy.xpath("." + _HIDDEN):
        hidden.drop_tree()
    return copy
