"""What an approval clause is judged with (``approval_check``): a product as its label
has it, its indications, the clause, and what a refusal says."""

import functools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..registry.labels import fold
from .approval_names import canonical
from .approval_words import words

# A label's indication that holds only after another treatment: "who have an inadequate
# response to or are intolerant of ...", "inadequately managed by topical agents".
SECOND_LINE = re.compile(
    r"\binadequate(?:ly)?\s+(?:response|managed|controlled)|\bintoleran", re.IGNORECASE
)
# The class of medicine such an indication names: "intolerant of an anticholinergic
# medication" (not "topical agents", which names no class of medicine).
PRIOR = re.compile(
    r"\bintolerant\s+of\s+(?:an?\s+)?([a-z]+)\s+(?:medications?|medicines?|drugs?)\b",
    re.IGNORECASE,
)


class Indication(NamedTuple):
    condition: str
    synonyms: tuple[str, ...]  # folded
    min_age_years: int | None
    not_covered: tuple[str, ...]  # uses the label excludes
    words: frozenset[str]  # of the label's own text for it, and of its synonyms
    max_age_years: int | None
    defined_by: tuple[str, ...]  # phrases that name it by its definition
    second_line: bool = False  # only after another treatment failed ("inadequate response")
    prior: str = ""  # the class of medicine that must have failed first ("anticholinergic")


class Product(NamedTuple):
    key: str
    brand: str
    revised: str
    url: str
    names: tuple[str, ...]
    indications: tuple[Indication, ...]
    drug_class: str  # the key of its class (``drug_classes``)
    generic: str = ""  # its US proper name ("onabotulinumtoxinA"), which labels may share


@dataclass(frozen=True)
class Refusal:
    named: str  # what the clause calls approved, as written
    reason: str  # what the label says instead


# An indication a clause names: where (None when named by "it" or the page's subject).
Named = tuple[re.Match[str] | None, Indication]


@dataclass(frozen=True)
class Clause:
    """An affirmative approval clause about one product."""

    text: str
    start: int  # of its approval word
    end: int
    product: Product
    indications: re.Pattern[str]  # the product's indications' names
    names: re.Pattern[str]  # every product's names
    phrases: dict[str, re.Pattern[str]]  # what names each condition written in the label
    named_a_drug: bool
    subject: str  # the page's condition: what "it" points at

    @property
    def where(self) -> str:
        """The label, as a refusal cites it."""
        product = self.product
        covered = "; ".join(i.condition for i in product.indications)
        label = f"the {product.brand} label (revised {product.revised}, {product.url})"
        return f"{label} covers: {covered}"


def indication(product: Product, text: str) -> Indication | None:
    """The product's indication that ``text`` names exactly (as ``approval_names.phrase``
    reads a name: any word of cause, articles or none), or None."""
    wanted = canonical(fold(text))
    return next(
        (i for i in product.indications if any(wanted == canonical(s) for s in i.synonyms)),
        None,
    )


def kin(product: Product, named: Indication, written: str) -> list[Indication]:
    """The indication a name was matched to, and the product's others named by it for
    another age group: "neurogenic detrusor overactivity" is the adults' use, and the
    children's too ("neurogenic detrusor overactivity in children", "pediatric NDO").
    An age a clause states is within the label when it is within any of them."""
    name = re.escape(canonical(fold(written)))
    pattern = re.compile(rf"^(?:{_GROUP}\s+)?{name}(?:\s+in\s+{_GROUP})?$")
    others = [
        i
        for i in product.indications
        if i is not named and any(pattern.match(canonical(s)) for s in i.synonyms)
    ]
    return [named, *others]


# An age group a synonym names (folded): "pediatric ...", "... in children".
_GROUP = r"(?:pediatric|paediatric|adult|children|child|kid|adolescent|teen|infant)"


def product_of(label: Any) -> Product:
    """The judge's reading of a label of the registry (``registry.labels``)."""
    indications = tuple(reading(i, label.indications) for i in label.indications)
    return Product(
        label.key,
        label.brand,
        label.revised,
        label.url,
        tuple(label.names),
        indications,
        label.drug_class,
        label.generic,
    )


def reading(i: Any, indications: Any) -> Indication:
    """The judge's reading of a label's indication: the words that describe it are
    those of the label's text, its synonyms and definitions (none of a use the label excludes:
    "sweaty" is not a word of underarm sweating)."""
    excluded = {word for other in indications for n in other.not_covered for word in words(n)}
    named = {w for s in (*i.synonyms, *i.defined_by) for w in words(s)}
    described = set(words(i.text)) | (named - excluded)
    return Indication(
        i.condition,
        i.synonyms,
        i.min_age_years,
        tuple(i.not_covered),
        frozenset(described),
        i.max_age_years,
        tuple(i.defined_by),
        bool(SECOND_LINE.search(i.text)),
        next((found.group(1).casefold() for found in PRIOR.finditer(i.text)), ""),
    )


@functools.cache
def stem(word: str) -> str:
    """A word without the endings that make another form of it: "leaks", "leaking",
    "leakage" are "leak"; "stiffness" is "stiff"."""
    word = word.strip("'\u2019")
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        word = word[:-1]
    for ending in ("age", "ness", "ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
