"""The curated data cites the articles faithfully.

Every ``coop:Evidence`` span of ``graph/data/doc-*.ttl`` is a sentence of its article and
holds its quote; the document nodes carry the checksum and length of the corpus files the
offsets were computed on; every entity and fact is evidenced and labelled in Vietnamese and
English. The corpus is read from ``COOP_CORPUS`` or ``../shared/corpus`` beside the checkout;
the tests that need it skip, saying where they looked, when it is absent.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from graph.evidence import evidence_iri, sentence_spans

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "graph" / "data"
BASE = "https://w3id.org/coop/"
COOP = Namespace(BASE + "ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
MAX_QUOTE_WORDS = 25


def corpus_dir() -> Path:
    return Path(os.environ.get("COOP_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    """``entities`` and one graph per ``doc-{id}.ttl``, keyed by the document id."""
    loaded = {"entities": Graph().parse(DATA / "entities.ttl", format="turtle")}
    for path in sorted(DATA.glob("doc-*.ttl")):
        loaded[path.stem.removeprefix("doc-")] = Graph().parse(path, format="turtle")
    return loaded


@pytest.fixture(scope="module")
def union(graphs: dict[str, Graph]) -> Graph:
    merged = Graph()
    for graph in graphs.values():
        merged += graph
    return merged


@pytest.fixture(scope="module")
def documents(graphs: dict[str, Graph]) -> dict[str, tuple[URIRef, str, str]]:
    """Document id → (document IRI, corpus file name, text); skip without the corpus."""
    folder = corpus_dir()
    found = {}
    for doc_id, graph in graphs.items():
        if doc_id == "entities":
            continue
        doc = URIRef(f"{BASE}doc/{doc_id}")
        name = str(graph.value(doc, COOP.corpusFile))
        path = folder / name
        if not path.is_file():
            pytest.skip(f"corpus file {name} is not in {folder} (set COOP_CORPUS to the folder "
                        "that holds the source articles)")
        found[doc_id] = (doc, name, path.read_text(encoding="utf-8"))
    return found


def doc_graphs(graphs: dict[str, Graph]) -> dict[str, Graph]:
    return {k: g for k, g in graphs.items() if k != "entities"}


def test_every_article_has_its_curated_graph(graphs):
    assert {"000", "003"} <= set(doc_graphs(graphs))
    for doc_id, graph in doc_graphs(graphs).items():
        assert (URIRef(f"{BASE}doc/{doc_id}"), RDF.type, COOP.SourceDocument) in graph


def test_document_checksum_and_length_match_the_corpus(graphs, documents):
    for doc_id, (doc, name, text) in documents.items():
        graph = graphs[doc_id]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert str(graph.value(doc, COOP.sha256)) == digest, f"{name}: sha256 differs"
        assert int(graph.value(doc, COOP.characterCount)) == len(text), f"{name}: length differs"


def test_every_quote_lies_in_its_sentence(graphs, documents):
    problems = []
    checked = 0
    for doc_id, graph in doc_graphs(graphs).items():
        doc, name, text = documents[doc_id]
        sentences = set(sentence_spans(text))
        for ev in graph.subjects(RDF.type, COOP.Evidence):
            checked += 1
            start, end = int(graph.value(ev, OA.start)), int(graph.value(ev, OA.end))
            where = f"{ev} ({name})"
            if graph.value(ev, DCTERMS.source) != doc:
                problems.append(f"{where}: dcterms:source is not {doc}")
            if str(ev) != evidence_iri(doc_id, start, end):
                problems.append(f"{where}: IRI does not match oa:start {start} / oa:end {end}")
            if (start, end) not in sentences:
                problems.append(f"{where}: {start}-{end} is not a sentence of graph.evidence")
            if graph.value(ev, COOP.status) != COOP["status-curated"]:
                problems.append(f"{where}: coop:status is not coop:status-curated")
            quotes = list(graph.objects(ev, OA.exact))
            if not quotes:
                problems.append(f"{where}: no oa:exact")
            for quote in quotes:
                if quote.language != "vi":
                    problems.append(f"{where}: oa:exact is not tagged @vi")
                if str(quote) not in text[start:end]:
                    problems.append(f"{where}: quote not in text[{start}:{end}]: {quote!s}")
                if len(str(quote).split()) > MAX_QUOTE_WORDS:
                    problems.append(f"{where}: quote over {MAX_QUOTE_WORDS} words: {quote!s}")
    assert checked, "no coop:Evidence in the document graphs"
    assert not problems, "\n".join(problems)


def _entities(graphs):
    return {s for s in graphs["entities"].subjects(RDF.type, None) if isinstance(s, URIRef)}


def _facts(graph):
    return set(graph.subjects(PROV.wasDerivedFrom, None))


def test_every_entity_and_fact_has_evidence(graphs, union):
    evidence = set(union.subjects(RDF.type, COOP.Evidence))
    nodes = _entities(graphs).union(*(_facts(g) for g in doc_graphs(graphs).values()))
    missing = sorted(str(n) for n in nodes if not set(union.objects(n, COOP.evidence)))
    assert not missing, "no coop:evidence:\n" + "\n".join(missing)
    dangling = sorted(f"{n} -> {e}" for n in nodes for e in union.objects(n, COOP.evidence)
                      if e not in evidence)
    assert not dangling, "coop:evidence points to no coop:Evidence:\n" + "\n".join(dangling)


def test_each_document_evidences_the_entities_it_mentions(graphs):
    problems = []
    for doc_id, graph in doc_graphs(graphs).items():
        doc = URIRef(f"{BASE}doc/{doc_id}")
        for entity in graph.subjects(COOP.mentionedIn, doc):
            spans = [e for e in graph.objects(entity, COOP.evidence)
                     if graph.value(e, DCTERMS.source) == doc]
            if not spans:
                problems.append(f"{entity} is mentioned in {doc_id} without evidence from it")
        for fact in _facts(graph):
            if graph.value(fact, PROV.wasDerivedFrom) != doc:
                problems.append(f"{fact} in the graph of {doc_id} is derived from another document")
            for ev in graph.objects(fact, COOP.evidence):
                if graph.value(ev, DCTERMS.source) != doc:
                    problems.append(f"{fact}: evidence {ev} is not from {doc_id}")
    mentioned = set().union(*(set(g.subjects(COOP.mentionedIn, None))
                              for g in doc_graphs(graphs).values()))
    problems += [f"{e} is in the gazetteer but no article mentions it"
                 for e in sorted(_entities(graphs) - mentioned)]
    assert not problems, "\n".join(problems)


def test_every_node_has_one_vietnamese_and_one_english_label(union):
    problems = []
    for node in sorted(set(union.subjects(RDF.type, None))):
        if (node, RDF.type, COOP.Evidence) in union:
            continue  # a span is named by its quote, not by a label
        labels = list(union.objects(node, SKOS.prefLabel))
        for lang in ("vi", "en"):
            count = sum(1 for label in labels if getattr(label, "language", None) == lang)
            if count != 1:
                problems.append(f"{node}: {count} skos:prefLabel @{lang}")
            if any(getattr(label, "language", None) == lang and not str(label).strip()
                   for label in labels):
                problems.append(f"{node}: empty skos:prefLabel @{lang}")
    assert not problems, "\n".join(problems)


def test_every_referenced_thing_is_defined(union):
    defined = set(union.subjects(RDF.type, None))
    dangling = sorted({f"{s} -> {o}" for s, _, o in union
                       if isinstance(o, URIRef) and str(o).startswith(BASE + "id/")
                       and o not in defined})
    assert not dangling, "IRIs used but never typed:\n" + "\n".join(dangling)
