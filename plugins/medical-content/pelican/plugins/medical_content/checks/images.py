"""Images a page shows: each says what it shows, and each comes from the site itself.

An image without alt text is a blank to a screen-reader user, unless it is there for
decoration only, which the writer says with ``{.decorative}`` after it (Markdown's
attribute list): then ``alt=""`` tells screen readers to pass it by. An image from
another site builds, then the site's own Content-Security-Policy (``img-src 'self'``)
blocks it for every reader; it would also tell that site who reads the page.
"""

from ..core.html_text import Element
from ..core.problems import Fault
from .base import Context, Findings, Page

DECORATIVE = "decorative"  # the class that marks an image as decoration only
_REMOTE = ("http://", "https://", "//")


def faults(root: Element) -> list[Fault]:
    """The faults of the images in a page's rendered text (root: its parsed fragment)."""
    found = []
    for image in root.iter("img"):
        src = (image.get("src") or "").strip()
        if _without_alt(image):
            found.append(
                Fault(
                    f"the image {src!r} has no alt text, so a screen-reader user learns nothing "
                    "from it",
                    "say in a few words what it shows: ![what the image shows]"
                    f"({src}); if it is decoration only, write {{.{DECORATIVE}}} right after "
                    "it",
                    raw=src or "<img",
                )
            )
        remote = _remote_address(image, src)
        if remote:
            found.append(
                Fault(
                    f"the image {remote!r} comes from another site: the site's security policy "
                    "blocks it for readers, and that site would learn who reads the page",
                    "download it (if its licence allows), put the file in content/images/ and "
                    "write ![what it shows]({static}/images/<file name>)",
                    raw=remote,
                )
            )
    return found


def _without_alt(image: Element) -> bool:
    """No alt text, and not marked as decoration only."""
    return not (image.get("alt") or "").strip() and DECORATIVE not in image.get("class", "").split()


def _remote_address(image: Element, src: str) -> str | None:
    """The first address of the image (src, then srcset's) on another site, if any."""
    addresses = [src] + [
        part.split()[0] for part in image.get("srcset", "").split(",") if part.strip()
    ]
    return next((a for a in addresses if a.lower().startswith(_REMOTE)), None)


def check(page: Page, context: Context) -> Findings:
    return Findings(faults(page.root)) if page.root is not None else Findings()
