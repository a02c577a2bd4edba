"""The in-memory actor–activity adjacency, its traversals, and the per-version cache."""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from graph import queries
from graph.activities.model import (
    Activity, Actor, Neighbourhood, Partner, Step, check_kinds, check_window,
)
from graph.activities.matrix import Incidence
from graph.activities.rows import read_activities, read_actors
from graph.errors import InvalidInput, NotFound
from graph.store import Store


class ActivityIndex:
    """Activities and actors in memory, with the actor–activity adjacency both ways."""

    def __init__(self, activities: Mapping[str, Activity], actors: Mapping[str, Actor],
                 *, include_extracted: bool = False) -> None:
        self.activities = dict(activities)
        self.actors = dict(actors)
        self.include_extracted = include_extracted
        by_actor: dict[str, list[Activity]] = defaultdict(list)
        for activity in self.activities.values():
            for actor in activity.participants:
                by_actor[actor].append(activity)
                if actor not in self.actors:  # a participant the gazetteer does not describe
                    self.actors[actor] = Actor(actor, None, None, "Organization", None)
        order = lambda a: (a.year is None, a.year or 0, a.start or "", a.iri)  # noqa: E731
        self._by_actor = {k: tuple(x.iri for x in sorted(v, key=order)) for k, v in by_actor.items()}
        # Participants as sorted tuples: the BFS loops touch nothing heavier.
        self._members = {a.iri: tuple(sorted(a.participants)) for a in self.activities.values()}
        self._matrix: Incidence | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ building

    @classmethod
    def from_store(cls, store: Store, *, include_extracted: bool = False) -> "ActivityIndex":
        """Read every activity and actor of ``store`` (two queries)."""
        activities = read_activities(store.select(queries.load("activities")), include_extracted)
        actors = read_actors(store.select(queries.load("activities_actors")))
        return cls(activities, actors, include_extracted=include_extracted)

    # ------------------------------------------------------------------ lookups

    def actor(self, iri: str) -> Actor:
        try:
            return self.actors[iri]
        except KeyError:
            raise NotFound(f"No organisation, country or person <{iri}> in the graph") from None

    def activity(self, iri: str) -> Activity:
        try:
            return self.activities[iri]
        except KeyError:
            raise NotFound(f"No activity <{iri}> in the graph") from None

    def select(self, since: int | None = None, until: int | None = None,
               via: str | Iterable[str] | None = None) -> list[Activity]:
        """Every activity of the kinds ``via`` names inside the window, in IRI order."""
        check_window(since, until)
        kinds = check_kinds(via)
        return [a for _, a in sorted(self.activities.items())
                if (kinds is None or a.kind in kinds) and a.in_window(since, until)]

    def activities_of(self, actor: str, since: int | None = None, until: int | None = None,
                      via: str | Iterable[str] | None = None) -> list[Activity]:
        """The activities ``actor`` takes part in, oldest first (undated last)."""
        self.actor(actor)
        check_window(since, until)
        kinds = check_kinds(via)
        found = (self.activities[i] for i in self._by_actor.get(actor, ()))
        return [a for a in found if (kinds is None or a.kind in kinds) and a.in_window(since, until)]

    def years(self) -> list[int]:
        """Every year some activity starts in, ascending."""
        return sorted({a.year for a in self.activities.values() if a.year is not None})

    # ------------------------------------------------------------------ traversal

    def _admit(self, since: int | None, until: int | None, via) -> Callable[[str], bool] | None:
        """A test for activities, or ``None`` when every activity passes (the fast path)."""
        check_window(since, until)
        kinds = check_kinds(via)
        if kinds is None and since is None and until is None:
            return None
        acts = self.activities
        return lambda iri: (kinds is None or acts[iri].kind in kinds) and acts[iri].in_window(since, until)

    def partners(self, actor: str, since: int | None = None, until: int | None = None,
                 via: str | Iterable[str] | None = None) -> list[Partner]:
        """Everyone who shares an activity with ``actor``, most shared activities first."""
        shared: dict[str, list[Activity]] = defaultdict(list)
        for activity in self.activities_of(actor, since, until, via):
            for other in self._members[activity.iri]:
                if other != actor:
                    shared[other].append(activity)
        partners = []
        for other, acts in shared.items():
            years = [a.year for a in acts if a.year is not None]
            partners.append(Partner(other, tuple(a.iri for a in acts), tuple(sorted({a.kind for a in acts})),
                                    min(years, default=None), max(years, default=None)))
        partners.sort(key=lambda p: (-p.weight, self.actors[p.iri].label("en"), p.iri))
        return partners

    def neighbours(self, actor: str, depth: int = 1, since: int | None = None,
                   until: int | None = None, via: str | Iterable[str] | None = None) -> Neighbourhood:
        """Breadth-first search over the actor–activity adjacency, ``depth`` actor hops out.

        Two sparse matrix–vector products per hop (:mod:`graph.activities.matrix`): the
        depth-2 neighbourhood of the hub of a 1M-triple graph takes milliseconds.
        """
        self.actor(actor)
        if depth < 0:
            raise InvalidInput(f"depth must be 0 or more, not {depth}")
        check_window(since, until)
        incidence = self._incidence()
        distance, crossed = incidence.bfs(actor, depth, incidence.mask(check_kinds(via), since, until))
        return Neighbourhood(actor, depth, distance, crossed)

    def _incidence(self) -> Incidence:
        with self._lock:  # built once, by whichever request needs it first
            if self._matrix is None:
                self._matrix = Incidence(self.activities, self._by_actor)
            return self._matrix

    def shortest_paths(self, source: str, target: str, max_paths: int = 5, *,
                       since: int | None = None, until: int | None = None,
                       via: str | Iterable[str] | None = None) -> list[tuple[Step, ...]]:
        """Up to ``max_paths`` shortest chains of shared activities from ``source`` to ``target``.

        Each path is a tuple of :class:`Step` (actor, activity, actor); paths come in a
        stable order (by the IRIs along them). ``[]`` when the two are not connected;
        ``[()]`` when they are the same actor.
        """
        self.actor(source)
        self.actor(target)
        if max_paths < 1:
            raise InvalidInput(f"max_paths must be 1 or more, not {max_paths}")
        admit = self._admit(since, until, via)
        if source == target:
            return [()]
        by_actor, members = self._by_actor, self._members
        level = {source: 0}
        parents: dict[str, list[tuple[str, str]]] = defaultdict(list)
        frontier, hop = [source], 0
        while frontier and target not in level:
            hop += 1
            following = []
            for current in frontier:
                for act in by_actor.get(current, ()):
                    if admit is not None and not admit(act):
                        continue
                    for other in members[act]:
                        seen = level.get(other)
                        if seen is None:
                            level[other] = hop
                            following.append(other)
                            seen = hop
                        if seen == hop:
                            parents[other].append((current, act))
            frontier = following
        if target not in level:
            return []
        paths: list[tuple[Step, ...]] = []

        def walk(node: str, tail: tuple[Step, ...]) -> None:
            if len(paths) >= max_paths:
                return
            if node == source:
                paths.append(tail)
                return
            for previous, act in sorted(set(parents[node])):
                walk(previous, (Step(previous, act, node),) + tail)

        walk(target, ())
        return paths


# ---------------------------------------------------------------------- cache

_cache: "weakref.WeakKeyDictionary[Store, dict[bool, tuple[int, ActivityIndex]]]" = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def index_for(store: Store, include_extracted: bool = False) -> ActivityIndex:
    """The activity index of ``store``, rebuilt only after the store has been written to."""
    with _cache_lock:
        cached = _cache.get(store, {}).get(include_extracted)
        if cached and cached[0] == store.version:
            return cached[1]
    version = store.version  # read before building: a write meanwhile makes the next call rebuild
    index = ActivityIndex.from_store(store, include_extracted=include_extracted)
    with _cache_lock:
        _cache.setdefault(store, {})[include_extracted] = (version, index)
    return index

