"""The store engine: binding, atomic graph replacement, dumps, limits, opening by setting."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from graph.errors import InvalidInput, InvalidQuery, QueryTimeout, ResultTooLarge
from graph.results import solutions
from graph.store import Limits, OxigraphStore, bind_values, open_store

G1 = "https://w3id.org/coop/graph/test/1"
G2 = "https://w3id.org/coop/graph/test/2"
DATA = """
@prefix ex: <http://example.org/> .
ex:moj ex:name "Bộ Tư pháp"@vi ; ex:partner ex:lao , ex:khm .
ex:lao ex:name "Bộ Tư pháp Lào"@vi .
"""


@pytest.fixture
def store() -> OxigraphStore:
    s = OxigraphStore()
    s.replace_graph(G1, DATA)
    return s


def test_default_graph_is_the_union_of_named_graphs(store):
    store.replace_graph(G2, "<http://example.org/x> <http://example.org/partner> <http://example.org/y> .")
    rows = store.select("SELECT ?o WHERE { ?s <http://example.org/partner> ?o } ORDER BY ?o")
    assert [str(r["o"]) for r in rows] == [
        "http://example.org/khm", "http://example.org/lao", "http://example.org/y"]


def test_bound_values_are_data_not_syntax(store):
    hostile = 'Bộ Tư pháp"@vi } } ; DROP ALL ; SELECT * { ?a ?b "'
    assert store.select("SELECT ?s WHERE { ?s <http://example.org/name> ?n }", {"n": hostile}) == []
    assert len(store) == 4
    rows = store.select("SELECT ?s WHERE { ?s <http://example.org/name> ?n }",
                        {"n": Literal("Bộ Tư pháp", lang="vi")})
    assert rows == [{"s": URIRef("http://example.org/moj")}]


def test_bound_values_reach_aggregates(store):
    rows = store.select("SELECT (COUNT(?o) AS ?n) WHERE { ?s <http://example.org/partner> ?o }",
                        {"s": URIRef("http://example.org/moj")})
    assert int(rows[0]["n"]) == 2


def test_variable_names_are_checked():
    with pytest.raises(InvalidInput, match="Not a SPARQL variable name"):
        bind_values("SELECT * WHERE { ?s ?p ?o }", {"s } DROP ALL {": "x"})


def test_where_brace_skips_strings_and_iris():
    query = 'SELECT ?s WHERE { ?s ?p "a { WHERE" . ?s <http://x/{y}> ?o }'
    assert bind_values(query, {"s": URIRef("http://a")}).startswith(
        'SELECT ?s WHERE { VALUES (?s) { (<http://a>) } ?s ?p "a { WHERE"')


def test_replace_graph_swaps_a_whole_graph(store):
    store.replace_graph(G1, "<http://example.org/a> <http://example.org/b> <http://example.org/c> .")
    assert len(store) == 1


def test_malformed_data_leaves_the_store_untouched(store):
    version = store.version
    with pytest.raises(InvalidInput, match="line 1"):
        store.replace_graph(G1, "<http://example.org/a> <http://example.org/b> .")
    assert len(store) == 4
    assert store.version == version


def test_syntax_error_names_line_and_column(store):
    with pytest.raises(InvalidQuery, match=r"error at 1:25"):
        store.select("SELECT * WHERE { ?s ?p }")


def test_result_cap_stops_a_large_result(store):
    with pytest.raises(ResultTooLarge, match="more than 2 results"):
        store.query("SELECT * WHERE { ?s ?p ?o }", limits=Limits(cap=2))


def test_time_limit_stops_a_slow_query(store):
    with pytest.raises(QueryTimeout, match="time limit"):
        store.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", limits=Limits(timeout=-1))


def test_dump_and_restore_round_trip_named_graphs(store):
    store.replace_graph(G2, "<http://example.org/x> <http://example.org/p> _:b .")
    dump = store.dump("nquads")
    copy = OxigraphStore()
    copy.restore(dump, "nquads")
    assert copy.graphs() == [G1, G2]
    assert len(copy) == len(store) == 5


def test_on_disk_store_survives_reopening(tmp_path):
    with open_store(str(tmp_path / "db")) as first:
        first.replace_graph(G1, DATA)
    with open_store(str(tmp_path / "db")) as again:
        assert again.graphs() == [G1]
        assert len(again) == 4


def test_unknown_format_is_refused(store):
    with pytest.raises(InvalidInput, match="Unknown RDF format 'yaml'"):
        store.dump("yaml")


def test_query_raw_gives_sparql_json_terms_without_rdflib(store):
    store.replace_graph(G2, '<http://example.org/x> <http://example.org/p> _:b , 5 , "plain" .')
    raw = store.query_raw('SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://nothing> ?none } } ORDER BY ?o')
    assert raw.variables == ("s", "o", "none")
    objects = [b["o"] for b in raw.bindings]
    assert {"type": "literal", "value": "5", "datatype": "http://www.w3.org/2001/XMLSchema#integer"} in objects
    assert {"type": "literal", "value": "plain"} in objects
    assert {"type": "literal", "value": "Bộ Tư pháp", "xml:lang": "vi"} in objects
    assert {"type": "uri", "value": "http://example.org/lao"} in objects
    assert any(o["type"] == "bnode" for o in objects)
    assert all("none" not in b for b in raw.bindings)  # unbound: left out, as the JSON format has it


def test_query_raw_agrees_with_query(store):
    text = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s ?o"
    assert store.query_raw(text).bindings == solutions(store.query(text)).bindings
    assert store.query_raw("ASK { ?s ?p ?o }") == store.query("ASK { ?s ?p ?o }")


def test_query_raw_writes_a_graph_in_the_format_asked(store):
    raw = store.query_raw("CONSTRUCT WHERE { ?s <http://example.org/partner> ?o }", "ntriples")
    assert raw.fmt == "ntriples" and raw.data.count(b"\n") == 2
    with pytest.raises(InvalidInput, match="Unknown RDF format"):
        store.query_raw("CONSTRUCT WHERE { ?s ?p ?o }", "xlsx")


def test_query_raw_keeps_the_cap_and_the_time_limit(store):
    with pytest.raises(ResultTooLarge, match="more than 2 results"):
        store.query_raw("SELECT * WHERE { ?s ?p ?o }", limits=Limits(cap=2))
    with pytest.raises(ResultTooLarge, match="more than 2 results"):
        store.query_raw("CONSTRUCT WHERE { ?s ?p ?o }", limits=Limits(cap=2))
    with pytest.raises(QueryTimeout, match="time limit"):
        store.query_raw("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", limits=Limits(timeout=-1))
    with pytest.raises(InvalidQuery):
        store.query_raw("SELECT WHERE {")
