"""The WebGL overview: every node of a very large network at once (sigma.js).

vis-network draws on a 2D canvas and stays fluid up to about 1,500 nodes, so the
relationship maps keep the most central nodes of a bigger graph. The overview draws all
of them — 10,000 and more — with sigma.js on WebGL, at the server's layout, with the same
legend, class and year filters, search, neighbourhood highlight and language switch.
It is a map to find one's way, not to read evidence: a click on a node links to its
partners map when the page is served.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.ids import BASE
from graph.maps import layout, rank
from graph.maps.elements import short
from graph.maps.page import Page, render_overview
from graph.maps.style import class_style
from graph.maps.views import check_options, window_title


def overview_map(graph: nx.Graph, *, window: tuple[int | None, int | None] | None = None, lang: str = "vi",
                 measure: str = "pagerank", link_base: str | None = None, base: str = BASE) -> str:
    """The whole of ``graph`` (an organisation or country projection), drawn with WebGL.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=2, years=[2016, 2018])
    >>> html = overview_map(g)
    >>> '"edges":[[0,1,2.0,[2016,2018]]]' in html and "Sigma" in html
    True
    """
    check_options(lang, 1)
    scores = rank.centrality(graph, measure)
    sizes = rank.sizes(scores)
    positions = layout.layout(graph)
    order = list(graph.nodes)
    index = {node: i for i, node in enumerate(order)}
    nodes: list[list[Any]] = []
    for node in order:
        data = graph.nodes[node]
        vi = data.get("label_vi") or data.get("label_en") or short(node, base)
        en = data.get("label_en") or data.get("label_vi") or short(node, base)
        x, y = positions[node]
        nodes.append([short(node, base), vi, en, class_style(data.get("cls")).key, x, y, sizes.get(node, 1.0)])
    edges = [
        [index[u], index[v], float(d.get("weight", 1) or 1), sorted({int(y) for y in d.get("years") or ()})]
        for u, v, d in graph.edges(data=True) if u != v
    ]
    vi, en = window_title(window)
    page = Page("overview", "Toàn cảnh mạng lưới hợp tác" + vi, "Overview of the cooperation network" + en,
                lang=lang, window=window, link_base=link_base, measure=measure, total=len(nodes))
    return render_overview(nodes, edges, page)
