"""Which products a clause calls approved (``approvals``): the last one it names before
the approval word, and those named with it ("Botox and Xeomin are both ...", "Dysport,
like Botox, is ..."); not one named to contrast ("unlike Botox, ...", "compared with
Botox, ...")."""

import re
from collections.abc import Sequence

__all__ = ["subjects"]

# What may stand between products named together as the subject.
_TOGETHER = re.compile(
    r"^(?:[\s,()/&]|\b(?:and|or|nor|both|plus|as\s+well\s+as|along\s+with|together\s+with"
    r"|(?:just\s+)?like|as\s+with|similar\s+to|the\s+same\s+as)\b)*$",
    re.IGNORECASE,
)
# What names a product to set it apart from the subject.
_APART = re.compile(
    r"\b(?:unlike|than|compared\s+(?:to|with)|versus|vs\.?|instead\s+of|other\s+than|except"
    r"|besides|not|after|before|switching\s+from|from)\s*$",
    re.IGNORECASE,
)


def subjects(clause: str, named: Sequence[tuple[int, int, str]]) -> list[str]:
    """The product keys a clause calls approved, from the products ``named`` before its
    approval word, each (start, end, key), in order."""
    keys: list[str] = []
    follows = len(clause)  # where the product named after this one starts
    for start, end, key in reversed(named):
        if keys and not _TOGETHER.match(clause[end:follows]):
            break
        if _APART.search(clause[:start]):
            if keys:
                break
        elif key not in keys:
            keys.append(key)
        follows = start
    return keys or [named[-1][2]]
