"""Where the object of an approval named in a clause's subject ends: at the clause's
own verb ("<drug>'s approval for glabellar lines stops at age 64", "the approval for
NDO in children begins at age 5", "injections that were cleared for OAB are now
offered"), unless the verb only carries the object on ("is limited to adults", "extends
to ..."), or belongs to a relative clause inside the object ("for adults who have ...")."""

import re

__all__ = ["NOUNS", "until_clause", "until_predicate"]

# How an approval word ends when it is a noun.
NOUNS = (
    *("approval", "approvals", "authorization", "authorisation", "authorizations"),
    *("authorisations", "clearance", "indication", "indications", "blessing", "nod"),
    *("go-ahead", "go ahead", "light"),
)
# A finite verb that may follow a subject.
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|does|did"
    r"|made|makes|gave|gives|helped|helps|became|becomes|begins?|began|starts?|started|stops?"
    r"|stopped|ends?|ended|came|comes|remains?|remained|lets|allowed|allows|means|meant"
    r"|requires?|required|runs|ran|dates|dated|marked|marks|opened|opens|changed|changes"
    r"|brought|brings|expired|expires|lasts|lasted|took|takes|went|goes|followed|follows"
    r"|paved|led|leads|turned|turns|put|puts|sits|sat|stands|stood)\b",
    re.IGNORECASE,
)
# A verb that carries the object on: "is limited to", "is restricted to".
_CARRIES = re.compile(
    r"(?:is|are|was|were|remains?)\s+(?:\w+ly\s+|only\s+|now\s+)?(?:limited|restricted|confined)\s+to\b"
    # "has been extended to ...", "was expanded to include ..."
    r"|(?:is|are|was|were|has|have|had)\s+(?:(?:been|now|also|since|later|\w+ly)\s+)*"
    r"(?:extended|expanded|broadened|widened|stretched)\b",
    re.IGNORECASE,
)
# What opens a relative clause: the verb after it is the relative clause's own.
_RELATIVE = re.compile(r"\b(?:who|whose|whom|that|which|where|when)\b", re.IGNORECASE)


def until_clause(obj: str, names: re.Pattern[str]) -> str:
    """The object up to a clause of its own that a product's name opens after a comma:
    "Approved by the FDA for chronic migraine, <drug> is now widely used for ..."."""
    for comma in re.finditer(r",\s*", obj):
        name = names.match(obj, comma.end())
        verb = name and re.match(r"\s*(?:\w+ly\s+)?([a-z]+)", obj[name.end() :], re.IGNORECASE)
        if verb and _VERB.fullmatch(verb.group(1)):
            return obj[: comma.start()]
    return obj


def until_predicate(obj: str) -> str:
    """The object up to the subject's own verb."""
    bound = -1  # where the last relative pronoun stands, until a verb takes it
    for token in re.finditer(r"[a-z']+", obj, re.IGNORECASE):
        if _RELATIVE.fullmatch(token.group()):
            bound = token.start()
        elif _VERB.fullmatch(token.group()):
            if bound >= 0:
                bound = -1  # the relative clause's verb
            elif not _CARRIES.match(obj, token.start()):
                return obj[: token.start()]
    return obj
