"""schema.org structured data, and its safe serialisation into a <script> element.

Inside <script>, the HTML parser ends the element at the first ``</script`` whatever the
JSON means, and ``<!--`` can switch it into an escaped state. JSON allows any character
to be written as ``\\uXXXX``: Jinja's ``htmlsafe_json_dumps`` (the ``tojson`` filter)
writes ``<``, ``>``, ``&`` and ``'`` that way, and JSON's ``ensure_ascii`` every other
character outside ASCII, U+2028 and U+2029 among them (for consumers that evaluate it as
script): the text stays valid JSON that decodes to exactly what the writer typed, and the
HTML parser never sees markup.
"""

from collections.abc import Mapping, Sequence
from typing import Any, cast

from jinja2.utils import htmlsafe_json_dumps
from pelican.contents import Content

from ..core.html_text import plain
from ..page.faq import Entry
from ..page.model import Medical
from ..registry.labels import Registry
from ..settings.config import Config

SCHEMA_CONTEXT = "https://schema.org"

Node = dict[str, Any]
Site = dict[str, Any]  # what every page's structured data says of the site and clinic


def site_facts(settings_: Mapping[str, Any], config: Config) -> Site:
    """What every page's structured data says of the site and the clinic."""
    return {
        "url": settings_["SITEURL"],
        "name": settings_["SITENAME"],
        "lang": settings_["DEFAULT_LANG"],
        "clinic": settings_["CLINIC"],
        "label": cast(Registry, config.registry)[config.product],
        "index_url": settings_["INDEX_SAVE_AS"].rsplit("index.html", 1)[0],
    }


def script_json(data: object) -> str:
    """JSON text for the body of a <script type="application/ld+json"> element."""
    return str(htmlsafe_json_dumps(data, ensure_ascii=True, separators=(",", ":")))


def faq_page(entries: Sequence[Entry]) -> Node:
    """A schema.org FAQPage: one Question with its accepted Answer per entry."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer},
            }
            for entry in entries
        ],
    }


PAGE_TYPES = {"home": "WebPage", "conditions": "CollectionPage", "about": "AboutPage"}
HEADLINE_LIMIT = 110  # Google's limit for Article.headline


def headline(title: str) -> str:
    """The title, cut at a word boundary to fit Article.headline's limit."""
    if len(title) <= HEADLINE_LIMIT:
        return title
    return title[: HEADLINE_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def page_graph(site: Mapping[str, Any], page: Mapping[str, Any]) -> Node:
    """One schema.org @graph for a page; its nodes refer to each other by @id.

    ``site``: url ("" or absolute), name, lang, clinic (the CLINIC setting), label
    (the site's drug's ``labels.Label``). ``page``: url (site-relative), title,
    description, kind, is_medical,
    breadcrumbs [(name, site-relative url)], and for medical pages date_published,
    date_modified, review; plus article (author), condition (name, alternate_names)
    or faq (entries) where they apply.
    """
    home = site["url"] + "/"
    page_url = home + page["url"]
    ids = {
        "website": home + "#website",
        "clinic": home + "#clinic",
        "webpage": page_url + "#webpage",
        "breadcrumb": page_url + "#breadcrumb",
        # one node per product, the same on every page
        "drug": home + "#drug-" + site["label"].key,
        "condition": page_url + "#condition",
    }
    clinic = site["clinic"]
    nodes: list[Node] = [
        {
            "@type": "WebSite",
            "@id": ids["website"],
            "url": home,
            "name": site["name"],
            "inLanguage": site["lang"],
            "publisher": {"@id": ids["clinic"]},
        },
        {
            "@type": "MedicalClinic",
            "@id": ids["clinic"],
            "name": clinic["name"],
            "url": home,
            "telephone": clinic["telephone"],
            "email": clinic["email"],
            "address": {
                "@type": "PostalAddress",
                "streetAddress": clinic["street"],
                "addressLocality": clinic["locality"],
                "addressRegion": clinic["region"],
                "postalCode": clinic["postal_code"],
                "addressCountry": clinic["country"],
            },
        },
        {
            "@type": "BreadcrumbList",
            "@id": ids["breadcrumb"],
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": name, "item": home + url}
                for position, (name, url) in enumerate(page["breadcrumbs"], start=1)
            ],
        },
    ]
    webpage: Node = {
        "@type": PAGE_TYPES.get(page["kind"], "WebPage"),
        "@id": ids["webpage"],
        "url": page_url,
        "name": page["title"],
        "description": page["description"],
        "inLanguage": site["lang"],
        "isPartOf": {"@id": ids["website"]},
        "breadcrumb": {"@id": ids["breadcrumb"]},
    }
    nodes.append(webpage)
    if page["is_medical"]:
        review = page["review"]
        webpage.update(
            {
                "@type": "MedicalWebPage",
                "datePublished": page["date_published"],
                "dateModified": page["date_modified"],
                "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
                "about": {"@id": ids["condition"] if "condition" in page else ids["drug"]},
            }
        )
        if review and review.holds:  # no review of this text took place: claim none
            webpage["lastReviewed"] = review.reviewed.isoformat()
            webpage["reviewedBy"] = _reviewer(review.reviewer, ids["clinic"])
        nodes.append(_drug(site, ids["drug"]))
    if "article" in page:
        nodes.append(
            {
                "@type": "Article",
                "@id": page_url + "#article",
                "headline": headline(page["title"]),
                "description": page["description"],
                "inLanguage": site["lang"],
                "datePublished": page["date_published"],
                "dateModified": page["date_modified"],
                "author": _author(page["article"]["author"], clinic["name"], home),
                "publisher": {"@id": ids["clinic"]},
                "mainEntityOfPage": {"@id": ids["webpage"]},
                "isPartOf": {"@id": ids["website"]},
            }
        )
    if "condition" in page:
        condition: Node = {
            "@type": "MedicalCondition",
            "@id": ids["condition"],
            "name": page["condition"]["name"],
            "possibleTreatment": {"@id": ids["drug"]},
        }
        if page["condition"]["alternate_names"]:
            condition["alternateName"] = page["condition"]["alternate_names"]
        nodes.append(condition)
    if "faq" in page:
        webpage["@type"] = [webpage["@type"], "FAQPage"]
        webpage["mainEntity"] = faq_page(page["faq"])["mainEntity"]
    return {"@context": SCHEMA_CONTEXT, "@graph": nodes}


def _drug(site: Mapping[str, Any], drug_id: str) -> Node:
    label = site["label"]
    return {
        "@type": "Drug",
        "@id": drug_id,
        "name": label.brand,
        "nonProprietaryName": label.generic,
        "prescriptionStatus": "https://schema.org/PrescriptionOnly",
        "prescribingInfo": label.url,
        "labelDetails": label.url,
    }


def _reviewer(reviewer: Mapping[str, Any], clinic_id: str) -> Node:
    if reviewer.get("type") == "Organization":
        return {
            "@type": "Organization",
            "name": reviewer["name"],
            "parentOrganization": {"@id": clinic_id},
        }
    person: Node = {"@type": "Person", "name": reviewer["name"]}
    if reviewer.get("credentials"):
        person["honorificSuffix"] = reviewer["credentials"]
    return person


def _author(name: str, clinic_name: str, home: str) -> Node:
    if name == clinic_name:
        return {"@type": "Organization", "name": name, "url": home}
    return {"@type": "Person", "name": name}


def page_facts(
    content: Content, medical: Medical, url: str, is_article: bool, site: Site
) -> dict[str, Any]:
    """What the page's structured data says of it, from its facts."""
    facts: dict[str, Any] = {
        "url": url,
        "title": content.title,
        "kind": medical.kind,
        "description": plain(getattr(content, "summary", "") or ""),
        "is_medical": medical.is_medical,
        "breadcrumbs": medical.breadcrumbs,
    }
    if medical.is_medical:
        published = getattr(content, "date", None)
        modified = getattr(content, "modified", None) or published
        facts.update(
            date_published=published.date().isoformat() if published else None,
            date_modified=modified.date().isoformat() if modified else None,
            review=medical.review,
        )
    if is_article:
        facts["article"] = {"author": str(getattr(content, "author", "") or site["clinic"]["name"])}
    if medical.kind == "condition" and medical.condition_names:
        names = medical.condition_names
        facts["condition"] = {"name": names[0], "alternate_names": names[1:]}
    if medical.faq:
        facts["faq"] = medical.faq
    return facts
