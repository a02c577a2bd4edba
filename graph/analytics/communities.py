"""Communities: groups of actors that cooperate more with each other than with the rest."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.errors import InvalidInput

__all__ = ["METHODS", "SEED", "communities", "community_of", "modularity"]

#: Louvain is randomised; a fixed seed gives everyone the same communities.
SEED = 42
METHODS = ("louvain", "greedy")


def communities(G: nx.Graph, method: str = "louvain", weight: str | None = "weight",
                resolution: float = 1.0, seed: int = SEED, **backend: Any) -> list[frozenset]:
    """A partition of the nodes into communities, largest first.

    Parameters
    ----------
    G : networkx.Graph
    method : {"louvain", "greedy"}
        Louvain modularity optimisation (fast, randomised: ``seed`` fixes it) or
        Clauset–Newman–Moore greedy modularity (deterministic, slower on big graphs).
    weight : str or None
        Edge attribute used as tie strength.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    seed : int
        Seed of Louvain's node order.
    **backend
        Passed to networkx's dispatcher.

    Returns
    -------
    list of frozenset
        Communities by decreasing size; ties by their smallest member's name. Isolated
        nodes are communities of one.

    Examples
    --------
    Two triangles joined by one edge split into the two triangles:

    >>> [sorted(c) for c in communities(nx.barbell_graph(3, 0))]
    [[0, 1, 2], [3, 4, 5]]
    >>> communities(nx.Graph())
    []

    References
    ----------
    .. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R., Lefebvre, E. (2008). Fast
       unfolding of communities in large networks. *J. Stat. Mech.* P10008.
    .. [2] Clauset, A., Newman, M. E. J., Moore, C. (2004). Finding community structure
       in very large networks. *Physical Review E* 70, 066111.
    """
    if method not in METHODS:
        raise InvalidInput(f"Unknown community method {method!r}; use one of: {', '.join(METHODS)}")
    if len(G) == 0:
        return []
    if method == "louvain":
        parts = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed, **backend)
    else:
        parts = nx.community.greedy_modularity_communities(G, weight=weight, resolution=resolution, **backend)
    return sorted((frozenset(p) for p in parts), key=lambda c: (-len(c), min(str(n) for n in c)))


def community_of(G: nx.Graph, **kwargs: Any) -> dict[Any, int]:
    """Node → the position of its community in :func:`communities` (0 is the largest).

    >>> community_of(nx.barbell_graph(3, 0))
    {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    """
    found = {node: i for i, part in enumerate(communities(G, **kwargs)) for node in part}
    return {node: found[node] for node in G}


def modularity(G: nx.Graph, parts: list[frozenset], weight: str | None = "weight") -> float:
    """How much more the communities hold their own edges than chance would (−½ … 1).

    >>> round(modularity(nx.barbell_graph(3, 0), [{0, 1, 2}, {3, 4, 5}]), 3)
    0.357
    """
    if G.number_of_edges() == 0:
        return 0.0
    return nx.community.modularity(G, parts, weight=weight)
