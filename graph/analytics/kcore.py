"""k-cores: the densely knit centre of a network."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["core_number", "k_core"]


def core_number(G: nx.Graph, **backend: Any) -> dict[Any, int]:
    """The largest ``k`` such that a node belongs to the ``k``-core.

    The ``k``-core is the largest subgraph in which every node has at least ``k``
    neighbours. Self-loops are ignored (projections have none).

    Parameters
    ----------
    G : networkx.Graph
    **backend
        Passed to networkx's dispatcher.

    Returns
    -------
    dict
        Node → core number.

    Examples
    --------
    A four-clique with one pendant node:

    >>> G = nx.complete_graph(4)
    >>> G.add_edge(3, 4)
    >>> core_number(G)
    {0: 3, 1: 3, 2: 3, 3: 3, 4: 1}

    References
    ----------
    .. [1] Batagelj, V., Zaversnik, M. (2003). An O(m) algorithm for cores
       decomposition of networks. arXiv:cs/0310049.
    """
    if nx.number_of_selfloops(G):
        G = nx.Graph(G)
        G.remove_edges_from(nx.selfloop_edges(G))
    return nx.core_number(G, **backend)


def k_core(G: nx.Graph, k: int | None = None) -> nx.Graph:
    """The ``k``-core of ``G`` (by default the innermost one), as a subgraph view.

    >>> G = nx.complete_graph(4)
    >>> G.add_edge(3, 4)
    >>> sorted(k_core(G))
    [0, 1, 2, 3]
    """
    numbers = core_number(G)
    if k is None:
        k = max(numbers.values(), default=0)
    return G.subgraph(n for n, core in numbers.items() if core >= k)
