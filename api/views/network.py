"""Cooperation paths, timelines and top partners, from the activity index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from api.models import ActivityRef, EntityRef, Evidence, Path, Paths, Step, Timeline, YearCount
from api.views.common import href, unknown
from api.views.labels import labels_for
from api.views.neighbourhood import links_for
from graph.activities import KINDS, Activity, ActivityIndex, check_kinds, index_for
from graph.errors import InvalidInput
from graph.ids import document_id, short_id
from graph.store import Store


def _actor(store: Store, index: ActivityIndex, iri: str, text: str) -> None:
    if iri not in index.actors:
        raise unknown(store, iri, text, labels_for(store), what="organisation, country or person")


def _ref(index: ActivityIndex, iri: str) -> EntityRef:
    actor = index.actors.get(iri)
    return EntityRef(id=short_id(iri), iri=iri, label_vi=actor.label_vi if actor else None,
                     label_en=actor.label_en if actor else None, types=[actor.cls] if actor else [], href=href(iri))


def activity_ref(activity: Activity, ends: Iterable[str] = (), evidence: bool = False) -> ActivityRef:
    return ActivityRef(
        id=short_id(activity.iri), iri=activity.iri, kind=activity.kind,
        subkind=_prefixed(activity.subkind), label_vi=activity.label_vi, label_en=activity.label_en,
        start=activity.start, end=activity.end, year=activity.year, planned=activity.planned,
        extracted=activity.extracted, documents=[document_id(d) or d for d in activity.documents],
        roles={short_id(e) or e: list(activity.participants.get(e, ())) for e in ends},
        evidence=[Evidence(document=document_id(e.document), document_iri=e.document, start=e.start, end=e.end,
                           quote=e.quote) for e in activity.evidence] if evidence else [],
        href=href(activity.iri))


def _prefixed(iri: str | None) -> str | None:
    if iri and iri.startswith("https://w3id.org/coop/ontology#"):
        return "coop:" + iri.rsplit("#", 1)[1]
    return iri


def paths(store: Store, source: str, source_text: str, target: str, target_text: str, max_paths: int,
          since: int | None, until: int | None, via: str | None, include_extracted: bool) -> Paths:
    """The shortest chains of shared activities from ``source`` to ``target``, each step explained."""
    index = index_for(store, include_extracted)
    _actor(store, index, source, source_text)
    _actor(store, index, target, target_text)
    found = index.shortest_paths(source, target, max_paths, since=since, until=until, via=via)
    return Paths(
        source=_ref(index, source), target=_ref(index, target), connected=bool(found),
        paths=[Path(length=len(chain), steps=[
            Step(source=_ref(index, step.source), target=_ref(index, step.target),
                 activity=activity_ref(index.activities[step.activity], (step.source, step.target), evidence=True))
            for step in chain]) for chain in found])


def timeline(store: Store, entity: str | None, text: str | None, by: str, via: str | None,
             include_extracted: bool) -> Timeline:
    """Activities per year (by the year they were signed or started), by kind."""
    if by != "year":
        raise InvalidInput(f"by={by!r} is not supported; use by=year.")
    kinds = check_kinds(via)
    index = index_for(store, include_extracted)
    if entity is not None:
        _actor(store, index, entity, text or entity)
        chosen = index.activities_of(entity, via=kinds)
    else:
        chosen = index.select(via=kinds)
    per_year: dict[int | None, Counter[str]] = defaultdict(Counter)
    for activity in chosen:
        per_year[activity.year][activity.kind] += 1
    shown = [k for k in KINDS if kinds is None or k in kinds]
    years = sorted(per_year, key=lambda y: (y is None, y or 0))
    return Timeline(
        entity=_ref(index, entity) if entity else None, by=by, include_extracted=include_extracted, kinds=shown,
        years=[YearCount(year=y, total=sum(per_year[y].values()), counts={k: per_year[y][k] for k in shown})
               for y in years])


def top_partners(store: Store, actor: str, limit: int = 10) -> list[dict]:
    """The partners ``actor`` shares most activities with (curated facts only); [] if unknown."""
    index = index_for(store)
    if actor not in index.actors:
        return []
    links = links_for(store, False)
    found, ranked = links.links(actor), links.ranked(actor)[:limit]
    return [{"id": short_id(a), "iri": a, "label_vi": index.actors[a].label_vi,
             "label_en": index.actors[a].label_en, "weight": len(found[a])} for a in ranked]
