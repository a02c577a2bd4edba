"""Server-side layout: every node placed, deterministic, cached, and quick."""

from __future__ import annotations

import math

import networkx as nx

from graph.maps import layout


def test_every_node_gets_a_finite_position():
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    graph.add_node("lonely")
    positions = layout.layout(graph)
    assert set(positions) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())


def test_the_same_graph_gets_the_same_picture_even_uncached():
    graph = nx.barabasi_albert_graph(1200, 2, seed=4)  # above 1,000: the grid variant
    first = layout._compute(graph, "weight", 110.0, 7)
    assert layout._compute(graph, "weight", 110.0, 7) == first


def test_linked_nodes_sit_about_spacing_apart():
    graph = nx.cycle_graph(40)
    positions = layout.layout(graph, spacing=100.0)
    lengths = sorted(math.dist(positions[u], positions[v]) for u, v in graph.edges)
    assert lengths[len(lengths) // 2] == __import__("pytest").approx(100.0, rel=0.01)


def test_heavier_edges_pull_closer():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=50)
    graph.add_edge("b", "c", weight=1)
    graph.add_edge("c", "d", weight=1)
    graph.add_edge("d", "a", weight=1)
    pos = layout.layout(graph)
    assert math.dist(pos["a"], pos["b"]) < math.dist(pos["c"], pos["d"])


def test_layouts_are_cached_by_graph_content():
    graph = nx.path_graph(30)
    layout.layout(graph)
    key = next(k for k in layout._cache if k.startswith(layout.fingerprint(graph)))
    layout._cache[key] = {n: (1.0, 2.0) for n in graph}  # a cached answer is returned as is
    try:
        assert layout.layout(nx.path_graph(30))[5] == (1.0, 2.0)
        changed = nx.path_graph(30)
        changed.add_edge(0, 29)
        assert layout.layout(changed)[5] != (1.0, 2.0)
    finally:
        layout._cache.pop(key, None)


def test_the_cache_is_bounded():
    for size in range(layout.CACHE_SIZE + 5):
        layout.layout(nx.path_graph(size + 2))
    assert len(layout._cache) <= layout.CACHE_SIZE
