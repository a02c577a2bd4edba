"""Which nodes matter most: the measure that sizes the nodes and decides what a capped map keeps."""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx

from graph.errors import InvalidInput

#: Measures cheap enough to compute on every map request, even at 5,000 nodes.
MEASURES = ("pagerank", "degree", "weighted_degree")


def centrality(graph: nx.Graph, measure: str = "pagerank", weight: str = "weight") -> dict:
    """``{node: score}`` by ``measure``; networkx's own functions, so its backends apply.

    Examples
    --------
    >>> star = nx.star_graph(3)
    >>> max(centrality(star, "degree").items(), key=lambda kv: kv[1])
    (0, 1.0)
    >>> centrality(star, "closeness")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: Unknown measure 'closeness' for a map; use one of: pagerank, degree, weighted_degree
    """
    if measure not in MEASURES:
        raise InvalidInput(f"Unknown measure {measure!r} for a map; use one of: {', '.join(MEASURES)}")
    if graph.number_of_nodes() == 0:
        return {}
    if measure == "degree":
        if graph.number_of_nodes() == 1:
            return {n: 1.0 for n in graph}
        return nx.degree_centrality(graph)
    if measure == "weighted_degree":
        return {n: float(d) for n, d in graph.degree(weight=weight)}
    if graph.number_of_edges() == 0:
        return {n: 1.0 / graph.number_of_nodes() for n in graph}
    return nx.pagerank(graph, weight=weight)


def sizes(scores: dict) -> dict:
    """Scores mapped to ``1…100`` on a square-root scale, so that hubs do not dwarf the rest.

    >>> sizes({"a": 0.0, "b": 0.25, "c": 1.0})
    {'a': 1.0, 'b': 50.5, 'c': 100.0}
    """
    if not scores:
        return {}
    roots = {n: math.sqrt(max(s, 0.0)) for n, s in scores.items()}
    low, high = min(roots.values()), max(roots.values())
    span = high - low
    return {n: round(1.0 + 99.0 * ((r - low) / span if span else 1.0), 2) for n, r in roots.items()}


def top(scores: dict, cap: int, keep: Iterable = ()) -> set:
    """The ``cap`` best-scored nodes, always including ``keep`` (e.g. an ego map's centre).

    Ties are broken by the node's name, so the same graph always keeps the same nodes.

    >>> sorted(top({"a": 3, "b": 2, "c": 2, "d": 1}, 2))
    ['a', 'b']
    >>> sorted(top({"a": 3, "b": 2, "c": 2, "d": 1}, 2, keep=["d"]))
    ['a', 'd']
    """
    kept = [n for n in keep if n in scores]
    ranked = sorted((n for n in scores if n not in set(kept)), key=lambda n: (-scores[n], str(n)))
    return set(kept) | set(ranked[: max(cap - len(kept), 0)])
