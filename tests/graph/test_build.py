"""Building the graph: file errors named precisely, idempotent rebuilds, participants."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from graph import resources
from graph.build import (
    ONTOLOGY_GRAPH, PARTICIPANT, Source, build, materialise_participants, participant_properties,
)
from graph.errors import InvalidInput
from graph.store import OxigraphStore

SCHEMA = "https://schema.org/"


def test_malformed_turtle_names_the_file_and_line(tmp_path, empty_store):
    broken = tmp_path / "doc-999.ttl"
    broken.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "ex:a ex:b ex:c .\n"
        "ex:a ex:b .\n",
        encoding="utf-8",
    )
    sources = [Source(resources.ontology_path(), ONTOLOGY_GRAPH), Source(broken, "https://w3id.org/coop/graph/doc/999")]
    with pytest.raises(InvalidInput) as caught:
        build(empty_store, sources=sources, validate=False)
    assert str(caught.value).startswith(f"{broken}:3:")
    assert "invalid Turtle" in str(caught.value)
    assert empty_store.graphs() == []  # nothing half-written


def _graph(store, iri: str) -> Graph:
    return Graph().parse(data=store.dump("ntriples", graph=iri), format="nt")


def test_rebuild_is_idempotent(seed_store):
    again = OxigraphStore()
    build(again, validate=False)
    build(again, validate=False)
    assert again.graphs() == seed_store.graphs()
    for iri in seed_store.graphs():
        # The ontology's owl:unionOf lists are blank nodes: equal up to their names.
        assert isomorphic(_graph(again, iri), _graph(seed_store, iri)), iri


def test_curated_data_has_stable_iris_only(seed_store):
    for iri in seed_store.graphs():
        if iri.endswith("/ontology"):
            continue
        assert b"_:" not in seed_store.dump("ntriples", graph=iri), f"blank nodes in {iri}"


def test_every_curated_file_becomes_its_named_graph(seed_store):
    graphs = seed_store.graphs()
    assert "https://w3id.org/coop/graph/ontology" in graphs
    assert "https://w3id.org/coop/graph/entities" in graphs
    for path in resources.document_paths():
        assert f"https://w3id.org/coop/graph/doc/{path.stem.removeprefix('doc-')}" in graphs


def test_participant_is_materialised_from_its_subproperties():
    sub = URIRef("https://w3id.org/coop/ontology#party")
    organizer = URIRef(SCHEMA + "organizer")
    rdfs_sub = URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")
    ontology = [(sub, rdfs_sub, PARTICIPANT), (organizer, rdfs_sub, sub)]
    assert participant_properties(ontology) == {sub, organizer}
    a, b, e = (URIRef(f"http://example.org/{x}") for x in "abe")
    out = materialise_participants([(a, sub, b), (e, organizer, a)], {sub, organizer})
    assert (a, PARTICIPANT, b) in out and (e, PARTICIPANT, a) in out


def test_shipped_data_every_party_is_a_participant(seed_store):
    missing = seed_store.select("""
        PREFIX coop: <https://w3id.org/coop/ontology#>
        SELECT ?a ?o WHERE { ?a coop:party ?o FILTER NOT EXISTS { ?a coop:participant ?o } }""")
    assert missing == []
