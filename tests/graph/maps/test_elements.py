"""What a map page is told about each link: activities, dates, quotes, documents."""

from __future__ import annotations

from types import SimpleNamespace

from graph.activities import Activity, Actor, Evidence
from graph.maps import network_map

B = "https://w3id.org/coop/id/"
DOC = "https://w3id.org/coop/doc/000"


def index_for_small_graph():
    activities = {
        B + "agreement/a1": Activity(B + "agreement/a1", "agreement", label_vi="Bản ghi nhớ 2016",
                                     label_en="2016 MOU", start="2016-11-29", year=2016,
                                     evidence=(Evidence(DOC, "ký Bản ghi nhớ hợp tác", 1203, 1420),
                                               Evidence(DOC, "second", 1, 2), Evidence(DOC, "third", 3, 4))),
        B + "event/e1": Activity(B + "event/e1", "event", label_en="Visit", documents=(DOC,)),
    }
    actors = {B + "country/la": Actor(B + "country/la", "Lào", "Laos", "Country", B + "country/la")}
    return SimpleNamespace(activities=activities, actors=actors)


def test_activities_carry_labels_date_and_at_most_two_quotes(small_graph, page_data):
    data = page_data(network_map(small_graph, index=index_for_small_graph()))
    acts = {a["id"]: a for a in data["page"]["activities"]}
    mou = acts["agreement/a1"]
    assert (mou["vi"], mou["en"], mou["kind"], mou["date"]) == ("Bản ghi nhớ 2016", "2016 MOU", "agreement", "2016-11-29")
    assert mou["evidence"] == [
        {"doc": "doc/000", "quote": "ký Bản ghi nhớ hợp tác", "start": 1203, "end": 1420},
        {"doc": "doc/000", "quote": "second", "start": 1, "end": 2},
    ]
    assert acts["event/e1"]["evidence"] == [{"doc": "doc/000"}]  # no quote: the document at least
    assert acts["event/e2"] == {"id": "event/e2"}  # not in the index: the id is all we know


def test_country_names_come_from_the_index_when_not_in_the_graph(small_graph, page_data):
    data = page_data(network_map(small_graph, index=index_for_small_graph()))
    assert data["page"]["places"]["country/la"] == {"vi": "Lào", "en": "Laos"}
    assert data["page"]["places"]["country/kh"] == {"vi": "country/kh", "en": "country/kh"}


def test_links_point_inside_the_service_only_when_asked(small_graph, page_data):
    assert page_data(network_map(small_graph))["page"]["linkBase"] is None
    assert page_data(network_map(small_graph, link_base="/"))["page"]["linkBase"] == "/"
