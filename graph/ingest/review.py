"""Store extracted facts apart from curated ones, and review them.

Three named graphs per document ``{id}``:

* ``…/graph/extracted/{id}`` — what ``coop ingest`` found, evidence marked
  ``coop:status-extracted``; replaced as a whole on every ingest (idempotent). Queries,
  analytics and maps leave it out unless asked (``include=extracted``).
* ``…/graph/reviewed/{id}`` — facts a person accepted: moved here with their evidence
  (now ``coop:status-curated``) and copies of the new entities they name. They count as
  curated from then on.
* ``…/graph/rejected/{id}`` — one ``<fact> coop:status coop:status-rejected`` record per
  rejected fact, and nothing else, so that re-ingesting the article does not bring back
  what a reviewer threw away (the record has no class and no participants: no query or
  analysis sees it as a fact).

Accepting or rejecting is one SPARQL update (delete from one graph, insert into another),
which the store applies atomically.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph.errors import InvalidInput, NotFound
from graph.ingest.extract import EXTRACTOR_VERSION, check_id, document_id, extract
from graph.ingest.gazetteer import BASE, Gazetteer
from graph.ingest.model import Extraction
from graph.ingest.rdf import CONFIDENCE, REJECTED, to_graph
from graph.ingest.reader import Article
from graph.store import Store, iter_quads
from graph.vocab import COOP, DCTERMS, PROV, SKOS

__all__ = ["FactRow", "Ingested", "accept", "extracted_graph", "ingest", "list_facts", "reject",
           "rejected_graph", "reviewed_graph"]

_FACT_CLASSES = {
    "https://w3id.org/coop/ontology#Agreement", "https://schema.org/Event", "http://www.w3.org/ns/org#Membership",
    "https://w3id.org/coop/ontology#Project", "http://www.w3.org/ns/org#Post",
}
_locks: "weakref.WeakKeyDictionary[Store, threading.Lock]" = weakref.WeakKeyDictionary()
_locks_guard = threading.Lock()


def _lock(store: Store) -> threading.Lock:
    """One writer at a time per store: review reads a graph, then rewrites it."""
    with _locks_guard:
        return _locks.setdefault(store, threading.Lock())


def extracted_graph(doc_id: str, base: str = BASE) -> str:
    return f"{base}graph/extracted/{check_id(doc_id)}"


def reviewed_graph(doc_id: str, base: str = BASE) -> str:
    return f"{base}graph/reviewed/{check_id(doc_id)}"


def rejected_graph(doc_id: str, base: str = BASE) -> str:
    return f"{base}graph/rejected/{check_id(doc_id)}"


@dataclass(frozen=True)
class Ingested:
    extraction: Extraction
    graph: str
    triples: int
    skipped: int  # facts already accepted or rejected, not offered again


@dataclass(frozen=True)
class FactRow:
    iri: str
    document: str
    type: str
    label: str
    confidence: float | None
    status: str  # "extracted", "accepted" or "rejected"
    quote: str

    @property
    def id(self) -> str:
        return self.iri.split("/id/", 1)[-1]


def _read(store: Store, graph: str) -> Graph:
    g = Graph()
    if graph in store.graphs():
        for s, p, o, _ in iter_quads(store.dump("ntriples", graph=graph), "ntriples"):
            g.add((s, p, o))
    return g


def _decided(store: Store, doc_id: str, base: str) -> set[str]:
    """Facts of ``doc_id`` a reviewer already accepted or rejected."""
    decided = {str(s) for s in _read(store, rejected_graph(doc_id, base)).subjects(COOP.status, REJECTED)}
    reviewed = _read(store, reviewed_graph(doc_id, base))
    decided |= {str(s) for s, _, o in reviewed.triples((None, RDF.type, None)) if str(o) in _FACT_CLASSES}
    return decided


def ingest(store: Store | None, article: Article, *, doc_id: str | None = None,
           gazetteer: Gazetteer | None = None, base: str = BASE, dry_run: bool = False) -> tuple[Ingested, Graph]:
    """Extract ``article`` and (unless ``dry_run``) store it in its extracted graph.

    Re-ingesting replaces the graph as a whole; facts already accepted or rejected are
    not offered again.
    """
    doc_id = check_id(doc_id or document_id(article.text, article.name))
    if gazetteer is None:
        gazetteer = Gazetteer.from_store(store) if store is not None else Gazetteer.empty()
    extraction = extract(article.text, doc_id=doc_id, name=article.name, gazetteer=gazetteer, base=base)
    skip = _decided(store, doc_id, base) if store is not None else set()
    graph = to_graph(extraction, base=base, version=EXTRACTOR_VERSION, skip=skip)
    name = extracted_graph(doc_id, base)
    if not dry_run and store is not None:
        with _lock(store):
            store.replace_graph(name, graph.serialize(format="nt", encoding="utf-8"), "ntriples")
    skipped = sum(1 for f in extraction.facts if f.iri in skip)
    return Ingested(extraction, name, len(graph), skipped), graph


def list_facts(store: Store, doc_id: str | None = None, base: str = BASE) -> list[FactRow]:
    """The facts of one document (or all), extracted, accepted and rejected."""
    rows: list[FactRow] = []
    graphs = store.graphs()
    prefixes = (("extracted", f"{base}graph/extracted/"), ("accepted", f"{base}graph/reviewed/"),
                ("rejected", f"{base}graph/rejected/"))
    for status, prefix in prefixes:
        for name in graphs:
            if not name.startswith(prefix) or (doc_id and name != prefix + check_id(doc_id)):
                continue
            document = name[len(prefix):]
            g = _read(store, name)
            if status == "rejected":
                for fact in g.subjects(COOP.status, REJECTED):
                    rows.append(FactRow(str(fact), document, "", "", None, status, ""))
                continue
            for fact, _, cls in g.triples((None, RDF.type, None)):
                if str(cls) not in _FACT_CLASSES:
                    continue
                label = next((str(o) for o in g.objects(fact, SKOS.prefLabel) if o.language == "vi"), "")
                confidence = next((float(o) for o in g.objects(fact, CONFIDENCE)), None)
                quote = next((str(q) for ev in g.objects(fact, COOP.evidence)
                              for q in g.objects(ev, URIRef("http://www.w3.org/ns/oa#exact"))), "")
                rows.append(FactRow(str(fact), document, str(cls).rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                                    label, confidence, status, quote))
    if doc_id and not rows and extracted_graph(doc_id, base) not in graphs:
        raise NotFound(f"no ingested document {doc_id!r}: run `coop ingest` on it first")
    return sorted(rows, key=lambda r: (r.document, r.status, r.type, r.label))


def _triples_text(triples) -> str:
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


def _documents_of(store: Store, fact: str, base: str) -> str:
    prefix = f"{base}graph/extracted/"
    for name in store.graphs():
        if name.startswith(prefix) and store.ask("ASK WHERE { GRAPH ?g { ?f ?p ?o } }",
                                                 {"g": URIRef(name), "f": URIRef(fact)}):
            return name[len(prefix):]
    raise NotFound(f"no extracted fact {fact}: it was never extracted, or was already accepted or rejected")


def _fact_triples(g: Graph, fact: URIRef) -> tuple[list, list, list]:
    """The fact's own triples, those of its evidence, and those of the new entities it names."""
    own = list(g.triples((fact, None, None)))
    evidence = [t for ev in g.objects(fact, COOP.evidence) for t in g.triples((ev, None, None))]
    entities = []
    for _, p, o in own:
        if isinstance(o, URIRef) and p not in (COOP.evidence, PROV.wasDerivedFrom, PROV.wasGeneratedBy) \
                and (o, RDF.type, None) in g and str(o).find("/id/") > 0:
            for t in g.triples((o, None, None)):
                entities.append(t)
                if t[1] == COOP.evidence:
                    entities += list(g.triples((t[2], None, None)))
    return own, evidence, entities


def _decide(store: Store, facts: list[str], doc_id: str, accept: bool, base: str) -> int:
    extracted = extracted_graph(doc_id, base)
    with _lock(store):
        g = _read(store, extracted)
        remove, add = [], []
        for iri in facts:
            node = URIRef(iri)
            if (node, RDF.type, None) not in g:
                raise NotFound(f"no extracted fact {iri} in document {doc_id}")
            own, evidence, entities = _fact_triples(g, node)
            shared = {ev for ev in g.objects(node, COOP.evidence)
                      if any(s != node for s in g.subjects(COOP.evidence, ev))}
            remove += own + [t for t in evidence if t[0] not in shared]
            if accept:
                curated = lambda t: (t[0], t[1], COOP["status-curated"]) if t[1] == COOP.status else t  # noqa: E731
                doc = URIRef(f"{base}doc/{doc_id}")
                add += own + [curated(t) for t in evidence + entities] + list(g.triples((doc, None, None)))
            else:
                add += [(node, COOP.status, REJECTED), (node, DCTERMS.source, URIRef(f"{base}doc/{doc_id}"))]
        target = reviewed_graph(doc_id, base) if accept else rejected_graph(doc_id, base)
        if not remove:
            return 0
        store.update(
            f"DELETE DATA {{ GRAPH <{extracted}> {{\n{_triples_text(set(remove))}\n}} }} ;\n"
            f"INSERT DATA {{ GRAPH <{target}> {{\n{_triples_text(set(add))}\n}} }}"
        )
    return len(facts)


def _targets(store: Store, fact: str | None, doc_id: str | None, base: str) -> tuple[list[str], str]:
    if (fact is None) == (doc_id is None):
        raise InvalidInput("name one fact, or one document with --document")
    if fact is not None:
        from graph.ids import entity_iri

        iri = entity_iri(fact, base)
        return [iri], _documents_of(store, iri, base)
    rows = [r for r in list_facts(store, doc_id, base) if r.status == "extracted"]
    return [r.iri for r in rows], check_id(doc_id)


def accept(store: Store, fact: str | None = None, *, doc_id: str | None = None, base: str = BASE) -> int:
    """Move one fact (or every extracted fact of a document) into the reviewed graph."""
    facts, doc = _targets(store, fact, doc_id, base)
    return _decide(store, facts, doc, True, base) if facts else 0


def reject(store: Store, fact: str | None = None, *, doc_id: str | None = None, base: str = BASE) -> int:
    """Remove one fact (or every extracted fact of a document), keeping a rejection record."""
    facts, doc = _targets(store, fact, doc_id, base)
    return _decide(store, facts, doc, False, base) if facts else 0

