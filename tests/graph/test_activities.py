"""The activity index on a small hand-made dataset, and on the shipped graph when it exists."""

from __future__ import annotations

import pytest

from graph import resources
from graph.activities import ActivityIndex, Evidence, Step, index_for
from graph.errors import InvalidInput, NotFound
from graph.search import search
from graph.store import OxigraphStore

ID = "https://w3id.org/coop/id/"
DOC = "https://w3id.org/coop/doc/"
GRAPH = "https://w3id.org/coop/graph/"
COOP = "https://w3id.org/coop/ontology#"

FIXTURE = """
@prefix coop: <https://w3id.org/coop/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix o: <https://w3id.org/coop/id/org/> .
@prefix c: <https://w3id.org/coop/id/country/> .
@prefix ag: <https://w3id.org/coop/id/agreement/> .
@prefix ev: <https://w3id.org/coop/id/event/> .
@prefix se: <https://w3id.org/coop/id/series/> .
@prefix me: <https://w3id.org/coop/id/membership/> .
@prefix pr: <https://w3id.org/coop/id/project/> .
@prefix pa: <https://w3id.org/coop/id/partnership/> .
@prefix doc: <https://w3id.org/coop/doc/> .

GRAPH <https://w3id.org/coop/graph/entities> {
  o:moj-vn a coop:GovernmentBody ; skos:prefLabel "Bộ Tư pháp"@vi , "Ministry of Justice"@en ;
      coop:country c:vn .
  o:thads-vn a coop:GovernmentBody ; skos:prefLabel "Cục THADS"@vi , "Enforcement Department"@en ;
      org:subOrganizationOf o:moj-vn .
  o:moj-la a coop:GovernmentBody ; skos:prefLabel "Bộ Tư pháp Lào"@vi , "Ministry of Justice of Laos"@en ;
      coop:country c:la .
  o:moj-cn a coop:GovernmentBody ; skos:prefLabel "Bộ Tư pháp Trung Quốc"@vi , "Ministry of Justice of China"@en ;
      coop:country c:cn .
  o:court-la a coop:JudicialBody , coop:GovernmentBody ; skos:prefLabel "Tòa án Lào"@vi , "Supreme Court of Laos"@en ;
      coop:country c:la .
  o:asean a coop:InternationalOrganization ; skos:prefLabel "ASEAN"@vi , "ASEAN"@en .
  o:jica a coop:GovernmentBody ; skos:prefLabel "JICA"@vi , "JICA"@en ; coop:country c:jp .
  o:lonely a coop:Association ; skos:prefLabel "Hội cô đơn"@vi , "Lonely Association"@en .
  c:vn a schema:Country ; skos:prefLabel "Việt Nam"@vi , "Viet Nam"@en .
  c:la a schema:Country ; skos:prefLabel "Lào"@vi , "Laos"@en .
  c:cn a schema:Country ; skos:prefLabel "Trung Quốc"@vi , "China"@en .
  c:jp a schema:Country ; skos:prefLabel "Nhật Bản"@vi , "Japan"@en .
  se:border a coop:BorderConference ; skos:prefLabel "Hội nghị biên giới"@vi , "Border conference"@en .
}

GRAPH <https://w3id.org/coop/graph/doc/000> {
  ag:vn-la-2016 a coop:Agreement ; coop:agreementKind coop:kind-mou ;
      skos:prefLabel "Bản ghi nhớ Việt Nam – Lào"@vi , "Viet Nam – Laos MOU"@en ;
      coop:party o:moj-vn , o:moj-la ; coop:dateSigned "2016-11-29"^^xsd:date ;
      prov:wasDerivedFrom doc:000 ; coop:evidence <https://w3id.org/coop/doc/000#c100-150> .
  <https://w3id.org/coop/doc/000#c100-150> a coop:Evidence ; dcterms:source doc:000 ;
      oa:start 100 ; oa:end 150 ; oa:exact "ký Bản ghi nhớ"@vi .
  ag:vn-cn-2022 a coop:Agreement ; skos:prefLabel "MOU Trung Quốc"@vi , "China MOU"@en ;
      coop:party o:moj-vn , o:moj-cn ; coop:dateSigned "2022"^^xsd:gYear ;
      prov:wasDerivedFrom doc:000 .
  ev:conf-2024 a schema:Event ; coop:eventKind coop:kind-border-provinces-conference ;
      skos:prefLabel "Hội nghị 2024"@vi , "Conference 2024"@en ; schema:superEvent se:border ;
      schema:organizer o:moj-la ; schema:attendee o:moj-vn , o:thads-vn ;
      schema:startDate "2024-04"^^xsd:gYearMonth ; prov:wasDerivedFrom doc:000 .
  se:border schema:organizer o:moj-la ; schema:attendee o:moj-vn .
  me:vn-asean a org:Membership ; skos:prefLabel "VN trong ASEAN"@vi , "Viet Nam in ASEAN"@en ;
      org:member c:vn ; org:organization o:asean ; schema:startDate "1995"^^xsd:gYear .
  pr:jica a coop:Project ; skos:prefLabel "Dự án JICA"@vi , "JICA project"@en ;
      coop:fundedBy o:jica ; coop:implementedBy o:moj-vn ; coop:beneficiary o:court-la ;
      schema:startDate "2010"^^xsd:gYear ; schema:endDate "2016"^^xsd:gYear .
  ev:planned-2026 a schema:Event ; skos:prefLabel "Sự kiện 2026"@vi , "Event 2026"@en ;
      schema:organizer o:moj-vn ; schema:attendee o:moj-la ;
      schema:eventStatus schema:EventScheduled ; schema:startDate "2026"^^xsd:gYear .
  pa:vn-jica a coop:Partnership ; coop:partnershipKind coop:kind-development-cooperation ;
      skos:prefLabel "Hợp tác với JICA"@vi , "Cooperation with JICA"@en ;
      coop:partner o:moj-vn , o:jica .
}

GRAPH <https://w3id.org/coop/graph/doc/003> {
  ag:vn-la-2016 coop:dateSigned "2016"^^xsd:gYear ; prov:wasDerivedFrom doc:003 ;
      coop:evidence <https://w3id.org/coop/doc/003#c5-20> .
  <https://w3id.org/coop/doc/003#c5-20> a coop:Evidence ; dcterms:source doc:003 ;
      oa:start 5 ; oa:end 20 ; oa:exact "Lào"@vi .
}

GRAPH <https://w3id.org/coop/graph/extracted/doc-009> {
  ag:vn-la-2016 coop:party o:asean .
  ag:cn-court-2023 a coop:Agreement ; skos:prefLabel "Thỏa thuận 2023"@vi ;
      coop:participant o:moj-cn , o:court-la ; coop:dateSigned "2023"^^xsd:gYear .
}
"""


def iri(path: str) -> str:
    return ID + path


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    store = OxigraphStore()
    store.restore(FIXTURE, "trig")
    return store


@pytest.fixture(scope="module")
def index(store) -> ActivityIndex:
    return ActivityIndex.from_store(store)


def test_reads_each_kind_of_activity(index):
    kinds = {a.iri.removeprefix(ID): a.kind for a in index.activities.values()}
    assert kinds == {
        "agreement/vn-la-2016": "agreement", "agreement/vn-cn-2022": "agreement",
        "event/conf-2024": "event", "event/planned-2026": "event", "series/border": "series",
        "membership/vn-asean": "membership", "project/jica": "project",
        "partnership/vn-jica": "partnership",
    }


def test_an_agreement_carries_roles_dates_labels_and_evidence_from_every_document(index):
    mou = index.activity(iri("agreement/vn-la-2016"))
    assert mou.participants == {iri("org/moj-la"): ("party",), iri("org/moj-vn"): ("party",)}
    assert mou.subkind == COOP + "kind-mou"
    assert (mou.label_vi, mou.label_en) == ("Bản ghi nhớ Việt Nam – Lào", "Viet Nam – Laos MOU")
    assert (mou.start, mou.year) == ("2016-11-29", 2016)  # the more precise of "2016" and the day
    assert mou.documents == (DOC + "000", DOC + "003")
    assert mou.evidence == (Evidence(DOC + "000", "ký Bản ghi nhớ", 100, 150), Evidence(DOC + "003", "Lào", 5, 20))
    assert mou.graph == GRAPH + "doc/000"
    assert mou.graphs == (GRAPH + "doc/000", GRAPH + "doc/003")


def test_event_project_membership_and_series_details(index):
    conf = index.activity(iri("event/conf-2024"))
    assert conf.participants[iri("org/moj-la")] == ("organizer",)
    assert conf.participants[iri("org/thads-vn")] == ("attendee",)
    assert (conf.start, conf.year, conf.series) == ("2024-04", 2024, iri("series/border"))
    assert conf.subkind == COOP + "kind-border-provinces-conference"
    project = index.activity(iri("project/jica"))
    assert project.participants == {iri("org/court-la"): ("beneficiary",), iri("org/jica"): ("fundedBy",),
                                    iri("org/moj-vn"): ("implementedBy",)}
    assert (project.year, project.end, project.end_year) == (2010, "2016", 2016)
    member = index.activity(iri("membership/vn-asean"))
    assert member.participants == {iri("country/vn"): ("member",), iri("org/asean"): ("organization",)}
    series = index.activity(iri("series/border"))
    assert series.label_en == "Border conference" and series.graph == GRAPH + "doc/000"
    assert index.activity(iri("event/planned-2026")).planned and not conf.planned


def test_actors_have_a_class_and_a_country(index):
    assert index.actor(iri("org/court-la")).cls == "JudicialBody"  # the most specific class wins
    assert index.actor(iri("org/asean")).cls == "InternationalOrganization"
    thads = index.actor(iri("org/thads-vn"))
    assert (thads.country, thads.label("vi")) == (iri("country/vn"), "Cục THADS")  # from its parent
    laos = index.actor(iri("country/la"))
    assert (laos.cls, laos.country, laos.label()) == ("Country", iri("country/la"), "Laos")
    assert index.actor(iri("org/lonely")).cls == "Association"
    assert index.activities_of(iri("org/lonely")) == []


def test_unknown_actor_and_activity_are_not_found(index):
    with pytest.raises(NotFound, match="No organisation, country or person <https://example.org/x>"):
        index.activities_of("https://example.org/x")
    with pytest.raises(NotFound, match="No activity"):
        index.activity(iri("agreement/nope"))


def test_extracted_facts_are_left_out_unless_asked_for(store, index):
    assert iri("agreement/cn-court-2023") not in index.activities
    assert iri("org/asean") not in index.activity(iri("agreement/vn-la-2016")).participants
    everything = ActivityIndex.from_store(store, include_extracted=True)
    extracted = everything.activity(iri("agreement/cn-court-2023"))
    assert extracted.extracted and extracted.graph == GRAPH + "extracted/doc-009"
    assert extracted.participants == {iri("org/court-la"): ("participant",), iri("org/moj-cn"): ("participant",)}
    mou = everything.activity(iri("agreement/vn-la-2016"))
    assert mou.participants[iri("org/asean")] == ("party",) and not mou.extracted


@pytest.mark.parametrize(("since", "until", "expected"), [
    (None, None, {"agreement/vn-la-2016", "agreement/vn-cn-2022", "event/conf-2024", "event/planned-2026",
                  "series/border", "project/jica", "partnership/vn-jica"}),
    # Up to 2014: the 2016 and 2022 agreements are out; undated activities are out of any window.
    (None, 2014, {"project/jica"}),
    # The 2010–2016 project overlaps 2015–2016.
    (2015, 2016, {"agreement/vn-la-2016", "project/jica"}),
    (2022, 2022, {"agreement/vn-cn-2022"}),
])
def test_activities_of_an_actor_in_a_time_window(index, since, until, expected):
    found = index.activities_of(iri("org/moj-vn"), since=since, until=until)
    assert {a.iri.removeprefix(ID) for a in found} == expected
    dated = [a.year for a in found if a.year is not None]
    assert dated == sorted(dated)  # oldest first


def test_a_membership_without_an_end_lasts(index):
    assert [a.iri for a in index.activities_of(iri("country/vn"), since=2020, until=2021)] == [
        iri("membership/vn-asean")]


def test_window_and_kind_are_checked(index):
    with pytest.raises(InvalidInput, match="since=2020 is after until=2010"):
        index.activities_of(iri("org/moj-vn"), since=2020, until=2010)
    with pytest.raises(InvalidInput, match="Unknown activity kind 'visit'; use one of: agreement, event"):
        index.neighbours(iri("org/moj-vn"), via="visit")


def test_neighbours_one_hop_through_agreements_only(index):
    hood = index.neighbours(iri("org/moj-vn"), 1, via="agreement")
    assert dict(hood.distance) == {iri("org/moj-vn"): 0, iri("org/moj-la"): 1, iri("org/moj-cn"): 1}
    assert set(hood.activities) == {iri("agreement/vn-la-2016"), iri("agreement/vn-cn-2022")}


def test_neighbours_two_hops(index):
    hood = index.neighbours(iri("org/moj-cn"), 2)
    assert hood.distance[iri("org/moj-vn")] == 1
    assert {a for a, d in hood.distance.items() if d == 2} == {
        iri("org/moj-la"), iri("org/thads-vn"), iri("org/jica"), iri("org/court-la")}
    assert hood.activities[iri("agreement/vn-cn-2022")] == 1
    assert hood.activities[iri("project/jica")] == 2
    assert iri("country/vn") not in hood.distance  # the membership links the country, not the ministry


def test_neighbours_in_a_window(index):
    hood = index.neighbours(iri("org/moj-vn"), 1, until=2014)
    assert set(hood.distance) == {iri("org/moj-vn"), iri("org/jica"), iri("org/court-la")}


def reference_bfs(index, centre, depth, since, until, via):
    """The neighbourhood by the definition: plain BFS with Activity.in_window."""
    distance, crossed, frontier = {centre: 0}, {}, [centre]
    for hop in range(1, depth + 1):
        following = []
        for actor in frontier:
            for act in index.activities.values():
                if actor in act.participants and act.iri not in crossed and act.in_window(since, until) \
                        and (via is None or act.kind == via):
                    crossed[act.iri] = hop
                    for other in act.participants:
                        if other not in distance:
                            distance[other] = hop
                            following.append(other)
        frontier = following
    return distance, crossed


@pytest.mark.parametrize("window", [(None, None), (None, 2014), (2015, 2016), (2020, None), (2016, 2024)])
@pytest.mark.parametrize("via", [None, "agreement", "event"])
def test_neighbours_agree_with_the_definition(store, window, via):
    index = ActivityIndex.from_store(store, include_extracted=True)
    for centre in (iri("org/moj-vn"), iri("org/court-la"), iri("country/vn"), iri("org/lonely")):
        for depth in (0, 1, 3):
            hood = index.neighbours(centre, depth, *window, via=via)
            assert (dict(hood.distance), dict(hood.activities)) == reference_bfs(index, centre, depth, *window, via)


def test_partners_are_ranked_by_shared_activities(index):
    partners = index.partners(iri("org/moj-vn"))
    assert partners[0].iri == iri("org/moj-la")
    assert partners[0].weight == 4  # the MOU, the 2024 conference, its series, the planned event
    assert partners[0].kinds == ("agreement", "event", "series")
    assert (partners[0].first_year, partners[0].last_year) == (2016, 2026)
    jica = next(p for p in partners if p.iri == iri("org/jica"))
    assert jica.kinds == ("partnership", "project")


def test_shortest_paths_list_every_shortest_chain(index):
    paths = index.shortest_paths(iri("org/jica"), iri("org/moj-cn"))
    assert paths == [
        (Step(iri("org/jica"), iri("partnership/vn-jica"), iri("org/moj-vn")),
         Step(iri("org/moj-vn"), iri("agreement/vn-cn-2022"), iri("org/moj-cn"))),
        (Step(iri("org/jica"), iri("project/jica"), iri("org/moj-vn")),
         Step(iri("org/moj-vn"), iri("agreement/vn-cn-2022"), iri("org/moj-cn"))),
    ]
    assert len(index.shortest_paths(iri("org/jica"), iri("org/moj-cn"), max_paths=1)) == 1


def test_shortest_paths_edge_cases(index):
    assert index.shortest_paths(iri("org/moj-vn"), iri("org/lonely")) == []
    assert index.shortest_paths(iri("org/moj-vn"), iri("org/moj-vn")) == [()]
    # Until 2014 only the project links anyone to MOJ VN, so China is out of reach.
    assert index.shortest_paths(iri("org/jica"), iri("org/moj-cn"), until=2014) == []
    with pytest.raises(NotFound):
        index.shortest_paths(iri("org/moj-vn"), "https://example.org/nobody")


def test_index_is_cached_per_store_version(store):
    fresh = OxigraphStore()
    fresh.restore(FIXTURE, "trig")
    first = index_for(fresh)
    assert index_for(fresh) is first
    assert index_for(fresh, include_extracted=True) is not first
    fresh.update('INSERT DATA { GRAPH <https://w3id.org/coop/graph/doc/004> {'
                 ' <https://w3id.org/coop/id/agreement/new> a <https://w3id.org/coop/ontology#Agreement> } }')
    rebuilt = index_for(fresh)
    assert rebuilt is not first and iri("agreement/new") in rebuilt.activities


# ---------------------------------------------------------------------- the shipped graph

needs_data = pytest.mark.skipif(
    not resources.entities_path().is_file() or not resources.document_paths(),
    reason="graph/data/entities.ttl and doc-*.ttl are not there yet",
)
MOJ_VN = ID + "org/moj-vn"


@needs_data
def test_seed_graph_activities_have_participants_and_provenance(seed_store):
    index = index_for(seed_store)
    assert len(index.activities) >= 20
    for activity in index.activities.values():
        assert activity.participants, f"{activity.iri} has no participant"
        assert activity.documents, f"{activity.iri} has no prov:wasDerivedFrom"
        assert activity.label_vi and activity.label_en, f"{activity.iri} lacks a label"


@needs_data
def test_seed_graph_lao_ministry_of_justice_is_a_partner_of_moj_vn(seed_store):
    index = index_for(seed_store)
    lao = search(seed_store, "Bộ Tư pháp Lào", limit=1)[0].iri
    partners = [p.iri for p in index.partners(MOJ_VN)]
    assert lao in partners[:5]
    assert index.actor(MOJ_VN).cls == "GovernmentBody"
