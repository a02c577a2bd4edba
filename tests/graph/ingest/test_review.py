"""Storing extracted facts apart, idempotently, and reviewing them."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from graph.build import build
from graph.errors import NotFound
from graph.ingest.reader import decode
from graph.ingest.review import accept, extracted_graph, ingest, list_facts, reject, rejected_graph, reviewed_graph
from graph.store import OxigraphStore

ARTICLE = ("Ngày 10/5/2024, tại Viêng Chăn, Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào đã ký kết Bản ghi nhớ hợp tác. "
           "Bộ trưởng Bộ Tư pháp Lê Thành Long dự lễ ký.\n")
STATUS = "PREFIX coop: <https://w3id.org/coop/ontology#> SELECT ?s WHERE { GRAPH ?g { ?e coop:status ?s } }"


@pytest.fixture(scope="module")
def built():
    store = OxigraphStore()
    build(store, validate=False)
    return store.dump("nquads")


@pytest.fixture
def store(built):
    store = OxigraphStore()
    store.restore(built, "nquads")
    return store


def _article():
    return decode(ARTICLE.encode(), "news.txt")


def test_ingest_writes_the_extracted_graph_marked_extracted(store):
    result, _ = ingest(store, _article(), doc_id="news")
    assert result.graph == extracted_graph("news") in store.graphs()
    statuses = {str(r["s"]) for r in store.select(STATUS, {"g": URIRef(result.graph)})}
    assert statuses == {"https://w3id.org/coop/ontology#status-extracted"}
    [row] = [r for r in list_facts(store, "news") if r.type == "Agreement"]
    assert row.status == "extracted" and "Bộ Tư pháp Lào" in row.label and row.quote in ARTICLE


def test_ingesting_again_replaces_the_graph(store):
    ingest(store, _article(), doc_id="news")
    first = store.dump("ntriples", graph=extracted_graph("news"))
    ingest(store, _article(), doc_id="news")
    assert sorted(store.dump("ntriples", graph=extracted_graph("news")).splitlines()) == sorted(first.splitlines())


def test_dry_run_stores_nothing(store):
    before = store.graphs()
    result, graph = ingest(store, _article(), doc_id="news", dry_run=True)
    assert store.graphs() == before and len(graph) == result.triples > 0


def test_accept_moves_the_fact_and_marks_its_evidence_curated(store):
    ingest(store, _article(), doc_id="news")
    [agreement] = [r for r in list_facts(store, "news") if r.type == "Agreement"]
    assert accept(store, agreement.id) == 1
    fact = URIRef(agreement.iri)
    assert not store.ask("ASK WHERE { GRAPH ?g { ?f ?p ?o } }", {"g": URIRef(extracted_graph("news")), "f": fact})
    assert store.ask("ASK WHERE { GRAPH ?g { ?f a <https://w3id.org/coop/ontology#Agreement> } }",
                     {"g": URIRef(reviewed_graph("news")), "f": fact})
    statuses = {str(r["s"]) for r in store.select(STATUS, {"g": URIRef(reviewed_graph("news"))})}
    assert statuses == {"https://w3id.org/coop/ontology#status-curated"}
    # re-ingesting does not offer the accepted fact again
    result, _ = ingest(store, _article(), doc_id="news")
    assert result.skipped == 1
    assert [r.status for r in list_facts(store, "news") if r.iri == agreement.iri] == ["accepted"]


def test_rejected_facts_do_not_come_back(store):
    ingest(store, _article(), doc_id="news")
    [post] = [r for r in list_facts(store, "news") if r.type == "Post"]
    assert reject(store, post.id) == 1
    assert rejected_graph("news") in store.graphs()
    ingest(store, _article(), doc_id="news")
    assert [r.status for r in list_facts(store, "news") if r.iri == post.iri] == ["rejected"]


def test_accept_a_whole_document(store):
    ingest(store, _article(), doc_id="news")
    count = len([r for r in list_facts(store, "news") if r.status == "extracted"])
    assert count >= 2 and accept(store, doc_id="news") == count
    assert {r.status for r in list_facts(store, "news")} == {"accepted"}


def test_unknown_fact_and_document(store):
    with pytest.raises(NotFound, match="no extracted fact"):
        accept(store, "agreement/nothing-here")
    with pytest.raises(NotFound, match="no ingested document 'nope'"):
        list_facts(store, "nope")


def test_extracted_facts_stay_out_of_activities_unless_asked(store):
    activities = pytest.importorskip("graph.activities")
    ingest(store, _article(), doc_id="news")
    [agreement] = [r for r in list_facts(store, "news") if r.type == "Agreement"]
    default = activities.index_for(store) if hasattr(activities, "index_for") else None
    if default is None:
        pytest.skip("graph.activities has no index_for")
    found = lambda index: any(agreement.iri in str(a) for a in getattr(index, "activities", []))  # noqa: E731
    assert not found(default)
    assert found(activities.index_for(store, include_extracted=True))
