"""PageRank: an actor is central when central actors work with it a lot."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["pagerank"]


def pagerank(G: nx.Graph, alpha: float = 0.85, weight: str | None = "weight", **backend: Any) -> dict[Any, float]:
    """The stationary distribution of a random walk that follows edges by their weight.

    Parameters
    ----------
    G : networkx.Graph
    alpha : float
        Damping: the chance of following an edge rather than jumping anywhere.
    weight : str or None
        Edge attribute giving how strongly two nodes are tied (in a projection, how many
        activities they share); ``None`` treats every edge alike.
    **backend
        Passed to networkx's dispatcher, e.g. ``backend="cugraph"``.

    Returns
    -------
    dict
        Node → PageRank; the scores sum to 1.

    Examples
    --------
    >>> scores = pagerank(nx.star_graph(3))
    >>> round(scores[0], 3), round(scores[1], 3), round(sum(scores.values()), 6)
    (0.48, 0.173, 1.0)

    References
    ----------
    .. [1] Page, L., Brin, S., Motwani, R., Winograd, T. (1999). The PageRank citation
       ranking: bringing order to the Web. Stanford InfoLab.
    """
    return nx.pagerank(G, alpha=alpha, weight=weight, **backend)
