"""``/documents``: the source articles' metadata and the facts drawn from each."""

from __future__ import annotations

import hashlib

import pytest

from api.models import DocumentDetail, DocumentList


def test_the_documents_are_listed_with_metadata(client, api_store):
    r = client.get("/documents")
    assert r.status_code == 200
    body = DocumentList.model_validate(r.json())
    assert [d.id for d in body.items] == ["000", "003"]
    for doc in body.items:
        assert doc.graph == f"https://w3id.org/coop/graph/doc/{doc.id}"
        assert doc.corpus_file.startswith(doc.id + "_")
        assert doc.publisher.id == "org/moj-vn"
        assert doc.label_vi and doc.label_en and doc.title
        assert doc.href == f"/documents/{doc.id}"
    counts = {str(r["doc"])[-3:]: int(r["n"]) for r in api_store.select(
        "SELECT ?doc (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc } GROUP BY ?doc")}
    assert {d.id: d.facts for d in body.items} == counts


def test_metadata_describes_the_corpus_file(client, corpus_dir):
    for doc in client.get("/documents").json()["items"]:
        text = (corpus_dir / doc["corpus_file"]).read_text(encoding="utf-8")
        assert doc["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert doc["character_count"] == len(text)


@pytest.fixture(scope="module")
def doc003(client) -> dict:
    r = client.get("/documents/003")
    assert r.status_code == 200
    DocumentDetail.model_validate(r.json())
    return r.json()


def test_a_document_lists_its_facts_with_evidence(doc003, api_store):
    expected = {str(r["f"]) for r in api_store.select(
        "SELECT DISTINCT ?f WHERE { ?f <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/coop/doc/003> }")}
    assert {f["iri"] for f in doc003["facts_drawn"]} == expected
    assert doc003["facts"] == len(expected)
    mou = next(f for f in doc003["facts_drawn"] if f["id"] == "agreement/thads-dept-vn-fssp-mou-2025")
    assert "coop:Agreement" in mou["types"]
    assert any("Biên bản ghi nhớ" in e["quote"] for e in mou["evidence"])


def test_facts_quote_the_article(doc003, corpus_dir):
    text = (corpus_dir / doc003["corpus_file"]).read_text(encoding="utf-8")
    quotes = [e for f in doc003["facts_drawn"] for e in f["evidence"]]
    assert quotes
    for e in quotes:
        assert e["quote"] in text[e["start"]:e["end"]]


def test_extracted_facts_say_so(doc003):
    extracted = [f for f in doc003["facts_drawn"] if f["graph"].startswith("https://w3id.org/coop/graph/extracted/")]
    assert [f["id"] for f in extracted] == ["agreement/api-test-extracted-mou"]
    assert extracted[0]["evidence"][0]["status"] == "extracted"


def test_document_by_prefixed_id_or_iri(client):
    assert client.get("/documents/doc/000").json()["id"] == "000"
    assert client.get("/documents/https%3A%2F%2Fw3id.org%2Fcoop%2Fdoc%2F000").json()["id"] == "000"


def test_unknown_document_is_404(client):
    r = client.get("/documents/999")
    assert r.status_code == 404
    assert "999" in r.json()["detail"]
    assert "suggestions" in r.json()
