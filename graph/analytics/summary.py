"""The size and shape of a projection in a few numbers."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["summarise"]


def summarise(G: nx.Graph) -> dict[str, Any]:
    """Node and edge counts, density, connected components and isolated nodes.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    dict
        ``nodes``, ``edges``, ``density`` (edges over possible edges), ``components``,
        ``largest_component`` (its node count), ``isolates`` (nodes with no edge),
        ``average_degree`` and ``total_weight`` (sum of edge weights: in a projection,
        how many actor–actor links the activities make).

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (2, 3)])
    >>> G.add_node(4)
    >>> summarise(G)["components"], summarise(G)["largest_component"], summarise(G)["density"]
    (2, 3, 0.3333333333333333)
    """
    components = [len(c) for c in nx.connected_components(G)]
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "density": nx.density(G) if len(G) > 1 else 0.0,
        "components": len(components),
        "largest_component": max(components, default=0),
        "isolates": nx.number_of_isolates(G),
        "average_degree": 2 * G.number_of_edges() / len(G) if len(G) else 0.0,
        "total_weight": sum(w for _, _, w in G.edges(data="weight", default=1)),
    }
