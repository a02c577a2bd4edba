"""Known answers for every centrality measure on small hand-made graphs."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.analytics.centrality import MEASURES, check_measure, rank
from graph.analytics.centrality.betweenness import SAMPLE_SIZE, betweenness_centrality
from graph.analytics.centrality.closeness import closeness_centrality
from graph.analytics.centrality.degree import degree_centrality, weighted_degree
from graph.analytics.centrality.eigenvector import eigenvector_centrality
from graph.analytics.centrality.harmonic import harmonic_centrality
from graph.analytics.centrality.pagerank import pagerank
from graph.errors import InvalidInput

STAR = nx.star_graph(4)  # centre 0, leaves 1–4
PATH = nx.path_graph(3)  # 0 – 1 – 2


def test_star_centre_has_degree_one_and_leaves_a_quarter():
    scores = degree_centrality(STAR)
    assert scores[0] == 1.0
    assert all(scores[leaf] == 0.25 for leaf in range(1, 5))


def test_weighted_degree_adds_up_shared_activities():
    G = nx.Graph([("vn", "la", {"weight": 7}), ("vn", "cn", {"weight": 5}), ("la", "kh", {"weight": 1})])
    assert weighted_degree(G) == {"vn": 12.0, "la": 8.0, "cn": 5.0, "kh": 1.0}


def test_path_middle_has_betweenness_one():
    assert betweenness_centrality(PATH) == {0: 0.0, 1: 1.0, 2: 0.0}


def test_star_centre_has_betweenness_one_and_closeness_one():
    assert betweenness_centrality(STAR)[0] == 1.0
    closeness = closeness_centrality(STAR)
    assert closeness[0] == 1.0
    assert closeness[1] == pytest.approx(4 / 7)  # distances 1, 2, 2, 2 to the others


def test_harmonic_on_a_path():
    assert harmonic_centrality(PATH) == {0: 0.75, 1: 1.0, 2: 0.75}
    assert harmonic_centrality(PATH, normalized=False) == {0: 1.5, 1: 2.0, 2: 1.5}


def test_harmonic_ignores_unreachable_nodes():
    G = nx.Graph([(0, 1)])
    G.add_node(2)
    assert harmonic_centrality(G) == {0: 0.5, 1: 0.5, 2: 0.0}


def test_eigenvector_of_a_star():
    scores = eigenvector_centrality(STAR)
    assert scores[0] == pytest.approx(1 / math.sqrt(2), abs=1e-6)
    assert scores[1] == pytest.approx(1 / math.sqrt(8), abs=1e-6)  # centre = 2 × leaf in K1,4


def test_pagerank_sums_to_one_and_favours_the_centre():
    scores = pagerank(STAR)
    assert sum(scores.values()) == pytest.approx(1.0)
    assert scores[0] > 3 * scores[1]


def test_pagerank_follows_weight():
    G = nx.Graph([("hub", "strong", {"weight": 10}), ("hub", "weak", {"weight": 1})])
    assert pagerank(G)["strong"] > pagerank(G)["weak"]
    assert pagerank(G, weight=None)["strong"] == pytest.approx(pagerank(G, weight=None)["weak"])


@pytest.mark.parametrize("measure", list(MEASURES))
def test_every_measure_ranks_the_star_centre_first(measure):
    ranking = rank(STAR, measure)
    assert ranking.top(1)[0][0] == 0
    assert ranking.position(0) == 1 and ranking.position(1) == 2  # the leaves tie for second
    assert ranking.nodes == 5 and not ranking.sampled


@pytest.mark.parametrize("measure", list(MEASURES))
def test_every_measure_answers_an_empty_graph(measure):
    assert rank(nx.Graph(), measure).scores == {}


def test_unknown_measure_names_the_allowed_ones():
    with pytest.raises(InvalidInput) as error:
        check_measure("katz")
    assert str(error.value) == ("Unknown measure 'katz'; use one of: degree, weighted_degree, betweenness, "
                                "closeness, eigenvector, pagerank, harmonic")


def test_large_graphs_get_sampled_betweenness_and_say_so():
    G = nx.barabasi_albert_graph(SAMPLE_SIZE + 50, 2, seed=3)
    sampled = rank(G, "betweenness", sample_above=100)
    assert (sampled.sampled, sampled.k, sampled.seed) == (True, SAMPLE_SIZE, 42)
    assert rank(G, "betweenness", sample_above=100).scores == sampled.scores  # fixed seed
    exact = rank(G, "betweenness", sample_above=10_000)
    assert not exact.sampled and exact.k is None
    # The estimate finds the same top broker as the exact computation.
    assert sampled.top(1)[0][0] == exact.top(1)[0][0]


def test_backend_keyword_reaches_networkx():
    # networkx's dispatcher takes backend=; "networkx" is always installed.
    assert degree_centrality(STAR, backend="networkx")[0] == 1.0
    with pytest.raises(ImportError):
        degree_centrality(STAR, backend="no-such-backend")
