"""Linked data: every entity and document IRI dereferences under the service.

``https://w3id.org/coop/id/org/moj-vn`` is served at ``/id/org/moj-vn`` and
``https://w3id.org/coop/doc/000`` at ``/doc/000``: an HTML page for a browser (labels in
both languages, relations as links, evidence quotes), Turtle, JSON-LD, N-Triples or RDF/XML
for a program, chosen by ``Accept`` or ``format=``. Turtle is the default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from rdflib import Graph, URIRef

from api import negotiation as neg
from api.deps import SettingsDep, StoreDep
from api.rendering import render
from api.views.common import unknown
from api.views.documents import describe_document
from api.views.entities import describe_entity
from api.views.labels import labels_for
from graph import queries
from graph.ids import document_iri, entity_iri
from graph.results import PREFIXES
from graph.store import Store

router = APIRouter(tags=["linked data"])

OFFERS = (neg.TURTLE, neg.HTML, neg.JSONLD, neg.NTRIPLES, neg.RDFXML)
_RDFLIB = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "rdfxml": "xml"}
_RESPONSES = {200: {"description": "The description", "content": {f.media_type: {} for f in OFFERS}},
              404: {"description": "Unknown IRI; the problem body lists suggestions"}}


@router.get("/id/{kind}/{slug}", summary="Dereference an entity IRI", responses=_RESPONSES)
async def entity_page(kind: str, slug: str, request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """``…/id/{kind}/{slug}``: HTML for a browser, Turtle (default), JSON-LD, N-Triples or RDF/XML.

    Example: ``curl -H 'Accept: application/ld+json' http://localhost:8000/id/org/moj-vn``
    """
    text = f"{kind}/{slug}"
    return await _dereference(request, store, entity_iri(text, settings.base_iri), text,
                              describe_entity, "entity.html", "e")


@router.get("/doc/{id}", summary="Dereference a document IRI", responses=_RESPONSES)
async def document_page(id: str, request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """``…/doc/{id}``: the article's metadata and the facts drawn from it, as HTML or RDF.

    Example: ``curl http://localhost:8000/doc/003``
    """
    return await _dereference(request, store, document_iri(id, settings.base_iri), id,
                              describe_document, "document.html", "d")


async def _dereference(request: Request, store: Store, iri: str, text: str,
                       describe: Callable[[Store, str, str], Any], template: str, name: str) -> Response:
    """``iri`` in the format the request asks for: RDF, or ``describe(store, iri, text)``
    rendered by ``template``, where it is called ``name``."""
    chosen = neg.choose(request.headers.get("accept"), OFFERS, request.query_params.get("format"))
    if chosen is neg.HTML:
        detail = await run_in_threadpool(describe, store, iri, text)
        return render(request, template, **{name: detail})
    return await run_in_threadpool(_rdf, store, iri, text, chosen)


def _rdf(store: Store, iri: str, text: str, chosen: neg.Format) -> Response:
    triples = store.construct(queries.load("api_describe"), {"entity": URIRef(iri)})
    if not triples:
        raise unknown(store, iri, text, labels_for(store))
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("oa", "http://www.w3.org/ns/oa#")
    for triple in triples:
        graph.add(triple)
    if chosen is neg.JSONLD:
        body = graph.serialize(format="json-ld", context={**PREFIXES, "oa": "http://www.w3.org/ns/oa#"},
                               encoding="utf-8")
    else:
        body = graph.serialize(format=_RDFLIB[chosen.name], encoding="utf-8")
    return Response(body, media_type=chosen.media_type, headers={"Vary": "Accept"})
