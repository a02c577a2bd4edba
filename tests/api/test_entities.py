"""``/entities``: search as users type it, and one entity with relations and evidence."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from api.models import EntityDetail, SearchResults
from graph.search import normalise

MOJ = "https://w3id.org/coop/id/org/moj-vn"
COOP = "https://w3id.org/coop/ontology#"


def hits(client, **params) -> list[dict]:
    r = client.get("/entities", params=params)
    assert r.status_code == 200, r.text
    SearchResults.model_validate(r.json())
    return r.json()["items"]


@pytest.mark.parametrize("q", ["bo tu phap", "Bộ Tư pháp", "BO TU PHAP", "bộ tư pháp việt nam"])
def test_bo_tu_phap_finds_moj_viet_nam_first(client, q):
    assert hits(client, q=q)[0]["iri"] == MOJ


def test_thads_finds_the_enforcement_department_first(client):
    first = hits(client, q="THADS")[0]
    assert first["id"] == "org/thads-dept-vn"
    assert first["matched"] == "thads"
    assert "Enforcement" in first["label_en"]


def test_hits_are_ranked_best_first(client):
    found = hits(client, q="bo tu phap", limit=50)
    scores = [h["score"] for h in found]
    assert scores == sorted(scores, reverse=True)
    assert all("bo tu phap" in h["matched"] for h in found[:5])


def test_english_labels_are_searched_too(client):
    found = hits(client, q="ministry of justice of the lao")
    assert found[0]["id"] == "org/moj-la"


def test_paging_is_consistent(client):
    everything = hits(client, q="bo tu phap", limit=30)
    page = hits(client, q="bo tu phap", limit=5, offset=5)
    assert [h["iri"] for h in page] == [h["iri"] for h in everything[5:10]]
    total = client.get("/entities", params={"q": "bo tu phap", "limit": 1}).json()["total"]
    assert total >= len(everything)


@pytest.mark.parametrize("type_", ["Country", "schema:Country", "https://schema.org/Country", "country"])
def test_type_filter_by_short_name_prefixed_name_or_iri(client, type_):
    found = hits(client, q="nga", type=type_)
    assert found and all("schema:Country" in h["types"] for h in found)
    assert found[0]["id"] == "country/ru"


def test_type_filter_includes_sub_classes(client, api_store):
    # JudicialBody is a sub-class of GovernmentBody: a court must come back for GovernmentBody.
    judicial = {str(r["s"]) for r in api_store.select(
        f"SELECT ?s WHERE {{ ?s a <{COOP}JudicialBody> FILTER(CONTAINS(STR(?s), '/id/')) }}")}
    assert judicial, "the seed graph has no judicial body to check with"
    listed = {h["iri"] for h in hits(client, type="GovernmentBody", limit=500)}
    assert judicial <= listed


def test_listing_by_type_without_a_query(client, api_store):
    expected = {str(r["s"]) for r in api_store.select(
        f"SELECT DISTINCT ?s WHERE {{ ?s a <{COOP}Agreement> FILTER(CONTAINS(STR(?s), '/id/')) }}")}
    body = client.get("/entities", params={"type": "Agreement", "limit": 500}).json()
    assert {h["iri"] for h in body["items"]} == expected
    assert body["total"] == len(expected)


def test_unknown_type_is_400_listing_known_ones(client):
    r = client.get("/entities", params={"q": "x", "type": "Ministry"})
    assert r.status_code == 400
    assert "GovernmentBody" in r.json()["detail"]


def test_bad_paging_is_422(client):
    assert client.get("/entities", params={"q": "x", "limit": 0}).status_code == 422
    assert client.get("/entities", params={"q": "x", "offset": -1}).status_code == 422


def test_a_query_matching_nothing_is_an_empty_list(client):
    body = client.get("/entities", params={"q": "zzqxv"}).json()
    assert body["items"] == [] and body["total"] == 0


# ---------------------------------------------------------------------- one entity


@pytest.fixture(scope="module")
def moj(client) -> dict:
    r = client.get("/entities/org/moj-vn")
    assert r.status_code == 200
    EntityDetail.model_validate(r.json())
    return r.json()


def test_entity_labels_and_types(moj):
    assert moj["id"] == "org/moj-vn" and moj["iri"] == MOJ
    assert normalise(moj["label_vi"]) == "bo tu phap viet nam"
    assert moj["label_en"] == "Ministry of Justice of Viet Nam"
    assert COOP + "GovernmentBody" in {t["iri"] for t in moj["types"]}
    assert any(t["label_en"] for t in moj["types"])


def test_entity_incoming_relations_carry_labels_and_evidence(moj, api_store):
    parties = [r for r in moj["incoming"] if r["property"] == "coop:party"]
    expected = {str(r["a"]) for r in api_store.select(
        f"SELECT ?a WHERE {{ GRAPH ?g {{ ?a <{COOP}party> <{MOJ}> }} FILTER(STRSTARTS(STR(?g), 'https://w3id.org/coop/graph/doc/')) }}")}
    curated = [r for r in parties if r["provenance"][0]["graph"].startswith("https://w3id.org/coop/graph/doc/")]
    assert {r["other"]["iri"] for r in curated} == expected
    for relation in curated:
        assert relation["other"]["label_en"], relation
        provenance = relation["provenance"][0]
        assert provenance["document"] in ("000", "003")
        quote = provenance["evidence"][0]
        assert quote["quote"] and quote["start"] < quote["end"] and quote["status"] == "curated"


def test_extracted_facts_are_shown_as_extracted(moj):
    extracted = [r for r in moj["incoming"] if r["other"]["id"] == "agreement/api-test-extracted-mou"]
    assert len(extracted) == 1
    provenance = extracted[0]["provenance"][0]
    assert provenance["graph"] == "https://w3id.org/coop/graph/extracted/api-test"
    assert provenance["document"] == "003"
    assert provenance["evidence"][0]["status"] == "extracted"


def test_derived_participant_links_are_not_listed_twice(moj):
    pairs = [(r["property"], r["other"]["iri"]) for r in moj["incoming"]]
    specific = {iri for p, iri in pairs if p != "coop:participant"}
    assert not [iri for p, iri in pairs if p == "coop:participant" and iri in specific]


def test_evidence_quotes_match_the_corpus(moj, corpus_dir):
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in corpus_dir.glob("*.txt")}
    quotes = [e for r in moj["incoming"] for p in r["provenance"] for e in p["evidence"]] + moj["mentions"]
    assert len(quotes) > 10
    for e in quotes:
        assert e["quote"] in texts[e["document"]][e["start"]:e["end"]], e


def test_an_entity_by_full_iri(client, moj):
    r = client.get("/entities/" + quote(MOJ, safe=""))
    assert r.status_code == 200
    assert r.json()["iri"] == MOJ
    assert client.get("/entities/id/org/moj-vn").json()["iri"] == MOJ


def test_outgoing_relations_name_their_target(client):
    body = client.get("/entities/org/thads-dept-vn").json()
    parents = [r["other"]["id"] for r in body["outgoing"] if r["property"] == "org:subOrganizationOf"]
    assert "org/moj-vn" in parents


def test_a_fact_lists_its_properties_with_provenance(client):
    body = client.get("/entities/agreement/moj-vn-moj-cn-mou-2022").json()
    signed = [p for p in body["properties"] if p["property"] == "coop:dateSigned"]
    assert signed and signed[0]["value"] == "2022"
    assert signed[0]["datatype"].endswith("#gYear")
    assert signed[0]["provenance"][0]["document"] == "000"
    parties = {r["other"]["id"] for r in body["outgoing"] if r["property"] == "coop:party"}
    assert parties == {"org/moj-vn", "org/moj-cn"}


def test_unknown_entity_is_404_with_suggestions(client):
    r = client.get("/entities/org/moj-vnx")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert "org/moj-vnx" in body["detail"]
    assert body["suggestions"][0]["id"] == "org/moj-vn"


@pytest.mark.parametrize("bad, says", [
    ("ministry/moj-vn", "Unknown kind 'ministry'"), ("org", "Use kind/slug"),
    ("org/moj vn", "A slug is letters, digits and hyphens"), ("a/b/c", "Use kind/slug")])
def test_malformed_ids_are_400_naming_the_problem(client, bad, says):
    r = client.get("/entities/" + quote(bad))
    assert r.status_code == 400
    assert f"Not an entity id: {bad!r}" in r.json()["detail"]
    assert says in r.json()["detail"]
