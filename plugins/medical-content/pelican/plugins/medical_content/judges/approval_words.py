"""The words an approval clause is read by (``approvals``): the approval words, what
introduces what a drug is approved for, what ends it, what points back at the page's
condition or the reader, and the words that name nothing (how a label's names are
matched as writers word them: ``approval_names``)."""

import re
from collections.abc import Sequence


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
# What introduces the object right after the approval word (and who gave it): "approved
# to dry up sweaty palms" (any verb), "the approval covers you" (people, or what points
# back at them), "indications are ...".
DIRECT_OBJECT = re.compile(
    r"^\W*(?:(?:by|from)\s+(?:the\s+)?(?:u\.?s\.?\s+)?(?:fda|regulators?)\s+)?"
    r"(?:(?:cover(?:s|ed)?|extend(?:s|ed)?\s+to|appl(?:y|ies|ied)\s+to|in)(?=\s+(?:only\s+)?(?:you|yours|it|this"
    r"|that|them|these|those|people|patients|adults?|children|kids|anyone|everyone|all|both|teens"
    r"|teenagers|women|men)\b)|are|include|includes"
    r"|(?:is|are|was|were)\s+(?:\w+ly\s+|only\s+)?(?:limited|restricted|confined)\s+to"
    r"|to\s+(?:\w+ly\s+)?(?!(?:be|the|an?|its?|their|this|that|date|market|sell)\b)[a-z]+)\b",
    re.IGNORECASE,
)
# What ends the object: a negation ("approved for chronic migraine, not tension
# headaches"), or a clause of its own ("..., so ask your doctor"; "when creams fail").
OBJECT_END = re.compile(
    r"\b(?:not|never|no|nor|except|excluding|without|but|so|if|because|when|whenever"
    r"|after|before|unless|until|whether|once|unlike|off[\s-]label)\b|n['\u2019]t\b"
    r"|,?\s+and\s+(?:is|are|was|we|it|you|they|has|can|may|also|insurance|insurers?"
    r"|medicare|medicaid)\b"
    # "..., and today many clinics use it ...", unless the approval goes on ("and now for")
    r"|,\s*and\s+(?:today|now|nowadays|currently|meanwhile|later|since\s+then)\b"
    r"(?!\s*,?\s*(?:also\s+)?(?:for|in|to)\b)"
    # a participle that goes on about the drug ("..., joining frown lines as ...")
    r"|,\s*(?:joining|making|becoming|marking|following|giving|bringing|adding|earning"
    r"|winning|paving|leading|cementing|opening|ending)\b"
    # a clause that describes the condition ("..., which causes neck spasms"), unless it
    # widens the claim ("..., which includes tension headaches")
    r"|,\s*which\b(?!\s+(?:also\s+)?(?:include|includes|including|cover|covers|mean|means))"
    # an appositive that describes the condition ("..., the condition in which the neck ...")
    r"|,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:condition|disorder|disease|problem|syndrome"
    r"|illness)s?\s+(?:in\s+which|that|which|where|when|who|causing|marked\s+by"
    r"|characteri[sz]ed\s+by)\b",
    re.IGNORECASE,
)
# An approval said of something that is not a drug: "Surgery is rarely indicated",
# "your doctor has cleared you", "an approved provider".
OTHER_SUBJECT = any_word(
    r"surgery surgeries procedure nerve\s+blocks? provider clinic doctor physician nurse"
    r" insurance insurer plan claim referral test scan physiotherapy exercise dr director team"
    r" surgeon dentist pharmacist board committee hospital employer"
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
# Words that point back at the page's own condition: "approved to treat it".
_POINTERS = "it this these them they that those"
POINTER = any_word(_POINTERS)
# The same words anywhere, inside other words too: a sentence without them never points
# at the page's condition, however it is cut into clauses and objects (each cut is
# joined again with a space, and nothing put in its place holds them), so what it
# claims does not depend on the page it stands on (``claims``).
MAY_POINT = re.compile("|".join(_POINTERS.split()), re.IGNORECASE)
# The reader, whom a clause may call approved: "the approval covers you" points back at
# what the sentence says of the reader ("if you get migraines on 8 days a month").
READER = any_word("you yours yourself")
# An approval word in brackets or a table cell beside what it describes.
BRACKETED = re.compile(r"[(|][\s\-]*(?:(?:the\s+)?(?:u\.?s\.?\s+)?fda)?[\s\-]*$", re.IGNORECASE)
BEFORE_APPROVAL = re.compile(
    r"(?:\b(?:under|with|through|per)\s+(?:its|their|the|this|that|an?)\s+)?"
    r"[\s(\-]*(?:(?:the\s+)?(?:u\.?s\.?\s+)?fda(?:'s)?)?[\s(\-]*$",
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
per according s one two three four five six seven eight nine ten several many multiple young
teens teenagers adolescents date among something receive receives received
receiving get gets getting develop develops developed
agency kind kinds sort type types
pill pills tablet tablets medicines medications cream creams antiperspirant antiperspirants
agents anticholinergic anticholinergics prescription strength topical preventives failed fail
fails failing intolerant inadequate inadequately response responded enough tried trying
strong stronger clinical oral usual standard regular
under below younger limited restricted confined through over counter too added
apply applies applied extend extends extended cover covers covered
""".split()
)


def words(text: str) -> list[str]:
    """The text's words, folded, as FILLER holds them."""
    return _WORD.findall(text.casefold())


def until_its_end(text: str, listed: bool = False) -> str:
    """The text up to what ends an object (``OBJECT_END``); ``listed``: a list, where a
    subordinate clause ends only its item ("for: OAB in adults when pills fail,
    spasticity, ...")."""
    kept = []
    cut = OBJECT_END.search(text)
    while listed and cut and _ITEM_END.fullmatch(cut.group()) and "," in text[cut.end() :]:
        kept.append(text[: cut.start()])
        text = text[text.index(",", cut.end()) :]
        cut = OBJECT_END.search(text)
    return " ".join([*kept, text[: cut.start()] if cut else text])


# What ends one item of a list, not the list.
_ITEM_END = re.compile(
    r"when|whenever|if|after|before|unless|until|once|because|whether", re.IGNORECASE
)


def names_something(text: str, written: Sequence[str]) -> bool:
    """Whether the text holds one of the ``written`` names, or any word beyond FILLER."""
    return any(name in text for name in written) or any(word not in FILLER for word in words(text))


# What says a drug is approved: the approval words, and the phrases that mean the same
# ("has FDA clearance", "green-lit", "okayed", "signed off on", "the nod from regulators",
# "carries an FDA indication").
APPROVAL = re.compile(
    r"\b(?:approv(?:ed|al|es)|indicated|licensed|cleared|clearance|authori[sz]ed|sanctioned"
    r"|ok(?:ay)?(?:ed|['\u2019]d)|ok-ed|green[\s-]+(?:lit|lighted|lighting)"
    r"|green\s+light(?:ed|s)?|signed\s+off\s+on"
    r"|(?:fda|regulators?)['\u2019]?s?\s+(?:blessing|nod|go[\s-]ahead)"
    r"|(?:nod|go[\s-]ahead)(?=\s+from\s+(?:the\s+)?(?:u\.?s\.?\s+)?"
    r"(?:fda|regulators?|food\s+and\s+drug))"
    # "gave its blessing to", "has given the go-ahead for", "granted their nod"
    r"|(?:giv(?:e|es|en|ing)|gave|grant(?:s|ed|ing)?)\s+(?:(?:its|their|the|an?|official"
    r"|formal|full|final)\s+){1,2}(?:blessing|go[\s-]ahead|nod)"
    r"|(?:carr(?:y|ies|ied|ying)|holds?|held|holding|ha[sd]|have|having|gained|received|won|got"
    r"|earned)\s+(?:an?\s+|the\s+)?(?:(?:official|formal|labell?ed)\s+)?"
    r"(?:(?:u\.?s\.?\s+)?fda(?:['\u2019]s)?[\s-]+)?indications?(?=\s+(?:for|in|to)\b)"
    r"|(?:fda|labell?ed|on[\s-]label)[\s-]+indications?|authori[sz]ations?|on-label(?=\s+for\b)"
    r"|fda[\s-]+(?:backed|endorsed|certified|validated|blessed)"
    r"|(?:endorsed|backed|certified|validated|blessed)\s+by\s+(?:the\s+)?"
    r"(?:u\.?s\.?\s+)?(?:fda|food\s+and\s+drug\s+administration|regulators))\b",
    re.IGNORECASE,
)
# Approval words of everyday speech, which a doctor or an insurer may say too: they
# claim a drug's approval where the clause names a regulator, or says them of a drug.
INFORMAL = re.compile(
    r"^(?:ok|green|signed|nod|sanction|clearance|blessing|go|giv|gave|grant"
    r"|(?:fda|regulators?)\W+(?:nod|bless|go))",
    re.IGNORECASE,
)
REGULATOR = any_word(r"fda regulators? regulatory food\s+and\s+drug\s+administration federal")
# Substrings of every approval word as ``fold`` leaves it: a text without one of them
# holds no approval word (``claims.may_say_approved``); kept in step with APPROVAL.
APPROVAL_STEMS = (
    *("approv", "indicat", "licensed", "cleared", "clearance", "authori", "sanction"),
    *("green", "signed", "okayed", "okay'd", "okay\u2019d", "oked", "ok'd", "ok\u2019d"),
    *("ok-ed", "nod", "blessing", "on-label", "ahead", "backed", "endorsed", "certified"),
    *("validated", "blessed"),
)
