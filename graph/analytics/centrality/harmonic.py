"""Harmonic centrality: closeness that copes with a network in pieces."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["harmonic_centrality"]


def harmonic_centrality(G: nx.Graph, normalized: bool = True, **backend: Any) -> dict[Any, float]:
    """The sum of the reciprocal hop distances from a node to every other node.

    Unreachable nodes add 0, so the measure needs no correction on a disconnected graph.

    Parameters
    ----------
    G : networkx.Graph
    normalized : bool
        Divide by ``n - 1`` so scores lie between 0 and 1 (networkx's own function does
        not); a node linked to every other node then scores 1.
    **backend
        Passed to networkx's dispatcher, e.g. ``backend="parallel"``.

    Returns
    -------
    dict
        Node → harmonic centrality.

    Examples
    --------
    >>> harmonic_centrality(nx.path_graph(3))
    {0: 0.75, 1: 1.0, 2: 0.75}
    >>> harmonic_centrality(nx.path_graph(3), normalized=False)[0]
    1.5

    References
    ----------
    .. [1] Boldi, P., Vigna, S. (2014). Axioms for centrality. *Internet Mathematics*
       10(3–4), 222–262.
    """
    scores = nx.harmonic_centrality(G, **backend)
    if normalized and len(G) > 1:
        scale = 1 / (len(G) - 1)
        return {node: score * scale for node, score in scores.items()}
    return dict(scores)
