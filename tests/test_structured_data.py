"""The schema.org graph of every page of the real site, read with extruct (a parser no
one here wrote) and checked against the schema.org vocabulary that rdflib ships."""

from urllib.parse import urljoin

import extruct
import pytest
from rdflib import namespace
from support import ALL_PAGES, ARTICLE, CONDITION_PAGES, MEDICAL_PAGES, ROOT, read_page

BASE = "http://localhost/"
VOCABULARY = set(namespace.SDO.__annotations__)  # every schema.org type and property name


def graph(site, url):
    html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    found = extruct.extract(html, base_url=BASE + url.lstrip("/"), syntaxes=["json-ld"])["json-ld"]
    assert len(found) == 1, f"{url}: {len(found)} JSON-LD blocks"
    assert found[0]["@context"] == "https://schema.org"
    return found[0]["@graph"]


def types(node):
    value = node.get("@type", [])
    return value if isinstance(value, list) else [value]


def nodes_of(nodes, wanted):
    return [n for n in nodes if wanted in types(n)]


def walk(value):
    """Every object in a JSON-LD value, nested ones included."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def resolve(nodes, value):
    if isinstance(value, dict) and set(value) == {"@id"}:
        [node] = [n for n in nodes if n.get("@id") == value["@id"]]
        return node
    return value


@pytest.mark.parametrize("url", ALL_PAGES)
def test_every_reference_resolves_and_every_term_is_schema_org(site, url):
    nodes = graph(site, url)
    ids = [n["@id"] for n in nodes]
    assert len(ids) == len(set(ids)), "an @id is used twice"
    for obj in walk(nodes):
        if set(obj) == {"@id"}:
            assert obj["@id"] in ids, f"{url}: {obj['@id']} has no node"
            continue
        for term in types(obj):
            assert term in VOCABULARY, f"{url}: type {term} is not schema.org"
        for key in obj:
            assert key.startswith("@") or key in VOCABULARY, f"{url}: property {key}"


@pytest.mark.parametrize("url", ALL_PAGES)
def test_every_page_has_website_clinic_and_breadcrumbs_matching_the_visible_ones(
    site, settings, url
):
    nodes = graph(site, url)
    [website] = nodes_of(nodes, "WebSite")
    [clinic] = nodes_of(nodes, "MedicalClinic")
    assert resolve(nodes, website["publisher"]) is clinic
    assert clinic["name"] == settings["CLINIC"]["name"]
    assert clinic["telephone"] == settings["CLINIC"]["telephone"]
    assert clinic["address"]["@type"] == "PostalAddress"
    [breadcrumbs] = nodes_of(nodes, "BreadcrumbList")
    items = breadcrumbs["itemListElement"]
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    visible = read_page(site, url).find("nav", attrs={"aria-label": "Breadcrumb"}).find_all("a")
    # A local build has no SITEURL, so addresses are site-relative; publishconf.py makes
    # them absolute. Both resolve to the page the visible breadcrumb links to.
    assert [(i["name"], urljoin(BASE, i["item"])) for i in items] == [
        (a.get_text(strip=True), urljoin(BASE, a["href"])) for a in visible
    ]


@pytest.mark.parametrize("url", MEDICAL_PAGES)
def test_medical_pages_are_medical_web_pages(site, url):
    nodes = graph(site, url)
    [page] = nodes_of(nodes, "MedicalWebPage")
    for key in (
        "name",
        "description",
        "url",
        "inLanguage",
        "datePublished",
        "dateModified",
        "medicalAudience",
        "about",
        "isPartOf",
        "breadcrumb",
    ):
        assert page.get(key), f"{url}: MedicalWebPage has no {key}"
    assert urljoin(BASE, page["url"]) == urljoin(BASE, url)
    assert page["medicalAudience"]["audienceType"] == "Patient"
    # content/reviewers.toml names no clinician yet: no page may claim a review
    assert "reviewedBy" not in page and "lastReviewed" not in page


@pytest.mark.parametrize("url", MEDICAL_PAGES)
def test_a_reviewed_page_names_its_reviewer_and_the_date_it_shows(signed_off_site, url):
    nodes = graph(signed_off_site, url)
    [page] = nodes_of(nodes, "MedicalWebPage")
    assert resolve(nodes, page["reviewedBy"])["name"]
    shown = read_page(signed_off_site, url).find(class_="reviewed-by").find("time")["datetime"]
    assert page["lastReviewed"] == shown


def test_article_has_what_google_requires(site):
    nodes = graph(site, ARTICLE)
    [article] = nodes_of(nodes, "Article")
    assert 0 < len(article["headline"]) <= 110
    assert article["datePublished"] == "2024-11-08"
    assert article["dateModified"]
    assert article["author"]["name"]
    assert resolve(nodes, article["publisher"])["name"]
    assert "MedicalWebPage" in types(resolve(nodes, article["mainEntityOfPage"]))


@pytest.mark.parametrize("url", CONDITION_PAGES)
def test_condition_pages_name_the_condition_and_the_drug(site, url):
    nodes = graph(site, url)
    [condition] = nodes_of(nodes, "MedicalCondition")
    [page] = nodes_of(nodes, "MedicalWebPage")
    assert resolve(nodes, page["about"]) is condition
    header = (ROOT / "content" / "pages" / (url.strip("/") + ".md")).read_text().split("\n\n")[0]
    assert f"Condition: {condition['name']}" in header.splitlines()
    drug = resolve(nodes, condition["possibleTreatment"])
    assert types(drug) == ["Drug"]
    assert drug["nonProprietaryName"] == "onabotulinumtoxinA"
    assert drug["prescriptionStatus"] == "https://schema.org/PrescriptionOnly"


def test_faq_page_is_one_graph_with_its_questions(site):
    nodes = graph(site, "/faq/")
    [faq] = nodes_of(nodes, "FAQPage")
    assert "MedicalWebPage" in types(faq)
    assert len(faq["mainEntity"]) == 4
    for question in faq["mainEntity"]:
        assert question["name"] and question["acceptedAnswer"]["text"]
        assert types(question["acceptedAnswer"]) == ["Answer"]
