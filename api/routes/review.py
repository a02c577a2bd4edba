"""Ingest and review over HTTP: ``POST /documents``, ``GET /documents/{id}/facts``,
``POST /facts/{id}/accept`` and ``POST /facts/{id}/reject``.

Every write needs ``Authorization: Bearer $COOP_API_TOKEN`` (403 when the service has no
token, 401 when it is missing or wrong). This router is included before ``documents`` so
that ``/documents/{id}/facts`` is not taken for a document id.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.auth import require_writer
from api.deps import SettingsDep, StoreDep
from graph.errors import InvalidInput

router = APIRouter(tags=["review"])

AuthHeader = Annotated[Optional[str], Header(alias="Authorization", include_in_schema=False)]


def _row(row) -> dict[str, Any]:
    return {"id": row.id, "iri": row.iri, "document": row.document, "type": row.type, "label": row.label,
            "confidence": row.confidence, "status": row.status, "quote": row.quote}


@router.get("/documents/{doc_id}/facts", summary="The facts extracted from an ingested article")
async def document_facts(doc_id: str, store: StoreDep, settings: SettingsDep,
                         status: Optional[str] = Query(None, pattern="^(extracted|accepted|rejected)$")) -> dict:
    """Facts awaiting review (``extracted``), accepted and rejected, with a quote of the evidence.

    Example: ``curl http://localhost:8000/documents/003/facts?status=extracted``
    """
    from graph.ingest.review import list_facts

    rows = await run_in_threadpool(list_facts, store, doc_id, settings.base_iri)
    return {"document": doc_id, "facts": [_row(r) for r in rows if status is None or r.status == status]}


async def _article(request: Request, name: str, limit: int):
    from graph.ingest.reader import decode

    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InvalidInput("send the article as a file field named 'file'")
        return decode(await upload.read(), upload.filename or name, max_bytes=limit)
    if content_type not in ("text/plain", "text/html", ""):
        raise InvalidInput(f"send the article as text/plain, text/html or multipart/form-data, not {content_type}")
    return decode(await request.body(), name, max_bytes=limit)


@router.post("/documents", status_code=201, summary="Ingest an article (text body or multipart file)")
async def ingest_document(request: Request, store: StoreDep, settings: SettingsDep, authorization: AuthHeader = None,
                          id: Optional[str] = Query(None, description="Document id; default: a hash of the text."),
                          dry_run: bool = Query(False, description="Extract and answer, store nothing.")) -> dict:
    """Extract the facts of a Vietnamese article into ``…/graph/extracted/{id}`` for review.

    Example: ``curl -X POST -H "Authorization: Bearer $COOP_API_TOKEN" -H "Content-Type: text/plain;
    charset=utf-8" --data-binary @article.txt http://localhost:8000/documents``
    """
    require_writer(authorization, settings)
    from graph.ingest.config import IngestSettings
    from graph.ingest.review import ingest

    article = await _article(request, "request body", IngestSettings().max_bytes)
    result, _ = await run_in_threadpool(lambda: ingest(store, article, doc_id=id, base=settings.base_iri,
                                                       dry_run=dry_run))
    ex = result.extraction
    return {
        "document": ex.doc_id, "graph": result.graph, "stored": not dry_run, "triples": result.triples,
        "entities": len(ex.entities), "skipped": result.skipped,
        "facts": [{"iri": f.iri, "id": f.iri.split("/id/", 1)[-1], "kind": f.kind, "label": f.label,
                   "confidence": round(f.confidence, 2),
                   "evidence": [{"start": s, "end": e, "quote": ex.text[s:e]} for s, e in f.quotes]}
                  for f in ex.facts if f.iri],
    }


@router.post("/facts/{fact_id:path}/accept", summary="Accept an extracted fact: it becomes curated")
async def accept_fact(fact_id: str, store: StoreDep, settings: SettingsDep, authorization: AuthHeader = None) -> dict:
    """``fact_id`` is ``kind/slug`` as ``GET /documents/{id}/facts`` lists it, or the full IRI.

    Example: ``curl -X POST -H "Authorization: Bearer $COOP_API_TOKEN"
    http://localhost:8000/facts/agreement/003-agreement-03d9a57b92/accept``
    """
    require_writer(authorization, settings)
    from graph.ingest.review import accept

    count = await run_in_threadpool(accept, store, fact_id, base=settings.base_iri)
    return {"fact": fact_id, "status": "accepted", "count": count}


@router.post("/facts/{fact_id:path}/reject", summary="Reject an extracted fact")
async def reject_fact(fact_id: str, store: StoreDep, settings: SettingsDep, authorization: AuthHeader = None) -> dict:
    """Removes the fact and records the rejection, so re-ingesting the article does not bring it back.

    Example: ``curl -X POST -H "Authorization: Bearer $COOP_API_TOKEN"
    http://localhost:8000/facts/event/003-event-5ff55a6efc/reject``
    """
    require_writer(authorization, settings)
    from graph.ingest.review import reject

    count = await run_in_threadpool(reject, store, fact_id, base=settings.base_iri)
    return {"fact": fact_id, "status": "rejected", "count": count}
