"""A centrality ranking with what a reader needs to trust it: the measure, and whether it
was estimated from a sample."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Ranking:
    """Scores of one measure over one graph.

    ``sampled`` is true when the scores are an estimate from ``k`` sampled sources (large
    graphs, :mod:`graph.analytics.centrality.betweenness`) drawn with ``seed``; ``weight``
    names the edge attribute the measure used, if any.

    >>> r = Ranking("degree", {"a": 0.5, "b": 1.0, "c": 0.5})
    >>> r.top(2)
    [('b', 1.0), ('a', 0.5)]
    >>> r.position("c"), r.position("a")
    (2, 2)
    """

    measure: str
    scores: Mapping[Any, float]
    sampled: bool = False
    k: int | None = None
    seed: int | None = None
    weight: str | None = None
    nodes: int = field(default=0)

    def top(self, n: int | None = None) -> list[tuple[Any, float]]:
        """The ``n`` best nodes (all when ``None``), best first; ties by node name."""
        ordered = sorted(self.scores.items(), key=lambda item: (-item[1], str(item[0])))
        return ordered if n is None else ordered[:n]

    def position(self, node: Any) -> int | None:
        """1 for the best node, ties ranked alike ("1224" ranking); ``None`` if absent."""
        if node not in self.scores:
            return None
        score = self.scores[node]
        return 1 + sum(1 for other in self.scores.values() if other > score)
