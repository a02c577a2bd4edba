"""Small hand-made projection graphs and a reader for the data a map page carries."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

B = "https://w3id.org/coop/id/"
_BLOCK = re.compile(r'<script type="application/json" id="coop-([a-z]+)">(.*?)</script>', re.S)


@pytest.fixture(scope="session")
def page_data():
    """A reader of the JSON blocks of a map page, by name: nodes, edges, options, page."""

    def read(html: str) -> dict:
        return {name: json.loads(text) for name, text in _BLOCK.findall(html)}

    return read


@pytest.fixture
def small_graph() -> nx.Graph:
    """Four organisations of three classes; one label that tries to close the script."""
    graph = nx.Graph()
    graph.add_node(B + "org/moj-vn", label_vi="Bộ Tư pháp Việt Nam", label_en="Ministry of Justice of Viet Nam",
                   cls="GovernmentBody", country=B + "country/vn")
    graph.add_node(B + "org/moj-la", label_vi="Bộ Tư pháp Lào", label_en="Ministry of Justice of the Lao PDR",
                   cls="GovernmentBody", country=B + "country/la")
    graph.add_node(B + "org/court-kh", label_vi="Tòa án tối cao Campuchia", label_en="Supreme Court of Cambodia",
                   cls="JudicialBody", country=B + "country/kh")
    graph.add_node(B + "org/x", label_vi="</script><script>alert('x')</script>", label_en="A & B <i>",
                   cls="Association", country=None)
    graph.add_edge(B + "org/moj-vn", B + "org/moj-la", weight=3, kinds=["agreement", "event"],
                   years=[2016, 2019, 2016], documents=["https://w3id.org/coop/doc/000"],
                   activities=[B + "agreement/a1", B + "event/e1", B + "event/e2"])
    graph.add_edge(B + "org/moj-vn", B + "org/court-kh", weight=1, kinds=["event"], years=[2012],
                   documents=["https://w3id.org/coop/doc/000"], activities=[B + "event/e3"])
    graph.add_edge(B + "org/x", B + "org/moj-la", weight=1, kinds=["partnership"], years=[],
                   documents=[], activities=[B + "partnership/p1"])
    return graph

