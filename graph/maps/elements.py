"""The nodes, edges and activities of a map, as the plain dicts vis-network draws.

Input is a projection graph (``graph.analytics.projections``): nodes carry ``label_vi``,
``label_en``, ``cls`` and ``country``; edges carry ``weight``, ``kinds``, ``years``,
``documents`` and ``activities`` (activity IRIs). An optional activity index adds what a
reader needs to check a link: each activity's labels, date and evidence quote.

Entity IRIs are shortened to ``kind/slug`` (``org/moj-vn``) so that the page holds no
``https://`` string that a careless check could take for a resource.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import networkx as nx

from graph.ids import BASE, short_id
from graph.maps.style import class_style

#: Evidence quotes shown per activity, and activities listed per link in the page data.
QUOTES_PER_ACTIVITY = 2
ACTIVITIES_PER_EDGE = 25


def short(iri: Any, base: str = BASE) -> str:
    """``kind/slug`` for a coopgraph IRI, the text itself for anything else.

    >>> short("https://w3id.org/coop/id/org/moj-vn"), short("https://w3id.org/coop/doc/000"), short(7)
    ('org/moj-vn', 'doc/000', '7')
    """
    return _short(str(iri), base)


@lru_cache(maxsize=200_000)
def _short(text: str, base: str) -> str:
    """Cached: a 5,000-node map shortens the same few ten thousand IRIs 200,000 times."""
    return short_id(text, base) or text


def _number(value: float) -> float | int:
    """``3`` for ``3.0``: the page is smaller, and JSON reads both alike.

    >>> _number(3.0), _number(2.5)
    (3, 2.5)
    """
    return int(value) if float(value).is_integer() else value


@dataclass
class Elements:
    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)
    places: dict[str, dict] = field(default_factory=dict)


def _years(values: Iterable | None) -> list[int]:
    return sorted({int(y) for y in values or () if y is not None})


def _label(data: Mapping, node: Any) -> tuple[str, str]:
    vi, en = data.get("label_vi") or "", data.get("label_en") or ""
    fallback = str(node).rstrip("/").rsplit("/", 1)[-1]
    return vi or en or fallback, en or vi or fallback


def build(graph: nx.Graph, *, sizes: Mapping, positions: Mapping, index: Any = None,
          base: str = BASE, centre: Any = None) -> Elements:
    """Turn ``graph`` into vis-network nodes and edges.

    Parameters
    ----------
    sizes, positions
        ``{node: value}`` (1…100, drawn as the node's size) and ``{node: (x, y)}``.
    index
        Optional: an object with ``activities`` (IRI → :class:`graph.activities.Activity`)
        and ``actors`` (IRI → :class:`graph.activities.Actor`), used for the activities'
        labels, dates and evidence and for the countries' names.
    centre
        The centre of an ego map, drawn larger and marked.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("a", label_vi="Bộ A", label_en="Ministry A", cls="GovernmentBody")
    >>> g.add_node("b", label_vi="Tòa B", label_en="Court B", cls="JudicialBody")
    >>> g.add_edge("a", "b", weight=2, kinds=["agreement"], years=[2016, 2016], activities=["x"])
    >>> els = build(g, sizes={"a": 100, "b": 1}, positions={"a": (0, 0), "b": (1, 1)})
    >>> els.nodes[1]["shape"], els.edges[0]["years"], els.activities[0]["id"]
    ('diamond', [2016], 'x')
    """
    activities = getattr(index, "activities", None) or {}
    actors = getattr(index, "actors", None) or {}
    act_ids: dict[str, int] = {}
    elements = Elements()

    def activity_ref(ref: Any) -> int:
        iri = str(getattr(ref, "iri", ref))
        if iri not in act_ids:
            act_ids[iri] = len(elements.activities)
            elements.activities.append(_activity(activities.get(iri, ref), iri, base))
        return act_ids[iri]

    for node, data in graph.nodes(data=True):
        vi, en = _label(data, node)
        style = class_style(data.get("cls"))
        x, y = positions.get(node, (0.0, 0.0))
        item = {
            "id": short(node, base), "label_vi": vi, "label_en": en,
            "cls": style.key, "shape": style.shape, "color": style.color,
            "value": _number(sizes.get(node, 1.0)), "x": _number(x), "y": _number(y),
        }
        country = data.get("country")
        if country and str(country) != str(node):
            item["country"] = short(country, base)
            elements.places.setdefault(item["country"], _place(country, graph, actors))
        if centre is not None and node == centre:
            item["centre"] = True
        elements.nodes.append(item)

    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        refs = list(data.get("activities") or ())
        edge = {
            "from": short(u, base), "to": short(v, base),
            "value": _number(float(data.get("weight", 1) or 1)),
            "kinds": sorted(set(data.get("kinds") or ())),
            "years": _years(data.get("years")),
            "acts": [activity_ref(r) for r in refs[:ACTIVITIES_PER_EDGE]],
        }
        if len(refs) > ACTIVITIES_PER_EDGE:
            edge["more"] = len(refs) - ACTIVITIES_PER_EDGE
        elements.edges.append(edge)
    return elements


def _place(country: Any, graph: nx.Graph, actors: Mapping) -> dict:
    data = graph.nodes[country] if country in graph else {}
    actor = actors.get(str(country))
    vi = data.get("label_vi") or getattr(actor, "label_vi", None)
    en = data.get("label_en") or getattr(actor, "label_en", None)
    return {"vi": vi or en or short(country), "en": en or vi or short(country)}


def _activity(activity: Any, iri: str, base: str) -> dict:
    """What the page shows of one activity: labels, kind, date, and evidence quotes."""
    item: dict[str, Any] = {"id": short(iri, base)}
    if isinstance(activity, str):  # no index: the IRI is all we know
        return item
    get = (activity.get if isinstance(activity, Mapping) else lambda k, d=None: getattr(activity, k, d))
    for key, name in (("label_vi", "vi"), ("label_en", "en"), ("kind", "kind"), ("start", "date")):
        if get(key):
            item[name] = str(get(key))
    if get("planned"):
        item["planned"] = True
    quotes = []
    for evidence in list(get("evidence") or ())[:QUOTES_PER_ACTIVITY]:
        document, quote, start, end = (tuple(evidence) + (None,) * 4)[:4]
        quotes.append({"doc": short(document, base), "quote": quote or "", "start": start, "end": end})
    if quotes:
        item["evidence"] = quotes
    elif get("documents"):
        item["evidence"] = [{"doc": short(d, base)} for d in list(get("documents"))[:QUOTES_PER_ACTIVITY]]
    return item
