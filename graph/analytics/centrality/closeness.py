"""Closeness centrality: how few hops an actor is from everyone it can reach."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["closeness_centrality"]


def closeness_centrality(G: nx.Graph, **backend: Any) -> dict[Any, float]:
    """The reciprocal of the mean hop distance to the nodes a node reaches.

    Distances are hops (edge weights are tie strengths, not lengths). On a disconnected
    graph networkx's Wasserman–Faust correction scales each score by the share of the
    graph the node reaches, so members of small components do not look central.

    Parameters
    ----------
    G : networkx.Graph
    **backend
        Passed to networkx's dispatcher, e.g. ``backend="parallel"``.

    Returns
    -------
    dict
        Node → closeness, between 0 and 1.

    Examples
    --------
    >>> scores = closeness_centrality(nx.path_graph(3))
    >>> scores[1], round(scores[0], 3)
    (1.0, 0.667)

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215–239.
    .. [2] Wasserman, S., Faust, K. (1994). *Social Network Analysis.* Cambridge
       University Press, p. 201.
    """
    return nx.closeness_centrality(G, **backend)
