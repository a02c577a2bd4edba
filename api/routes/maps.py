"""``/maps/…``: the interactive relationship maps, as self-contained HTML pages."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from pydantic import BeforeValidator

from api.deps import SettingsDep, StoreDep
from graph.ids import entity_iri
from graph.maps import MAX_DEPTH, MAX_NODES, service
from graph.maps.page import assets

router = APIRouter(prefix="/maps", tags=["maps"])

# A form left blank sends "since=": that means "no limit", not an error.
_blank_is_none = BeforeValidator(lambda value: None if value == "" else value)
Since = Annotated[int | None, _blank_is_none,
                  Query(description="First year of the window (inclusive).", examples=[2015])]
Until = Annotated[int | None, _blank_is_none,
                  Query(description="Last year of the window (inclusive).", examples=[2025])]
Via = Annotated[str | None, _blank_is_none, Query(
    description="Only links through these kinds of activity, comma-separated: agreement, event, "
                "series, project, membership, partnership.", examples=["agreement,project"])]
Include = Annotated[Literal["extracted"] | None, _blank_is_none, Query(
    description="include=extracted also draws facts extracted by a program and not yet reviewed.")]
Types = Annotated[str | None, _blank_is_none, Query(
    description="Only these classes of node, comma-separated short names (GovernmentBody, JudicialBody, "
                "PartyBody, Association, InternationalOrganization, EducationalInstitution, Country, "
                "Person, Organization).")]
Lang = Annotated[Literal["vi", "en"], Query(description="The language the map opens in; readers can switch.")]
Cap = Annotated[int, Query(ge=1, le=5000, description="Most nodes drawn; the most central are kept.")]


def _page(html: str, kind: str = "map") -> HTMLResponse:
    # The same policy as the page's own <meta>, so that proxies and old browsers agree.
    return HTMLResponse(html, headers={"Content-Security-Policy": assets(kind)["csp"],
                                       "X-Content-Type-Options": "nosniff"})


@router.get("/network.html", response_class=HTMLResponse, summary="Map of the whole cooperation network")
async def network(
    store: StoreDep, since: Since = None, until: Until = None,
    types: Types = None, via: Via = None, include: Include = None, lang: Lang = "vi", cap: Cap = MAX_NODES,
) -> HTMLResponse:
    """Organisations linked by the agreements, events, projects, memberships and partnerships
    they share. Example: ``curl -o network.html 'http://127.0.0.1:8000/maps/network.html?since=2015'``
    """
    html = await run_in_threadpool(
        service.network_page, store, since=since, until=until, types=types, via=via,
        include_extracted=include == "extracted", lang=lang, cap=cap, link_base="/")
    return _page(html)


@router.get("/overview.html", response_class=HTMLResponse, summary="WebGL overview of every organisation")
async def overview(
    store: StoreDep, since: Since = None, until: Until = None, types: Types = None, via: Via = None,
    include: Include = None, lang: Lang = "vi",
) -> HTMLResponse:
    """All nodes at once (sigma.js on WebGL), for networks bigger than a map's cap.
    Example: ``curl -o overview.html 'http://127.0.0.1:8000/maps/overview.html'``
    """
    html = await run_in_threadpool(
        service.overview_page, store, since=since, until=until, types=types, via=via,
        include_extracted=include == "extracted", lang=lang, link_base="/")
    return _page(html, "overview")


@router.get("/partners/{id:path}.html", response_class=HTMLResponse, summary="Map of one actor's partners")
async def partners(
    id: str, store: StoreDep, settings: SettingsDep,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Hops out from the actor.")] = 1,
    since: Since = None, until: Until = None, via: Via = None, include: Include = None,
    lang: Lang = "vi", cap: Cap = MAX_NODES,
) -> HTMLResponse:
    """The ego map of ``id`` (``kind/slug`` such as ``org/moj-vn``, or a URL-encoded IRI).
    Example: ``curl -o moj.html 'http://127.0.0.1:8000/maps/partners/org/moj-vn.html?depth=2'``
    """
    iri = entity_iri(id, settings.base_iri)
    html = await run_in_threadpool(
        service.partners_page, store, iri, depth=depth, since=since, until=until, via=via,
        include_extracted=include == "extracted", lang=lang, cap=cap, link_base="/")
    return _page(html)


@router.get("/countries.html", response_class=HTMLResponse, summary="Map of cooperation between countries")
async def countries(
    store: StoreDep, since: Since = None, until: Until = None, via: Via = None, include: Include = None,
    lang: Lang = "vi", cap: Cap = MAX_NODES,
) -> HTMLResponse:
    """Countries linked through their organisations' shared activities.
    Example: ``curl -o countries.html 'http://127.0.0.1:8000/maps/countries.html'``
    """
    html = await run_in_threadpool(
        service.countries_page, store, since=since, until=until, via=via,
        include_extracted=include == "extracted", lang=lang, cap=cap, link_base="/")
    return _page(html)
