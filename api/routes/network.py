"""``/partners``, ``/paths``, ``/timeline``: who works with whom, how they connect, and when."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep
from api.models import PartnerGraph, Paths, Timeline
from api.views.neighbourhood import neighbourhood
from api.views.network import paths, timeline
from graph.ids import entity_iri

router = APIRouter(tags=["network"])

Since = Annotated[int | None, Query(description="First year of the window (inclusive).", examples=[2015])]
Until = Annotated[int | None, Query(description="Last year of the window (inclusive).", examples=[2025])]
Via = Annotated[str | None, Query(
    description="Only these kinds of activity, comma-separated: agreement, event, series, project, "
                "membership, partnership.", examples=["agreement,project"])]
Include = Annotated[Literal["extracted"] | None, Query(
    description="include=extracted also counts facts extracted by a program and not yet reviewed.")]


@router.get("/partners/{id:path}", response_model=PartnerGraph, summary="The partner neighbourhood of an actor")
async def partners(
    id: str, store: StoreDep, settings: SettingsDep,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops out from the actor.")] = 1,
    since: Since = None, until: Until = None, via: Via = None, include: Include = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Most nodes to return, nearest and most linked first.")] = 100,
    per_edge: Annotated[int, Query(ge=1, le=1000, description="Most activities listed on one edge, newest "
                                   "first (weight and kinds still count them all).")] = 5,
) -> Response:
    """Nodes (actors, with their hop distance) and edges; each edge lists the activities that
    link the two, with kind, labels, dates and the documents stating them. An unknown id is a
    404 with ``suggestions``.

    Example: ``curl 'http://localhost:8000/partners/org/moj-vn?depth=1&via=agreement&since=2015'``
    """
    iri = entity_iri(id, settings.base_iri)
    body = await run_in_threadpool(neighbourhood, store, iri, id, depth, since, until, via,
                                   include == "extracted", limit, per_edge)
    # JSON shaped like PartnerGraph, written by the view: see api/views/neighbourhood.py.
    return Response(body, media_type="application/json")


@router.get("/paths", response_model=Paths, summary="Shortest cooperation paths between two actors")
async def shortest_paths(
    store: StoreDep, settings: SettingsDep,
    source: Annotated[str, Query(alias="from", description="kind/slug or IRI", examples=["org/thads-dept-vn"])],
    target: Annotated[str, Query(alias="to", description="kind/slug or IRI", examples=["org/moj-la"])],
    max: Annotated[int, Query(ge=1, le=50, description="Most paths to return.")] = 5,
    since: Since = None, until: Until = None, via: Via = None, include: Include = None,
) -> Paths:
    """Each path is a list of steps; each step names the activity two actors share, its
    date, documents and quoted evidence. ``connected: false`` and no paths when none exists.

    Example: ``curl 'http://localhost:8000/paths?from=org/thads-dept-vn&to=org/moj-la'``
    """
    a, b = entity_iri(source, settings.base_iri), entity_iri(target, settings.base_iri)
    return await run_in_threadpool(paths, store, a, source, b, target, max, since, until, via,
                                   include == "extracted")


@router.get("/timeline", response_model=Timeline, summary="Activities per year, by kind")
async def activity_timeline(
    store: StoreDep, settings: SettingsDep,
    entity: Annotated[str | None, Query(description="Only this actor's activities (kind/slug or IRI).",
                                        examples=["org/moj-vn"])] = None,
    by: Annotated[str, Query(description="Only year for now.")] = "year",
    via: Via = None, include: Include = None,
) -> Timeline:
    """Counts of agreements, events, series, projects, memberships and partnerships per year
    (the year signed or started); ``year: null`` counts the undated ones.

    Example: ``curl 'http://localhost:8000/timeline?entity=org/moj-vn'``
    """
    iri = entity_iri(entity, settings.base_iri) if entity else None
    return await run_in_threadpool(timeline, store, iri, entity, by, via, include == "extracted")
