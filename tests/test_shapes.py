"""The SHACL shapes (ontology/shapes.ttl) and graph.validate: good data passes, bad data is
rejected with a message an editor can act on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from graph.validate import ValidationReport, Violation, validate
from graph.vocab import COOP, SCHEMA

ROOT = Path(__file__).parents[1]
ONTOLOGY = ROOT / "ontology" / "coop.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

PREFIXES = """
@prefix coop:        <https://w3id.org/coop/ontology#> .
@prefix org:         <http://www.w3.org/ns/org#> .
@prefix schema:      <https://schema.org/> .
@prefix prov:        <http://www.w3.org/ns/prov#> .
@prefix skos:        <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms:     <http://purl.org/dc/terms/> .
@prefix dcmitype:    <http://purl.org/dc/dcmitype/> .
@prefix eli:         <http://data.europa.eu/eli/ontology#> .
@prefix oa:          <http://www.w3.org/ns/oa#> .
@prefix xsd:         <http://www.w3.org/2001/XMLSchema#> .
@prefix country:     <https://w3id.org/coop/id/country/> .
@prefix place:       <https://w3id.org/coop/id/place/> .
@prefix body:        <https://w3id.org/coop/id/org/> .
@prefix person:      <https://w3id.org/coop/id/person/> .
@prefix agreement:   <https://w3id.org/coop/id/agreement/> .
@prefix event:       <https://w3id.org/coop/id/event/> .
@prefix series:      <https://w3id.org/coop/id/series/> .
@prefix project:     <https://w3id.org/coop/id/project/> .
@prefix partnership: <https://w3id.org/coop/id/partnership/> .
@prefix membership:  <https://w3id.org/coop/id/membership/> .
@prefix post:        <https://w3id.org/coop/id/post/> .
@prefix legal:       <https://w3id.org/coop/id/legal/> .
@prefix figure:      <https://w3id.org/coop/id/figure/> .
@prefix doc:         <https://w3id.org/coop/doc/> .
@prefix ev:          <https://w3id.org/coop/doc/003#> .
"""

# Entities: what graph/data/entities.ttl holds.
ENTITIES = """
country:vn a schema:Country ;
    skos:prefLabel "Việt Nam"@vi , "Viet Nam"@en ;
    coop:iso3166Alpha2 "VN" ; coop:iso3166Alpha3 "VNM" ; coop:evidence ev:c2248-2404 .
country:ru a schema:Country ;
    skos:prefLabel "Liên bang Nga"@vi , "Russian Federation"@en ;
    coop:iso3166Alpha2 "RU" ; coop:iso3166Alpha3 "RUS" ; coop:evidence ev:c2248-2404 .
country:dd a schema:Country ;
    skos:prefLabel "Cộng hòa Dân chủ Đức"@vi , "German Democratic Republic"@en ;
    coop:iso3166Historic "DDDE" ; coop:evidence ev:c2248-2404 .
place:moscow a schema:City ;
    skos:prefLabel "Matxcơva"@vi , "Moscow"@en ;
    schema:containedInPlace country:ru ; coop:evidence ev:c2248-2404 .
body:thads-dept-vn a coop:GovernmentBody ;
    skos:prefLabel "Cục Quản lý Thi hành án dân sự"@vi ,
        "Department of Civil Judgment Enforcement Management"@en ;
    skos:altLabel "Cục Quản lý THADS"@vi ;
    coop:country country:vn ; coop:evidence ev:c2248-2404 .
body:fssp-ru a coop:GovernmentBody ;
    skos:prefLabel "Cơ quan Thi hành án Liên bang Nga"@vi , "Federal Bailiff Service of Russia"@en ;
    coop:country country:ru ; coop:evidence ev:c2248-2404 .
body:hcch a coop:InternationalOrganization ;
    skos:prefLabel "Hội nghị La Hay về tư pháp quốc tế"@vi ,
        "Hague Conference on Private International Law"@en ;
    skos:altLabel "HCCH"@en ; coop:evidence ev:c2248-2404 .
body:moj-vn a coop:GovernmentBody ;
    skos:prefLabel "Bộ Tư pháp"@vi , "Ministry of Justice"@en ;
    coop:country country:vn ; coop:evidence ev:c2248-2404 .
body:scp-vn a coop:JudicialBody ;
    skos:prefLabel "Tòa án nhân dân tối cao"@vi , "Supreme People's Court"@en ;
    coop:country country:vn ; coop:evidence ev:c2248-2404 .
person:nguyen-thang-loi a schema:Person ;
    skos:prefLabel "Nguyễn Thắng Lợi"@vi , "Nguyen Thang Loi"@en ; coop:evidence ev:c2248-2404 .
"""

# One article's graph: what graph/data/doc-003.ttl holds (every kind of fact once).
DOCUMENT = """
doc:003 a coop:SourceDocument ;
    skos:prefLabel "Ký kết Biên bản ghi nhớ về hợp tác trong lĩnh vực thi hành án dân sự"@vi ,
        "Signing of a memorandum on cooperation in civil judgment enforcement"@en ;
    dcterms:title "Ký kết Biên bản ghi nhớ về hợp tác trong lĩnh vực thi hành án dân sự"@vi ;
    dcterms:language "vi" ;
    coop:corpusFile "003_9143a457ad6a1ee0.txt" ;
    coop:sha256 "c311d34d0a828d0250275957a9ede619e73f7c9b8a237f8bcbbcdb312ec660b2" ;
    coop:characterCount 7593 .

ev:c2248-2404 a coop:Evidence ;
    dcterms:source doc:003 ; oa:start 2248 ; oa:end 2404 ;
    oa:exact "Nguyễn Thắng Lợi và Quyền Giám đốc Cơ quan Thi hành án Liên bang Nga Vladimir Voronin đã tiến hành ký Biên bản ghi nhớ"@vi ;
    coop:status coop:status-curated .

agreement:thads-fssp-mou-2025 a coop:Agreement ;
    skos:prefLabel "Biên bản ghi nhớ hợp tác THADS Việt Nam – Nga"@vi ,
        "Memorandum of understanding on civil judgment enforcement, Viet Nam – Russia"@en ;
    coop:agreementKind coop:kind-mou ;
    coop:party body:thads-dept-vn , body:fssp-ru ;
    coop:dateSigned "2025-08"^^xsd:gYearMonth ;
    coop:signedAt place:moscow ;
    coop:signatory person:nguyen-thang-loi ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

series:spb-legal-forum a coop:Forum ;
    skos:prefLabel "Diễn đàn pháp luật quốc tế Saint Petersburg"@vi ,
        "Saint Petersburg International Legal Forum"@en ;
    schema:organizer country:ru ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

event:thads-visit-ru-2025 a schema:Event ;
    skos:prefLabel "Chuyến công tác của Cục Quản lý THADS tại Liên bang Nga"@vi ,
        "Working visit of the enforcement department to Russia"@en ;
    coop:eventKind coop:kind-working-visit ;
    schema:startDate "2025-08-03"^^xsd:date ; schema:endDate "2025-08-06"^^xsd:date ;
    schema:location place:moscow ;
    schema:organizer body:fssp-ru ; schema:attendee body:thads-dept-vn ;
    coop:headOfDelegation person:nguyen-thang-loi ;
    coop:invitedBy body:fssp-ru ;
    schema:about agreement:thads-fssp-mou-2025 ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

event:spb-legal-forum-next a schema:Event ;
    skos:prefLabel "Diễn đàn pháp luật quốc tế Saint Petersburg kỳ tới"@vi ,
        "Next Saint Petersburg International Legal Forum"@en ;
    coop:eventKind coop:kind-forum-session ;
    schema:eventStatus schema:EventScheduled ;
    schema:superEvent series:spb-legal-forum ;
    coop:edition 14 ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

project:cuba-oda a coop:Project ;
    skos:prefLabel "Dự án ODA hỗ trợ Bộ Tư pháp Cu Ba"@vi , "ODA project supporting the Ministry of Justice of Cuba"@en ;
    coop:fundedBy country:vn ; coop:implementedBy body:moj-vn ;
    coop:projectStatus coop:status-pending-approval ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

partnership:moj-scp a coop:Partnership ;
    skos:prefLabel "Phối hợp giữa Bộ Tư pháp và Tòa án nhân dân tối cao"@vi ,
        "Coordination between the Ministry of Justice and the Supreme People's Court"@en ;
    coop:partner body:moj-vn , body:scp-vn ;
    coop:partnershipKind coop:kind-coordination ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

membership:vn-hcch a org:Membership ;
    skos:prefLabel "Việt Nam là thành viên HCCH"@vi , "Viet Nam's membership of HCCH"@en ;
    org:member country:vn ; org:organization body:hcch ;
    schema:startDate "2013-04-10"^^xsd:date ;
    coop:focalPoint body:moj-vn ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

post:thads-director-general a org:Post ;
    skos:prefLabel "Cục trưởng Cục Quản lý Thi hành án dân sự"@vi ,
        "Director General, Department of Civil Judgment Enforcement Management"@en ;
    org:postIn body:thads-dept-vn ; org:heldBy person:nguyen-thang-loi ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

legal:decree-26-2024 a eli:LegalResource ;
    skos:prefLabel "Nghị định số 26/2024/NĐ-CP"@vi , "Decree No. 26/2024/ND-CP"@en ;
    eli:id_local "26/2024/NĐ-CP" ;
    eli:type_document coop:kind-decree ;
    eli:date_document "2024-03-01"^^xsd:date ;
    eli:responsibility_of body:moj-vn ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .

figure:fssp-cases-2025 a coop:Figure ;
    skos:prefLabel "Số việc Văn phòng Thi hành án Matxcơva tiếp nhận năm 2025"@vi ,
        "Cases received by the Moscow enforcement office in 2025"@en ;
    coop:about body:fssp-ru ;
    schema:value 5.5 ; schema:unitText "million cases"@en ;
    coop:qualifier "more than"@en , "hơn"@vi ;
    schema:startDate "2025"^^xsd:gYear ;
    coop:evidence ev:c2248-2404 ; prov:wasDerivedFrom doc:003 .
"""

VALID = PREFIXES + ENTITIES + DOCUMENT
NAMESPACES = dict(re.findall(r"@prefix (\w+): +<([^>]+)>", PREFIXES))

# Each broken fixture: a SPARQL update applied to VALID, the node that must be reported,
# and words of the message an editor would read.
BROKEN = [
    pytest.param(
        "DELETE DATA { agreement:thads-fssp-mou-2025 coop:party body:fssp-ru }",
        "agreement:thads-fssp-mou-2025", "at least two parties",
        id="agreement-with-one-party"),
    pytest.param(
        "DELETE WHERE { event:thads-visit-ru-2025 schema:startDate ?d }",
        "event:thads-visit-ru-2025", "needs a schema:startDate, or schema:eventStatus schema:EventScheduled",
        id="event-without-date-or-planned-status"),
    pytest.param(
        'DELETE DATA { body:fssp-ru skos:prefLabel "Federal Bailiff Service of Russia"@en }',
        "body:fssp-ru", "Missing English label",
        id="entity-without-english-label"),
    pytest.param(
        'DELETE DATA { project:cuba-oda skos:prefLabel "Dự án ODA hỗ trợ Bộ Tư pháp Cu Ba"@vi }',
        "project:cuba-oda", "Missing Vietnamese label",
        id="fact-without-vietnamese-label"),
    pytest.param(
        'INSERT DATA { body:moj-vn skos:prefLabel "Bộ Tư pháp Việt Nam"@vi }',
        "body:moj-vn", "Only one skos:prefLabel per language",
        id="two-vietnamese-labels"),
    pytest.param(
        'DELETE WHERE { event:thads-visit-ru-2025 schema:startDate ?d } ;'
        'INSERT DATA { event:thads-visit-ru-2025 schema:startDate "2025-08-03" }',
        "event:thads-visit-ru-2025", "schema:startDate must be one xsd:date",
        id="date-as-plain-string"),
    pytest.param(
        'DELETE WHERE { ev:c2248-2404 oa:start ?s } ; INSERT DATA { ev:c2248-2404 oa:start 2404 }',
        "ev:c2248-2404", "oa:start must be less than oa:end",
        id="evidence-start-not-before-end"),
    pytest.param(
        "DELETE WHERE { agreement:thads-fssp-mou-2025 coop:evidence ?e }",
        "agreement:thads-fssp-mou-2025", "at least one coop:evidence",
        id="fact-without-evidence"),
    pytest.param(
        "DELETE WHERE { membership:vn-hcch prov:wasDerivedFrom ?d }",
        "membership:vn-hcch", "prov:wasDerivedFrom the coop:SourceDocument",
        id="fact-without-provenance"),
    pytest.param(
        "DELETE WHERE { agreement:thads-fssp-mou-2025 coop:agreementKind ?k } ;"
        "INSERT DATA { agreement:thads-fssp-mou-2025 coop:agreementKind coop:kind-decree }",
        "agreement:thads-fssp-mou-2025", "exactly one coop:agreementKind",
        id="agreement-kind-from-the-wrong-scheme"),
    pytest.param(
        "INSERT DATA { agreement:thads-fssp-mou-2025 coop:party body:fssp-rus }",
        "agreement:thads-fssp-mou-2025", "Each coop:party must be an organisation",
        id="party-iri-with-a-typo"),
    pytest.param(
        "DELETE WHERE { event:thads-visit-ru-2025 coop:eventKind ?k }",
        "event:thads-visit-ru-2025", "exactly one coop:eventKind",
        id="event-without-kind"),
    pytest.param(
        "DELETE WHERE { event:spb-legal-forum-next coop:edition ?e } ;"
        "INSERT DATA { event:spb-legal-forum-next coop:edition 0 }",
        "event:spb-legal-forum-next", "positive xsd:integer",
        id="edition-zero"),
    pytest.param(
        "INSERT DATA { membership:vn-hcch org:member country:ru }",
        "membership:vn-hcch", "exactly one org:member",
        id="membership-with-two-members"),
    pytest.param(
        "DELETE WHERE { project:cuba-oda coop:fundedBy ?f }",
        "project:cuba-oda", "at least one coop:fundedBy or coop:beneficiary",
        id="project-without-funder-or-beneficiary"),
    pytest.param(
        "DELETE DATA { partnership:moj-scp coop:partner body:scp-vn }",
        "partnership:moj-scp", "at least two partners",
        id="partnership-with-one-partner"),
    pytest.param(
        "DELETE WHERE { legal:decree-26-2024 eli:id_local ?i }",
        "legal:decree-26-2024", "exactly one eli:id_local",
        id="legal-resource-without-number"),
    pytest.param(
        'DELETE WHERE { country:vn coop:iso3166Alpha2 ?c } ;'
        'INSERT DATA { country:vn coop:iso3166Alpha2 "vn" }',
        "country:vn", "two-letter upper-case code",
        id="country-code-in-lower-case"),
    pytest.param(
        "DELETE WHERE { country:dd coop:iso3166Historic ?c }",
        "country:dd", "A country needs coop:iso3166Alpha2",
        id="country-without-code"),
    pytest.param(
        'DELETE WHERE { ev:c2248-2404 oa:exact ?q } ;'
        'INSERT DATA { ev:c2248-2404 oa:exact "signed the memorandum"@en }',
        "ev:c2248-2404", "tagged @vi",
        id="evidence-quote-in-english"),
    pytest.param(
        "DELETE WHERE { ev:c2248-2404 coop:status ?s } ;"
        "INSERT DATA { ev:c2248-2404 coop:status coop:status-ongoing }",
        "ev:c2248-2404", "coop:status-curated or coop:status-extracted",
        id="evidence-status-from-the-wrong-scheme"),
    pytest.param(
        'DELETE WHERE { doc:003 coop:sha256 ?h } ; INSERT DATA { doc:003 coop:sha256 "C311D34D" }',
        "doc:003", "64 lower-case hex digits",
        id="source-document-with-a-bad-checksum"),
]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def fixture_graph(update: str | None = None) -> Graph:
    graph = Graph().parse(data=VALID, format="turtle")
    if update:
        graph.update(PREFIXES.replace("@prefix", "PREFIX").replace(" .\n", "\n") + update)
    return graph


def expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return NAMESPACES[prefix] + local


def test_shapes_parse_and_use_their_namespace(shapes: Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert node_shapes
    assert all(str(s).startswith("https://w3id.org/coop/shapes#") for s in node_shapes)


def test_every_property_shape_has_an_english_message(shapes: Graph) -> None:
    silent = [
        f"{owner} {shapes.value(prop, SH.path)}"
        for owner, prop in shapes.subject_objects(SH.property)
        if not any(m.language == "en" for m in shapes.objects(prop, SH.message))
    ]
    assert not silent, f"property shapes without sh:message @en: {silent}"


def test_every_targeted_node_level_constraint_has_a_message(shapes: Graph) -> None:
    silent = [
        shape for shape in shapes.subjects(SH["or"], None)
        if (shape, RDF.type, SH.NodeShape) in shapes
        and any(shapes.objects(shape, SH.targetClass))
        and not any(m.language == "en" for m in shapes.objects(shape, SH.message))
    ]
    assert not silent


def test_every_targeted_class_is_declared_in_the_ontology(shapes: Graph, ontology: Graph) -> None:
    undeclared = sorted(
        str(c) for c in shapes.objects(None, SH.targetClass) if (c, RDF.type, OWL.Class) not in ontology
    )
    assert not undeclared


def test_the_valid_fixture_conforms(shapes: Graph, ontology: Graph) -> None:
    report = validate(fixture_graph(), shapes, ontology)
    assert report.results == (), report.format()
    assert report.conforms


@pytest.mark.parametrize(("update", "focus", "message"), BROKEN)
def test_broken_fixtures_are_rejected_with_the_expected_message(
    shapes: Graph, ontology: Graph, update: str, focus: str, message: str
) -> None:
    report = validate(fixture_graph(update), shapes, ontology)
    assert not report.conforms
    matching = [r for r in report.results if message in r.message]
    assert matching, f"no result says {message!r}:\n{report.format()}"
    assert {r.focus_node for r in matching} == {expand(focus)}
    assert {r.severity for r in matching} == {"Violation"}


def test_the_shapes_follow_the_ontology_class_hierarchy(shapes: Graph, ontology: Graph) -> None:
    """A coop:BorderConference is a schema:EventSeries, a coop:JudicialBody an organisation."""
    graph = fixture_graph(
        "INSERT DATA { series:vn-la-border-conference a coop:BorderConference ."
        " body:spp-vn a coop:JudicialBody . }"
    )
    report = validate(graph, shapes, ontology)
    flagged = {r.focus_node for r in report.results if r.severity == "Violation"}
    assert flagged == {
        expand("series:vn-la-border-conference"),  # no labels, no evidence
        expand("body:spp-vn"),  # no labels
    }


def test_an_entity_without_evidence_is_only_a_warning(shapes: Graph, ontology: Graph) -> None:
    report = validate(
        fixture_graph("DELETE WHERE { person:nguyen-thang-loi coop:evidence ?e }"), shapes, ontology
    )
    assert report.conforms
    assert [(r.focus_node, r.severity) for r in report.results] == [
        (expand("person:nguyen-thang-loi"), "Warning")
    ]


def test_a_dataset_is_validated_as_the_union_of_its_named_graphs(shapes: Graph, ontology: Graph) -> None:
    """Parties are typed in the entities graph, the agreement in the document graph."""
    dataset = Dataset()
    dataset.graph(URIRef("https://w3id.org/coop/graph/entities")).parse(
        data=PREFIXES + ENTITIES, format="turtle")
    dataset.graph(URIRef("https://w3id.org/coop/graph/doc/003")).parse(
        data=PREFIXES + DOCUMENT, format="turtle")
    assert validate(dataset, shapes, ontology).results == ()

    del dataset  # and a dataset without the entities fails on the untyped parties:
    lonely = Dataset()
    lonely.graph(URIRef("https://w3id.org/coop/graph/doc/003")).parse(
        data=PREFIXES + DOCUMENT, format="turtle")
    report = validate(lonely, shapes, ontology)
    assert not report.conforms
    assert any("Each coop:party must be" in r.message for r in report.results)


def test_the_report_is_readable_and_deterministic(shapes: Graph, ontology: Graph) -> None:
    broken = "DELETE DATA { agreement:thads-fssp-mou-2025 coop:party body:fssp-ru }"
    first = validate(fixture_graph(broken), shapes, ontology)
    second = validate(fixture_graph(broken), shapes, ontology)
    assert first == second
    assert isinstance(first, ValidationReport) and all(isinstance(r, Violation) for r in first.results)
    text = first.format()
    assert text.startswith("Conforms: no (1 violation).")
    assert (
        "focus: https://w3id.org/coop/id/agreement/thads-fssp-mou-2025\n"
        "  path: coop:party\n"
        "  message: An agreement needs at least two parties (coop:party).\n"
        "  severity: Violation\n"
        "  shape: shapes:Agreement coop:party"
    ) in text
    assert first.results[0].path == str(COOP.party)


def test_violations_are_sorted_by_severity_then_focus(shapes: Graph, ontology: Graph) -> None:
    graph = fixture_graph(
        "DELETE WHERE { person:nguyen-thang-loi coop:evidence ?e } ;"
        "DELETE WHERE { project:cuba-oda coop:evidence ?e } ;"
        "DELETE WHERE { agreement:thads-fssp-mou-2025 coop:evidence ?e }"
    )
    results = validate(graph, shapes, ontology).results
    assert [(r.severity, r.focus_node) for r in results] == [
        ("Violation", expand("agreement:thads-fssp-mou-2025")),
        ("Violation", expand("project:cuba-oda")),
        ("Warning", expand("person:nguyen-thang-loi")),
    ]
    assert results[0].shape == "https://w3id.org/coop/shapes#Fact " + str(COOP.evidence)


def test_the_event_date_rule_accepts_a_planned_event(shapes: Graph, ontology: Graph) -> None:
    graph = fixture_graph()
    planned = URIRef(expand("event:spb-legal-forum-next"))
    assert graph.value(planned, SCHEMA.startDate) is None
    assert (planned, SCHEMA.eventStatus, SCHEMA.EventScheduled) in graph
    assert validate(graph, shapes, ontology).conforms
    graph.remove((planned, SCHEMA.eventStatus, None))
    assert not validate(graph, shapes, ontology).conforms


def test_the_offending_value_is_reported_as_written(shapes: Graph, ontology: Graph) -> None:
    """The value appears as in the file, so the editor can search for it."""
    graph = fixture_graph()
    graph.set((URIRef(expand("country:vn")), COOP.iso3166Alpha2, Literal("vn")))
    [result] = [r for r in validate(graph, shapes, ontology).results if "two-letter" in r.message]
    assert result.value == '"vn"'
    assert '  value: "vn"\n' in validate(graph, shapes, ontology).format()


def test_the_ontology_alone_conforms(shapes: Graph, ontology: Graph) -> None:
    """No term or concept of the ontology is mistaken for data by a shape target."""
    report = validate(Graph(), shapes, ontology)
    assert report.conforms and report.results == ()
    assert report.format() == "Conforms: yes."
