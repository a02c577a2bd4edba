"""Projections and rankings are computed once per store version and parameters."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import cache
from graph.errors import InvalidInput
from graph.store import OxigraphStore

DATA = """
@prefix coop: <https://w3id.org/coop/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
GRAPH <https://w3id.org/coop/graph/doc/000> {
  <https://w3id.org/coop/id/agreement/a> a coop:Agreement ; coop:dateSigned "2016"^^xsd:gYear ;
      coop:party <https://w3id.org/coop/id/org/x> , <https://w3id.org/coop/id/org/y> .
}
"""
NEW = """INSERT DATA { GRAPH <https://w3id.org/coop/graph/doc/001> {
  <https://w3id.org/coop/id/agreement/b> a <https://w3id.org/coop/ontology#Agreement> ;
      <https://w3id.org/coop/ontology#party> <https://w3id.org/coop/id/org/y> , <https://w3id.org/coop/id/org/z> } }"""


@pytest.fixture
def store() -> OxigraphStore:
    store = OxigraphStore()
    store.restore(DATA, "trig")
    return store


def test_a_projection_is_built_once_and_frozen(store):
    first = cache.projection(store)
    assert cache.projection(store) is first
    assert cache.projection(store, via="agreement") is not first  # other parameters, other entry
    assert cache.projection(store, via="agreement") is cache.projection(store, via=["agreement"])
    with pytest.raises(nx.NetworkXError, match="Frozen graph"):
        first.add_edge("a", "b")


def test_a_write_makes_every_entry_stale(store):
    before = cache.projection(store)
    ranking = cache.ranking(store, "degree")
    assert cache.ranking(store, "degree") is ranking
    store.update(NEW)
    after = cache.projection(store)
    assert after is not before and after.has_edge("https://w3id.org/coop/id/org/y", "https://w3id.org/coop/id/org/z")
    assert cache.ranking(store, "degree").top(1)[0][0] == "https://w3id.org/coop/id/org/y"


def test_parameters_are_checked_before_anything_is_built(store):
    with pytest.raises(InvalidInput, match="Unknown level 'region'; use one of: org, country"):
        cache.projection(store, level="region")
    with pytest.raises(InvalidInput, match="Unknown measure"):
        cache.ranking(store, "katz")


def test_the_table_keeps_only_the_most_recent_entries(store, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    calls = []
    for key in ("a", "b", "c"):
        cache.memo(store, (key,), lambda: calls.append(key))
    cache.memo(store, ("a",), lambda: calls.append("a again"))
    assert calls == ["a", "b", "c", "a again"]  # "a" was dropped for "c"
