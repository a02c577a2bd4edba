"""Every term the curated data uses is declared in the ontology (no silent new IRIs)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from graph import resources

DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual, RDF.Property}


@pytest.fixture(scope="module")
def declared() -> set[URIRef]:
    ontology = Graph().parse(resources.ontology_path(), format="turtle")
    terms = {s for s, o in ontology.subject_objects(RDF.type) if o in DECLARATIONS}
    terms |= {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef)}  # concepts, schemes
    return terms | {RDF.type}


@pytest.mark.parametrize("path", [resources.entities_path(), *resources.document_paths()], ids=lambda p: p.name)
def test_every_term_used_in_the_data_is_declared(declared, path):
    data = Graph().parse(path, format="turtle")
    used = set(data.predicates()) | set(data.objects(None, RDF.type))
    used |= {o for o in data.objects() if isinstance(o, URIRef) and str(o).startswith(
        "https://w3id.org/coop/ontology#")}
    missing = sorted(str(t) for t in used - declared)
    assert missing == [], f"{path.name} uses terms the ontology does not declare: {missing}"
