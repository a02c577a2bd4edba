"""Entities: search by label, and one entity with its relations and their provenance."""

from __future__ import annotations

from collections import defaultdict

from rdflib import BNode, Literal, URIRef

from api.models import EntityDetail, EntityRef, Evidence, LangString, PropertyValue, Provenance, Relation, SearchHit, SearchResults
from api.views.common import evidence, href, ref, require_entity
from api.views.labels import Labels, labels_for
from api.views.types import resolve_types
from graph import queries
from graph.build import DOCUMENT_GRAPH_PREFIX
from graph.ids import short_id
from graph.results import short
from graph.search import index_for
from graph.store import Store

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
EVIDENCE = "https://w3id.org/coop/ontology#evidence"
PARTICIPANT = "https://w3id.org/coop/ontology#participant"
_LABELS = {PREF_LABEL, ALT_LABEL, RDFS_LABEL}


def search_entities(store: Store, q: str | None, types: list[str], limit: int, offset: int) -> SearchResults:
    """Ranked search (graph.search); without ``q``, every entity of the types, by label."""
    wanted = resolve_types(store, types)
    index = index_for(store)
    if q and q.strip():
        hits, total = index.page(q, types=wanted, limit=limit, offset=offset)
        items = [SearchHit(**_hit_ref(h.iri, h.label_vi, h.label_en, h.types), score=h.score, matched=h.matched)
                 for h in hits]
    else:
        entries = [e for e in index.entries.values() if wanted is None or e.types & wanted]
        entries.sort(key=lambda e: (e.labels.get("en") or e.labels.get("vi") or e.iri).casefold())
        total = len(entries)
        items = [SearchHit(**_hit_ref(e.iri, e.labels.get("vi"), e.labels.get("en"), e.types), score=0.0, matched="")
                 for e in entries[offset:offset + limit]]
    return SearchResults(query=q, types=sorted(short(URIRef(t)) for t in wanted or ()), total=total,
                         limit=limit, offset=offset, items=items)


def _hit_ref(iri: str, label_vi: str | None, label_en: str | None, types) -> dict:
    return {"id": short_id(iri), "iri": iri, "label_vi": label_vi, "label_en": label_en,
            "types": sorted(short(URIRef(t)) for t in types), "href": href(iri)}


def describe_entity(store: Store, iri: str, text: str) -> EntityDetail:
    """Everything the graph says about ``iri``, each statement with its provenance."""
    labels = labels_for(store)
    require_entity(store, iri, text, labels)
    own: dict[str, list[Evidence]] = defaultdict(list)  # graph -> evidence of the entity there
    mentions: list[Evidence] = []
    for row in store.select(queries.load("api_entity_evidence"), {"entity": URIRef(iri)}):
        found = evidence(row)
        own[str(row["g"])].append(found)
        if all(found.iri != m.iri for m in mentions):
            mentions.append(found)

    detail = EntityDetail(id=short_id(iri), iri=iri, label_vi=labels.label(iri, "vi"),
                          label_en=labels.label(iri, "en"), mentions=mentions)
    properties: dict[tuple, PropertyValue] = {}
    outgoing: dict[tuple[str, str], Relation] = {}
    types: dict[str, EntityRef] = {}
    for row in store.select(queries.load("api_entity_outgoing"), {"entity": URIRef(iri)}):
        graph, p, o = str(row["g"]), str(row["p"]), row["o"]
        if p in (PREF_LABEL, RDFS_LABEL) and isinstance(o, Literal) and o.language in ("vi", "en"):
            continue  # already the entity's labels
        if p == ALT_LABEL or p in _LABELS:
            alt = LangString(value=str(o), lang=getattr(o, "language", None))
            if alt not in detail.alt_labels:
                detail.alt_labels.append(alt)
            continue
        if p == EVIDENCE:
            continue  # listed as mentions
        if p == RDF_TYPE:
            types.setdefault(str(o), _term_ref(str(o), labels))
            continue
        provenance = _provenance(graph, own.get(graph, []))
        if isinstance(o, Literal):
            key = (p, str(o), o.datatype, o.language)
            value = properties.get(key)
            if value is None:
                value = properties[key] = PropertyValue(
                    property=short(URIRef(p)), property_iri=p, label_vi=labels.label(p, "vi"),
                    label_en=labels.label(p, "en"), value=str(o),
                    datatype=str(o.datatype) if o.datatype else None, lang=o.language)
            value.provenance.append(provenance)
        elif not isinstance(o, BNode):
            _relation(outgoing, p, str(o), labels).provenance.append(provenance)
    detail.types = sorted(types.values(), key=lambda t: t.iri)
    detail.properties = sorted(properties.values(), key=lambda v: (v.property, v.value))
    detail.outgoing = _drop_derived(outgoing)

    incoming: dict[tuple[str, str], Relation] = {}
    grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for row in store.select(queries.load("api_entity_incoming"), {"entity": URIRef(iri)}):
        s = row["s"]
        if isinstance(s, BNode):
            continue
        key = (str(row["p"]), str(s), str(row["g"]))
        found = evidence(row)
        grouped.setdefault(key, [])
        if found is not None and all(found.iri != e.iri for e in grouped[key]):
            grouped[key].append(found)
    for (p, s, graph), quotes in grouped.items():
        _relation(incoming, p, s, labels).provenance.append(_provenance(graph, quotes))
    detail.incoming = _drop_derived(incoming)
    return detail


def _term_ref(iri: str, labels: Labels) -> EntityRef:
    return EntityRef(id=None, iri=iri, label_vi=labels.label(iri, "vi"), label_en=labels.label(iri, "en"),
                     types=[], href=None)


def _relation(into: dict, p: str, other: str, labels: Labels) -> Relation:
    key = (p, other)
    if key not in into:
        into[key] = Relation(property=short(URIRef(p)), property_iri=p, label_vi=labels.label(p, "vi"),
                             label_en=labels.label(p, "en"), other=ref(other, labels))
    return into[key]


def _provenance(graph: str, quotes: list[Evidence]) -> Provenance:
    doc = graph.removeprefix(DOCUMENT_GRAPH_PREFIX) if graph.startswith(DOCUMENT_GRAPH_PREFIX) else None
    if doc is None:  # an extracted graph: the document its evidence points at
        doc = next((e.document for e in quotes if e.document), None)
    return Provenance(graph=graph, document=doc, evidence=quotes)


def _drop_derived(relations: dict[tuple[str, str], Relation]) -> list[Relation]:
    """Leave out ``coop:participant`` where a more specific role says the same (build adds it)."""
    specific = {other for (p, other) in relations if p != PARTICIPANT}
    kept = [r for (p, other), r in relations.items() if p != PARTICIPANT or other not in specific]
    for relation in kept:
        relation.provenance.sort(key=lambda pr: pr.graph)
    return sorted(kept, key=lambda r: (r.property, r.other.label_en or r.other.iri))

