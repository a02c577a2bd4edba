"""The three maps: the whole network, one entity's partners (ego map), and the countries.

Each takes a NetworkX projection (``graph.analytics.projections``) and returns the HTML
of a self-contained page. Cutting to a time window or to some kinds of activity is the
projection's job; the map only says which window it shows.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.errors import InvalidInput, NotFound
from graph.ids import BASE
from graph.maps import elements, layout, rank
from graph.maps.page import Page, render

#: Most nodes one map draws. vis-network stays fluid with 1,500 nodes on an office
#: laptop; above that a map keeps the most central nodes and says so.
MAX_NODES = 1500
MAX_DEPTH = 3

Window = tuple[int | None, int | None]


def check_options(lang: str, cap: int) -> None:
    """Refuse a language other than vi/en and a cap below one, naming the bad value."""
    if lang not in ("vi", "en"):
        raise InvalidInput(f"Unknown language {lang!r}; use vi or en")
    if cap < 1:
        raise InvalidInput(f"The node cap must be at least 1, not {cap}")


def draw(graph: nx.Graph, page: Page, *, cap: int = MAX_NODES, measure: str = "pagerank",
         index: Any = None, base: str = BASE, centre: Any = None) -> str:
    """Rank, cap, lay out and render ``graph``: the steps every map shares."""
    check_options(page.lang, cap)
    scores = rank.centrality(graph, measure)
    page.total, page.measure = graph.number_of_nodes(), measure
    if graph.number_of_nodes() > cap:
        graph = graph.subgraph(rank.top(scores, cap, keep=[centre] if centre is not None else []))
        page.capped = True
    sizes = rank.sizes({n: scores[n] for n in graph})
    if centre is not None and centre in graph:
        sizes[centre] = 100.0
    positions = layout.layout(graph)
    drawn = elements.build(graph, sizes=sizes, positions=positions, index=index, base=base, centre=centre)
    return render(drawn, page)


def window_title(window: Window | None) -> tuple[str, str]:
    if not window or window == (None, None):
        return "", ""
    since, until = window
    text = f"{since or '…'}–{until or '…'}"
    return f" ({text})", f" ({text})"


def network_map(graph: nx.Graph, *, index: Any = None, window: Window | None = None, lang: str = "vi",
                cap: int = MAX_NODES, measure: str = "pagerank", link_base: str | None = None,
                base: str = BASE) -> str:
    """The whole cooperation network: organisations linked by what they did together.

    Parameters
    ----------
    graph
        ``organisation_graph(index, since, until, via)``: nodes with ``label_vi``,
        ``label_en``, ``cls``, ``country``; edges with ``weight``, ``kinds``, ``years``,
        ``documents``, ``activities``.
    index
        The activity index the graph came from (optional): adds each link's activities,
        dates and evidence quotes to the page.
    window
        ``(since, until)`` the graph was cut to, for the page's title.
    lang
        The language the page opens in (``vi`` or ``en``); readers can switch.
    cap
        Most nodes drawn; above it the ``cap`` most central (by ``measure``) are kept.
    link_base
        Where entity pages live (``"/"`` when served by the API); no links when None.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=1, kinds=["event"], years=[2020])
    >>> html = network_map(g)
    >>> html.startswith("<!DOCTYPE html>") and '"label_vi":"a"' in html
    True
    """
    vi, en = window_title(window)
    page = Page("network", "Mạng lưới hợp tác pháp luật và tư pháp" + vi,
                "Legal and judicial cooperation network" + en, lang=lang, window=window,
                link_base=link_base)
    return draw(graph, page, cap=cap, measure=measure, index=index, base=base)


def ego_map(graph: nx.Graph, centre: str, *, depth: int = 1, index: Any = None,
            window: Window | None = None, lang: str = "vi", cap: int = MAX_NODES,
            measure: str = "pagerank", link_base: str | None = None, base: str = BASE) -> str:
    """The partners of ``centre`` up to ``depth`` hops away, the centre marked.

    Raises
    ------
    NotFound
        When ``centre`` is not a node of ``graph`` (e.g. it has no partner in the window).
    InvalidInput
        When ``depth`` is outside 1…3.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> '"centre":true' in ego_map(g, "b") and '"id":"d"' not in ego_map(g, "b")
    True
    """
    if not 1 <= depth <= MAX_DEPTH:
        raise InvalidInput(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    if centre not in graph:
        raise NotFound(f"<{centre}> has no partners in this map (no shared activity"
                       + (" in the chosen years)" if window and window != (None, None) else ")"))
    ego = nx.ego_graph(graph, centre, radius=depth)
    data = graph.nodes[centre]
    vi = data.get("label_vi") or data.get("label_en") or str(centre)
    en = data.get("label_en") or data.get("label_vi") or str(centre)
    wvi, wen = window_title(window)
    page = Page("ego", f"Đối tác của {vi}" + wvi, f"Partners of {en}" + wen, lang=lang, window=window,
                link_base=link_base, extra={"depth": depth})
    return draw(ego, page, cap=cap, measure=measure, index=index, base=base, centre=centre)


def country_map(graph: nx.Graph, *, index: Any = None, window: Window | None = None, lang: str = "vi",
                cap: int = MAX_NODES, measure: str = "pagerank", link_base: str | None = None,
                base: str = BASE) -> str:
    """Cooperation between countries: ``country_graph(...)``, organisations rolled up.

    >>> g = nx.Graph()
    >>> g.add_node("vn", label_vi="Việt Nam", label_en="Viet Nam", cls="Country")
    >>> g.add_node("la", label_vi="Lào", label_en="Laos", cls="Country")
    >>> g.add_edge("vn", "la", weight=3, kinds=["agreement"], years=[2016])
    >>> "Hợp tác theo quốc gia" in country_map(g)
    True
    """
    vi, en = window_title(window)
    page = Page("countries", "Hợp tác theo quốc gia" + vi, "Cooperation between countries" + en,
                lang=lang, window=window, link_base=link_base)
    return draw(graph, page, cap=cap, measure=measure, index=index, base=base)
