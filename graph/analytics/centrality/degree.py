"""Degree centrality: how many partners an actor has, and how much it does with them."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["degree_centrality", "weighted_degree"]


def degree_centrality(G: nx.Graph, **backend: Any) -> dict[Any, float]:
    """The fraction of the other nodes each node is linked to.

    Parameters
    ----------
    G : networkx.Graph
        A projection (:mod:`graph.analytics.projections`) or any graph.
    **backend
        Passed to networkx's dispatcher, e.g. ``backend="parallel"`` (nx-parallel).

    Returns
    -------
    dict
        Node → ``degree / (n - 1)``, between 0 and 1.

    Examples
    --------
    The centre of a star is linked to every other node:

    >>> scores = degree_centrality(nx.star_graph(3))
    >>> scores[0], scores[1]
    (1.0, 0.3333333333333333)

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215–239.
    """
    return nx.degree_centrality(G, **backend)


def weighted_degree(G: nx.Graph, weight: str = "weight") -> dict[Any, float]:
    """The sum of the weights of each node's edges (its *strength*).

    In an organisation projection an edge's weight is how many activities two actors
    share, so this counts an actor's partnerships, each as often as it was acted on.

    Parameters
    ----------
    G : networkx.Graph
    weight : str
        The edge attribute to add up (edges without it count 1).

    Returns
    -------
    dict
        Node → strength (a float).

    Examples
    --------
    >>> G = nx.Graph([("vn", "la", {"weight": 4}), ("vn", "cn", {"weight": 1})])
    >>> weighted_degree(G)
    {'vn': 5.0, 'la': 4.0, 'cn': 1.0}

    References
    ----------
    .. [1] Barrat, A., Barthélemy, M., Pastor-Satorras, R., Vespignani, A. (2004). The
       architecture of complex weighted networks. *PNAS* 101(11), 3747–3752.
    """
    return {node: float(strength) for node, strength in G.degree(weight=weight)}
