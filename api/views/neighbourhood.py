"""Partner neighbourhoods: the actors around one actor and the activities linking them.

:mod:`graph.activities` keeps actors and activities in memory (an actor–activity
adjacency). This module adds an actor–actor layer (:class:`PartnerLinks`): for each actor,
the partners it shares activities with and which ones, computed once per actor and index
version, so the hub's neighbourhood at a million triples is a few dictionary walks, not a
SPARQL two-hop join.

Answers stay drawable and fast: ``limit`` caps the nodes (nearest first, most linked
first) and ``per_edge`` the activities listed on an edge (newest first; ``weight`` and
``kinds`` still count them all). The answer is built as plain dicts shaped like
:class:`api.models.PartnerGraph` (the tests validate it against the model) because
building thousands of model objects would cost more than the traversal.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict

from api.views.cache import per_version
from api.views.common import unknown
from api.views.labels import labels_for
from graph.activities import Activity, ActivityIndex, check_kinds, check_window, index_for
from graph.ids import document_id, short_id
from graph.store import Store

Links = dict[str, tuple[str, ...]]  # partner -> shared activity IRIs, oldest first
_COOP = "https://w3id.org/coop/ontology#"


class PartnerLinks:
    """Actor → partner → shared activities, for one activity index; filled in lazily."""

    def __init__(self, index: ActivityIndex) -> None:
        self.index = index
        self._all: dict[str, Links] = {}
        self._ranked: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def links(self, actor: str, since: int | None = None, until: int | None = None,
              kinds: frozenset[str] | None = None) -> Links:
        windowed = since is not None or until is not None or kinds is not None
        if not windowed and actor in self._all:
            return self._all[actor]
        shared: dict[str, list[str]] = defaultdict(list)
        for activity in self.index.activities_of(actor, since, until, kinds):
            for other in activity.participants:
                if other != actor:
                    shared[other].append(activity.iri)
        result = {other: tuple(acts) for other, acts in shared.items()}
        if not windowed:
            with self._lock:
                self._all[actor] = result
        return result

    def ranked(self, actor: str) -> list[str]:
        """``actor``'s partners, most shared activities first (no window; cached)."""
        if actor not in self._ranked:
            found, actors = self.links(actor), self.index.actors
            ranked = sorted(found, key=lambda a: (-len(found[a]), actors[a].label("en"), a))
            with self._lock:
                self._ranked[actor] = ranked
        return self._ranked[actor]


def links_for(store: Store, include_extracted: bool) -> PartnerLinks:
    index = index_for(store, include_extracted)
    links = per_version(store, f"partner-links:{include_extracted}", lambda: PartnerLinks(index))
    return links if links.index is index else PartnerLinks(index)  # the index was rebuilt meanwhile


def neighbourhood(store: Store, centre: str, text: str, depth: int, since: int | None, until: int | None,
                  via: str | None, include_extracted: bool, limit: int, per_edge: int = 5) -> dict:
    """The actors within ``depth`` hops of ``centre`` (at most ``limit``) and the activities
    that link them, as a :class:`api.models.PartnerGraph`-shaped dict."""
    check_window(since, until)
    kinds = check_kinds(via)
    index = index_for(store, include_extracted)
    if centre not in index.actors:
        raise unknown(store, centre, text, labels_for(store), what="organisation, country or person")
    links = links_for(store, include_extracted)
    window = {"since": since, "until": until, "kinds": kinds}
    windowed = since is not None or until is not None or kinds is not None

    distance, weight, order = {centre: 0}, {centre: 0}, [centre]
    frontier, truncated, total = [centre], False, 1
    for hop in range(1, depth + 1):
        if len(frontier) == 1 and not windowed:
            # One actor's ring, unfiltered: its ranking is cached.
            ranked = [a for a in links.ranked(frontier[0]) if a not in distance]
            found = links.links(frontier[0])
            score = {a: len(found[a]) for a in ranked[:limit]}
        else:
            score = Counter()
            for actor in frontier:
                for other, acts in links.links(actor, **window).items():
                    if other not in distance:
                        score[other] += len(acts)
            ranked = sorted(score, key=lambda a: (-score[a], index.actors[a].label("en"), a))
        if not ranked:
            break
        total += len(ranked)
        room = limit - len(order)
        if len(ranked) > room:
            truncated, ranked = True, ranked[:room]
        for other in ranked:
            distance[other], weight[other] = hop, score[other]
        order += ranked
        frontier = ranked
        if truncated:
            break

    ids: dict[str, str] = {}

    def sid(iri: str) -> str:
        found = ids.get(iri)
        if found is None:
            found = ids[iri] = short_id(iri) or iri
        return found

    described: dict[str, dict] = {}
    documents: dict[str, str] = {}

    def doc(iri: str) -> str:
        found = documents.get(iri)
        if found is None:
            found = documents[iri] = document_id(iri) or iri
        return found

    def describe(activity: Activity) -> dict:
        found = described.get(activity.iri)
        if found is None:
            subkind = activity.subkind
            found = described[activity.iri] = {
                "id": short_id(activity.iri), "iri": activity.iri, "kind": activity.kind,
                "subkind": "coop:" + subkind[len(_COOP):] if subkind and subkind.startswith(_COOP) else subkind,
                "label_vi": activity.label_vi, "label_en": activity.label_en, "start": activity.start,
                "end": activity.end, "year": activity.year, "planned": activity.planned,
                "extracted": activity.extracted, "documents": [doc(d) for d in activity.documents],
                "evidence": [], "href": f"/entities/{sid(activity.iri)}"}
        return found

    activities = index.activities

    # An activity is inside the neighbourhood when a participant is fewer than `depth` hops out.
    def inside(iri: str) -> bool:
        return any(distance.get(p, depth) < depth for p in activities[iri].participants)

    position = {iri: n for n, iri in enumerate(order)}
    edges = []
    for actor in order:
        mine = position[actor]
        for other, acts in links.links(actor, **window).items():
            if position.get(other, -1) <= mine:
                continue
            kept = [activities[a] for a in acts if inside(a)]
            if not kept:
                continue
            years = [a.year for a in kept if a.year is not None]
            newest = sorted(kept, key=lambda a: (a.year or 0, a.start or ""), reverse=True)[:per_edge]
            edges.append({
                "source": sid(actor), "target": sid(other), "weight": len(kept),
                "first_year": min(years, default=None), "last_year": max(years, default=None),
                "kinds": dict(Counter(a.kind for a in kept)),
                "activities": [{**describe(a), "roles": {sid(actor): list(a.participants.get(actor, ())),
                                                         sid(other): list(a.participants.get(other, ()))}}
                               for a in newest]})
    nodes = []
    for iri in order:
        actor = index.actors[iri]
        nodes.append({"id": short_id(iri), "iri": iri, "label_vi": actor.label_vi, "label_en": actor.label_en,
                      "cls": actor.cls, "country": actor.country, "distance": distance[iri], "weight": weight[iri]})
    return {"centre": nodes[0], "depth": depth, "since": since, "until": until,
            "via": sorted(kinds) if kinds else None, "include_extracted": include_extracted,
            "total_nodes": total, "truncated": truncated, "nodes": nodes, "edges": edges}
