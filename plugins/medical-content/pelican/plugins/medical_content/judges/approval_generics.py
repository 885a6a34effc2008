"""A product named by a generic name that several labels share (``approvals``):
onabotulinumtoxinA is the active ingredient of BOTOX and of BOTOX Cosmetic, each with a
label of its own, so "onabotulinumtoxinA is approved for crow's feet" is true when either
label holds the use. A clause that names a product only by such a name is judged against
the indications of every label that shares it, together."""

import re
from collections.abc import Sequence

from .approval_terms import Product

__all__ = ["by_generic", "shared"]

_KEY = "generic:"  # the key of the products that share a generic name: "generic:<name>"


def _spelled(name: str) -> str:
    return re.sub(r"[\s\-]+", "", name).casefold()


def shared(products: Sequence[Product]) -> tuple[Product, ...]:
    """One product for each generic name that several products share: the indications
    of all of them."""
    groups: dict[str, list[Product]] = {}
    for product in products:
        if product.generic:
            groups.setdefault(_spelled(product.generic), []).append(product)
    return tuple(
        Product(
            _KEY + generic,
            f"{group[0].generic} ({' and '.join(p.brand for p in group)})",
            " and ".join(p.revised for p in group),
            " and ".join(p.url for p in group),
            (),
            tuple(i for p in group for i in p.indications),
            group[0].drug_class,
            group[0].generic,
        )
        for generic, group in groups.items()
        if len(group) > 1
    )


def by_generic(product: Product, written: Sequence[str]) -> str:
    """The key of the products that share ``product``'s generic name when each of the
    names ``written`` for it in a clause is that name; else ``product``'s own key."""
    generic = _spelled(product.generic)
    if generic and written and all(_spelled(name) == generic for name in written):
        return _KEY + generic
    return product.key
