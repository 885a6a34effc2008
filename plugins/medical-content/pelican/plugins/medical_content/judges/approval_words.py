"""The words an approval clause is read by (``approvals``): what introduces what a drug
is approved for, what ends it, what points back at the page's condition, and the words
that name nothing."""

import re
from collections.abc import Sequence

from ..registry.labels import fold as fold_condition


def any_word(alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern of any of the whitespace-separated alternatives, each
    a whole word (or words: an alternative may hold ``\\s+``)."""
    return re.compile(r"\b(?:" + "|".join(alternatives.split()) + r")\b", re.IGNORECASE)


def every_product(
    names: Sequence[str], short_names: Sequence[str], kind_words: Sequence[str]
) -> re.Pattern[str]:
    """What names every product of a class at once (``drug_classes``): "all", "every"
    or "any" and one of its names or short names, or one of its names alone, unless one
    of ``kind_words`` follows it (a kind of the class's products, not all of them)."""
    kinds = rf"(?!\s+(?:{_either(kind_words)}))" if kind_words else ""
    return re.compile(
        rf"\b(?:all|every|any)\s+(?:{_either([*names, *short_names])})\b"
        rf"|\b(?:{_either(names)})\b{kinds}",
        re.IGNORECASE,
    )


def _either(phrases: Sequence[str]) -> str:
    """Any of the phrases, with any whitespace between their words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


OBJECT = re.compile(
    r"\b(?:for|include|includes|including|such\s+as|(?:uses?|indications?)\s+(?:is|are)"
    r"|to\s+(?:treat|prevent|help|reduce|relieve|manage|control|improve|ease|stop|cure|end|heal)"
    r"|in\s+the\s+(?:treatment|prevention|management)\s+of|as\s+a\s+treatment\s+for"
    r"|(?:treatment|prevention|prophylaxis|management)\s+of)\b",
    re.IGNORECASE,
)
# What ends the object: a negation ("approved for chronic migraine, not tension
# headaches"), or a clause of its own ("..., so ask your doctor"; "when creams fail").
OBJECT_END = re.compile(
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
OTHER_SUBJECT = any_word(
    r"surgery surgeries procedure nerve\s+blocks? provider clinic doctor physician nurse"
    r" insurance insurer plan claim referral test scan physiotherapy exercise dr"
)
# A consequence drawn from an approval: "..., so it is a good choice for neck pain".
IMPLIED = re.compile(
    r",?\s+(?:so|which\s+makes\s+it|making\s+it)\b[^.;]*?\bfor\s+([^.;]+)", re.IGNORECASE
)
# "a licensed neurologist", "an approved injector": a person's standing.
PERSON = re.compile(
    r"\s+(?:\w+\s+)?(?:neurologists?|physicians?|doctors?|nurses?|injectors?"
    r"|practitioners?|providers?|specialists?|pharmacists?|clinicians?"
    r"|professionals?|staff)\b",
    re.IGNORECASE,
)
# The lower age bound a clause states: "65 and older", "over 65", "2 years and older".
_AGE_FROM = re.compile(
    r"\b(\d{1,3})\s*(?:years?\s*(?:of\s+age\s*)?|\+\s*)?(?:and|or)\s+(?:older|over|above|up)\b"
    r"|\b(?:over|older\s+than|above)\s+(\d{1,3})\b",
    re.IGNORECASE,
)
# Words that point back at the page's own condition: "approved to treat it".
POINTER = any_word("it this these them they that those")
CHILDREN = any_word(
    r"child children kids? pediatric paediatric teens? teenagers? adolescents? infants?"
    r" toddlers? under\s+18 minors?"
)
# An approval word in brackets or a table cell beside what it describes.
BRACKETED = re.compile(r"[(|][\s\-]*(?:(?:the\s+)?(?:u\.?s\.?\s+)?fda)?[\s\-]*$", re.IGNORECASE)
BEFORE_APPROVAL = re.compile(r"[\s(\-]*(?:(?:the\s+)?(?:u\.?s\.?\s+)?fda)?[\s(\-]*$", re.IGNORECASE)
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


def words(text: str) -> list[str]:
    """The text's words, folded, as FILLER holds them."""
    return _WORD.findall(text.casefold())


def phrase(folded: str) -> str:
    """A folded synonym as a pattern of what a writer may type: any case, hyphens or
    spaces between its words, a plural "s" on any word."""
    return r"[\s\-]+".join(re.escape(word) + r"(?:e?s)?" for word in folded.split(" "))


def phrase_pattern(written: str) -> re.Pattern[str]:
    """A pattern of what names the condition ``written`` (folded first)."""
    return re.compile(r"\b" + phrase(fold_condition(written)) + r"\b", re.IGNORECASE)


def youngest(text: str) -> int | None:
    """The lowest age a clause says it is for ("65 and older": 65), or None."""
    ages = [int(a or b) for a, b in _AGE_FROM.findall(text)]
    return min(ages) if ages else None


def until_its_end(text: str) -> str:
    """The text up to what ends an object (``OBJECT_END``)."""
    cut = OBJECT_END.search(text)
    return text[: cut.start()] if cut else text


def names_something(text: str, written: Sequence[str]) -> bool:
    """Whether the text holds one of the ``written`` names, or any word beyond FILLER."""
    return any(name in text for name in written) or any(word not in FILLER for word in words(text))
