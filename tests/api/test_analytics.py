"""``/analytics/…`` over the seed graph (plus one extracted fact), in memory and over a SPARQL server."""

from __future__ import annotations

import pytest

from graph.analytics.centrality import MEASURES
from graph.search import search

MOJ = "https://w3id.org/coop/id/org/moj-vn"
EXTRACTED_PARTNER = "https://w3id.org/coop/id/org/api-test-extracted-partner"


@pytest.mark.parametrize("measure", list(MEASURES))
def test_centrality_ranks_moj_viet_nam_first_with_both_labels(client, measure):
    response = client.get("/analytics/centrality", params={"measure": measure, "top": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["measure"] == measure and body["level"] == "org" and not body["sampled"]
    first = body["results"][0]
    assert (first["iri"], first["id"], first["rank"]) == (MOJ, "org/moj-vn", 1)
    assert first["label_vi"] == "Bộ Tư pháp Việt Nam" and first["label_en"] == "Ministry of Justice of Viet Nam"
    assert len(body["results"]) == 5
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_unknown_measure_is_a_400_naming_the_allowed_ones(client):
    response = client.get("/analytics/centrality", params={"measure": "katz"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["detail"] == ("Unknown measure 'katz'; use one of: degree, weighted_degree, "
                                         "betweenness, closeness, eigenvector, pagerank, harmonic")


@pytest.mark.parametrize(("params", "message"), [
    ({"level": "region"}, "Unknown level 'region'; use one of: org, country"),
    ({"via": "visit"}, "Unknown activity kind 'visit'"),
    ({"since": 2020, "until": 2010}, "since=2020 is after until=2010"),
])
def test_bad_parameters_are_400s(client, params, message):
    response = client.get("/analytics/centrality", params=params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_country_level_ranks_viet_nam_first(client):
    body = client.get("/analytics/centrality", params={"level": "country", "measure": "weighted_degree"}).json()
    first = body["results"][0]
    assert first["cls"] == "Country" and first["label_en"] == "Viet Nam" and first["label_vi"] == "Việt Nam"
    assert body["weight"] == "weight"


def test_a_window_ending_2014_leaves_china_out(client, api_store):
    china = search(api_store, "Bộ Tư pháp Trung Quốc", limit=1)[0].iri
    everything = client.get("/analytics/centrality", params={"top": 1000, "via": "agreement"}).json()
    early = client.get("/analytics/centrality", params={"top": 1000, "via": "agreement", "until": 2014}).json()
    assert china in [r["iri"] for r in everything["results"]]
    assert china not in [r["iri"] for r in early["results"]]
    assert early["until"] == 2014 and early["via"] == ["agreement"]


def test_extracted_facts_count_only_when_asked(client):
    curated = client.get("/analytics/centrality", params={"top": 1000}).json()
    extracted = client.get("/analytics/centrality", params={"top": 1000, "include": "extracted"}).json()
    assert EXTRACTED_PARTNER not in [r["iri"] for r in curated["results"]]
    assert EXTRACTED_PARTNER in [r["iri"] for r in extracted["results"]]
    assert extracted["include_extracted"] is True and extracted["nodes"] == curated["nodes"] + 1


def test_communities_put_moj_viet_nam_with_the_lao_ministry(client, api_store):
    lao = search(api_store, "Bộ Tư pháp Lào", limit=1)[0].iri
    body = client.get("/analytics/communities").json()
    assert body["method"] == "louvain" and body["modularity"] > 0.1
    assert body["count"] == len(body["communities"]) >= 2
    assert sum(c["size"] for c in body["communities"]) == client.get("/analytics/summary").json()["nodes"]
    home = next(c for c in body["communities"] if MOJ in [m["iri"] for m in c["members"]])
    assert lao in [m["iri"] for m in home["members"]]
    assert home["members"][0]["iri"] == MOJ  # most connected first
    assert all(m["label_en"] for m in home["members"])


def test_communities_reject_an_unknown_method(client):
    response = client.get("/analytics/communities", params={"method": "spectral"})
    assert response.status_code == 400 and "louvain, greedy" in response.json()["detail"]


def test_evolution_of_an_entity(client):
    body = client.get("/analytics/evolution", params={"measure": "degree", "entity": "org/moj-vn"}).json()
    assert body["entity"]["iri"] == MOJ and body["entity"]["label_en"] == "Ministry of Justice of Viet Nam"
    years = [p["year"] for p in body["series"]]
    assert years == list(range(years[0], years[-1] + 1)) and years[-1] >= 2024
    nodes = [p["nodes"] for p in body["series"]]
    assert nodes == sorted(nodes)  # cumulative: the network only grows
    last = body["series"][-1]
    assert last["rank"] == 1
    # The last year's network is the one a window ending that year gives.
    ranked = client.get("/analytics/centrality", params={"until": last["year"], "top": 1}).json()
    assert ranked["results"][0]["score"] == pytest.approx(last["score"]) and ranked["nodes"] == last["nodes"]


def test_evolution_without_an_entity_lists_the_best_each_year(client):
    body = client.get("/analytics/evolution", params={"measure": "pagerank", "top": 2}).json()
    assert body["entity"] is None
    assert all(len(p["top"]) <= 2 for p in body["series"])
    assert body["series"][-1]["top"][0]["iri"] == MOJ


def test_unknown_entity_is_a_404_with_suggestions(client):
    response = client.get("/analytics/evolution", params={"entity": "org/moj-vnx"})
    assert response.status_code == 404
    body = response.json()
    assert "org/moj-vnx" in body["detail"]
    assert MOJ in [s["iri"] for s in body["suggestions"]]


def test_summary_counts_the_network(client):
    body = client.get("/analytics/summary").json()
    assert body["nodes"] > 50 and body["edges"] > body["nodes"]
    assert 0 < body["density"] < 1 and body["components"] >= 1 and body["largest_component"] <= body["nodes"]
    assert body["activities"] > 0 and body["first_year"] <= body["last_year"]
    early = client.get("/analytics/summary", params={"until": 2014}).json()
    assert early["nodes"] < body["nodes"] and early["last_year"] <= 2014
    assert early["undated_activities"] == body["undated_activities"]
