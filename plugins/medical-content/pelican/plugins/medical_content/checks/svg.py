"""SVG images: an SVG file is a document of its own. Opened at its address, a script in
it runs with the site's origin (a static host sends it no security policy), and the
text it draws is text a reader reads. A file that runs code, embeds a document, or
loads what is not its own is refused at its line; the text it shows is read with the
page that shows it (``page.view``)."""

from lxml import etree

from ..core.problems import Fault

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_SVG = "{http://www.w3.org/2000/svg}"
_LINKS = ("href", "{http://www.w3.org/1999/xlink}href")
_EMBEDS = frozenset({"script", "foreignObject", "iframe", "embed", "object"})
_SHOWS_NOTHING = frozenset({"script", "style", "metadata", "defs"})


def faults(data: bytes) -> list[Fault]:
    """What the SVG file may not hold, each at its line."""
    root = _parse(data)
    if root is None:
        return [
            Fault(
                "the SVG file does not parse as XML",
                "export it again from the drawing program, or use a PNG",
                line=1,
            )
        ]
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in _EMBEDS:
            found.append(
                Fault(
                    f"the SVG file holds <{name}>: it would run code or show another document "
                    "when the image is opened at its address",
                    f"delete the <{name}> element (an image needs none), or use a PNG",
                    line=element.sourceline or 1,
                )
            )
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname
            if local.lower().startswith("on"):
                found.append(
                    Fault(
                        f"the SVG file's <{name}> has the event handler {local}=: it would run "
                        "code when the image is opened at its address",
                        f'delete {local}="..."',
                        line=element.sourceline or 1,
                    )
                )
            elif attribute in _LINKS and not value.strip().startswith("#"):
                found.append(
                    Fault(
                        f"the SVG file's <{name}> links to {value[:60]!r}: an image loads "
                        "nothing but its own parts",
                        "draw the part inside the file, or link to one of its own elements (#id)",
                        line=element.sourceline or 1,
                    )
                )
    return found


def text(data: bytes) -> str:
    """The words an SVG image shows or names (its text, title and description)."""
    root = _parse(data)
    if root is None:
        return ""
    words = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).localname in _SHOWS_NOTHING:
            continue
        if element.text and element.text.strip():
            words.append(element.text.strip())
        if element.tail and element.tail.strip():
            words.append(element.tail.strip())
    return " ".join(words)


def _parse(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None
