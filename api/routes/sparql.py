"""The SPARQL 1.1 protocol endpoint (read-only)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep
from graph.errors import InvalidQuery
from graph.results import write
from graph.store import GraphResult, Limits

router = APIRouter(tags=["sparql"])


async def _query_text(request: Request) -> str | None:
    if request.method == "GET":
        return request.query_params.get("query")
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if content_type == "application/sparql-query":
        return (await request.body()).decode("utf-8")
    form = await request.form()
    value = form.get("query")
    return value if isinstance(value, str) else None


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query endpoint")
async def sparql(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    query = await _query_text(request)
    if not query:
        raise InvalidQuery("Missing the 'query' parameter")
    limits = Limits(timeout=settings.query_timeout, cap=settings.result_cap)
    result = await run_in_threadpool(store.query, query, limits=limits)
    body, media_type = write(result, "turtle" if isinstance(result, GraphResult) else "json")
    return Response(body, media_type=media_type)
