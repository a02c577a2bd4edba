"""Every entity and document IRI dereferences: HTML for people, RDF for programs."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef

MOJ = "https://w3id.org/coop/id/org/moj-vn"
SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize("accept, media_type, fmt", [
    (None, "text/turtle", "turtle"), ("*/*", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml")])
def test_entity_rdf_by_accept(client, accept, media_type, fmt):
    r = client.get("/id/org/moj-vn", headers={"Accept": accept} if accept else {})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    g = Graph().parse(data=r.content, format=fmt)
    assert (URIRef(MOJ), SKOS_PREF, Literal("Ministry of Justice of Viet Nam", lang="en")) in g
    # What points at it comes with the pointing thing's labels.
    parties = set(g.subjects(URIRef("https://w3id.org/coop/ontology#party"), URIRef(MOJ)))
    assert parties and all(any(g.objects(p, SKOS_PREF)) for p in parties)


def test_jsonld_uses_the_project_prefixes(client):
    body = json.loads(client.get("/id/org/moj-vn", params={"format": "jsonld"}).text)
    assert body["@context"]["coop"] == "https://w3id.org/coop/ontology#"


def test_entity_evidence_is_in_the_rdf(client):
    g = Graph().parse(data=client.get("/id/org/thads-dept-vn").content, format="turtle")
    exact = URIRef("http://www.w3.org/ns/oa#exact")
    quotes = [str(o) for o in g.objects(None, exact)]
    assert any("THADS" in q or "Thi hành án" in q for q in quotes)


def test_a_browser_gets_a_page_with_both_labels_links_and_quotes(client):
    r = client.get("/id/org/moj-vn", headers={"Accept": BROWSER})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "Bộ Tư pháp Việt Nam" in html and "Ministry of Justice of Viet Nam" in html
    assert 'href="/id/agreement/moj-vn-moj-cn-mou-2022?lang=vi"' in html
    assert "<blockquote" in html and 'href="/doc/000?lang=vi"' in html
    assert 'href="/id/org/moj-vn?format=turtle"' in html


def test_pages_switch_language(client):
    vi = client.get("/id/org/moj-vn", headers={"Accept": BROWSER}).text
    en = client.get("/id/org/moj-vn", params={"lang": "en"}, headers={"Accept": BROWSER}).text
    assert "Quan hệ" in vi or "Được nhắc đến trong" in vi
    assert "Referred to by" in en and '<html lang="en">' in en


def test_document_page_and_rdf(client):
    html = client.get("/doc/003", headers={"Accept": BROWSER}).text
    assert "Cục Quản lý Thi hành án dân sự" in html
    assert 'href="/id/agreement/thads-dept-vn-fssp-mou-2025?lang=vi"' in html
    g = Graph().parse(data=client.get("/doc/003").content, format="turtle")
    doc = URIRef("https://w3id.org/coop/doc/003")
    assert (doc, URIRef("http://purl.org/dc/terms/publisher"), URIRef(MOJ)) in g
    derived = set(g.subjects(URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), doc))
    assert URIRef("https://w3id.org/coop/id/agreement/thads-dept-vn-fssp-mou-2025") in derived


@pytest.mark.parametrize("path", ["/id/org/nowhere-zz", "/doc/999"])
@pytest.mark.parametrize("accept", [None, BROWSER])
def test_unknown_iris_are_404(client, path, accept):
    r = client.get(path, headers={"Accept": accept} if accept else {})
    assert r.status_code == 404
    assert "suggestions" in r.json()


def test_unknown_kind_is_400(client):
    r = client.get("/id/ministry/moj-vn")
    assert r.status_code == 400


def test_unacceptable_is_406(client):
    r = client.get("/id/org/moj-vn", headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "text/turtle" in r.json()["supported"]
