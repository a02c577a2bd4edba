"""NetworkX projections of the activity index: who is linked to whom through what.

Each projection is a pure function of an :class:`~graph.activities.ActivityIndex` (the
store is reached only through it) cut to a time window and to some kinds of activity:

* :func:`organisation_graph` — actors linked when they share an activity;
* :func:`country_graph` — the same, actors rolled up to their countries;
* :func:`bipartite_graph` — actors on one side, activities on the other.

**Time windows.** ``since`` and ``until`` are years, both inclusive. An activity is in the
window when its years overlap it (:meth:`graph.activities.Activity.in_window`: a dated
activity spans its start to its end year; a membership with no end lasts). Activities
*without a year* are kept only when no window is given: with a window, nothing says they
belong in it.

Attributes are plain Python values. ``None`` is left out (GraphML cannot store it), so read
optional attributes with ``G.nodes[n].get("country")``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from graph.activities import Activity, ActivityIndex, Actor

Via = str | Iterable[str] | None


def _node_attributes(actor: Actor) -> dict[str, str]:
    attributes = {"label_vi": actor.label_vi, "label_en": actor.label_en, "cls": actor.cls,
                  "country": actor.country}
    return {k: v for k, v in attributes.items() if v is not None}


def _link(G: nx.Graph, a: str, b: str, activity: Activity) -> None:
    if G.has_edge(a, b):
        data = G.edges[a, b]
    else:
        G.add_edge(a, b, weight=0, kinds=set(), years=set(), documents=set(), activities=set())
        data = G.edges[a, b]
    if activity.iri not in data["activities"]:  # two actors of one country meet once per activity
        data["activities"].add(activity.iri)
        data["weight"] += 1
        data["kinds"].add(activity.kind)
        data["documents"].update(activity.documents)
        if activity.year is not None:
            data["years"].add(activity.year)


def _sorted_lists(G: nx.Graph) -> nx.Graph:
    """Edge sets become sorted lists: deterministic output, JSON-friendly."""
    for _, _, data in G.edges(data=True):
        for key in ("kinds", "years", "documents", "activities"):
            data[key] = sorted(data[key])
    return G


def _window_attributes(G: nx.Graph, level: str, since: int | None, until: int | None, via: Via) -> None:
    G.graph.update(level=level, since=since, until=until,
                   via=None if via is None else sorted([via] if isinstance(via, str) else via))


def organisation_graph(index: ActivityIndex, since: int | None = None, until: int | None = None,
                       via: Via = None) -> nx.Graph:
    """Actors linked when they take part in the same activity.

    Parameters
    ----------
    index : ActivityIndex
        The activities and actors (:func:`graph.activities.index_for`).
    since, until : int, optional
        Keep activities whose years overlap ``[since, until]``. With either given,
        activities without a year are left out; with neither, they are kept.
    via : str or iterable of str, optional
        Keep only these kinds of activity ("agreement", "event", "series", "project",
        "membership", "partnership"; a comma-separated string works too).

    Returns
    -------
    networkx.Graph
        One node per actor taking part in a kept activity, with ``label_vi``, ``label_en``,
        ``cls`` and ``country``. An edge joins every two participants of an activity; its
        ``weight`` is how many kept activities they share, and ``kinds``, ``years``,
        ``documents`` and ``activities`` list what lies behind it (sorted).

    Examples
    --------
    >>> from graph.activities import Activity, ActivityIndex
    >>> mou = Activity("urn:mou", "agreement", year=2016, participants={"urn:vn": ("party",), "urn:la": ("party",)})
    >>> G = organisation_graph(ActivityIndex({"urn:mou": mou}, {}))
    >>> G.edges["urn:vn", "urn:la"]["weight"], G.edges["urn:vn", "urn:la"]["years"]
    (1, [2016])
    >>> organisation_graph(ActivityIndex({"urn:mou": mou}, {}), until=2014).number_of_nodes()
    0
    """
    G = nx.Graph()
    _window_attributes(G, "org", since, until, via)
    for activity in index.select(since, until, via):
        members = sorted(activity.participants)
        for member in members:
            if member not in G:
                G.add_node(member, **_node_attributes(index.actors[member]))
        for a, b in combinations(members, 2):
            _link(G, a, b, activity)
    return _sorted_lists(G)


def country_graph(index: ActivityIndex, since: int | None = None, until: int | None = None,
                  via: Via = None) -> nx.Graph:
    """Countries linked when their actors take part in the same activity.

    Each participant stands for its country (``coop:country``, or its parent body's; a
    country stands for itself). Participants with no country — most international
    organisations — are left out, and so are links inside one country (no self-loops).
    Parameters and edge attributes are those of :func:`organisation_graph`.

    Examples
    --------
    >>> from graph.activities import Activity, ActivityIndex, Actor
    >>> actors = {"urn:moj-vn": Actor("urn:moj-vn", None, "MOJ", "GovernmentBody", "urn:vn"),
    ...           "urn:court-vn": Actor("urn:court-vn", None, "Court", "JudicialBody", "urn:vn"),
    ...           "urn:moj-la": Actor("urn:moj-la", None, "MOJ LA", "GovernmentBody", "urn:la")}
    >>> event = Activity("urn:e", "event", participants={a: ("attendee",) for a in actors})
    >>> G = country_graph(ActivityIndex({"urn:e": event}, actors))
    >>> sorted(G.edges(data="weight"))
    [('urn:la', 'urn:vn', 1)]
    """
    G = nx.Graph()
    _window_attributes(G, "country", since, until, via)
    for activity in index.select(since, until, via):
        countries = sorted({c for a in activity.participants if (c := index.actors[a].country)})
        for country in countries:
            if country not in G:
                actor = index.actors.get(country) or Actor(country, None, None, "Country", country)
                G.add_node(country, **{**_node_attributes(actor), "cls": "Country", "country": country})
        for a, b in combinations(countries, 2):
            _link(G, a, b, activity)
    return _sorted_lists(G)


def bipartite_graph(index: ActivityIndex, since: int | None = None, until: int | None = None,
                    via: Via = None) -> nx.Graph:
    """Actors (``bipartite=0``) joined to the activities they take part in (``bipartite=1``).

    Actor nodes carry the attributes of :func:`organisation_graph`; activity nodes carry
    ``kind``, ``label_vi``, ``label_en`` and, when known, ``subkind``, ``start``, ``year``,
    ``end`` and ``documents``. Each edge lists the actor's ``roles``. The window and ``via``
    work as in :func:`organisation_graph`.

    Examples
    --------
    >>> from graph.activities import Activity, ActivityIndex
    >>> project = Activity("urn:p", "project", year=2010,
    ...                    participants={"urn:jica": ("fundedBy",), "urn:moj": ("implementedBy",)})
    >>> G = bipartite_graph(ActivityIndex({"urn:p": project}, {}))
    >>> G.nodes["urn:p"]["kind"], G.edges["urn:jica", "urn:p"]["roles"]
    ('project', ['fundedBy'])
    >>> sorted(n for n, side in G.nodes(data="bipartite") if side == 0)
    ['urn:jica', 'urn:moj']
    """
    G = nx.Graph()
    _window_attributes(G, "bipartite", since, until, via)
    for activity in index.select(since, until, via):
        attributes = {"kind": activity.kind, "subkind": activity.subkind, "label_vi": activity.label_vi,
                      "label_en": activity.label_en, "start": activity.start, "year": activity.year,
                      "end": activity.end, "documents": list(activity.documents) or None}
        G.add_node(activity.iri, bipartite=1, **{k: v for k, v in attributes.items() if v is not None})
        for member, roles in activity.participants.items():
            if member not in G:
                G.add_node(member, bipartite=0, **_node_attributes(index.actors[member]))
            G.add_edge(member, activity.iri, roles=list(roles))
    return G


#: The projections by the name the API and the CLI use for them.
LEVELS = {"org": organisation_graph, "country": country_graph}
