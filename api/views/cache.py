"""Derived data cached per store and store version, so a write makes it stale at once."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from graph.store import Store

T = TypeVar("T")

_cache: "weakref.WeakKeyDictionary[Store, dict[str, tuple[int, Any]]]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def per_version(store: Store, key: str, build: Callable[[], T]) -> T:
    """``build()`` once per ``(store, store.version, key)``.

    >>> from graph.store import OxigraphStore
    >>> store, calls = OxigraphStore(), []
    >>> per_version(store, "n", lambda: calls.append(1) or len(calls))
    1
    >>> per_version(store, "n", lambda: calls.append(1) or len(calls))
    1
    >>> store.update("INSERT DATA { <http://a> <http://b> <http://c> }")
    >>> per_version(store, "n", lambda: calls.append(1) or len(calls))
    2
    """
    version = store.version
    with _lock:
        hit = _cache.get(store, {}).get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = build()
    with _lock:
        _cache.setdefault(store, {})[key] = (version, value)
    return value
