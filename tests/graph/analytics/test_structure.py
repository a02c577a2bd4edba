"""Communities, k-cores, ego networks, summaries and year-by-year evolution: known answers."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.activities import Activity, ActivityIndex
from graph.analytics.communities import communities, community_of, modularity
from graph.analytics.ego import ego_distances, ego_graph
from graph.analytics.evolution import evolution
from graph.analytics.kcore import core_number, k_core
from graph.analytics.summary import summarise
from graph.errors import InvalidInput, NotFound


def two_cliques() -> nx.Graph:
    """Two 5-cliques joined by one bridge (4–5)."""
    G = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    G.add_edge(4, 5)
    return G


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_two_cliques_make_two_communities(method):
    parts = communities(two_cliques(), method=method)
    assert [sorted(p) for p in parts] == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
    assert modularity(two_cliques(), parts) > 0.4


def test_louvain_is_reproducible_with_its_fixed_seed():
    G = nx.karate_club_graph()
    assert communities(G) == communities(G)
    assert set(community_of(G)) == set(G)


def test_unknown_community_method():
    with pytest.raises(InvalidInput, match="Unknown community method 'spectral'; use one of: louvain, greedy"):
        communities(two_cliques(), method="spectral")


def test_core_numbers_of_cliques_and_a_pendant():
    G = two_cliques()
    G.add_edge(9, 10)
    numbers = core_number(G)
    assert numbers[0] == 4 and numbers[9] == 4 and numbers[10] == 1
    assert sorted(k_core(G)) == list(range(10))
    G.add_edge(10, 10)  # a self-loop is ignored, not an error
    assert core_number(G)[10] == 1


def test_ego_distances_and_graph():
    G = two_cliques()
    assert ego_distances(G, 4) == {4: 0, 0: 1, 1: 1, 2: 1, 3: 1, 5: 1}
    assert set(ego_distances(G, 0, radius=2)) == {0, 1, 2, 3, 4, 5}
    assert ego_graph(G, 4).number_of_edges() == 10 + 1  # the clique and the bridge
    with pytest.raises(NotFound, match="urn:nobody is not in the graph"):
        ego_distances(G, "urn:nobody")


def test_summary_of_a_graph_in_pieces():
    G = two_cliques()
    G.add_node("alone")
    found = summarise(G)
    assert (found["nodes"], found["edges"], found["components"], found["largest_component"], found["isolates"]) == \
        (11, 21, 2, 10, 1)
    assert found["density"] == pytest.approx(21 / 55)


def test_evolution_grows_year_by_year():
    acts = [
        Activity("urn:a", "agreement", year=2015, participants={"urn:vn": ("party",), "urn:la": ("party",)}),
        Activity("urn:b", "agreement", year=2017, participants={"urn:vn": ("party",), "urn:cn": ("party",)}),
        Activity("urn:c", "event", year=2018, participants={"urn:cn": ("attendee",), "urn:kh": ("attendee",)}),
        Activity("urn:undated", "partnership", participants={"urn:vn": ("partner",), "urn:jp": ("partner",)}),
    ]
    grown = evolution(ActivityIndex({a.iri: a for a in acts}, {}), "degree")
    assert grown.years == [2015, 2016, 2017, 2018]
    assert grown.sizes == {2015: (2, 1), 2016: (2, 1), 2017: (3, 2), 2018: (4, 3)}  # undated never counted
    assert [score for _, score, _ in grown.series("urn:cn")] == [None, None, 0.5, pytest.approx(2 / 3)]
    assert grown.series("urn:vn")[-1][2] == 1  # first (tied with China) in 2018
    custom = evolution(ActivityIndex({a.iri: a for a in acts}, {}), core_number, years=[2018])
    assert custom.measure == "core_number" and custom.rankings[2018].scores["urn:kh"] == 1
