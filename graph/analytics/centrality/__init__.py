"""Centrality measures, one module each, in the style of networkx's own.

Each module holds a pure function ``f(G, ...) -> {node: score}`` that calls networkx's
implementation, so networkx's backend dispatch applies: pass ``backend="parallel"``
(nx-parallel) or ``backend="cugraph"`` (nx-cugraph) to a function, or set the priority
once for the process, e.g. ``NETWORKX_BACKEND_PRIORITY=parallel`` (networkx ≥ 3.3;
``NETWORKX_AUTOMATIC_BACKENDS`` in older releases) or ``nx.config.backend_priority``.

:func:`rank` runs a measure by name and returns a :class:`~graph.analytics.ranking.Ranking`
that records how it was computed (sampled or exact, which weight).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from graph.analytics.centrality.betweenness import SAMPLE_ABOVE, SEED, betweenness_centrality, sample_size
from graph.analytics.centrality.closeness import closeness_centrality
from graph.analytics.centrality.degree import degree_centrality, weighted_degree
from graph.analytics.centrality.eigenvector import eigenvector_centrality
from graph.analytics.centrality.harmonic import harmonic_centrality
from graph.analytics.centrality.pagerank import pagerank
from graph.analytics.ranking import Ranking
from graph.errors import InvalidInput

__all__ = [
    "MEASURES", "betweenness_centrality", "check_measure", "closeness_centrality", "degree_centrality",
    "eigenvector_centrality", "harmonic_centrality", "pagerank", "rank", "weighted_degree",
]

#: Measure name → (function, the edge weight it uses). Distance-based measures count hops:
#: a projection's weights are tie strengths, not lengths.
MEASURES: dict[str, tuple[Callable[..., dict], str | None]] = {
    "degree": (degree_centrality, None),
    "weighted_degree": (weighted_degree, "weight"),
    "betweenness": (betweenness_centrality, None),
    "closeness": (closeness_centrality, None),
    "eigenvector": (eigenvector_centrality, "weight"),
    "pagerank": (pagerank, "weight"),
    "harmonic": (harmonic_centrality, None),
}


def check_measure(name: str) -> str:
    """``name`` if it is a measure, else :class:`InvalidInput` naming the allowed ones.

    >>> check_measure("pagerank")
    'pagerank'
    >>> check_measure("katz")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: Unknown measure 'katz'; use one of: degree, weighted_degree, betweenness, closeness, eigenvector, pagerank, harmonic
    """
    if name not in MEASURES:
        raise InvalidInput(f"Unknown measure {name!r}; use one of: {', '.join(MEASURES)}")
    return name


def rank(G: nx.Graph, measure: str, **kwargs: Any) -> Ranking:
    """Run ``measure`` on ``G``; extra keyword arguments go to its function.

    >>> r = rank(nx.path_graph(3), "betweenness")
    >>> r.top(1), r.sampled
    ([(1, 1.0)], False)
    >>> rank(nx.Graph(), "eigenvector").scores
    {}
    """
    function, weight = MEASURES[check_measure(measure)]
    scores = function(G, **kwargs) if len(G) else {}
    k = sample_size(G, kwargs.get("k"), kwargs.get("sample_above", SAMPLE_ABOVE)) if measure == "betweenness" else None
    return Ranking(measure, scores, sampled=k is not None, k=k, seed=kwargs.get("seed", SEED) if k is not None else None,
                   weight=weight, nodes=len(G))
