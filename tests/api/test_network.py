"""``/partners``, ``/paths`` and ``/timeline`` over the activity index."""

from __future__ import annotations

from collections import Counter

import pytest

from api.models import PartnerGraph, Paths, Timeline
from api.views import neighbourhood as view
from graph.activities import index_for
from graph.build import build
from graph.search import search
from graph.store import OxigraphStore

MOJ = "https://w3id.org/coop/id/org/moj-vn"


def find(store, text: str) -> str:
    """The IRI search puts first for ``text`` (slugs are the data's business, not ours)."""
    return search(store, text, limit=1)[0].iri


def partners(client, id_: str = "org/moj-vn", **params) -> dict:
    r = client.get(f"/partners/{id_}", params=params)
    assert r.status_code == 200, r.text
    PartnerGraph.model_validate(r.json())
    return r.json()


def test_partners_of_moj_include_the_lao_cambodian_chinese_and_russian_ministries(client, api_store):
    found = {n["iri"] for n in partners(client)["nodes"]}
    for name in ("Bộ Tư pháp Lào", "Bộ Tư pháp Campuchia", "Bộ Tư pháp Trung Quốc", "Bộ Tư pháp Liên bang Nga"):
        assert find(api_store, name) in found, name


def test_partners_match_the_activity_index(client, api_store):
    expected = {p.iri: p.weight for p in index_for(api_store).partners(MOJ)}
    body = partners(client)
    assert body["centre"]["iri"] == MOJ and body["centre"]["distance"] == 0
    got = {n["iri"]: n["weight"] for n in body["nodes"] if n["distance"] == 1}
    assert got == expected
    weights = [n["weight"] for n in body["nodes"][1:]]
    assert weights == sorted(weights, reverse=True)  # most-linked first
    assert body["truncated"] is False and body["total_nodes"] == len(expected) + 1


def test_each_edge_says_how_when_and_where(client, api_store):
    body = partners(client, per_edge=100)
    lao = find(api_store, "Bộ Tư pháp Lào").rsplit("/id/", 1)[1]
    edge = next(e for e in body["edges"] if {e["source"], e["target"]} == {"org/moj-vn", lao})
    assert edge["weight"] == len(edge["activities"]) >= 2
    for activity in edge["activities"]:
        assert activity["kind"] in ("agreement", "event", "series", "project", "membership", "partnership")
        assert activity["label_en"] and activity["label_vi"]
        assert activity["documents"] and set(activity["documents"]) <= {"000", "003"}
        assert set(activity["roles"]) == {"org/moj-vn", lao}
    years = [a["year"] for a in edge["activities"] if a["year"]]
    assert (edge["first_year"], edge["last_year"]) == (min(years), max(years))


def test_an_edge_lists_its_newest_activities_and_counts_them_all(client, api_store):
    lao = find(api_store, "Bộ Tư pháp Lào").rsplit("/id/", 1)[1]
    edge = next(e for e in partners(client, per_edge=2)["edges"] if {e["source"], e["target"]} == {"org/moj-vn", lao})
    full = next(e for e in partners(client, per_edge=100)["edges"] if {e["source"], e["target"]} == {"org/moj-vn", lao})
    assert edge["weight"] == full["weight"] > 2 and len(edge["activities"]) == 2
    newest = sorted(full["activities"], key=lambda a: (a["year"] or 0, a["start"] or ""), reverse=True)[:2]
    assert [a["id"] for a in edge["activities"]] == [a["id"] for a in newest]


def test_depth_one_edges_come_from_activities_of_the_centre(client, api_store):
    index = index_for(api_store)
    edges = partners(client, depth=1)["edges"]
    assert any("org/moj-vn" not in (e["source"], e["target"]) for e in edges)  # partner–partner links exist
    for edge in edges:
        for activity in edge["activities"]:
            assert MOJ in index.activities[activity["iri"]].participants


def test_depth_two_reaches_further(client):
    one, two = partners(client, depth=1), partners(client, depth=2)
    assert len(two["nodes"]) > len(one["nodes"])
    assert {n["distance"] for n in two["nodes"]} == {0, 1, 2}
    assert {n["iri"] for n in one["nodes"]} <= {n["iri"] for n in two["nodes"]}
    assert len(two["edges"]) > len(one["edges"])


def test_via_keeps_only_those_kinds(client):
    body = partners(client, via="agreement")
    kinds = {a["kind"] for e in body["edges"] for a in e["activities"]}
    assert kinds == {"agreement"}
    assert body["via"] == ["agreement"]
    assert len(body["nodes"]) < len(partners(client)["nodes"])


def test_since_and_until_cut_the_window(client):
    body = partners(client, since=2020, until=2022)
    years = [a["year"] for e in body["edges"] for a in e["activities"]]
    assert years and all(y is not None for y in years)
    for e in body["edges"]:
        for a in e["activities"]:
            assert a["year"] <= 2022
            assert a["kind"] == "membership" or a["year"] >= 2020 or (a["end"] and int(a["end"][:4]) >= 2020)


def test_limit_truncates_nearest_and_most_linked_first(client):
    full, cut = partners(client), partners(client, limit=4)
    assert cut["truncated"] is True and len(cut["nodes"]) == 4
    assert [n["iri"] for n in cut["nodes"]] == [n["iri"] for n in full["nodes"][:4]]
    kept = {n["id"] for n in cut["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in cut["edges"])


def test_extracted_facts_only_on_request(client):
    partner = "org/api-test-extracted-partner"
    assert partner not in {n["id"] for n in partners(client)["nodes"]}
    body = partners(client, include="extracted")
    assert body["include_extracted"] is True
    assert partner in {n["id"] for n in body["nodes"]}
    edge = next(e for e in body["edges"] if partner in (e["source"], e["target"]))
    assert edge["activities"][0]["extracted"] is True


@pytest.mark.parametrize("params", [{"depth": 2}, {"depth": 3, "since": 2015}, {"depth": 2, "via": "agreement,event"}])
def test_edges_list_their_newest_activities_and_count_all_shared_ones(client, api_store, params):
    index = index_for(api_store)
    body = partners(client, per_edge=1000, **params)
    iri = {n["id"]: n["iri"] for n in body["nodes"]}
    for edge in body["edges"]:
        a, b = iri[edge["source"]], iri[edge["target"]]
        shared = [x for x in index.activities_of(a, params.get("since"), via=params.get("via"))
                  if b in x.participants]
        listed = [x["iri"] for x in edge["activities"]]
        newest = sorted(shared, key=lambda x: (x.year or 0, x.start or ""), reverse=True)
        assert listed == [x.iri for x in newest if x.iri in set(listed)]
        assert edge["weight"] == len(listed) <= len(shared)
        assert edge["kinds"] == dict(Counter(index.activities[x].kind for x in listed))


def test_asking_again_gives_the_same_answer_until_the_graph_changes(make_client, api_store):
    store = OxigraphStore()
    build(store, validate=False)
    client = make_client(store)
    first = client.get("/partners/org/moj-vn", params={"depth": 2})
    assert client.get("/partners/org/moj-vn", params={"depth": 2}).content == first.content
    assert client.get("/partners/org/moj-vn", params={"depth": 2, "limit": 5}).json()["nodes"] \
        == first.json()["nodes"][:5]
    store.update("""PREFIX coop: <https://w3id.org/coop/ontology#>
        INSERT DATA { GRAPH <https://w3id.org/coop/graph/test> {
            <https://w3id.org/coop/id/agreement/test-cache> a coop:Agreement ;
                coop:party <https://w3id.org/coop/id/org/moj-vn>, <https://w3id.org/coop/id/org/test-cache-new> } }""")
    after = client.get("/partners/org/moj-vn", params={"depth": 2}).json()
    assert "org/test-cache-new" in {n["id"] for n in after["nodes"]}
    assert "org/test-cache-new" not in {n["id"] for n in first.json()["nodes"]}


def test_kept_answers_stay_within_their_budget(monkeypatch, api_store):
    links = view.PartnerLinks(index_for(api_store))
    monkeypatch.setattr(view, "ANSWER_BYTES", 10)
    assert links.answer("a", lambda: b"123456") == b"123456"
    assert links.answer("a", lambda: b"other") == b"123456"  # kept
    links.answer("b", lambda: b"7890")
    links.answer("c", lambda: b"12345")  # over budget: the least recently asked goes
    assert links.answer("a", lambda: b"new") == b"new"
    assert links.answer("big", lambda: b"x" * 11) == b"x" * 11
    assert links.answer("big", lambda: b"again") == b"again"  # too big to keep


@pytest.mark.parametrize("params, says", [
    ({"depth": 4}, "depth"), ({"depth": 0}, "depth"), ({"via": "visit"}, "Unknown activity kind 'visit'"),
    ({"since": 2020, "until": 2010}, "time window is empty"), ({"include": "everything"}, "include")])
def test_bad_parameters_are_rejected(client, params, says):
    r = client.get("/partners/org/moj-vn", params=params)
    assert r.status_code in (400, 422)
    assert says in r.json()["detail"]


def test_unknown_partner_is_404_with_suggestions(client):
    r = client.get("/partners/org/moj-laos")
    assert r.status_code == 404
    body = r.json()
    assert "org/moj-laos" in body["detail"]
    assert "org/moj-la" in [s["id"] for s in body["suggestions"]]


# ---------------------------------------------------------------------- paths


def test_paths_explain_each_step(client, api_store):
    r = client.get("/paths", params={"from": "org/thads-dept-vn", "to": "org/moj-la"})
    assert r.status_code == 200
    body = Paths.model_validate(r.json())
    expected = index_for(api_store).shortest_paths(
        "https://w3id.org/coop/id/org/thads-dept-vn", find(api_store, "Bộ Tư pháp Lào"), 5)
    assert body.connected and [p.length for p in body.paths] == [len(p) for p in expected]
    for path in body.paths:
        assert path.steps[0].source.id == "org/thads-dept-vn"
        assert path.steps[-1].target.iri == find(api_store, "Bộ Tư pháp Lào")
        for a, b in zip(path.steps, path.steps[1:]):
            assert a.target.iri == b.source.iri
        for step in path.steps:
            assert step.activity.label_en and step.activity.documents
            assert step.activity.evidence and step.activity.evidence[0].quote
            assert set(step.activity.roles) == {step.source.id, step.target.id}


def test_paths_between_the_same_actor_and_unknown_ones(client):
    same = client.get("/paths", params={"from": "org/moj-vn", "to": "org/moj-vn"}).json()
    assert same["connected"] is True and same["paths"] == [{"length": 0, "steps": []}]
    r = client.get("/paths", params={"from": "org/moj-vn", "to": "org/nowhere-zz"})
    assert r.status_code == 404 and "org/nowhere-zz" in r.json()["detail"]
    assert client.get("/paths", params={"from": "org/moj-vn"}).status_code == 422


# ---------------------------------------------------------------------- timeline


def test_timeline_of_moj_counts_its_activities_per_year(client, api_store):
    r = client.get("/timeline", params={"entity": "org/moj-vn"})
    assert r.status_code == 200
    body = Timeline.model_validate(r.json())
    expected = Counter((a.year, a.kind) for a in index_for(api_store).activities_of(MOJ))
    got = Counter({(y.year, k): n for y in body.years for k, n in y.counts.items() if n})
    assert got == expected
    years = [y.year for y in body.years if y.year is not None]
    assert years == sorted(years)
    assert all(y.total == sum(y.counts.values()) for y in body.years)


def test_timeline_of_everything_and_by_kind(client, api_store):
    body = client.get("/timeline").json()
    assert sum(y["total"] for y in body["years"]) == len(index_for(api_store).activities)
    only = client.get("/timeline", params={"via": "agreement,membership"}).json()
    assert only["kinds"] == ["agreement", "membership"]
    assert set(only["years"][0]["counts"]) == {"agreement", "membership"}


def test_timeline_with_extracted_facts(client):
    plain = client.get("/timeline", params={"entity": "org/moj-vn"}).json()
    more = client.get("/timeline", params={"entity": "org/moj-vn", "include": "extracted"}).json()
    assert 2026 not in [y["year"] for y in plain["years"]]
    assert [y["counts"]["agreement"] for y in more["years"] if y["year"] == 2026] == [1]


def test_timeline_by_month_is_not_supported(client):
    r = client.get("/timeline", params={"by": "month"})
    assert r.status_code == 400 and "by=year" in r.json()["detail"]
