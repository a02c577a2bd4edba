"""Betweenness centrality: who sits on the shortest paths between others (brokers).

Exact betweenness costs O(V·E) (Brandes). Above :data:`SAMPLE_ABOVE` nodes it is
estimated from :data:`SAMPLE_SIZE` source nodes drawn with a fixed seed, so the same
graph always gives the same answer; :func:`sample_size` says whether that happens, and
:func:`graph.analytics.centrality.rank` records it in the :class:`~graph.analytics.ranking.Ranking`.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["betweenness_centrality", "sample_size"]

#: Graphs with more nodes than this get sampled betweenness.
SAMPLE_ABOVE = 2000
#: How many source nodes a sampled estimate uses: 256 single-source searches keep a
#: ranking of a 10,000-node projection within seconds, and its top ranks stable.
SAMPLE_SIZE = 256
#: The seed of the sample: results are reproducible.
SEED = 42


def sample_size(G: nx.Graph, k: int | None = None, sample_above: int = SAMPLE_ABOVE) -> int | None:
    """How many sources to sample for ``G``, or ``None`` for the exact computation.

    >>> sample_size(nx.path_graph(10)) is None
    True
    >>> sample_size(nx.path_graph(3000))
    256
    >>> sample_size(nx.path_graph(10), k=4)
    4
    >>> sample_size(nx.path_graph(100), sample_above=50) is None  # 256 sources of 100 nodes: exact
    True
    """
    if k is None and len(G) > sample_above:
        k = SAMPLE_SIZE
    return k if k is not None and k < len(G) else None  # k sources out of n or more: exact


def betweenness_centrality(G: nx.Graph, k: int | None = None, *, normalized: bool = True,
                           seed: int = SEED, sample_above: int = SAMPLE_ABOVE,
                           **backend: Any) -> dict[Any, float]:
    """The share of shortest paths between other nodes that pass through each node.

    Paths are counted in hops (edge weights are tie strengths, not lengths).

    Parameters
    ----------
    G : networkx.Graph
    k : int, optional
        Estimate from ``k`` sampled sources. By default: exact up to ``sample_above``
        nodes, :data:`SAMPLE_SIZE` sources above.
    normalized : bool
        Divide by the number of pairs of other nodes, ``(n - 1)(n - 2) / 2``.
    seed : int
        Seed of the sample (ignored when exact).
    sample_above : int
        Size above which the estimate is used when ``k`` is not given.
    **backend
        Passed to networkx's dispatcher, e.g. ``backend="parallel"`` (nx-parallel
        computes exact betweenness on several cores).

    Returns
    -------
    dict
        Node → betweenness, between 0 and 1 when normalised.

    Examples
    --------
    The middle of a path of three lies on the only path between the ends:

    >>> betweenness_centrality(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}

    An estimate from sampled sources is reproducible (the seed is fixed):

    >>> G = nx.barabasi_albert_graph(200, 2, seed=1)
    >>> betweenness_centrality(G, k=20) == betweenness_centrality(G, k=20)
    True

    References
    ----------
    .. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163–177.
    .. [2] Brandes, U., Pich, C. (2007). Centrality estimation in large networks.
       *International Journal of Bifurcation and Chaos* 17(7), 2303–2318.
    """
    return nx.betweenness_centrality(G, k=sample_size(G, k, sample_above), normalized=normalized,
                                     seed=seed, **backend)
