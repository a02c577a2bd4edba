"""Projections of a hand-made activity index, and facts a researcher would check on the seed graph."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import resources
from graph.activities import Activity, ActivityIndex, Actor, index_for
from graph.analytics.centrality import rank
from graph.analytics.projections import bipartite_graph, country_graph, organisation_graph
from graph.errors import InvalidInput
from graph.search import search

VN, LA, CN, JP = (f"urn:country:{c}" for c in ("vn", "la", "cn", "jp"))
ACTORS = {
    "urn:moj-vn": Actor("urn:moj-vn", "Bộ Tư pháp", "Ministry of Justice", "GovernmentBody", VN),
    "urn:court-vn": Actor("urn:court-vn", "Tòa án", "Supreme Court", "JudicialBody", VN),
    "urn:moj-la": Actor("urn:moj-la", "Bộ Tư pháp Lào", "MOJ Laos", "GovernmentBody", LA),
    "urn:moj-cn": Actor("urn:moj-cn", None, "MOJ China", "GovernmentBody", CN),
    "urn:jica": Actor("urn:jica", "JICA", "JICA", "GovernmentBody", JP),
    "urn:asean": Actor("urn:asean", "ASEAN", "ASEAN", "InternationalOrganization", None),
    VN: Actor(VN, "Việt Nam", "Viet Nam", "Country", VN),
    LA: Actor(LA, "Lào", "Laos", "Country", LA),
}


def activity(iri, kind, year=None, *members, end_year=None, docs=("urn:doc:000",)):
    return Activity(iri, kind, year=year, end_year=end_year, documents=docs,
                    participants={m: ("party",) for m in members})


ACTIVITIES = [
    activity("urn:mou-2016", "agreement", 2016, "urn:moj-vn", "urn:moj-la"),
    activity("urn:mou-2022", "agreement", 2022, "urn:moj-vn", "urn:moj-cn", docs=("urn:doc:003",)),
    activity("urn:conf-2019", "event", 2019, "urn:moj-vn", "urn:moj-la", "urn:court-vn"),
    activity("urn:project", "project", 2010, "urn:jica", "urn:moj-vn", end_year=2016),
    activity("urn:partnership", "partnership", None, "urn:moj-vn", "urn:moj-la"),
    activity("urn:asean-member", "membership", 1995, VN, "urn:asean"),
    activity("urn:solo", "event", 2020, "urn:moj-cn"),
]
INDEX = ActivityIndex({a.iri: a for a in ACTIVITIES}, ACTORS)


def edges(G: nx.Graph) -> set[frozenset]:
    return {frozenset(e) for e in G.edges}


def test_organisation_graph_weights_and_explains_each_link():
    G = organisation_graph(INDEX)
    link = G.edges["urn:moj-vn", "urn:moj-la"]
    assert link["weight"] == 3  # the MOU, the conference, the partnership
    assert link["kinds"] == ["agreement", "event", "partnership"]
    assert link["years"] == [2016, 2019]
    assert link["activities"] == ["urn:conf-2019", "urn:mou-2016", "urn:partnership"]
    assert link["documents"] == ["urn:doc:000"]
    assert G.edges["urn:court-vn", "urn:moj-la"]["weight"] == 1
    assert G.nodes["urn:moj-la"] == {"label_vi": "Bộ Tư pháp Lào", "label_en": "MOJ Laos",
                                     "cls": "GovernmentBody", "country": LA}
    assert "label_vi" not in G.nodes["urn:moj-cn"]  # None is left out
    assert "urn:moj-cn" in G and G.degree("urn:moj-cn") == 1  # the solo event adds no link


def test_a_window_leaves_out_later_and_undated_activities():
    G = organisation_graph(INDEX, until=2014)
    assert edges(G) == {frozenset({"urn:jica", "urn:moj-vn"}), frozenset({VN, "urn:asean"})}
    assert not G.has_edge("urn:moj-vn", "urn:moj-la")  # 2016, 2019 and undated
    later = organisation_graph(INDEX, since=2015)
    assert later.edges["urn:moj-vn", "urn:moj-la"]["weight"] == 2  # the undated partnership is out
    assert later.has_edge("urn:jica", "urn:moj-vn")  # the 2010–2016 project overlaps 2015
    assert later.has_edge(VN, "urn:asean")  # a membership with no end lasts
    assert later.graph["since"] == 2015 and later.graph["level"] == "org"


def test_via_keeps_only_some_kinds():
    G = organisation_graph(INDEX, via="agreement")
    assert edges(G) == {frozenset({"urn:moj-cn", "urn:moj-vn"}), frozenset({"urn:moj-la", "urn:moj-vn"})}
    assert G.graph["via"] == ["agreement"]
    with pytest.raises(InvalidInput, match="Unknown activity kind 'mou'"):
        organisation_graph(INDEX, via="mou")


def test_country_graph_rolls_up_and_drops_self_loops_and_stateless_actors():
    G = country_graph(INDEX)
    assert nx.number_of_selfloops(G) == 0
    assert G.edges[VN, LA]["weight"] == 3
    assert G.edges[VN, CN]["activities"] == ["urn:mou-2022"]
    assert "urn:asean" not in G  # an international organisation has no country
    assert G.nodes[LA]["label_en"] == "Laos" and G.nodes[LA]["cls"] == "Country"
    assert G.nodes[CN]["cls"] == "Country" and "label_en" not in G.nodes[CN]  # no gazetteer entry


def test_bipartite_graph_keeps_roles_and_activity_details():
    G = bipartite_graph(INDEX, via="project")
    assert {n: d["bipartite"] for n, d in G.nodes(data=True)} == {"urn:project": 1, "urn:jica": 0, "urn:moj-vn": 0}
    assert G.nodes["urn:project"]["year"] == 2010 and G.nodes["urn:project"]["kind"] == "project"
    assert G.edges["urn:jica", "urn:project"]["roles"] == ["party"]
    assert nx.is_bipartite(bipartite_graph(INDEX))


# ---------------------------------------------------------------------- the seed graph

needs_data = pytest.mark.skipif(not resources.entities_path().is_file() or not resources.document_paths(),
                                reason="graph/data is not there yet")
MOJ_VN = "https://w3id.org/coop/id/org/moj-vn"


def find(store, text: str) -> str:
    return search(store, text, limit=1)[0].iri


@needs_data
def test_moj_viet_nam_ranks_first_by_degree(seed_store):
    G = organisation_graph(index_for(seed_store))
    assert rank(G, "degree").top(1)[0][0] == MOJ_VN
    assert rank(G, "pagerank").top(1)[0][0] == MOJ_VN


@needs_data
def test_lao_ministry_of_justice_is_among_the_strongest_partners(seed_store):
    lao = find(seed_store, "Bộ Tư pháp Lào")
    G = organisation_graph(index_for(seed_store))
    partners = sorted(G[MOJ_VN].items(), key=lambda item: -item[1]["weight"])
    assert lao in [p for p, _ in partners[:3]]


@needs_data
def test_a_window_ending_2014_excludes_the_2022_china_mou(seed_store):
    china = find(seed_store, "Bộ Tư pháp Trung Quốc")
    index = index_for(seed_store)
    assert "agreement" in organisation_graph(index).edges[MOJ_VN, china]["kinds"]
    assert 2022 in organisation_graph(index, via="agreement").edges[MOJ_VN, china]["years"]
    early = organisation_graph(index, until=2014, via="agreement")
    assert not early.has_edge(MOJ_VN, china)


@needs_data
def test_seed_country_graph_centres_on_viet_nam(seed_store):
    G = country_graph(index_for(seed_store))
    viet_nam = index_for(seed_store).actor(MOJ_VN).country
    assert rank(G, "degree").top(1)[0][0] == viet_nam
    assert nx.number_of_selfloops(G) == 0
