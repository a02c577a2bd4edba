"""Ego networks: an actor, its partners, and their partners out to a radius."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.errors import NotFound

__all__ = ["ego_distances", "ego_graph"]


def _check(G: nx.Graph, centre: Any) -> None:
    if centre not in G:
        raise NotFound(f"{centre} is not in the graph (it takes part in no activity in this window)")


def ego_distances(G: nx.Graph, centre: Any, radius: int = 1) -> dict[Any, int]:
    """Node → hops from ``centre``, for every node within ``radius`` hops.

    Parameters
    ----------
    G : networkx.Graph
    centre : node
    radius : int
        How many hops out.

    Returns
    -------
    dict
        ``centre`` maps to 0, its partners to 1, and so on.

    Raises
    ------
    NotFound
        When ``centre`` is not a node of ``G``.

    Examples
    --------
    >>> ego_distances(nx.path_graph(5), 2)
    {2: 0, 1: 1, 3: 1}
    >>> ego_distances(nx.path_graph(5), 0, radius=2)
    {0: 0, 1: 1, 2: 2}

    References
    ----------
    .. [1] Everett, M., Borgatti, S. P. (2005). Ego network betweenness. *Social
       Networks* 27(1), 31–38.
    """
    _check(G, centre)
    return dict(nx.single_source_shortest_path_length(G, centre, cutoff=radius))


def ego_graph(G: nx.Graph, centre: Any, radius: int = 1) -> nx.Graph:
    """The subgraph induced by the nodes within ``radius`` hops of ``centre``.

    Edges between the partners are kept, so the ego graph shows whether an actor's
    partners also work with each other.

    >>> sorted(ego_graph(nx.path_graph(5), 2).edges)
    [(1, 2), (2, 3)]
    """
    _check(G, centre)
    return nx.ego_graph(G, centre, radius=radius)
