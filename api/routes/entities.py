"""``/entities``: search by label, and one entity with its relations and provenance."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep
from api.models import EntityDetail, SearchResults
from api.views.entities import describe_entity, search_entities
from graph.ids import entity_iri

router = APIRouter(tags=["entities"])


@router.get("/entities", response_model=SearchResults, summary="Search entities by label")
async def entities(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Words of a Vietnamese or English label or alias, or an "
                                   "abbreviation; case and diacritics are ignored.", examples=["bo tu phap"])] = None,
    type: Annotated[list[str], Query(description="A class: short name (GovernmentBody, Country, Event), "
                                     "prefixed name (schema:Event) or full IRI; sub-classes included. "
                                     "Repeat or comma-separate for several.", examples=["GovernmentBody"])] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> SearchResults:
    """Ranked: exact labels and abbreviations first, then label prefixes, whole words and
    substrings. Without ``q``, every entity of the given types in label order.

    Example: ``curl 'http://localhost:8000/entities?q=bo%20tu%20phap&limit=3'``
    """
    return await run_in_threadpool(search_entities, store, q, type, limit, offset)


@router.get("/entities/{id:path}", response_model=EntityDetail, summary="One entity, its relations and their evidence")
async def entity(id: str, store: StoreDep, settings: SettingsDep) -> EntityDetail:
    """``id`` is ``kind/slug`` (``org/moj-vn``) or a full, URL-encoded IRI. An unknown id is a
    404 whose problem body lists ``suggestions`` from search.

    Example: ``curl http://localhost:8000/entities/org/moj-vn``
    """
    iri = entity_iri(id, settings.base_iri)
    return await run_in_threadpool(describe_entity, store, iri, id)
