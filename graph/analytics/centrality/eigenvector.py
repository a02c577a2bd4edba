"""Eigenvector centrality: an actor is central when its partners are."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["eigenvector_centrality"]


def eigenvector_centrality(G: nx.Graph, weight: str | None = "weight", max_iter: int = 1000,
                           **backend: Any) -> dict[Any, float]:
    """The principal eigenvector of the adjacency matrix, scaled to Euclidean length 1.

    Power iteration is tried first; when it does not converge (it can stall on some
    disconnected graphs) the answer comes from the sparse eigensolver instead.

    Parameters
    ----------
    G : networkx.Graph
    weight : str or None
        Edge attribute used as tie strength; ``None`` treats every edge alike.
    max_iter : int
        Power-iteration steps before falling back to the eigensolver.
    **backend
        Passed to networkx's dispatcher.

    Returns
    -------
    dict
        Node → score (``{}`` for an empty graph).

    Examples
    --------
    In a star of three leaves the centre scores 1/√2 and each leaf 1/√6:

    >>> scores = eigenvector_centrality(nx.star_graph(3))
    >>> round(scores[0], 4), round(scores[1], 4)
    (0.7071, 0.4082)

    References
    ----------
    .. [1] Bonacich, P. (1987). Power and centrality: a family of measures.
       *American Journal of Sociology* 92(5), 1170–1182.
    """
    if len(G) == 0:
        return {}
    try:
        return nx.eigenvector_centrality(G, max_iter=max_iter, weight=weight, **backend)
    except nx.PowerIterationFailedConvergence:
        return nx.eigenvector_centrality_numpy(G, weight=weight, **backend)
