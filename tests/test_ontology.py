"""The ontology (ontology/coop.ttl): complete, bilingual, and mirrored by graph.vocab.COOP."""

from __future__ import annotations

import unicodedata
from inspect import get_annotations
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from graph.vocab import COOP, DCMITYPE, DCTERMS, ELI, OA, ORG, PROV, SCHEMA

ONTOLOGY = Path(__file__).parents[1] / "ontology" / "coop.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/coop/ontology")
NS = str(COOP)
SKOS_NS = Namespace(str(SKOS))

OWN_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty)

# The external terms the data uses (docs/model.md); each must be declared in the ontology.
EXTERNAL_TERMS = [
    *(SCHEMA[t] for t in (
        "Event", "EventSeries", "Country", "City", "AdministrativeArea", "Person", "Article",
        "Periodical", "NewsArticle", "startDate", "endDate", "location", "organizer",
        "attendee", "superEvent", "about", "containedInPlace", "eventStatus", "EventScheduled",
        "value", "unitText", "author", "isPartOf", "datePublished", "pagination",
        "honorificPrefix", "issueNumber",
    )),
    *(ORG[t] for t in (
        "FormalOrganization", "OrganizationalUnit", "Organization", "Membership", "Post",
        "member", "organization", "role", "postIn", "heldBy", "holds", "subOrganizationOf",
        "unitOf",
    )),
    *(ELI[t] for t in (
        "LegalResource", "id_local", "type_document", "date_document", "passed_by",
        "responsibility_of", "repeals", "based_on", "title",
    )),
    OA.start, OA.end, OA.exact,
    PROV.wasDerivedFrom, PROV.Entity,
    *(DCTERMS[t] for t in ("source", "title", "publisher", "creator", "language", "isPartOf", "hasPart")),
    DCMITYPE.Collection,
    SKOS_NS.prefLabel, SKOS_NS.altLabel, SKOS_NS.editorialNote, SKOS_NS.note,
]

# Sub-properties of coop:participant: the build materialises coop:participant from them.
PARTICIPATION = [
    COOP.party, COOP.partner, COOP.fundedBy, COOP.implementedBy, COOP.beneficiary,
    COOP.focalPoint, SCHEMA.organizer, SCHEMA.attendee, ORG.member, ORG.organization,
]

SCHEMES = {
    "AgreementKindScheme": {
        "kind-agreement", "kind-mou", "kind-cooperation-programme", "kind-joint-statement",
        "kind-international-agreement", "kind-cooperation-document",
    },
    "EventKindScheme": {
        "kind-ministerial-meeting", "kind-senior-officials-meeting",
        "kind-border-provinces-conference", "kind-anniversary-ceremony", "kind-official-visit",
        "kind-working-visit", "kind-forum-session", "kind-signing-ceremony",
        "kind-joint-committee-session", "kind-working-session", "kind-cultural-festival",
        "kind-party-plenum", "kind-policy-dialogue",
    },
    "PartnershipKindScheme": {
        "kind-bilateral-cooperation", "kind-development-cooperation", "kind-coordination",
        "kind-institutional-support",
    },
    "LegalDocumentKindScheme": {"kind-decree", "kind-directive", "kind-conclusion", "kind-resolution"},
    "ProjectStatusScheme": {
        "status-planned", "status-pending-approval", "status-ongoing", "status-completed",
    },
    "CurationStatusScheme": {"status-curated", "status-extracted", "status-rejected"},
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def own_terms(graph: Graph, kinds=OWN_KINDS) -> set[URIRef]:
    return {
        s for kind in kinds for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def concepts(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef)}


def labels(graph: Graph, term: URIRef, predicate=RDFS.label) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for label in graph.objects(term, predicate):
        if isinstance(label, Literal):
            found.setdefault(label.language or "", []).append(str(label))
    return found


def local(term: URIRef) -> str:
    return str(term)[len(NS):]


def bilingual_problems(graph: Graph, term: URIRef, predicate=RDFS.label) -> list[str]:
    """What is wrong with ``term``'s labels: one @en and one @vi, the @vi one real Vietnamese."""
    found = labels(graph, term, predicate)
    problems = []
    for lang in ("en", "vi"):
        if len(found.get(lang, [])) != 1:
            count = len(found.get(lang, []))
            problems.append(f"{term}: {count} {predicate.n3(graph.namespace_manager)} @{lang}, not 1")
    for vi in found.get("vi", []):
        # A Vietnamese label without a single diacritic is almost surely English pasted in
        # or diacritics stripped; stored text is NFC (docs/model.md).
        if vi.isascii() or vi in found.get("en", []):
            problems.append(f"{term}: @vi label {vi!r} is not Vietnamese")
        if unicodedata.normalize("NFC", vi) != vi:
            problems.append(f"{term}: @vi label {vi!r} is not NFC")
    return problems


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    assert {t.language for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)} == {"en", "vi"}


@pytest.mark.parametrize("name", [
    "GovernmentBody", "JudicialBody", "PartyBody", "Association", "InternationalOrganization",
    "EducationalInstitution", "Actor", "Agreement", "Forum", "BorderConference", "Project",
    "Partnership", "Figure", "SourceDocument", "Evidence",
])
def test_model_classes_are_declared(ontology: Graph, name: str) -> None:
    assert (COOP[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", [
    "party", "partner", "participant", "fundedBy", "implementedBy", "beneficiary", "focalPoint",
    "dateSigned", "signedAt", "signatory", "authorisedBy", "ratifiedBy", "agreementKind",
    "eventKind", "partnershipKind", "projectStatus", "edition", "headOfDelegation", "invitedBy",
    "country", "iso3166Alpha2", "iso3166Alpha3", "iso3166Historic", "evidence", "status", "about",
    "qualifier", "corpusFile", "sha256", "characterCount", "predecessor", "mentionedIn",
])
def test_model_properties_are_declared(ontology: Graph, name: str) -> None:
    assert any((COOP[name], RDF.type, kind) in ontology for kind in PROPERTY_KINDS)


def test_own_terms_have_labels_in_english_and_vietnamese(ontology: Graph) -> None:
    problems = [p for term in sorted(own_terms(ontology)) for p in bilingual_problems(ontology, term)]
    assert not problems, "\n".join(problems)


def test_own_terms_have_an_english_comment(ontology: Graph) -> None:
    missing = sorted(
        local(term) for term in own_terms(ontology)
        if not any(c.language == "en" for c in ontology.objects(term, RDFS.comment))
    )
    assert not missing, f"no rdfs:comment @en: {missing}"


def test_own_properties_have_domain_and_range(ontology: Graph) -> None:
    missing = sorted(
        f"{local(term)} ({what})" for term in own_terms(ontology, PROPERTY_KINDS)
        for what, predicate in (("domain", RDFS.domain), ("range", RDFS.range))
        if ontology.value(term, predicate) is None
    )
    assert not missing, f"properties without domain or range: {missing}"


def test_actor_is_the_union_of_organisations_countries_and_persons(ontology: Graph) -> None:
    unions = [
        set(Collection(ontology, ontology.value(eq, OWL.unionOf)))
        for eq in ontology.objects(COOP.Actor, OWL.equivalentClass)
        if ontology.value(eq, OWL.unionOf) is not None
    ]
    assert unions == [{ORG.Organization, SCHEMA.Country, SCHEMA.Person}]
    assert ontology.value(COOP.participant, RDFS.range) == COOP.Actor


@pytest.mark.parametrize("prop", PARTICIPATION, ids=lambda p: p.split("/")[-1])
def test_participation_properties_are_sub_properties_of_participant(ontology: Graph, prop: URIRef) -> None:
    assert (prop, RDFS.subPropertyOf, COOP.participant) in ontology


def test_nothing_else_is_a_participant(ontology: Graph) -> None:
    assert set(ontology.subjects(RDFS.subPropertyOf, COOP.participant)) == set(PARTICIPATION)


@pytest.mark.parametrize("term", EXTERNAL_TERMS, ids=lambda t: t.n3(Graph().namespace_manager))
def test_external_terms_are_declared(ontology: Graph, term: URIRef) -> None:
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                    OWL.NamedIndividual}, f"{term} is not declared"
    assert ontology.value(term, RDFS.isDefinedBy) is not None, f"{term} has no rdfs:isDefinedBy"
    assert not str(ontology.value(term, RDFS.isDefinedBy)).startswith(NS)
    assert not bilingual_problems(ontology, term)


def test_every_term_the_ontology_refers_to_is_declared(ontology: Graph) -> None:
    """No dangling class or property: what the axioms mention is declared here too."""
    declared = set(ontology.subjects(RDF.type, None))
    builtin = (str(OWL), str(RDF), str(RDFS), "http://www.w3.org/2001/XMLSchema#")
    referred = {
        o for p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, SKOS.inScheme,
                    RDF.first, OWL.equivalentClass)
        for o in ontology.objects(None, p)
        if isinstance(o, URIRef) and not str(o).startswith(builtin)
    }
    referred |= {p for p in ontology.predicates() if not str(p).startswith(builtin)}
    assert not sorted(referred - declared)


def test_concepts_have_labels_definition_and_scheme(ontology: Graph) -> None:
    problems = []
    for concept in sorted(concepts(ontology)):
        problems += bilingual_problems(ontology, concept, RDFS.label)
        problems += bilingual_problems(ontology, concept, SKOS.prefLabel)
        if labels(ontology, concept) != labels(ontology, concept, SKOS.prefLabel):
            problems.append(f"{local(concept)}: rdfs:label and skos:prefLabel differ")
        if not any(d.language == "en" for d in ontology.objects(concept, SKOS.definition)):
            problems.append(f"{local(concept)}: no skos:definition @en")
        schemes = list(ontology.objects(concept, SKOS.inScheme))
        if len(schemes) != 1 or (schemes[0], RDF.type, SKOS.ConceptScheme) not in ontology:
            problems.append(f"{local(concept)}: not in exactly one declared skos:ConceptScheme")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_concept_schemes_hold_the_agreed_concepts(ontology: Graph, scheme: str) -> None:
    assert (COOP[scheme], RDF.type, SKOS.ConceptScheme) in ontology
    assert not bilingual_problems(ontology, COOP[scheme])
    members = {local(c) for c in ontology.subjects(SKOS.inScheme, COOP[scheme])}
    assert members == SCHEMES[scheme]


def test_vocab_mirrors_the_ontology(ontology: Graph) -> None:
    in_ttl = {local(s) for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    in_ttl |= {local(o) for o in ontology.objects() if isinstance(o, URIRef) and str(o).startswith(NS)}
    in_python = set(get_annotations(COOP)) - {"_NS", "_fail"} | set(COOP._extras)
    assert sorted(in_python - in_ttl) == [], "in graph/vocab.py but not in ontology/coop.ttl"
    assert sorted(in_ttl - in_python) == [], "in ontology/coop.ttl but not in graph/vocab.py"


def test_vocab_terms_are_ontology_iris() -> None:
    assert COOP.Agreement == URIRef("https://w3id.org/coop/ontology#Agreement")
    assert COOP["kind-mou"] == URIRef("https://w3id.org/coop/ontology#kind-mou")
    assert COOP.participant in COOP


@pytest.mark.parametrize("name", ["Agreemnt", "party_", "kind_mou", "status-done"])
def test_vocab_rejects_unknown_terms(name: str) -> None:
    with pytest.raises(AttributeError, match=name):
        getattr(COOP, name)
    with pytest.raises(AttributeError):
        COOP[name]
