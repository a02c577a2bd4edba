"""Partner neighbourhoods: the actors around one actor and the activities linking them.

:mod:`graph.activities` keeps actors and activities in memory (an actor–activity
adjacency). This module adds an actor–actor layer (:class:`PartnerLinks`): for each actor,
the partners it shares activities with and which ones, computed once per actor and index
version, so the hub's neighbourhood at a million triples is a few dictionary walks, not a
SPARQL two-hop join.

Answers stay drawable and fast: ``limit`` caps the nodes (nearest first, most linked
first) and ``per_edge`` the activities listed on an edge (newest first; ``weight`` and
``kinds`` still count them all). The answer is written straight to JSON shaped like
:class:`api.models.PartnerGraph` (the tests validate it against the model): the hub's
depth-2 answer at a million triples lists ~5,000 activities (3 MB), and building then
encoding that many dicts cost ten times the traversal. Each activity's JSON is encoded
once per index version, and whole answers are kept (per index version, within
:data:`ANSWER_BYTES`), so asking again costs nothing.
"""

from __future__ import annotations

import heapq
import json
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable

from api.views.cache import per_version
from api.views.common import unknown
from api.views.labels import labels_for
from graph.activities import Activity, ActivityIndex, check_kinds, check_window, index_for
from graph.ids import document_id, short_id
from graph.store import Store

Links = dict[str, tuple[str, ...]]  # partner -> shared activity IRIs, oldest first
_COOP = "https://w3id.org/coop/ontology#"

#: Most bytes of encoded answers kept per index version (least recently asked dropped first).
ANSWER_BYTES = 64 * 2**20


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class PartnerLinks:
    """Actor → partner → shared activities, for one activity index; filled in lazily.

    Also keeps what answers are made of (each activity's JSON, each actor's id) and the
    answers themselves: all are derived from the index alone, so they live as long as it.
    """

    def __init__(self, index: ActivityIndex) -> None:
        self.index = index
        self._all: dict[str, Links] = {}
        self._ranked: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        self._ids: dict[str, str] = {}
        self._activities: dict[str, str] = {}
        self._roles: dict[tuple[str, ...], str] = {}
        self._newest: dict[str, int] | None = None
        self._answers: OrderedDict[tuple, bytes] = OrderedDict()
        self._answer_bytes = 0

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

    # ------------------------------------------------------------------ pieces of answers

    def id_json(self, iri: str) -> str:
        """The id of an actor or activity (``kind/slug``, else the IRI) as a JSON string."""
        found = self._ids.get(iri)
        if found is None:
            found = self._ids[iri] = _json(short_id(iri) or iri)
        return found

    def activity_json(self, iri: str) -> str:
        """An activity as an ``ActivityRef`` JSON object, left open for its ``roles``."""
        found = self._activities.get(iri)
        if found is None:
            found = self._activities[iri] = _json(describe(self.index.activities[iri]))[:-1]
        return found

    def roles_json(self, roles: tuple[str, ...]) -> str:
        found = self._roles.get(roles)
        if found is None:
            found = self._roles[roles] = _json(roles)
        return found

    def newest(self) -> dict[str, int]:
        """Activity → rank, newest first: ``(year, start)`` descending, ties in index order.

        Sorting an edge's activities by this rank gives the order sorting them by
        ``(year or 0, start or "")``, newest first, would (they come in index order).
        """
        if self._newest is None:
            index = self.index
            ordered = sorted(index.activities.values(),
                             key=lambda a: (a.year is None, a.year or 0, a.start or "", a.iri))
            ordered.sort(key=lambda a: (a.year or 0, a.start or ""), reverse=True)
            self._newest = {a.iri: n for n, a in enumerate(ordered)}
        return self._newest

    def answer(self, key: tuple, build: Callable[[], bytes]) -> bytes:
        """The answer for ``key``, built once and kept while it fits :data:`ANSWER_BYTES`."""
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                return found
        found = build()
        if len(found) <= ANSWER_BYTES:
            with self._lock:
                if key not in self._answers:
                    self._answers[key] = found
                    self._answer_bytes += len(found)
                while self._answer_bytes > ANSWER_BYTES:
                    self._answer_bytes -= len(self._answers.popitem(last=False)[1])
        return found


def describe(activity: Activity) -> dict:
    """An activity shaped like ``ActivityRef``, without ``roles`` (they depend on the edge)."""
    subkind, iri = activity.subkind, activity.iri
    return {
        "id": short_id(iri), "iri": iri, "kind": activity.kind,
        "subkind": "coop:" + subkind[len(_COOP):] if subkind and subkind.startswith(_COOP) else subkind,
        "label_vi": activity.label_vi, "label_en": activity.label_en, "start": activity.start,
        "end": activity.end, "year": activity.year, "planned": activity.planned,
        "extracted": activity.extracted, "documents": [document_id(d) or d for d in activity.documents],
        "evidence": [], "href": f"/entities/{short_id(iri) or iri}"}


def links_for(store: Store, include_extracted: bool) -> PartnerLinks:
    index = index_for(store, include_extracted)
    links = per_version(store, f"partner-links:{include_extracted}", lambda: PartnerLinks(index))
    return links if links.index is index else PartnerLinks(index)  # the index was rebuilt meanwhile


def neighbourhood(store: Store, centre: str, text: str, depth: int, since: int | None, until: int | None,
                  via: str | None, include_extracted: bool, limit: int, per_edge: int = 5) -> bytes:
    """The actors within ``depth`` hops of ``centre`` (at most ``limit``) and the activities
    that link them, as :class:`api.models.PartnerGraph`-shaped JSON (UTF-8)."""
    check_window(since, until)
    kinds = check_kinds(via)
    index = index_for(store, include_extracted)
    if centre not in index.actors:
        raise unknown(store, centre, text, labels_for(store), what="organisation, country or person")
    links = links_for(store, include_extracted)
    key = (centre, depth, since, until, kinds, include_extracted, limit, per_edge)
    return links.answer(key, lambda: _encode(links, centre, depth, since, until, kinds,
                                             include_extracted, limit, per_edge))


def _encode(links: PartnerLinks, centre: str, depth: int, since: int | None, until: int | None,
            kinds: frozenset[str] | None, include_extracted: bool, limit: int, per_edge: int) -> bytes:
    window = {"since": since, "until": until, "kinds": kinds}
    distance, weight, order, total, truncated = _reach(links, centre, depth, window, limit)
    head = _json({"depth": depth, "since": since, "until": until, "via": sorted(kinds) if kinds else None,
                  "include_extracted": include_extracted, "total_nodes": total, "truncated": truncated})
    nodes = [_node(links.index, iri, distance[iri], weight[iri]) for iri in order]
    edges = _edges(links, order, distance, depth, window, per_edge)
    text = "".join(('{"centre":', nodes[0], ",", head[1:-1], ',"nodes":[', ",".join(nodes),
                    '],"edges":[', ",".join(edges), "]}"))
    return text.encode()


def _reach(links: PartnerLinks, centre: str, depth: int, window: dict,
           limit: int) -> tuple[dict[str, int], dict[str, int], list[str], int, bool]:
    """Breadth-first over partners: hop distances, weights (activities shared with the
    previous ring), the nodes kept in order, how many there were and whether some were cut."""
    index = links.index
    windowed = any(v is not None for v in window.values())
    distance, weight, order = {centre: 0}, {centre: 0}, [centre]
    frontier, truncated, total = [centre], False, 1
    for hop in range(1, depth + 1):
        if len(frontier) == 1 and not windowed:
            # One actor's ring, unfiltered: its ranking is cached.
            ranked = [a for a in links.ranked(frontier[0]) if a not in distance]
            found = links.links(frontier[0])
            score = {a: len(found[a]) for a in ranked[:limit]}
        else:
            score: dict[str, int] = defaultdict(int)
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
    return distance, weight, order, total, truncated


def _node(index: ActivityIndex, iri: str, distance: int, weight: int) -> str:
    actor = index.actors[iri]
    return _json({"id": short_id(iri), "iri": iri, "label_vi": actor.label_vi, "label_en": actor.label_en,
                  "cls": actor.cls, "country": actor.country, "distance": distance, "weight": weight})


def _edges(links: PartnerLinks, order: list[str], distance: dict[str, int], depth: int,
           window: dict, per_edge: int) -> list[str]:
    """Each pair of nodes sharing activities inside the neighbourhood (an activity is inside
    when a participant is fewer than ``depth`` hops out), as ``Edge`` JSON objects."""
    activities, newest = links.index.activities, links.newest()
    near = {a for a in order if distance[a] < depth}
    position = {iri: n for n, iri in enumerate(order)}
    edges = []
    for actor in order:
        mine, ends_near = position[actor], actor in near
        for other, acts in links.links(actor, **window).items():
            if position.get(other, -1) <= mine:
                continue
            if ends_near or other in near:
                kept = acts  # both ends take part in each: one of them is near
            else:
                kept = [a for a in acts if not near.isdisjoint(activities[a].participants)]
                if not kept:
                    continue
            edges.append(_edge(links, actor, other, [activities[a] for a in kept],
                               heapq.nsmallest(per_edge, kept, key=newest.__getitem__)))
    return edges


def _edge(links: PartnerLinks, actor: str, other: str, kept: list[Activity], listed: list[str]) -> str:
    years = [a.year for a in kept if a.year is not None]
    kinds: dict[str, int] = {}
    for a in kept:
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
    source, target = links.id_json(actor), links.id_json(other)
    activities = links.index.activities
    listed_json = ",".join(
        f'{links.activity_json(iri)},"roles":{{{source}:{links.roles_json(activities[iri].participants.get(actor, ()))},'
        f'{target}:{links.roles_json(activities[iri].participants.get(other, ()))}}}}}'
        for iri in listed)
    first, last = (min(years), max(years)) if years else ("null", "null")
    counts = ",".join(f'"{kind}":{n}' for kind, n in kinds.items())  # kinds are KINDS: plain ASCII
    return (f'{{"source":{source},"target":{target},"weight":{len(kept)},"first_year":{first},'
            f'"last_year":{last},"kinds":{{{counts}}},"activities":[{listed_json}]}}')
