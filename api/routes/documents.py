"""``/documents``: the source articles and the facts drawn from each, with evidence."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep
from api.models import DocumentDetail, DocumentList
from api.views.documents import describe_document, list_documents
from graph.ids import document_iri

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=DocumentList, summary="The source articles")
async def documents(store: StoreDep) -> DocumentList:
    """Each article's title, publisher, corpus file, checksum, size and how many facts it states.

    Example: ``curl http://localhost:8000/documents``
    """
    return await run_in_threadpool(list_documents, store)


@router.get("/documents/{id:path}", response_model=DocumentDetail, summary="One article and the facts drawn from it")
async def document(id: str, store: StoreDep, settings: SettingsDep) -> DocumentDetail:
    """``id`` is the article's id (``000``) or its full IRI. Every fact comes with the quoted
    sentences (character offsets into the corpus file) that support it.

    Example: ``curl http://localhost:8000/documents/003``
    """
    iri = document_iri(id, settings.base_iri)
    return await run_in_threadpool(describe_document, store, iri, id)
