"""Whether a clause that says a drug is approved says what its label holds: closed-world.

A clause that affirms approval ("approved", "FDA-approved", "indicated", "cleared",
"licensed", "authorized" and their kin, not negated) is true only when what it is
approved *for* is an indication of the drug it names (else the page's own drug) in the
label registry (``labels``), within the label's limits. What the clause names is read
rule by rule, not by a language model (medspaCy: about 280 MB, over a second to load,
and it misses plural condition names without a lemmatizer):

1. the drugs: the last product named before the approval word, with those named
   together with it ("Dysport, like Botox, is ..."; ``approval_subjects``); a product
   named only by a generic name that other labels share is those labels together
   (``approval_generics``); "approved for <drug>" names who holds the approval;
2. the object: what follows "for", "to treat", "approved to <verb>", "in the treatment
   of"... after the approval word, up to a negation (or, for an approval named in a
   subject, "<drug>'s approval for X begins at age 5", to the subject's own verb:
   ``approval_predicate``); with no such word, or one that names only a drug (a table
   row, "Chronic migraine is an FDA-approved use of <drug>"), what stands before the
   approval word, back to the subject; a fronted "For ... sufferers," too
   (``approval_object``);
3. the drug's indications named anywhere in the clause (their synonyms, longest first,
   or their definitions, or the population of a second-line one: "when anticholinergic
   pills have not worked"); a use the label excludes (``not_covered``), ages outside the
   label's ("under 65", "aged 12 to 17", "stops at age 64"), or a first-line use of a
   second-line indication refuse the clause (``approval_limits``);
4. what is left of the object once the indications, the drug's names, numbers and
   connecting words (and the words of the matched indication's own label text and
   synonyms and definitions, in any form of the word, and of a gloss: "(strabismus)",
   ", known as platysma bands", "the ... of blepharospasm") are taken out must be
   nothing: "approved for chronic migraine and tension headaches" leaves "tension",
   and an unknown condition ("trigeminal neuralgia") leaves itself. An object that only
   points back ("for this condition", "covers you") means what the sentence said
   before, which must name one.

History ("first approved in 1989") names no object and passes, as does a bare "<drug>
is FDA-approved"; a date says when, never what for (``approval_plain``).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from ..registry.drug_classes import DrugClass
from .approval_check import Clause, Product, Refusal, judged
from .approval_generics import by_generic, shared
from .approval_names import any_of, phrase_pattern
from .approval_subjects import subjects
from .approval_terms import product_of
from .approval_words import OTHER_SUBJECT, PERSON, every_product

__all__ = ["Judge", "Judges", "Refusal"]


class Every(NamedTuple):
    """A class of products, as a claim about all of them names it."""

    key: str
    name: str  # one of its products, as a sentence says it
    pattern: re.Pattern[str]  # what names all of them (``approval_words.every_product``)

    @classmethod
    def of(cls, drug_class: DrugClass) -> "Every":
        words = (drug_class.names, drug_class.short_names, drug_class.kind_words)
        return cls(drug_class.key, drug_class.name, every_product(*words))


@dataclass(frozen=True)
class Patterns:
    """What a judge looks for: every product's names (the longest first), and each
    product's indications' names."""

    names: re.Pattern[str]
    keys: tuple[str, ...]  # the product key of each name's group, ``n<index>``
    products: dict[str, Product]
    phrases: dict[str, re.Pattern[str]]  # each definition and exclusion a label writes
    classes: tuple[Every, ...]
    # compiled when first asked for: a site names few of the registry's products
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)

    def indications(self, key: str) -> re.Pattern[str]:
        if key not in self.compiled:
            found = self.products[key].indications
            self.compiled[key] = any_of(s for i in found for s in i.synonyms)
        return self.compiled[key]

    @classmethod
    def of(cls, products: tuple[Product, ...], classes: tuple[Every, ...]) -> "Patterns":
        names = sorted(
            ((name, product.key) for product in products for name in product.names),
            key=lambda item: len(item[0]),
            reverse=True,
        )
        pattern = re.compile(
            r"\b(?:"
            + "|".join(f"(?P<n{index}>{re.escape(name)})" for index, (name, _) in enumerate(names))
            + r")(?:\s*[®™])?(?!\s+cosmetic)",
            re.IGNORECASE,
        )
        written = {
            phrase
            for product in products
            for i in product.indications
            for phrase in (*i.defined_by, *i.not_covered)
        }
        return cls(
            pattern,
            tuple(key for _, key in names),
            {p.key: p for p in products},
            {phrase: phrase_pattern(phrase) for phrase in written},
            classes,
        )


@dataclass(frozen=True, eq=False)
class Judge:
    """The registry's products and the page's own drug, with their patterns compiled
    once; built where pages are judged (``Judges``), never sent with a job."""

    products: tuple[Product, ...]
    default: str  # the drug a clause means when it names none
    patterns: Patterns = field(repr=False)
    subject: str = ""  # the condition the page is about: what "it" points at
    shared: tuple[Product, ...] = field(default=(), repr=False)  # ``approval_generics``
    # what the judges of this drug found in each sentence (``claims``), by the subject
    # it was judged about: shared by the judge of each page's subject (``about``)
    verdicts: dict[tuple[str, str], tuple[Refusal, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, registry: Any, default: str) -> "Judge":
        products = tuple(product_of(label) for label in registry.labels.values())
        classes = tuple(Every.of(drug_class) for drug_class in registry.classes.values())
        together = shared(products)
        return cls(products, default, Patterns.of(products + together, classes), "", together)

    def about(self, subject: str) -> "Judge":
        """The same judge on a page about ``subject``."""
        return replace(self, subject=subject)

    def names_a_use(self, text: str) -> bool:
        """Whether ``text``, or the page's subject (what "it" points at), names a use
        the label of the page's drug holds."""
        if self.default not in self.patterns.products:
            return False
        pattern = self.patterns.indications(self.default)
        return bool(pattern.search(text) or pattern.search(self.subject))

    def refusals(self, clause: str, approval: tuple[int, int]) -> list[Refusal]:
        """What is wrong with an affirmative approval clause; ``approval``: the span
        of its approval word. Empty when the label holds what it says."""
        start, end = approval
        keys = self.patterns.keys
        drugs = [
            (match.start(), match.end(), keys[int(str(match.lastgroup)[1:])])
            for match in self.patterns.names.finditer(clause)
        ]
        before = [drug for drug in drugs if drug[0] < start]
        if _not_of_a_drug(clause, start, end, bool(before)):
            return []  # said of surgery, a provider, an insurer, a doctor: not of a drug
        every = None if before else self._every(clause[:start])
        if every is not None:
            return self._of_every_product(clause, approval, bool(drugs), every)
        found: list[Refusal] = []
        for key in subjects(clause, before) if before else [drugs[0][2] if drugs else self.default]:
            product = self._product(key, [clause[at:to] for at, to, k in drugs if k == key])
            if product is None:
                continue
            refused = judged(self._clause(clause, approval, product, bool(drugs)))
            found += [refusal for refusal in refused if refusal not in found]
        return found

    def _every(self, text: str) -> Every | None:
        """The class whose every product the text names ("all <class>"), or None."""
        return next((every for every in self.patterns.classes if every.pattern.search(text)), None)

    def _of_every_product(
        self, clause: str, approval: tuple[int, int], named_a_drug: bool, every: Every
    ) -> list[Refusal]:
        """ "all <class> are approved for ...": true only if each label of the class holds it."""
        for product in self.products:
            if product.drug_class != every.key:
                continue
            refused = judged(self._clause(clause, approval, product, named_a_drug))
            if refused:
                return [
                    Refusal(r.named, f"not every {every.name}'s label holds it: {r.reason}")
                    for r in refused
                ]
        return []

    def _product(self, key: str, written: Sequence[str] = ()) -> Product | None:
        """The product ``key``; named only by a generic name that other labels share
        (``written``: its names in the clause), those labels together."""
        product = next((product for product in self.products if product.key == key), None)
        together = by_generic(product, written) if product else key
        return next((p for p in self.shared if p.key == together), product)

    def _clause(
        self, clause: str, approval: tuple[int, int], product: Product, named_a_drug: bool
    ) -> Clause:
        return Clause(
            clause,
            *approval,
            product,
            self.patterns.indications(product.key),
            self.patterns.names,
            self.patterns.phrases,
            named_a_drug,
            self.subject,
        )


def _not_of_a_drug(clause: str, start: int, end: int, drug_before: bool) -> bool:
    """Whether the approval is a person's standing ("a licensed neurologist") or said
    of a procedure, a provider or an insurer, with no drug named before it."""
    return bool(
        PERSON.match(clause[end:])
        or (
            not drug_before
            and "fda" not in clause.casefold()
            and OTHER_SUBJECT.search(clause[:start])
        )
    )


@dataclass
class Judges:
    """Each drug's judge, built where pages are judged the first time a job names it,
    and its judge of each page's subject; the other drugs' judges share the first one's
    patterns. One of each for the build: its verdicts hold for every page."""

    registry: Any
    built: dict[tuple[str, str], Judge] = field(default_factory=dict)  # (drug, subject)

    def of(self, product: str, subject: str = "") -> Judge:
        judge = self.built.get((product, subject)) or self.built.get((product, ""))
        if judge is None:
            first = next(iter(self.built.values()), None)
            judge = self.built[(product, "")] = (
                replace(first, default=product, subject="", verdicts={})
                if first
                else Judge.of(self.registry, product)
            )
        if judge.subject != subject:
            judge = self.built[(product, subject)] = judge.about(subject)
        return judge
