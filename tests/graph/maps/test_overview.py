"""The WebGL overview page: every node, compact data, the same offline guarantees."""

from __future__ import annotations

import re

import networkx as nx

from graph.maps.overview import overview_map
from graph.maps.page import assets

B = "https://w3id.org/coop/id/"


def test_overview_carries_every_node_and_edge_compactly(small_graph, page_data):
    data = page_data(overview_map(small_graph))
    nodes, edges = data["overview"]["nodes"], data["overview"]["edges"]
    assert len(nodes) == small_graph.number_of_nodes() and len(edges) == small_graph.number_of_edges()
    row = next(n for n in nodes if n[0] == "org/court-kh")
    assert row[1:4] == ["Tòa án tối cao Campuchia", "Supreme Court of Cambodia", "JudicialBody"]
    ids = [n[0] for n in nodes]
    link = next(e for e in edges if {ids[e[0]], ids[e[1]]} == {"org/moj-vn", "org/moj-la"})
    assert link[2:] == [3.0, [2016, 2019]]


def test_overview_is_not_capped(page_data):
    graph = nx.barabasi_albert_graph(2500, 1, seed=5)
    data = page_data(overview_map(graph))
    assert len(data["overview"]["nodes"]) == 2500 and data["page"]["total"] == 2500


def test_overview_loads_nothing_from_outside_and_admits_only_its_scripts(small_graph):
    html = overview_map(small_graph)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|<link""", html, re.I)
    assert "http://" not in html and "https://" not in html  # sigma and graphology carry none
    assert f'content="{assets("overview")["csp"]}"' in html
    assert 'id="save-png"' not in html  # WebGL canvases are not exported
