"""The SPARQL 1.1 Protocol endpoint: queries for everyone, updates for the token holder.

``GET /sparql?query=…``, ``POST`` form-encoded (``query=`` or ``update=``), ``POST
application/sparql-query`` and ``POST application/sparql-update``; ``default-graph-uri``
and ``named-graph-uri``; results by ``Accept`` or ``format=``; ``GET /sparql`` alone is the
service description. Every query runs in the :class:`~api.runner.QueryRunner` under the
time limit and result cap, so a slow query never holds up other requests.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api import negotiation as neg
from api.auth import require_writer
from api.errors import UnsupportedMediaType
from api.runner import QueryRunner
from api.service_description import RDFLIB_FORMATS, describe
from api.sparql_text import QUERY_FORMS, line_column, outline
from graph.errors import Forbidden, InvalidInput, InvalidQuery
from graph.results import write, write_raw
from graph.settings import Settings
from graph.store import GraphResult, Limits, Store

router = APIRouter(tags=["sparql"])

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")
SD_OFFERS = (neg.TURTLE, neg.NTRIPLES, neg.JSONLD, neg.RDFXML, neg.HTML)

_QUERY_EXAMPLE = (
    "PREFIX coop: <https://w3id.org/coop/ontology#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "SELECT ?agreement ?label WHERE {\n"
    "  ?agreement a coop:Agreement ; coop:party <https://w3id.org/coop/id/org/moj-vn> ;\n"
    "             skos:prefLabel ?label FILTER(LANG(?label) = \"en\")\n"
    "} LIMIT 10"
)
_OPENAPI_POST = {
    "requestBody": {
        "required": True,
        "content": {
            QUERY: {"schema": {"type": "string"}, "example": _QUERY_EXAMPLE},
            UPDATE: {"schema": {"type": "string"},
                     "example": "INSERT DATA { GRAPH <https://w3id.org/coop/graph/notes> { "
                                "<https://w3id.org/coop/id/org/moj-vn> <http://www.w3.org/2004/02/skos/core#note> \"checked\"@en } }"},
            FORM: {"schema": {"type": "object", "properties": {
                "query": {"type": "string"}, "update": {"type": "string"},
                "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                "format": {"type": "string"}}}, "example": {"query": _QUERY_EXAMPLE}},
        },
    },
    "responses": {"200": {"description": "Query results", "content": {
        f.media_type: {} for f in (*neg.RESULT_FORMATS, *neg.GRAPH_FORMATS)}},
        "204": {"description": "The update was applied"}},
}
_OPENAPI_GET = {
    "parameters": [
        {"name": "query", "in": "query", "schema": {"type": "string"}, "example": _QUERY_EXAMPLE,
         "description": "The SPARQL query; without it the service description is returned."},
        {"name": "default-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "named-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "format", "in": "query", "schema": {"type": "string"},
         "description": "json, xml, csv, tsv (SELECT/ASK); turtle, ntriples, jsonld, rdfxml, trig, nquads "
                        "(CONSTRUCT/DESCRIBE). Overrides Accept."},
    ],
    "responses": {"200": {"description": "Results, or the service description", "content": {
        f.media_type: {} for f in (*neg.RESULT_FORMATS, *neg.GRAPH_FORMATS)}}},
}


def _state(request: Request) -> tuple[Store, Settings, QueryRunner]:
    """The app's store, settings and runner, read directly: FastAPI runs a plain ``def``
    dependency in its thread pool, three thread hops a request for three attributes."""
    state = request.app.state
    return state.store, state.settings, state.runner


@router.get("/sparql", summary="SPARQL 1.1 query (GET), or the service description",
            openapi_extra=_OPENAPI_GET)
async def sparql_get(request: Request) -> Response:
    store, settings, runner = _state(request)
    params = request.query_params
    if "update" in params:
        raise InvalidInput("A SPARQL Update must be sent with POST (form field update= or application/sparql-update).")
    if "query" not in params:
        return await _service_description(request, store, settings, runner)
    return await _answer(
        params.get("query", ""), params.getlist("default-graph-uri"), params.getlist("named-graph-uri"),
        params.get("format"), request.headers.get("accept"), store, settings, runner)


@router.post("/sparql", summary="SPARQL 1.1 query or update (POST)", openapi_extra=_OPENAPI_POST)
async def sparql_post(request: Request) -> Response:
    store, settings, runner = _state(request)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url = request.query_params
    accept, authorization = request.headers.get("accept"), request.headers.get("authorization")
    if media_type == QUERY:
        return await _answer(await _text(request), url.getlist("default-graph-uri"), url.getlist("named-graph-uri"),
                             url.get("format"), accept, store, settings, runner)
    if media_type == UPDATE:
        return await _update(await _text(request), url, authorization, store, settings, runner)
    if media_type != FORM:
        raise UnsupportedMediaType(
            f"POST /sparql takes {FORM}, {QUERY} or {UPDATE}, not {media_type or 'a body without Content-Type'}.")
    fields = _form(await _text(request))
    queries, updates = fields.get("query", []), fields.get("update", [])
    if len(queries) + len(updates) != 1:
        raise InvalidInput("Send exactly one 'query' or one 'update' field.")
    if updates:
        return await _update(updates[0], fields, authorization, store, settings, runner)
    fmt = (fields.get("format") or [url.get("format")])[0]
    return await _answer(queries[0], fields.get("default-graph-uri", []), fields.get("named-graph-uri", []),
                         fmt, accept, store, settings, runner)


async def _text(request: Request) -> str:
    body = await request.body()
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"The request body is not UTF-8 (byte {exc.start}).") from None


def _form(body: str) -> dict[str, list[str]]:
    """The form fields of a url-encoded body, decoded once, every value of each kept."""
    fields: dict[str, list[str]] = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        fields.setdefault(key, []).append(value)
    return fields


def _graph_iris(values: list[str], name: str) -> list[str]:
    for value in values:
        if not _IRI.match(value):
            raise InvalidInput(f"{name} must be an absolute IRI, not {value!r}.")
    return values


def _refuse_service(text: str, offset: int | None, settings: Settings) -> None:
    if offset is not None and not settings.allow_service:
        line, column = line_column(text, offset)
        raise Forbidden(
            f"SERVICE (federated query) is not allowed on this endpoint (line {line}, column {column}): "
            "it would make the server fetch a URL of the client's choosing. "
            "The operator can allow it with COOP_ALLOW_SERVICE=true.")


async def _answer(query: str, default_graphs: list[str], named_graphs: list[str], fmt: str | None,
                  accept: str | None, store: Store, settings: Settings, runner) -> Response:
    if not query.strip():
        raise InvalidQuery("The 'query' parameter is empty.")
    neg.check_format_name(fmt, neg.RESULT_FORMATS, neg.GRAPH_FORMATS)
    form, service = outline(query)
    if form == "UPDATE":
        raise InvalidQuery("This is a SPARQL Update, not a query: POST it as application/sparql-update "
                           "or in the form field update=, with the API token.")
    _refuse_service(query, service, settings)
    # Negotiate before running, so an unacceptable request costs no query time.
    offers = neg.GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else neg.RESULT_FORMATS
    chosen = neg.choose(accept, offers, fmt) if form in QUERY_FORMS else None
    limits = Limits(timeout=settings.query_timeout, cap=settings.result_cap)
    defaults = _graph_iris(default_graphs, "default-graph-uri")
    named = _graph_iris(named_graphs, "named-graph-uri")

    def run() -> tuple[bytes, str]:
        if chosen is None:  # a form the lexer cannot tell: let the result's kind decide
            result = store.query(query, default_graphs=defaults or None, named_graphs=named or None, limits=limits)
            picked = neg.choose(accept, neg.GRAPH_FORMATS if isinstance(result, GraphResult)
                                else neg.RESULT_FORMATS, fmt)
            return write(result, picked.name)
        graph_format = chosen.name if offers is neg.GRAPH_FORMATS else "ntriples"
        raw = store.query_raw(query, graph_format, default_graphs=defaults or None, named_graphs=named or None,
                              limits=limits)
        return write_raw(raw, chosen.name)

    body, media_type = await runner.run(run, settings.query_timeout)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


async def _update(update: str, params, authorization: str | None, store: Store, settings: Settings,
                  runner) -> Response:
    require_writer(authorization, settings)
    if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
        raise InvalidInput("using-graph-uri and using-named-graph-uri are not supported; "
                           "name the graphs in the update (USING / WITH).")
    if not update.strip():
        raise InvalidQuery("The update is empty.")
    form, service = outline(update)
    if form in QUERY_FORMS:
        raise InvalidQuery("This is a query, not an update: send it as query= (GET or POST).")
    _refuse_service(update, service, settings)
    # Writes are not abandoned half-way: no deadline, but still off the event loop.
    await runner.run(lambda: store.update(update), None)
    return Response(status_code=204)


async def _service_description(request: Request, store: Store, settings: Settings, runner) -> Response:
    fmt = request.query_params.get("format")
    chosen = neg.choose(request.headers.get("accept"), SD_OFFERS, fmt)
    if chosen is neg.HTML:
        # A person with a browser: the query editor on the home page.
        return RedirectResponse("/#sparql", status_code=303)
    graphs = await runner.run(store.graphs, settings.query_timeout)
    endpoint = str(request.url_for("sparql_get"))
    body = describe(endpoint, graphs, settings).serialize(format=RDFLIB_FORMATS[chosen.name], encoding="utf-8")
    return Response(body, media_type=chosen.media_type, headers={"Vary": "Accept"})
