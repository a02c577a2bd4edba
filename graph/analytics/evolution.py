"""How a measure grew year by year, on the network as it stood at the end of each year."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.activities import ActivityIndex
from graph.analytics.centrality import check_measure, rank
from graph.analytics.projections import LEVELS, Via
from graph.analytics.ranking import Ranking
from graph.errors import InvalidInput

__all__ = ["Evolution", "evolution"]

Measure = str | Callable[[nx.Graph], dict]


@dataclass(frozen=True)
class Evolution:
    """One ranking per year, each on the cumulative network up to that year."""

    measure: str
    level: str
    rankings: dict[int, Ranking]
    sizes: dict[int, tuple[int, int]]  # year -> (nodes, edges)

    @property
    def years(self) -> list[int]:
        return sorted(self.rankings)

    def series(self, node: Any) -> list[tuple[int, float | None, int | None]]:
        """``(year, score, position)`` for ``node`` each year; ``None`` before it appears."""
        return [(year, self.rankings[year].scores.get(node), self.rankings[year].position(node))
                for year in self.years]


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise InvalidInput(f"Unknown level {level!r}; use one of: {', '.join(LEVELS)}")
    return level


def evolution(index: ActivityIndex, measure: Measure, *, level: str = "org", via: Via = None,
              years: Iterable[int] | None = None, **kwargs: Any) -> Evolution:
    """Compute ``measure`` on the network as it stood at the end of each year.

    The network of year ``y`` is the projection with ``until=y``: every dated activity
    that started by then (a membership lasts; undated activities are left out).

    Parameters
    ----------
    index : ActivityIndex
    measure : str or callable
        A name of :data:`graph.analytics.centrality.MEASURES`, or any function
        ``f(G) -> {node: score}`` (e.g. :func:`graph.analytics.kcore.core_number`).
    level : {"org", "country"}
        Which projection.
    via : str or iterable of str, optional
        Only these kinds of activity.
    years : iterable of int, optional
        Which years; by default every year from the first activity to the last.
    **kwargs
        Passed to the measure.

    Returns
    -------
    Evolution
        Rankings by year, and the projection's size each year.

    Examples
    --------
    >>> from graph.activities import Activity, ActivityIndex
    >>> a = Activity("urn:a", "agreement", year=2015, participants={"urn:vn": ("party",), "urn:la": ("party",)})
    >>> b = Activity("urn:b", "agreement", year=2017, participants={"urn:vn": ("party",), "urn:cn": ("party",)})
    >>> grown = evolution(ActivityIndex({"urn:a": a, "urn:b": b}, {}), "degree")
    >>> grown.series("urn:vn")
    [(2015, 1.0, 1), (2016, 1.0, 1), (2017, 1.0, 1)]
    >>> grown.series("urn:cn")[0], grown.sizes[2017]
    ((2015, None, None), (3, 2))

    References
    ----------
    .. [1] Holme, P., Saramäki, J. (2012). Temporal networks. *Physics Reports* 519(3),
       97–125.
    """
    project = LEVELS[check_level(level)]
    name = check_measure(measure) if isinstance(measure, str) else getattr(measure, "__name__", "custom")
    if years is None:
        known = index.years()
        years = range(known[0], known[-1] + 1) if known else ()
    rankings, sizes = {}, {}
    for year in years:
        G = project(index, until=year, via=via)
        if isinstance(measure, str):
            rankings[year] = rank(G, measure, **kwargs)
        else:
            rankings[year] = Ranking(name, measure(G, **kwargs) if len(G) else {}, nodes=len(G))
        sizes[year] = (G.number_of_nodes(), G.number_of_edges())
    return Evolution(name, level, rankings, sizes)
