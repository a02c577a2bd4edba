"""Maps of the graph in a store: activity index → projection → page.

The API routes and the ``coop map`` command both come here, so a map looks the same
whichever way it is asked for. The projections and the activity index are cached per
store version by their own modules; the layouts by :mod:`graph.maps.layout`.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.errors import NotFound
from graph.maps.style import CLASSES
from graph.maps.overview import overview_map
from graph.maps.views import MAX_NODES, country_map, ego_map, network_map
from graph.store import Store

CLASS_NAMES = tuple(c.key for c in CLASSES)


def check_types(types: str | Iterable[str] | None) -> frozenset[str] | None:
    """The node classes ``types`` names (comma-separated short names), checked.

    >>> sorted(check_types("GovernmentBody, JudicialBody"))
    ['GovernmentBody', 'JudicialBody']
    >>> check_types("Ministry")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: Unknown type 'Ministry'; use one of: GovernmentBody, JudicialBody, PartyBody, Association, InternationalOrganization, EducationalInstitution, Country, Person, Organization
    """
    from graph.activities.model import parse_choices

    return parse_choices(types, CLASS_NAMES, "type")


def _index(store: Store, include_extracted: bool):
    from graph.activities import index_for

    return index_for(store, include_extracted=include_extracted)


def _window(since: int | None, until: int | None) -> tuple[int | None, int | None] | None:
    from graph.activities import check_window

    check_window(since, until)
    return None if since is None and until is None else (since, until)


def organisations(store: Store, *, since: int | None = None, until: int | None = None,
                  via: str | None = None, include_extracted: bool = False):
    """The organisation projection of ``store`` and the index it came from."""
    from graph.activities import check_kinds
    from graph.analytics.projections import organisation_graph

    index = _index(store, include_extracted)
    return organisation_graph(index, since=since, until=until, via=check_kinds(via)), index


def network_page(store: Store, *, since: int | None = None, until: int | None = None,
                 types: str | None = None, via: str | None = None, include_extracted: bool = False,
                 lang: str = "vi", cap: int = MAX_NODES, link_base: str | None = None) -> str:
    """The whole network, optionally cut to years, node classes and activity kinds."""
    window = _window(since, until)
    graph, index = organisations(store, since=since, until=until, via=via, include_extracted=include_extracted)
    chosen = check_types(types)
    if chosen:
        graph = graph.subgraph([n for n, cls in graph.nodes(data="cls") if cls in chosen])
    return network_map(graph, index=index, window=window, lang=lang, cap=cap, link_base=link_base)


def overview_page(store: Store, *, since: int | None = None, until: int | None = None,
                  types: str | None = None, via: str | None = None, include_extracted: bool = False,
                  lang: str = "vi", link_base: str | None = None) -> str:
    """Every organisation at once, drawn with WebGL (for networks past the maps' cap)."""
    window = _window(since, until)
    graph, _ = organisations(store, since=since, until=until, via=via, include_extracted=include_extracted)
    chosen = check_types(types)
    if chosen:
        graph = graph.subgraph([n for n, cls in graph.nodes(data="cls") if cls in chosen])
    return overview_map(graph, window=window, lang=lang, link_base=link_base)


def partners_page(store: Store, centre: str, *, depth: int = 1, since: int | None = None,
                  until: int | None = None, via: str | None = None, include_extracted: bool = False,
                  lang: str = "vi", cap: int = MAX_NODES, link_base: str | None = None) -> str:
    """The ego map of ``centre`` (an IRI).

    Raises
    ------
    NotFound
        When ``centre`` takes part in no activity at all; its ``suggestions`` name the
        closest labels. An actor with no partner in the window gets a map of itself alone.
    """
    window = _window(since, until)
    graph, index = organisations(store, since=since, until=until, via=via, include_extracted=include_extracted)
    if centre not in graph:
        actor = index.actors.get(centre)
        if actor is None:
            raise _not_found(store, centre)
        graph = nx.Graph()
        graph.add_node(centre, label_vi=actor.label_vi, label_en=actor.label_en, cls=actor.cls,
                       country=actor.country)
    return ego_map(graph, centre, depth=depth, index=index, window=window, lang=lang, cap=cap,
                   link_base=link_base)


def countries_page(store: Store, *, since: int | None = None, until: int | None = None,
                   via: str | None = None, include_extracted: bool = False, lang: str = "vi",
                   cap: int = MAX_NODES, link_base: str | None = None) -> str:
    """Cooperation between countries: organisations rolled up to their countries."""
    from graph.activities import check_kinds
    from graph.analytics.projections import country_graph

    window = _window(since, until)
    index = _index(store, include_extracted)
    graph = country_graph(index, since=since, until=until, via=check_kinds(via))
    return country_map(graph, index=index, window=window, lang=lang, cap=cap, link_base=link_base)


def _not_found(store: Store, iri: str) -> NotFound:
    from graph.ids import short_id
    from graph.search import search

    name = (short_id(iri) or iri).rsplit("/", 1)[-1].replace("-", " ")
    hits = search(store, name, limit=5)
    error = NotFound(f"No organisation, country or person <{iri}> takes part in any activity")
    error.extra = {"suggestions": [{"id": short_id(h.iri) or h.iri, "label_vi": h.label_vi,
                                    "label_en": h.label_en} for h in hits]}
    return error
