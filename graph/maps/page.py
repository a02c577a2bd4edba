"""Render a map as one self-contained HTML page: every script and style inline.

pyvis holds the network (its ``Network`` with the node and edge lists filled directly —
``from_nx`` is quadratic — and the vis-network options), and the page is our own Jinja
template, because pyvis's templates load vis-network, Bootstrap and tom-select from CDNs
whatever ``cdn_resources`` says, and paste titles and headings in unescaped.

Safety: graph text reaches the page only inside ``<script type="application/json">``
blocks with ``<``, ``>`` and ``&`` escaped, and the page script writes it with
``textContent``. A Content-Security-Policy allows only the page's own two scripts (by
hash) and no connection, so even a script that slipped into the data could not run, and
nothing can be loaded from outside.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from graph import __version__
from graph.maps.elements import Elements
from graph.maps.style import CLASSES, kind_names
from graph.maps.texts import ui_texts

TEMPLATES = Path(__file__).resolve().parent / "templates"
VENDOR = Path(__file__).resolve().parent / "vendor"

#: Up to this many nodes the browser settles the layout with physics, then stops it;
#: above it the server's layout is final and physics stays off (5,000 nodes open at once).
PHYSICS_MAX_NODES = 300
#: Edge labels ("Agreement · 2016") are drawn up to this many edges; above, hover shows them.
EDGE_LABELS_MAX = 250


@dataclass
class Page:
    """What a map page says about itself besides its nodes and edges."""

    kind: str  # "network", "ego", "countries"
    title_vi: str
    title_en: str
    lang: str = "vi"
    total: int = 0  # nodes before the cap
    capped: bool = False
    measure: str = "pagerank"
    window: tuple[int | None, int | None] | None = None
    link_base: str | None = None  # e.g. "/" when served: entity and document links
    extra: dict[str, Any] = field(default_factory=dict)


def json_block(value: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` …, so no text can close the script element or
    open a comment; JSON.parse reads them back unchanged.

    >>> str(json_block({"label": "</script><script>alert(1)</script>"}))
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@cache
def _asset(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{path} contains a closing tag and cannot be inlined")
    return text


def _digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


#: The scripts of each kind of page, in order: vendored libraries first.
SCRIPTS = {
    "map": (VENDOR / "vis-network.min.js", TEMPLATES / "common.js", TEMPLATES / "details.js",
            TEMPLATES / "map.js"),
    "overview": (VENDOR / "graphology.umd.min.js", VENDOR / "sigma.min.js", TEMPLATES / "common.js",
                 TEMPLATES / "overview.js"),
}


@cache
def assets(kind: str = "map") -> dict:
    """The inline scripts and style of a kind of page, and the policy admitting exactly those."""
    scripts = [_asset(path) for path in SCRIPTS[kind]]
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_digest(script) for script in scripts),
        "style-src 'unsafe-inline'",  # vis-network injects its own <style> elements
        "img-src data: blob:",
        "connect-src 'none'", "font-src 'none'", "base-uri 'none'", "form-action 'none'",
    ])
    return {"scripts": scripts, "css": _asset(TEMPLATES / "map.css"), "csp": csp}


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def vis_options(node_count: int, edge_count: int) -> dict:
    """vis-network options: physics only for small maps, lighter drawing for big ones."""
    big = node_count > PHYSICS_MAX_NODES
    font = "Segoe UI, Noto Sans, Helvetica Neue, Arial, sans-serif"
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},  # positions come from the server
        "nodes": {
            "borderWidth": 1.5,
            "scaling": {"min": 7, "max": 44, "label": {
                "enabled": True, "min": 11, "max": 24, "maxVisible": 30,
                "drawThreshold": 12 if big else 4}},  # big maps: hubs named at first, the rest on zoom
            "font": {"face": font, "size": 13, "color": "#1d2733", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "shadow": {"enabled": not big, "size": 6, "x": 0, "y": 2, "color": "rgba(29,39,51,0.18)"},
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.35},
            "color": {"color": "#7d90a4", "highlight": "#1d2733", "hover": "#31506f", "opacity": 0.7},
            "scaling": {"min": 1, "max": 7, "label": {"enabled": False}},
            "font": {"face": font, "size": 10, "color": "#3d4b5c", "strokeWidth": 3,
                     "strokeColor": "#ffffff", "align": "horizontal"},
            "selectionWidth": 1.5, "hoverWidth": 0.8,
        },
        "physics": {
            "enabled": not big and node_count > 1,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "springConstant": 0.06,
                                 "damping": 0.5, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 180, "updateInterval": 50, "fit": True},
        },
        "interaction": {
            "hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
            "multiselect": False, "navigationButtons": False, "keyboard": False,
        },
    }


def render(elements: Elements, page: Page) -> str:
    """The HTML page of a map: ``elements`` drawn with the vis-network bundle, all inline."""
    from pyvis.network import Network  # pyvis imports IPython: only when a map is drawn

    network = Network(height="100%", width="100%", directed=False, cdn_resources="in_line")
    network.nodes = elements.nodes
    network.edges = elements.edges
    network.options = vis_options(len(elements.nodes), len(elements.edges))
    nodes, edges, _heading, _height, _width, options = network.get_network_data()
    page_data = _page_data(page, len(nodes), activities=elements.activities, places=elements.places,
                           edgeLabels=len(edges) <= EDGE_LABELS_MAX)
    blocks = {"nodes": nodes, "edges": edges, "options": json.loads(options), "page": page_data}
    return _render("map", page, blocks, png=True)


def render_overview(nodes: list[list], edges: list[list], page: Page) -> str:
    """The WebGL overview page: ``nodes`` as ``[id, label_vi, label_en, cls, x, y, size]``
    and ``edges`` as ``[source index, target index, weight, years]`` (compact for 10,000+)."""
    blocks = {"overview": {"nodes": nodes, "edges": edges}, "page": _page_data(page, len(nodes))}
    return _render("overview", page, blocks, png=False)


def _page_data(page: Page, count: int, **more: Any) -> dict:
    return {
        "lang": page.lang,
        "title": {"vi": page.title_vi, "en": page.title_en},
        "classes": {c.key: {"vi": c.vi, "en": c.en, "color": c.color, "shape": c.shape} for c in CLASSES},
        "classOrder": [c.key for c in CLASSES],
        "kinds": kind_names(), "texts": ui_texts(),
        "total": page.total or count, "capped": page.capped, "measure": page.measure,
        "window": list(page.window) if page.window else None, "linkBase": page.link_base,
        **more, **page.extra,
    }


def _render(kind: str, page: Page, blocks: dict, *, png: bool) -> str:
    parts = assets(kind)
    return _environment().get_template("map.html.j2").render(
        lang=page.lang, title=page.title_en if page.lang == "en" else page.title_vi, kind=page.kind,
        version=__version__, csp=Markup(parts["csp"]), css=Markup(parts["css"]), png=png,
        scripts=[Markup(script) for script in parts["scripts"]],
        blocks={name: json_block(value) for name, value in blocks.items()},
    )
