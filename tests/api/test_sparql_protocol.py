"""The SPARQL 1.1 Protocol: every way of sending a query, every result format, the errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, URIRef

from graph.build import DOCUMENT_GRAPH_PREFIX, ENTITIES_GRAPH

MOJ = "https://w3id.org/coop/id/org/moj-vn"
COUNT_AGREEMENTS = """PREFIX coop: <https://w3id.org/coop/ontology#>
SELECT ?a WHERE { ?a a coop:Agreement ; coop:party <https://w3id.org/coop/id/org/moj-vn> } ORDER BY ?a"""
ASK_MOJ = "ASK { <https://w3id.org/coop/id/org/moj-vn> ?p ?o }"
CONSTRUCT_MOJ = "CONSTRUCT { <https://w3id.org/coop/id/org/moj-vn> ?p ?o } WHERE { <https://w3id.org/coop/id/org/moj-vn> ?p ?o }"


def send(client, how: str, query: str, headers: dict | None = None, **params):
    """One query sent the way ``how`` names: GET, POST form, or POST sparql-query."""
    headers = dict(headers or {})
    if how == "get":
        return client.get("/sparql", params={"query": query, **params}, headers=headers)
    if how == "form":
        return client.post("/sparql", data={"query": query, **params}, headers=headers)
    headers["Content-Type"] = "application/sparql-query"
    return client.post("/sparql", content=query.encode("utf-8"), params=params, headers=headers)


HOWS = ["get", "form", "direct"]


@pytest.fixture(scope="module")
def agreements(api_store) -> list[str]:
    """What the engine itself answers, to compare every protocol route against."""
    return [str(r["a"]) for r in api_store.select(COUNT_AGREEMENTS)]


def test_the_reference_answer_is_not_empty(agreements):
    assert len(agreements) >= 3  # else the comparisons below prove little


@pytest.mark.parametrize("how", HOWS)
def test_select_as_sparql_json_by_default(client, how, agreements):
    r = send(client, how, COUNT_AGREEMENTS)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/sparql-results+json"
    body = r.json()
    assert body["head"]["vars"] == ["a"]
    assert [b["a"]["value"] for b in body["results"]["bindings"]] == agreements


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("accept, media_type", [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
])
def test_select_formats_by_accept(client, how, accept, media_type, agreements):
    r = send(client, how, COUNT_AGREEMENTS, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    assert _select_values(r.text, media_type) == agreements


def _select_values(text: str, media_type: str) -> list[str]:
    if media_type == "application/sparql-results+json":
        return [b["a"]["value"] for b in json.loads(text)["results"]["bindings"]]
    if media_type == "application/sparql-results+xml":
        ns = {"s": "http://www.w3.org/2005/sparql-results#"}
        return [e.text for e in ET.fromstring(text).findall(".//s:binding/s:uri", ns)]
    if media_type == "text/csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["a"]
        return [row[0] for row in rows[1:]]
    lines = text.splitlines()
    assert lines[0] == "?a"
    return [line.strip("<>") for line in lines[1:]]


@pytest.mark.parametrize("fmt, media_type", [
    ("xml", "application/sparql-results+xml"), ("csv", "text/csv"),
    ("tsv", "text/tab-separated-values"), ("json", "application/sparql-results+json")])
@pytest.mark.parametrize("how", HOWS)
def test_format_parameter_overrides_accept(client, how, fmt, media_type, agreements):
    r = send(client, how, COUNT_AGREEMENTS, headers={"Accept": "text/turtle"}, format=fmt)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    assert _select_values(r.text, media_type) == agreements


def test_q_values_decide_between_acceptable_formats(client, agreements):
    r = send(client, "get", COUNT_AGREEMENTS,
             headers={"Accept": "application/sparql-results+json;q=0.5, text/csv;q=0.9, */*;q=0.1"})
    assert r.headers["content-type"].startswith("text/csv")
    r = send(client, "get", COUNT_AGREEMENTS, headers={"Accept": "text/csv;q=0, */*"})
    assert r.headers["content-type"] == "application/sparql-results+json"


@pytest.mark.parametrize("accept, expected", [
    (None, True), ("application/sparql-results+xml", True), ("text/csv", True)])
def test_ask_in_every_result_format(client, accept, expected):
    r = send(client, "get", ASK_MOJ, headers={"Accept": accept} if accept else None)
    assert r.status_code == 200
    if accept is None:
        assert r.json() == {"head": {}, "boolean": expected}
    elif accept == "text/csv":
        assert r.text.strip() == "true"
    else:
        assert "<boolean>true</boolean>" in r.text


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("accept, media_type, rdflib_format", [
    (None, "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/trig", "application/trig", "trig"),
])
def test_construct_formats(client, api_store, how, accept, media_type, rdflib_format):
    r = send(client, how, CONSTRUCT_MOJ, headers={"Accept": accept} if accept else None)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    expected = set(api_store.construct(CONSTRUCT_MOJ))
    parsed = Graph().parse(data=r.content, format=rdflib_format)
    assert set(parsed) == expected
    assert (URIRef(MOJ), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), None) in parsed


def test_describe_is_a_graph_result(client):
    r = send(client, "get", f"DESCRIBE <{MOJ}>", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    assert f"<{MOJ}>" in r.text


@pytest.mark.parametrize("accept, query", [
    ("image/png", COUNT_AGREEMENTS), ("text/turtle", COUNT_AGREEMENTS), ("text/csv", CONSTRUCT_MOJ)])
def test_unsupported_accept_is_406_listing_formats(client, accept, query):
    r = send(client, "get", query, headers={"Accept": accept})
    assert r.status_code == 406
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    wanted = "text/turtle" if query is CONSTRUCT_MOJ else "application/sparql-results+json"
    assert wanted in body["supported"]
    assert wanted in body["detail"]


def test_unknown_format_parameter_is_406(client):
    r = send(client, "get", COUNT_AGREEMENTS, format="xlsx")
    assert r.status_code == 406
    assert "json, xml, csv, tsv" in r.json()["detail"]


@pytest.mark.parametrize("how", HOWS)
def test_malformed_query_is_400_with_line_and_column(client, how):
    r = send(client, how, "SELECT ?s WHERE {\n  ?s ?p\n}")
    assert r.status_code == 400
    body = r.json()
    assert r.headers["content-type"] == "application/problem+json"
    assert body["title"] == "Invalid query"
    # The position is the parser's own (Oxigraph counts columns after line 1 from the newline).
    assert body["line"] == 3 and body["column"] in (1, 2)
    assert f"{body['line']}:{body['column']}" in body["detail"]


def test_an_update_sent_as_a_query_is_400_naming_the_fix(client):
    r = send(client, "get", "INSERT DATA { <http://a> <http://b> <http://c> }")
    assert r.status_code == 400
    assert "application/sparql-update" in r.json()["detail"]


def test_missing_and_empty_queries(client):
    r = client.post("/sparql", content=b"format=json", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400 and "exactly one 'query'" in r.json()["detail"]
    r = client.get("/sparql", params={"query": "  "})
    assert r.status_code == 400 and "empty" in r.json()["detail"]


def test_unsupported_body_type_is_415(client):
    r = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert r.status_code == 415
    assert "application/sparql-query" in r.json()["detail"]


def test_default_graph_uri_restricts_the_default_graph(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    everything = int(send(client, "get", query).json()["results"]["bindings"][0]["n"]["value"])
    doc = DOCUMENT_GRAPH_PREFIX + "003"
    for how in HOWS:
        r = send(client, how, query, **{"default-graph-uri": doc})
        only = int(r.json()["results"]["bindings"][0]["n"]["value"])
        assert 0 < only < everything, how


def test_several_default_graphs_are_merged(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = int(client.get("/sparql", params={"query": query, "default-graph-uri": ENTITIES_GRAPH})
              .json()["results"]["bindings"][0]["n"]["value"])
    both = client.get("/sparql", params=[("query", query), ("default-graph-uri", ENTITIES_GRAPH),
                                         ("default-graph-uri", DOCUMENT_GRAPH_PREFIX + "003")])
    assert int(both.json()["results"]["bindings"][0]["n"]["value"]) > one


def test_named_graph_uri_restricts_graph_patterns(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    r = client.post("/sparql", data={"query": query, "named-graph-uri": [ENTITIES_GRAPH, DOCUMENT_GRAPH_PREFIX + "000"]})
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [
        DOCUMENT_GRAPH_PREFIX + "000", ENTITIES_GRAPH]


def test_a_graph_uri_must_be_an_iri(client):
    r = send(client, "get", ASK_MOJ, **{"default-graph-uri": "not an iri"})
    assert r.status_code == 400
    assert "default-graph-uri" in r.json()["detail"]


def test_form_body_is_percent_decoded_once(client):
    # "%2B" must reach the engine as "+", and a literal "+" in the query as a space.
    query = 'SELECT ?x WHERE { BIND("a%2B+b" AS ?x) }'
    r = client.post("/sparql", content=f"query={query.replace('%', '%25').replace('+', '%2B')}".encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == "a%2B+b"


def test_vietnamese_text_survives_every_route(client):
    query = 'SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> "Bộ Tư pháp Việt Nam"@vi }'
    for how in HOWS:
        r = send(client, how, query)
        assert [b["s"]["value"] for b in r.json()["results"]["bindings"]] == [MOJ], how


@pytest.mark.parametrize("accept, fmt", [(None, "turtle"), ("application/ld+json", "json-ld"),
                                         ("application/n-triples", "nt")])
def test_service_description(client, api_store, accept, fmt):
    r = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format=fmt)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = next(g.objects(None, URIRef(sd + "endpoint")))
    assert str(endpoint).endswith("/sparql")
    languages = set(g.objects(None, URIRef(sd + "supportedLanguage")))
    assert URIRef(sd + "SPARQL11Query") in languages
    assert URIRef(sd + "SPARQL11Update") not in languages  # no token configured
    names = {str(n) for n in g.objects(None, URIRef(sd + "name"))}
    assert names == set(api_store.graphs())
    formats = {str(f).rsplit("/", 1)[-1] for f in g.objects(None, URIRef(sd + "resultFormat"))}
    assert {"SPARQL_Results_JSON", "SPARQL_Results_CSV", "Turtle", "JSON-LD"} <= formats


def test_a_browser_asking_for_the_endpoint_is_sent_to_the_editor(client):
    r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
                   follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/#sparql"


def test_update_by_get_is_refused(client):
    r = client.get("/sparql", params={"update": "CLEAR ALL"})
    assert r.status_code == 400
    assert "POST" in r.json()["detail"]


def test_tsv_escapes_tabs_and_line_breaks_in_literals(client):
    query = 'SELECT ?x ?y WHERE { BIND("a\\tb\\nc \\"q\\"" AS ?x) BIND(<http://example.org/i> AS ?y) }'
    for how in HOWS:
        r = send(client, how, query, format="tsv")
        assert r.status_code == 200, r.text
        lines = r.text.split("\n")
        assert lines[:2] == ["?x\t?y", '"a\\tb\\nc \\"q\\""\t<http://example.org/i>'], how


def test_the_same_query_twice_answers_the_same(client, agreements):
    first, second = (send(client, "get", COUNT_AGREEMENTS) for _ in range(2))
    assert first.content == second.content
    assert [b["a"]["value"] for b in second.json()["results"]["bindings"]] == agreements
