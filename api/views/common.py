"""Pieces every view shares: links with labels, evidence, and 404s that suggest."""

from __future__ import annotations

from rdflib import Literal, URIRef

from api.models import EntityRef, Evidence
from api.views.labels import Labels
from graph import queries
from graph.errors import NotFound
from graph.ids import document_id, short_id
from graph.results import short
from graph.search import normalise, search
from graph.store import Store

CURATION = "https://w3id.org/coop/ontology#status-"


def href(iri: str) -> str | None:
    """Where the API describes ``iri``: ``/entities/kind/slug`` or ``/documents/id``."""
    sid = short_id(iri)
    if sid is None:
        return None
    return f"/documents/{sid[4:]}" if sid.startswith("doc/") else f"/entities/{sid}"


def ref(iri: str, labels: Labels) -> EntityRef:
    names = labels.names.get(iri, {})
    return EntityRef(id=short_id(iri), iri=iri, label_vi=names.get("vi"), label_en=names.get("en"),
                     types=sorted(short(URIRef(t)) for t in labels.types.get(iri, ())), href=href(iri))


def evidence(row: dict) -> Evidence | None:
    """An :class:`Evidence` from a row with ?ev ?source ?start ?end ?quote ?status, if ?ev is bound."""
    if "ev" not in row:
        return None
    source = str(row["source"]) if "source" in row else None
    status = str(row["status"]) if "status" in row else None
    return Evidence(
        iri=str(row["ev"]), document=document_id(source) if source else None, document_iri=source,
        start=_int(row.get("start")), end=_int(row.get("end")),
        quote=str(row["quote"]) if "quote" in row else None,
        status=status.removeprefix(CURATION) if status else None)


def _int(term) -> int | None:
    if term is None:
        return None
    try:
        return int(term.toPython() if isinstance(term, Literal) else term)
    except (TypeError, ValueError):
        return None


def suggestions(store: Store, text: str, labels: Labels, limit: int = 5) -> list[dict]:
    """Entities whose labels look like ``text`` (a slug, an IRI or words)."""
    words = normalise(text.rstrip("/").rsplit("/", 1)[-1].replace("-", " "))
    hits = search(store, words, limit=limit) if words else []
    if not hits and " " in words:  # "moj vnx": try the words one by one
        hits = [h for w in words.split() for h in search(store, w, limit=limit)][:limit]
    return [ref(h.iri, labels).model_dump(exclude_none=True) for h in hits]


def unknown(store: Store, iri: str, text: str, labels: Labels, what: str = "entity") -> NotFound:
    """A 404 naming what was asked, with ``suggestions`` from search in the problem body."""
    error = NotFound(f"No {what} {text!r} (<{iri}>) in the graph.")
    error.extra = {"suggestions": suggestions(store, text, labels)}
    return error


def require_entity(store: Store, iri: str, text: str, labels: Labels) -> None:
    if not store.ask(queries.load("api_entity_exists"), {"entity": URIRef(iri)}):
        raise unknown(store, iri, text, labels)
