"""Projections and rankings of a store, cached per store version and parameters.

The API asks the same questions again and again (the top ten by PageRank, the
communities); the answers change only when the store is written to. Each store keeps a
small least-recently-used table keyed by the parameters; a write (a new
``store.version``) empties it. Cached graphs are frozen (:func:`networkx.freeze`): a
caller that wants to change one copies it first (``nx.Graph(G)``).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import networkx as nx

from graph.activities import check_kinds, check_window, index_for
from graph.analytics.centrality import check_measure, rank
from graph.analytics.communities import communities
from graph.analytics.evolution import Evolution, check_level, evolution
from graph.analytics.projections import LEVELS
from graph.analytics.ranking import Ranking
from graph.store import Store

T = TypeVar("T")

#: Entries kept per store; the oldest unused go first.
MAX_ENTRIES = 64


class _Table:
    def __init__(self, version: int) -> None:
        self.version = version
        self.values: OrderedDict[tuple, Any] = OrderedDict()


_tables: "weakref.WeakKeyDictionary[Store, _Table]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def memo(store: Store, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()`` once per ``(store, store.version, key)``.

    >>> from graph.store import OxigraphStore
    >>> store, calls = OxigraphStore(), []
    >>> memo(store, ("n",), lambda: calls.append(1) or len(calls))
    1
    >>> memo(store, ("n",), lambda: calls.append(1) or len(calls))
    1
    >>> store.update("INSERT DATA { <http://a> <http://b> <http://c> }")
    >>> memo(store, ("n",), lambda: calls.append(1) or len(calls))
    2
    """
    version = store.version  # read first: a write during compute() makes the next call recompute
    with _lock:
        table = _tables.get(store)
        if table is not None and table.version == version and key in table.values:
            table.values.move_to_end(key)
            return table.values[key]
    value = compute()
    with _lock:
        table = _tables.get(store)
        if table is None or table.version < version:
            table = _tables[store] = _Table(version)
        if table.version == version:
            table.values[key] = value
            while len(table.values) > MAX_ENTRIES:
                table.values.popitem(last=False)
    return value


def _params(level: str, since: int | None, until: int | None, via: str | Iterable[str] | None,
            include_extracted: bool) -> tuple:
    check_level(level)
    check_window(since, until)
    return (level, since, until, check_kinds(via), bool(include_extracted))


def projection(store: Store, level: str = "org", since: int | None = None, until: int | None = None,
               via: str | Iterable[str] | None = None, include_extracted: bool = False) -> nx.Graph:
    """The ``level`` projection (``"org"`` or ``"country"``) of ``store``, frozen."""
    params = _params(level, since, until, via, include_extracted)
    level, since, until, kinds, extracted = params

    def build() -> nx.Graph:
        return nx.freeze(LEVELS[level](index_for(store, extracted), since, until, kinds))

    return memo(store, ("projection", *params), build)


def ranking(store: Store, measure: str, level: str = "org", since: int | None = None,
            until: int | None = None, via: str | Iterable[str] | None = None,
            include_extracted: bool = False) -> Ranking:
    """``measure`` over the projection :func:`projection` returns for the same parameters."""
    params = _params(level, since, until, via, include_extracted)
    check_measure(measure)
    return memo(store, ("ranking", measure, *params),
                lambda: rank(projection(store, *params), measure))


def partition(store: Store, method: str = "louvain", level: str = "org", since: int | None = None,
              until: int | None = None, via: str | Iterable[str] | None = None,
              include_extracted: bool = False) -> list[frozenset]:
    """The communities of the projection (:func:`graph.analytics.communities.communities`)."""
    params = _params(level, since, until, via, include_extracted)
    return memo(store, ("communities", method, *params),
                lambda: communities(projection(store, *params), method=method))


def growth(store: Store, measure: str, level: str = "org", via: str | Iterable[str] | None = None,
           include_extracted: bool = False) -> Evolution:
    """The year-by-year :func:`~graph.analytics.evolution.evolution` of ``measure``."""
    params = _params(level, None, None, via, include_extracted)
    check_measure(measure)
    level, _, _, kinds, extracted = params
    return memo(store, ("evolution", measure, *params),
                lambda: evolution(index_for(store, extracted), measure, level=level, via=kinds))
