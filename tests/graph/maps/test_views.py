"""The three maps: what each shows, the cap, the centre, and errors that name the problem."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import InvalidInput, NotFound
from graph.maps import MAX_NODES, PHYSICS_MAX_NODES, country_map, ego_map, network_map
from graph.maps.style import class_style

B = "https://w3id.org/coop/id/"


def test_network_map_carries_every_node_with_its_class_look_and_labels(small_graph, page_data):
    data = page_data(network_map(small_graph))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == {"org/moj-vn", "org/moj-la", "org/court-kh", "org/x"}
    court = nodes["org/court-kh"]
    assert (court["shape"], court["color"]) == (class_style("JudicialBody").shape, class_style("JudicialBody").color)
    assert court["label_vi"] == "Tòa án tối cao Campuchia" and court["label_en"] == "Supreme Court of Cambodia"
    assert court["country"] == "country/kh"
    assert data["page"]["lang"] == "vi" and data["page"]["capped"] is False


def test_the_hub_is_the_biggest_node(small_graph, page_data):
    nodes = page_data(network_map(small_graph))["nodes"]
    assert max(nodes, key=lambda n: n["value"])["id"] == "org/moj-vn"


def test_edges_carry_kinds_years_and_their_activities(small_graph, page_data):
    data = page_data(network_map(small_graph))
    edge = next(e for e in data["edges"] if {e["from"], e["to"]} == {"org/moj-vn", "org/moj-la"})
    assert edge["kinds"] == ["agreement", "event"]
    assert edge["years"] == [2016, 2019]
    assert edge["value"] == 3
    assert [data["page"]["activities"][i]["id"] for i in edge["acts"]] == ["agreement/a1", "event/e1", "event/e2"]


def test_a_map_above_the_cap_keeps_the_most_central_nodes_and_says_so(page_data):
    graph = nx.barabasi_albert_graph(MAX_NODES + 300, 1, seed=2)
    data = page_data(network_map(graph))
    assert len(data["nodes"]) == MAX_NODES
    assert data["page"]["capped"] is True and data["page"]["total"] == MAX_NODES + 300
    degree = dict(graph.degree)
    kept = {int(n["id"]) for n in data["nodes"]}
    dropped = set(graph) - kept
    assert max(degree[n] for n in dropped) <= min(degree[n] for n in kept) + 1  # hubs stay
    assert data["options"]["physics"]["enabled"] is False  # server layout, no browser physics


def test_small_maps_settle_with_physics_big_ones_do_not(small_graph, page_data):
    assert page_data(network_map(small_graph))["options"]["physics"]["enabled"] is True
    big = nx.path_graph(PHYSICS_MAX_NODES + 1)
    assert page_data(network_map(big))["options"]["physics"]["enabled"] is False


def test_ego_map_reaches_depth_hops_and_marks_the_centre(small_graph, page_data):
    one = page_data(ego_map(small_graph, B + "org/moj-vn", depth=1))
    assert {n["id"] for n in one["nodes"]} == {"org/moj-vn", "org/moj-la", "org/court-kh"}
    assert [n["id"] for n in one["nodes"] if n.get("centre")] == ["org/moj-vn"]
    assert one["page"]["title"]["en"] == "Partners of Ministry of Justice of Viet Nam"
    two = page_data(ego_map(small_graph, B + "org/moj-vn", depth=2))
    assert "org/x" in {n["id"] for n in two["nodes"]}


def test_ego_map_keeps_its_centre_when_capped(page_data):
    graph = nx.star_graph(50)
    graph.add_edges_from((1, 100 + i) for i in range(60))  # leaf 1 becomes a bigger hub
    data = page_data(ego_map(graph, 0, depth=2, cap=10))
    assert "0" in {n["id"] for n in data["nodes"]} and len(data["nodes"]) == 10


@pytest.mark.parametrize("depth", [0, 4])
def test_ego_map_refuses_a_depth_outside_1_to_3(small_graph, depth):
    with pytest.raises(InvalidInput, match=f"depth must be between 1 and 3, not {depth}"):
        ego_map(small_graph, B + "org/moj-vn", depth=depth)


def test_ego_map_of_an_entity_without_partners_is_not_found(small_graph):
    with pytest.raises(NotFound, match="org/nobody> has no partners"):
        ego_map(small_graph, B + "org/nobody")


def test_unknown_language_is_refused(small_graph):
    with pytest.raises(InvalidInput, match="Unknown language 'fr'; use vi or en"):
        network_map(small_graph, lang="fr")


def test_english_pages_open_in_english(small_graph, page_data):
    html = network_map(small_graph, lang="en")
    assert '<html lang="en">' in html and "<title>Legal and judicial cooperation network</title>" in html
    assert page_data(html)["page"]["lang"] == "en"


def test_window_is_named_in_the_title(small_graph, page_data):
    data = page_data(network_map(small_graph, window=(2015, None)))
    assert data["page"]["title"]["vi"].endswith("(2015–…)") and data["page"]["window"] == [2015, None]


def test_country_map_draws_countries(page_data):
    graph = nx.Graph()
    graph.add_node(B + "country/vn", label_vi="Việt Nam", label_en="Viet Nam", cls="Country", country=B + "country/vn")
    graph.add_node(B + "country/la", label_vi="Lào", label_en="Laos", cls="Country", country=B + "country/la")
    graph.add_edge(B + "country/vn", B + "country/la", weight=4, kinds=["agreement"], years=[2016])
    data = page_data(country_map(graph))
    assert {n["cls"] for n in data["nodes"]} == {"Country"}
    assert "country" not in data["nodes"][0]  # a country is not "in" itself
    assert data["page"]["title"]["en"] == "Cooperation between countries"


def test_empty_graph_still_renders_a_page(page_data):
    data = page_data(network_map(nx.Graph()))
    assert data["nodes"] == [] and data["edges"] == []
