"""Whether a clause that says a drug is approved says what its label holds: closed-world.

A clause that affirms approval ("approved", "FDA-approved", "indicated", "cleared",
"licensed", "authorized" and their kin, not negated) is true only when what it is
approved *for* is an indication of the drug it names (else the page's own drug) in the
label registry (``labels``), within the label's limits. What the clause names is read
rule by rule, not by a language model (medspaCy was tried: about 280 MB, over a second
to load, and it missed plural condition names without a lemmatizer):

1. the drug: a product's name in the clause, the last one before the approval word;
2. the object: what follows "for", "to treat", "to prevent", "in the treatment of"...
   after the approval word, up to a negation; with no such word (a table row, "Chronic
   migraine is an FDA-approved use"), what stands before the approval word;
3. the drug's indications named anywhere in the clause (their synonyms, longest first);
   a use the label excludes (``not_covered``) or children where the label says adults
   refuse the clause;
4. what is left of the object once the indications, the drug's names, numbers and
   connecting words (and the words of the matched indication's own label text) are
   taken out must be nothing: "approved for chronic migraine and tension headaches"
   leaves "tension", and an unknown condition ("trigeminal neuralgia") leaves itself.

History ("first approved in 1989") names no object and passes, as does a bare "Botox
is FDA-approved".
"""

import re
from dataclasses import dataclass, field, replace

from .labels import fold

_OBJECT = re.compile(
    r"\b(?:for|include|includes|including|such\s+as|(?:uses?|indications?)\s+(?:is|are)"
    r"|to\s+(?:treat|prevent|help|reduce|relieve|manage|control|improve|ease|stop|cure|end|heal)"
    r"|in\s+the\s+(?:treatment|prevention|management)\s+of|as\s+a\s+treatment\s+for"
    r"|(?:treatment|prevention|prophylaxis|management)\s+of)\b",
    re.IGNORECASE,
)
# What ends the object: a negation ("approved for chronic migraine, not tension
# headaches"), or a clause of its own ("..., so ask your doctor"; "when creams fail").
_OBJECT_END = re.compile(
    r"\b(?:not|never|no|nor|except|excluding|without|but|so|if|because|when|whenever"
    r"|after|before|unless|until|whether|once|off[\s-]label)\b|n['\u2019]t\b"
    r"|,?\s+and\s+(?:is|are|was|we|it|you|they|has|can|may|also)\b"
    # a clause that describes the condition ("..., which causes neck spasms"), unless it
    # widens the claim ("..., which includes tension headaches")
    r"|,\s*which\b(?!\s+(?:also\s+)?(?:include|includes|including|cover|covers|mean|means))",
    re.IGNORECASE,
)
# An approval said of something that is not a drug: "Surgery is rarely indicated",
# "your doctor has cleared you", "an approved provider".
_OTHER_SUBJECT = re.compile(
    r"\b(?:surgery|surgeries|procedure|nerve\s+blocks?|provider|clinic|doctor|physician"
    r"|nurse|insurance|insurer|plan|claim|referral|test|scan|physiotherapy|exercise|dr)\b",
    re.IGNORECASE,
)
# A consequence drawn from an approval: "..., so it is a good choice for neck pain".
_IMPLIED = re.compile(
    r",?\s+(?:so|which\s+makes\s+it|making\s+it)\b[^.;]*?\bfor\s+([^.;]+)", re.IGNORECASE
)
# "a licensed neurologist", "an approved injector": a person's standing.
_PERSON = re.compile(
    r"\s+(?:\w+\s+)?(?:neurologists?|physicians?|doctors?|nurses?|injectors?"
    r"|practitioners?|providers?|specialists?|pharmacists?|clinicians?"
    r"|professionals?|staff)\b",
    re.IGNORECASE,
)
# Every product at once: "all botulinum toxins", "botulinum toxin injections".
_EVERY_PRODUCT = re.compile(
    r"\b(?:all|every|any)\s+(?:botulinum\s+)?(?:toxins?|neurotoxins?)\b"
    r"|\bbotulinum\s+toxins?\b(?!\s+type)|\bneurotoxins\b",
    re.IGNORECASE,
)
# The lower age bound a clause states: "65 and older", "over 65", "2 years and older".
_AGE_FROM = re.compile(
    r"\b(\d{1,3})\s*(?:years?\s*(?:of\s+age\s*)?|\+\s*)?(?:and|or)\s+(?:older|over|above|up)\b"
    r"|\b(?:over|older\s+than|above)\s+(\d{1,3})\b",
    re.IGNORECASE,
)
# Words that point back at the page's own condition: "approved to treat it".
_POINTER = re.compile(r"\b(?:it|this|these|them|they|that|those)\b", re.IGNORECASE)
_CHILDREN = re.compile(
    r"\b(?:child|children|kids?|pediatric|paediatric|teens?|teenagers?"
    r"|adolescents?|infants?|toddlers?|under\s+18|minors?)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z][a-z'\u2019]*")
# Words that join what a clause names without naming anything themselves.
FILLER = frozenset(
    """
a an the and or of in on for with by to as at from who whose that which when where whom is are
was were be been being has have had also only both either each its their your you they it
this these those such including include includes like well use uses used using
fda food drug administration us u.s united states approval approved approve indicated
indication cleared licensed authorized authorised treatment treatments treat treating
treated prevention prevent preventing prophylaxis prophylactic management manage help
helps reduce reducing relieve relief control improve ease injection injections injected
shot shots patient patients people person persons adult adults aged age ages year years
older old more than least up certain some symptom symptoms condition conditions use
medicine medication drug drugs product products therapy option options
did do does dose doses dosing unit units since first only younger than children child
kids sufferers sufferer living u s january february march april may june july
august september october november december can could may might will would should must is
preventive preventative
defined define which means meaning occurring lasting called known problem problems
disorder disorders listed page pages below above here site other them
""".split()
)


@dataclass(frozen=True)
class Refusal:
    named: str  # what the clause calls approved, as written
    reason: str  # what the label says instead


@dataclass(frozen=True)
class Judge:
    """The registry's products and the page's own drug, as plain values: a worker
    process takes it with each page's job; its patterns are compiled once a process."""

    # Compared and hashed by ``fingerprint``, not the products: each sentence's verdict
    # is cached by its judge, and hashing the whole registry for each took longer than
    # judging.
    products: tuple = field(
        compare=False
    )  # per product: key, brand, revision, url, names, indications
    fingerprint: int  # the products' hash, taken once
    default: str  # the drug a clause means when it names none
    subject: str = ""  # the condition the page is about: what "it" points at

    @classmethod
    def of(cls, registry, default):
        products = tuple(
            (
                label.key,
                label.brand,
                label.revised,
                label.url,
                tuple(label.names),
                tuple(
                    (
                        i.condition,
                        i.synonyms,
                        i.min_age_years,
                        tuple(i.not_covered),
                        frozenset(_words(i.text)),
                        i.max_age_years,
                        tuple(i.defined_by),
                    )
                    for i in label.indications
                ),
            )
            for label in registry.labels.values()
        )
        return cls(products, hash(products), default)

    def about(self, subject):
        """The same judge on a page about ``subject``."""
        return replace(self, subject=subject)

    def names_a_use(self, text):
        """Whether ``text``, or the page's subject (what "it" points at), names a use
        the label of the page's drug holds."""
        pattern = _compiled(self)[3].get(self.default)
        return bool(pattern and (pattern.search(text) or pattern.search(self.subject)))

    def refusals(self, clause, approval):
        """What is wrong with an affirmative approval clause; ``approval``: the span
        of its approval word. Empty when the label holds what it says."""
        return _refusals(clause, approval, self, self.subject)


def _words(text):
    return _WORD.findall(text.casefold())


_COMPILED: dict[int, tuple] = {}  # fingerprint -> what _compiled returns, once a process


def _compiled(judge):
    """(names pattern, the key of each name, {key: product}, {key: indications pattern})."""
    if judge.fingerprint not in _COMPILED:
        _COMPILED[judge.fingerprint] = _compile(judge.products)
    return _COMPILED[judge.fingerprint]


def _compile(products):
    names, by_key, indications = [], {}, {}
    for product in products:
        key, _, _, _, product_names, entries = product
        by_key[key] = product
        for name in product_names:
            names.append((name, key))
        alternatives = sorted({s for entry in entries for s in entry[1]}, key=len, reverse=True)
        indications[key] = re.compile(
            r"\b(?:" + "|".join(_phrase(s) for s in alternatives) + r")\b", re.IGNORECASE
        )
    names.sort(key=lambda item: len(item[0]), reverse=True)
    pattern = re.compile(
        r"\b(?:"
        + "|".join(f"(?P<n{index}>{re.escape(name)})" for index, (name, _) in enumerate(names))
        + r")(?:\s*[®™])?(?!\s+cosmetic)",
        re.IGNORECASE,
    )
    return pattern, [key for _, key in names], by_key, indications


def _phrase(folded):
    """A folded synonym as a pattern of what a writer may type: any case, hyphens or
    spaces between its words, a plural "s" on any word."""
    words = folded.split(" ")
    return r"[\s\-]+".join(re.escape(word) + r"(?:e?s)?" for word in words)


def _refusals(clause, approval, judge, subject):
    compiled = _compiled(judge)
    names, keys, by_key, _ = compiled
    start, end = approval
    drugs = [(match.start(), keys[int(match.lastgroup[1:])]) for match in names.finditer(clause)]
    before = [key for position, key in drugs if position < start]
    if _PERSON.match(clause[end:]) or (
        not before and "fda" not in clause.casefold() and _OTHER_SUBJECT.search(clause[:start])
    ):
        return []  # said of surgery, a provider, an insurer, a doctor: not of a drug
    if not before and _EVERY_PRODUCT.search(clause[:start]):
        # "all botulinum toxins are approved for ...": true only if every label holds it
        for key in by_key:
            refused = _judged(clause, start, end, key, bool(drugs), subject, compiled)
            if refused:
                return [
                    Refusal(r.named, f"not every botulinum toxin's label holds it: {r.reason}")
                    for r in refused
                ]
        return []
    key = before[-1] if before else drugs[0][1] if drugs else judge.default
    if key not in by_key:
        return []
    return _judged(clause, start, end, key, bool(drugs), subject, compiled)


def _judged(clause, start, end, key, named_a_drug, subject, compiled):
    """The refusals of a clause that calls product ``key`` approved."""
    names, _, by_key, indications = compiled
    _, brand, revised, url, _, entries = by_key[key]
    covered = "; ".join(entry[0] for entry in entries)
    where = f"the {brand} label (revised {revised}, {url}) covers: {covered}"

    after = clause[end:]
    marker = _OBJECT.search(after)
    found = [(m, _entry(entries, m.group())) for m in indications[key].finditer(clause)]
    found = [(m, entry) for m, entry in found if entry is not None]
    found += [
        (None, entry)
        for entry in entries
        if any(
            re.search(r"\b" + _phrase(fold(phrase)) + r"\b", clause, re.IGNORECASE)
            for phrase in entry[6]
        )
    ]
    if not (marker or named_a_drug or found or "fda" in clause.casefold()):
        return []  # an approval of something else: "prior approval from your insurer"
    # what it is approved for, with what stands between ("by the FDA as a first-line
    # treatment for ...")
    obj = ""
    if marker:
        between = after[: marker.start()]
        cut = _OBJECT_END.search(between)
        # "FDA-approved or used off-label for each": the object is not the approval's
        obj = (
            between[: cut.start()] if cut else between + " " + _until_its_end(after[marker.end() :])
        )
    implied = _IMPLIED.search(after)
    if implied:
        # "approved for cervical dystonia, so it's a natural choice for neck pain": the
        # approval offered as a reason for another use is a claim about that use, which
        # must be an indication by its own words
        other = _until_its_end(implied.group(1))
        bare = indications[key].sub(" ", other)
        if any(word not in FILLER for word in _words(bare)):
            return [
                Refusal(
                    " ".join(other.split()).strip(" .,;:)"),
                    f"the approval is given as a reason for a use its label does not hold: {where}",
                )
            ]
    if not marker or (_BRACKETED.search(clause[:start]) and not _names_anything(obj, found)):
        # "Tension headache | FDA-approved", "Episodic migraine (FDA-approved for adults)":
        # the approval word describes what stands just before it, back to a comma or
        # a bracket
        before = clause[:start]
        if _BRACKETED.search(before) and "(" in before:
            before = before[: before.rindex("(")]  # what the bracket stands beside
        before = re.sub(r"\([^()]*\)", " ", _BEFORE_APPROVAL.sub("", before))
        obj = obj + " " + _OBJECT_END.split(before.split(",")[-1])[-1]
    if subject and _POINTER.search(obj):
        meant = _entry(entries, subject)
        if meant is None:
            return [Refusal(subject, f"not an indication on its label: {where}")]
        found.append((None, meant))
    excluded = {}  # as written -> the indication whose limits exclude it
    for entry in entries:
        for phrase in entry[3]:
            match = re.search(r"\b" + _phrase(fold(phrase)) + r"\b", obj, re.IGNORECASE)
            if match:
                excluded.setdefault(match.group(), entry[0])
    refusals = [
        Refusal(written, f"the label excludes it ({condition}): {where}")
        for written, condition in excluded.items()
    ]
    starts = [*sorted(m.start() for m, _ in found if m is not None), len(clause)]
    for match, entry in found:
        # the ages said of a use stand after its name, before the next use's
        near = (
            obj
            if match is None
            else clause[match.end() : next(at for at in starts if at > match.start())]
        )
        youngest = _youngest(near)
        condition, least, oldest = entry[0], entry[2], entry[5]
        too_young = least and (
            (youngest is not None and youngest < least) or (least >= 18 and _CHILDREN.search(near))
        )
        if too_young:
            refusals.append(
                Refusal(
                    f"{condition} at that age", f"the label covers it from age {least}: {where}"
                )
            )
        if oldest and youngest is not None and youngest > oldest:
            refusals.append(
                Refusal(
                    f"{condition} at that age", f"the label covers it up to age {oldest}: {where}"
                )
            )
    if refusals:
        return refusals
    allowed = FILLER.union(*(entry[4] for _, entry in found))
    left = obj
    for match, _ in found:
        if match is not None:
            left = left.replace(match.group(), " ")
    for match in names.finditer(left):
        left = left.replace(match.group(), " ")
    rest = [
        word
        for word in _words(left)
        if word.strip("'\u2019") not in allowed and fold(word) not in allowed
    ]
    if rest:
        named = " ".join(obj.split()).strip(" .,;:)|")
        return [Refusal(named or " ".join(rest), f"not an indication on its label: {where}")]
    return []


def _youngest(text):
    """The lowest age a clause says it is for ("65 and older": 65), or None."""
    ages = [int(a or b) for a, b in _AGE_FROM.findall(text)]
    return min(ages) if ages else None


# An approval word in brackets or a table cell beside what it describes.
_BRACKETED = re.compile(r"[(|][\s\-]*(?:(?:the\s+)?(?:u\.?s\.?\s+)?fda)?[\s\-]*$", re.IGNORECASE)
_BEFORE_APPROVAL = re.compile(
    r"[\s(\-]*(?:(?:the\s+)?(?:u\.?s\.?\s+)?fda)?[\s(\-]*$", re.IGNORECASE
)


def _until_its_end(text):
    cut = _OBJECT_END.search(text)
    return text[: cut.start()] if cut else text


def _names_anything(text, found):
    """Whether the text names an indication found, or any word beyond FILLER."""
    return any(match is not None and match.group() in text for match, _ in found) or any(
        word not in FILLER for word in _words(text)
    )


def _entry(entries, text):
    wanted = fold(text)
    return next((entry for entry in entries if wanted in entry[1]), None)
