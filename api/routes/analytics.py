"""``/analytics/…``: centrality rankings, communities, growth over time, network summary.

Every answer comes from a NetworkX projection of the activity index (organisations, or
countries with ``level=country``), cut to ``since``/``until`` and to kinds of activity
(``via``). Projections and rankings are cached per store version
(:mod:`graph.analytics.cache`), so asking again costs a dictionary lookup.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import SettingsDep, StoreDep
from api.views.common import unknown
from api.views.labels import labels_for
from graph.activities import Actor, index_for
from graph.analytics import cache
from graph.analytics.centrality import MEASURES, check_measure
from graph.analytics.communities import METHODS, modularity
from graph.analytics.evolution import check_level
from graph.analytics.summary import summarise
from graph.ids import entity_iri, short_id
from graph.store import Store

router = APIRouter(prefix="/analytics", tags=["analytics"])

Measure = Annotated[str, Query(description=f"One of: {', '.join(MEASURES)}.", examples=["pagerank"])]
Level = Annotated[str, Query(description="org: organisations (and countries taking part themselves); "
                                         "country: actors rolled up to their countries.", examples=["org"])]
Since = Annotated[int | None, Query(description="First year of the window (inclusive). With a window, "
                                                "undated activities are left out.", examples=[2015])]
Until = Annotated[int | None, Query(description="Last year of the window (inclusive).", examples=[2024])]
Via = Annotated[str | None, Query(description="Only these kinds of activity, comma-separated: agreement, "
                                              "event, series, project, membership, partnership.")]
Include = Annotated[Literal["extracted"] | None, Query(
    description="include=extracted also counts facts extracted by a program and not yet reviewed.")]


class NodeRef(BaseModel):
    iri: str
    id: str | None = Field(None, description="kind/slug, usable in other endpoints.")
    label_vi: str | None = None
    label_en: str | None = None
    cls: str | None = Field(None, description="GovernmentBody, JudicialBody, …, Country, Person, Organization.")
    country: str | None = None


class Ranked(NodeRef):
    rank: int = Field(description="1 for the best; ties share a rank.")
    score: float


class Window(BaseModel):
    level: str
    since: int | None
    until: int | None
    via: list[str] | None
    include_extracted: bool


class Centrality(Window):
    measure: str
    weight: str | None = Field(description="The edge attribute the measure used (shared activities), if any.")
    sampled: bool = Field(description="True when estimated from k sampled sources (large graphs).")
    k: int | None
    seed: int | None
    nodes: int
    results: list[Ranked]


class Community(BaseModel):
    id: int = Field(description="0 is the largest community.")
    size: int
    members: list[NodeRef] = Field(description="Most connected first (weighted degree).")


class Communities(Window):
    method: str
    modularity: float
    count: int
    communities: list[Community]


class YearPoint(BaseModel):
    year: int
    nodes: int
    edges: int
    score: float | None = Field(None, description="The entity's score that year (null before it appears).")
    rank: int | None = None
    top: list[Ranked] | None = Field(None, description="The best nodes that year (when no entity is given).")


class Evolution(Window):
    measure: str
    entity: NodeRef | None
    series: list[YearPoint]


class Summary(Window):
    nodes: int
    edges: int
    density: float
    components: int
    largest_component: int
    isolates: int
    average_degree: float
    total_weight: int
    activities: int = Field(description="Activities in the window (of the kinds asked for).")
    undated_activities: int
    first_year: int | None
    last_year: int | None


def _window(level: str, since: int | None, until: int | None, via: str | None, include: str | None) -> dict:
    kinds = sorted(k.strip() for k in via.split(",") if k.strip()) if via else None
    return {"level": check_level(level), "since": since, "until": until, "via": kinds or None,
            "include_extracted": include == "extracted"}


def _ref(store: Store, iri: str, include_extracted: bool, base: str) -> dict[str, Any]:
    actor = index_for(store, include_extracted).actors.get(iri) or Actor(iri, None, None, "Country", iri)
    return {"iri": iri, "id": short_id(iri, base), "label_vi": actor.label_vi, "label_en": actor.label_en,
            "cls": actor.cls, "country": actor.country}


@router.get("/centrality", response_model=Centrality, summary="Who is central: a centrality ranking")
def centrality(store: StoreDep, settings: SettingsDep, measure: Measure = "degree",
               top: Annotated[int, Query(ge=1, le=1000, description="How many to return.")] = 10,
               level: Level = "org", since: Since = None, until: Until = None, via: Via = None,
               include: Include = None) -> dict:
    """The ``top`` actors by ``measure``, with labels in both languages. An unknown measure is a
    400 naming the allowed ones. ``sampled: true`` says betweenness was estimated (large graphs).

    Example: ``curl 'http://localhost:8000/analytics/centrality?measure=pagerank&top=10&since=2015'``
    """
    window = _window(level, since, until, via, include)
    ranking = cache.ranking(store, check_measure(measure), level, since, until, via, window["include_extracted"])
    results = [{**_ref(store, node, window["include_extracted"], settings.base_iri),
                "rank": ranking.position(node), "score": score} for node, score in ranking.top(top)]
    return {**window, "measure": measure, "weight": ranking.weight, "sampled": ranking.sampled, "k": ranking.k,
            "seed": ranking.seed, "nodes": ranking.nodes, "results": results}


@router.get("/communities", response_model=Communities, summary="Groups that cooperate among themselves")
def communities(store: StoreDep, settings: SettingsDep,
                method: Annotated[str, Query(description=f"One of: {', '.join(METHODS)}.")] = "louvain",
                level: Level = "org", since: Since = None, until: Until = None, via: Via = None,
                include: Include = None) -> dict:
    """Louvain communities (fixed seed, reproducible) or greedy modularity, largest first, with
    each community's members most connected first and the partition's modularity.

    Example: ``curl 'http://localhost:8000/analytics/communities?level=country'``
    """
    window = _window(level, since, until, via, include)
    extracted = window["include_extracted"]
    parts = cache.partition(store, method, level, since, until, via, extracted)
    G = cache.projection(store, level, since, until, via, extracted)
    strength = dict(G.degree(weight="weight"))
    found = [{"id": i, "size": len(part),
              "members": [_ref(store, n, extracted, settings.base_iri)
                          for n in sorted(part, key=lambda n: (-strength[n], n))]}
             for i, part in enumerate(parts)]
    return {**window, "method": method, "modularity": modularity(G, parts), "count": len(parts),
            "communities": found}


@router.get("/evolution", response_model=Evolution, summary="How a measure grew, year by year")
def evolution(store: StoreDep, settings: SettingsDep, measure: Measure = "degree",
              entity: Annotated[str | None, Query(description="kind/slug or IRI of one actor; at level=country "
                                                              "its country is followed.", examples=["org/moj-vn"])] = None,
              top: Annotated[int, Query(ge=1, le=100, description="Without an entity: how many best nodes per year.")] = 5,
              level: Level = "org", via: Via = None, include: Include = None) -> dict:
    """The measure on the network as it stood at the end of each year (every dated activity
    started by then). With ``entity``: its score and rank each year; without: the best
    ``top`` each year. An unknown entity is a 404 with ``suggestions``.

    Example: ``curl 'http://localhost:8000/analytics/evolution?measure=degree&entity=org/moj-vn'``
    """
    window = _window(level, None, None, via, include)
    extracted = window["include_extracted"]
    check_measure(measure)
    node, ref = None, None
    if entity is not None:
        iri = entity_iri(entity, settings.base_iri)
        actor = index_for(store, extracted).actors.get(iri)
        if actor is None:
            raise unknown(store, iri, entity, labels_for(store), what="organisation, country or person")
        node = actor.country if level == "country" else iri
        ref = _ref(store, iri, extracted, settings.base_iri)
    grown = cache.growth(store, measure, level, via, extracted)
    series = []
    for year in grown.years:
        ranking = grown.rankings[year]
        point: dict[str, Any] = {"year": year, "nodes": grown.sizes[year][0], "edges": grown.sizes[year][1]}
        if entity is not None:
            point.update(score=ranking.scores.get(node), rank=ranking.position(node))
        else:
            point["top"] = [{**_ref(store, n, extracted, settings.base_iri), "rank": ranking.position(n), "score": s}
                            for n, s in ranking.top(top)]
        series.append(point)
    return {**window, "measure": measure, "entity": ref, "series": series}


@router.get("/summary", response_model=Summary, summary="Size and shape of the network")
def summary(store: StoreDep, level: Level = "org", since: Since = None, until: Until = None, via: Via = None,
            include: Include = None) -> dict:
    """Nodes, edges, density, connected components, isolates; how many activities the window
    holds and how many of all activities have no date.

    Example: ``curl 'http://localhost:8000/analytics/summary?since=2015&until=2024'``
    """
    window = _window(level, since, until, via, include)
    index = index_for(store, window["include_extracted"])
    G = cache.projection(store, level, since, until, via, window["include_extracted"])
    chosen = index.select(since, until, via)
    years = [a.year for a in chosen if a.year is not None]
    return {**window, **summarise(G), "activities": len(chosen),
            "undated_activities": sum(1 for a in index.select(via=via) if a.year is None),
            "first_year": min(years, default=None), "last_year": max(years, default=None)}
