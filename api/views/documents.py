"""Source documents: their metadata and the facts drawn from each, with evidence."""

from __future__ import annotations

from collections import defaultdict

from rdflib import Literal, URIRef

from api.models import DocumentDetail, DocumentList, DocumentSummary, EntityRef, Fact
from api.views.common import evidence, href, ref, unknown
from api.views.labels import Labels, labels_for
from graph import queries
from graph.ids import document_id, short_id
from graph.results import short
from graph.store import Store

_DCT = "http://purl.org/dc/terms/"
_COOP = "https://w3id.org/coop/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"


def list_documents(store: Store) -> DocumentList:
    items = _summaries(store, None)
    return DocumentList(total=len(items), items=items)


def describe_document(store: Store, iri: str, text: str) -> DocumentDetail:
    labels = labels_for(store)
    found = _summaries(store, iri)
    if not found:
        raise unknown(store, iri, text, labels, what="document")
    detail = DocumentDetail(**found[0].model_dump())
    facts: dict[str, Fact] = {}
    for row in store.select(queries.load("api_document_facts"), {"doc": URIRef(iri)}):
        fact_iri = str(row["fact"])
        fact = facts.get(fact_iri)
        if fact is None:
            names = labels.names.get(fact_iri, {})
            fact = facts[fact_iri] = Fact(
                id=short_id(fact_iri), iri=fact_iri, label_vi=names.get("vi"), label_en=names.get("en"),
                types=sorted(short(URIRef(t)) for t in labels.types.get(fact_iri, ())), graph=str(row["g"]))
        quote = evidence(row)
        if quote is not None and all(quote.iri != e.iri for e in fact.evidence):
            fact.evidence.append(quote)
    for fact in facts.values():
        fact.evidence.sort(key=lambda e: (e.start or 0, e.end or 0))
    detail.facts_drawn = sorted(facts.values(), key=lambda f: (f.types[:1], f.label_en or f.iri))
    detail.facts = len(facts)
    return detail


def _summaries(store: Store, iri: str | None) -> list[DocumentSummary]:
    labels = labels_for(store)
    bindings = {"doc": URIRef(iri)} if iri else None
    fields: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    graphs: dict[str, str] = {}
    for row in store.select(queries.load("api_documents"), bindings):
        doc = str(row["doc"])
        graphs.setdefault(doc, str(row["g"]))
        fields[doc][str(row["p"])].append(row["o"])
    counts = {str(r["doc"]): int(r["facts"]) for r in store.select(queries.load("api_document_fact_counts"), bindings)}
    return [_summary(doc, found, graphs[doc], counts.get(doc, 0), labels) for doc, found in sorted(fields.items())]


def _summary(doc: str, found: dict[str, list], graph: str, facts: int, labels: Labels) -> DocumentSummary:
    def one(prop: str):
        values = sorted(found.get(prop, []), key=str)
        return values[0] if values else None

    def agent(prop: str) -> EntityRef | None:
        value = one(prop)
        if value is None:
            return None
        if isinstance(value, Literal):
            return EntityRef(id=None, iri="", label_vi=str(value), label_en=str(value))
        return ref(str(value), labels)

    pref = {getattr(v, "language", None): str(v) for v in found.get(_SKOS + "prefLabel", [])}
    count = one(_COOP + "characterCount")
    return DocumentSummary(
        id=document_id(doc), iri=doc, label_vi=pref.get("vi"), label_en=pref.get("en"),
        title=_text(one(_DCT + "title")), publisher=agent(_DCT + "publisher"), creator=agent(_DCT + "creator"),
        language=_text(one(_DCT + "language")), corpus_file=_text(one(_COOP + "corpusFile")),
        sha256=_text(one(_COOP + "sha256")), character_count=int(count) if count is not None else None,
        graph=graph, facts=facts, notes=sorted(str(n) for n in found.get(_SKOS + "editorialNote", [])),
        href=href(doc))


def _text(value) -> str | None:
    return None if value is None else str(value)
