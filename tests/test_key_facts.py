"""The key facts of the two articles, each answered by a SPARQL query over the built graph.

Each query is a named constant; values are bound, never pasted. The expected answers
are what the articles state (footnotes included), not what the data happens to hold.
"""

from __future__ import annotations

import pytest
from rdflib import URIRef

ID = "https://w3id.org/coop/id/"
PREFIXES = """
PREFIX coop: <https://w3id.org/coop/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

MOUS_OF = PREFIXES + """
SELECT ?partner ?date WHERE {
  ?mou a coop:Agreement ; coop:agreementKind coop:kind-mou ; coop:party ?us , ?partner ;
       coop:dateSigned ?date .
  FILTER(?partner != ?us)
}"""

EDITIONS_OF = PREFIXES + """
SELECT ?edition ?year ?place ?planned WHERE {
  ?event schema:superEvent ?series ; coop:edition ?edition .
  OPTIONAL { ?event schema:startDate ?year }
  OPTIONAL { ?event schema:location ?place }
  BIND(EXISTS { ?event schema:eventStatus schema:EventScheduled } AS ?planned)
} ORDER BY ?edition"""

MEMBERSHIP = PREFIXES + """
SELECT ?since WHERE {
  ?m a org:Membership ; org:member ?member ; org:organization ?body ; schema:startDate ?since .
}"""

REPLACES = PREFIXES + """
SELECT ?new ?newDate ?old ?oldDate WHERE {
  ?new eli:repeals ?old ; eli:date_document ?newDate .
  ?old eli:date_document ?oldDate .
}"""

LEGAL_BY_NUMBER = PREFIXES + """
SELECT ?doc ?date ?issuer WHERE {
  ?doc eli:id_local ?number .
  OPTIONAL { ?doc eli:date_document ?date }
  OPTIONAL { ?doc eli:passed_by ?issuer }
}"""

ANNIVERSARIES = PREFIXES + """
SELECT ?year ?place WHERE {
  ?event coop:eventKind coop:kind-anniversary-ceremony ; schema:about ?cooperation ;
         schema:startDate ?year ; schema:location ?place .
  ?cooperation coop:partner ?la .
} ORDER BY ?year"""

PARTNERS_OF = PREFIXES + """
SELECT DISTINCT ?partner WHERE {
  ?activity coop:participant ?us , ?partner .
  FILTER(?partner != ?us)
}"""

FIRST_AGREEMENT = PREFIXES + """
SELECT ?date ?party WHERE {
  ?a a coop:Agreement ; coop:agreementKind coop:kind-agreement ; coop:dateSigned ?date ; coop:party ?party .
}"""

VISIT = PREFIXES + """
SELECT ?start ?end ?head WHERE {
  ?visit a schema:Event ; schema:attendee ?dept ; schema:startDate ?start ; schema:endDate ?end ;
         coop:headOfDelegation ?head .
}"""

FIGURE_ABOUT = PREFIXES + """
SELECT ?value WHERE { ?f a coop:Figure ; coop:about ?thing ; schema:value ?value . }"""

POST_HELD = PREFIXES + """
SELECT ?post ?org WHERE { ?post a org:Post ; org:heldBy ?person ; org:postIn ?org . }"""

EVIDENCE_OF = PREFIXES + """
SELECT ?doc ?quote ?start ?end WHERE {
  ?fact coop:evidence ?e .
  ?e dcterms:source ?doc ; oa:exact ?quote ; oa:start ?start ; oa:end ?end .
}"""

UNLABELLED = PREFIXES + """
SELECT DISTINCT ?thing ?lang WHERE {
  VALUES ?lang { "vi" "en" }
  GRAPH ?g { ?thing a ?class }
  FILTER(STRSTARTS(STR(?thing), "https://w3id.org/coop/id/"))
  FILTER NOT EXISTS { ?thing skos:prefLabel ?label FILTER(LANG(?label) = ?lang) }
}"""


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


def rows(store, query, **bindings):
    return store.select(query, {k: iri(v) if "/" in v else v for k, v in bindings.items()})


def test_moj_signed_mous_with_china_in_2022(seed_store):
    found = {(str(r["partner"]), str(r["date"])) for r in rows(seed_store, MOUS_OF, us="org/moj-vn")}
    assert (ID + "org/moj-cn", "2022") in found


def test_enforcement_department_signed_mou_with_fssp_in_august_2025(seed_store):
    found = {(str(r["partner"]), str(r["date"])) for r in rows(seed_store, MOUS_OF, us="org/thads-dept-vn")}
    assert found == {(ID + "org/fssp-ru", "2025-08")}


def test_viet_nam_laos_border_conference_editions(seed_store):
    found = [(int(r["edition"]), str(r["year"]), str(r["place"]))
             for r in rows(seed_store, EDITIONS_OF, series="series/vn-la-border-conference")]
    assert found == [
        (3, "2016", ID + "place/thanh-hoa"),
        (4, "2018", ID + "place/vientiane"),
        (5, "2020", ID + "place/thanh-hoa"),
        (6, "2024", ID + "place/vientiane"),
    ]


def test_viet_nam_cambodia_border_conference_editions_and_the_planned_third(seed_store):
    found = {int(r["edition"]): r for r in rows(seed_store, EDITIONS_OF, series="series/vn-kh-border-conference")}
    assert (str(found[1]["year"]), str(found[1]["place"])) == ("2017", ID + "place/tay-ninh")
    assert (str(found[2]["year"]), str(found[2]["place"])) == ("2019", ID + "place/siem-reap")
    assert "year" not in found[3] and found[3]["planned"].toPython() is True


def test_first_viet_nam_china_border_conference_june_2025(seed_store):
    (first,) = rows(seed_store, EDITIONS_OF, series="series/vn-cn-border-conference")
    assert int(first["edition"]) == 1
    assert str(first["year"]) == "2025-06"


@pytest.mark.parametrize("body,since", [("org/hcch", "2013-04-10"), ("org/idlo", "2016-11-29")])
def test_viet_nam_membership_dates(seed_store, body, since):
    found = rows(seed_store, MEMBERSHIP, member="country/vn", body=body)
    assert [str(r["since"]) for r in found] == [since]


def test_moj_sits_on_the_idlo_advisory_council_since_2021(seed_store):
    found = rows(seed_store, MEMBERSHIP, member="org/moj-vn", body="org/idlo-advisory-council")
    assert [str(r["since"]) for r in found] == ["2021"]


def test_decree_26_2024_replaced_decree_113_2014(seed_store):
    (found,) = seed_store.select(REPLACES)
    assert (str(found["new"]), str(found["newDate"])) == (ID + "legal/decree-26-2024-nd-cp", "2024-03-01")
    assert (str(found["old"]), str(found["oldDate"])) == (ID + "legal/decree-113-2014-nd-cp", "2014-11-26")


@pytest.mark.parametrize("number,date,issuer", [
    ("27-NQ/TW", "2022-11-09", None),
    ("57-NQ/TW", "2024-12-22", "org/cpv-politburo"),
    ("59-NQ/TW", "2025-01-24", "org/cpv-politburo"),
    ("66-NQ/TW", "2025-04-30", "org/cpv-politburo"),
    ("68-NQ/TW", "2025-05-04", "org/cpv-politburo"),
    ("73-KL/TW", None, "org/cpv-secretariat"),
])
def test_party_documents_by_number(seed_store, number, date, issuer):
    (found,) = seed_store.select(LEGAL_BY_NUMBER, {"number": number})
    assert (str(found["date"]) if "date" in found else None) == date
    if issuer:
        assert str(found["issuer"]) == ID + issuer


def test_two_anniversaries_of_viet_nam_laos_justice_cooperation(seed_store):
    found = [(str(r["year"]), str(r["place"])) for r in rows(seed_store, ANNIVERSARIES, la="org/moj-la")]
    assert found == [("2017", ID + "place/vientiane"), ("2022", ID + "place/nghe-an")]


def test_first_milestone_agreement_with_the_gdr_on_15_december_1980(seed_store):
    found = seed_store.select(FIRST_AGREEMENT)
    assert {str(r["date"]) for r in found} == {"1980-12-15"}
    assert {str(r["party"]) for r in found} == {ID + "org/moj-gdr", ID + "org/legal-committee-vn"}


@pytest.mark.parametrize("partner", [
    "org/moj-la", "org/moj-kh", "org/moj-cn", "org/moj-ru", "org/moj-cu", "org/bmjv-de", "org/moj-fr",
    "org/hcch", "org/idlo", "org/jica", "org/usaid", "org/undp", "country/kr", "country/za",
])
def test_partners_of_moj_viet_nam(seed_store, partner):
    found = {str(r["partner"]) for r in rows(seed_store, PARTNERS_OF, us="org/moj-vn")}
    assert ID + partner in found


def test_delegation_visit_to_russia_3_to_6_august_2025(seed_store):
    (found,) = rows(seed_store, VISIT, dept="org/thads-dept-vn")
    assert (str(found["start"]), str(found["end"])) == ("2025-08-03", "2025-08-06")
    assert str(found["head"]) == ID + "person/nguyen-thang-loi"


def test_132_cooperation_documents_in_ten_years(seed_store):
    values = {int(float(r["value"])) for r in rows(seed_store, FIGURE_ABOUT, thing="org/moj-vn")}
    assert 132 in values


@pytest.mark.parametrize("unit,value", [("central-units", 17), ("territorial-bodies", 86)])
def test_fssp_structure_figures(seed_store, unit, value):
    found = seed_store.select(PREFIXES + "SELECT ?v WHERE { ?f schema:value ?v }",
                              {"f": iri(f"figure/fssp-ru-{unit}")})
    assert [int(float(r["v"])) for r in found] == [value]


@pytest.mark.parametrize("person,org", [
    ("person/nguyen-thang-loi", "org/thads-dept-vn"),
    ("person/vladimir-voronin", "org/fssp-ru"),
    ("person/dang-minh-khoi", "org/embassy-vn-ru"),
])
def test_posts_held_by_persons(seed_store, person, org):
    found = {str(r["org"]) for r in rows(seed_store, POST_HELD, person=person)}
    assert ID + org in found


def test_facts_cite_their_sentence(seed_store):
    found = rows(seed_store, EVIDENCE_OF, fact="event/vn-la-border-conference-4")
    assert found, "the 4th edition has no evidence"
    assert {str(r["doc"]) for r in found} == {"https://w3id.org/coop/doc/000"}
    for r in found:
        assert int(r["start"]) < int(r["end"])
        assert len(str(r["quote"]).split()) <= 25


def test_every_thing_has_both_labels(seed_store):
    assert seed_store.select(UNLABELLED) == []
