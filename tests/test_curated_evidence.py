"""The curated data cites the articles faithfully.

Every ``coop:Evidence`` span of ``graph/data/doc-*.ttl`` is a sentence of its article and
holds its quote (one node per quote: ``…#c{start}-{end}`` when the sentence needs one quote,
``…#c{start}-{end}-q{quoteStart}`` for each of several); each fact cites a quote that holds
its own words (edition ordinals, years of its dates) and each entity a quote that names it;
the document nodes carry the checksum and length of the corpus files the offsets were
computed on; every entity and fact is evidenced and labelled in Vietnamese and English. The corpus is read from ``COOP_CORPUS`` or ``../shared/corpus`` beside the checkout;
the tests that need it skip, saying where they looked, when it is absent.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from graph.evidence import evidence_iri, parse_evidence_iri, quote_evidence_iri, sentence_spans

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "graph" / "data"
BASE = "https://w3id.org/coop/"
COOP = Namespace(BASE + "ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
MAX_QUOTE_WORDS = 25
DATE_PROPERTIES = (SCHEMA.startDate, SCHEMA.endDate, SCHEMA.datePublished, COOP.dateSigned,
                   ELI.date_document)
#: How Vietnamese spells the ordinals of the editions the articles number ("lần thứ Sáu").
ORDINAL_WORDS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy",
                 8: "tám", 9: "chín", 10: "mười"}


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
            ref = parse_evidence_iri(str(ev))
            quote_start = ref.quote_start if ref else None
            expected = (evidence_iri(doc_id, start, end) if quote_start is None
                        else quote_evidence_iri(doc_id, start, end, quote_start)
                        if start <= quote_start < end else None)
            if str(ev) != expected:
                problems.append(f"{where}: IRI does not match oa:start {start} / oa:end {end}")
            elif quote_start is not None and not text.startswith(str(graph.value(ev, OA.exact)),
                                                                 quote_start):
                problems.append(f"{where}: the quote does not begin at offset {quote_start}")
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


def test_one_evidence_node_per_quote(graphs):
    """A sentence that needs one quote is ``…#c{s}-{e}``; several quotes are ``…-q{start}``."""
    problems = []
    for doc_id, graph in doc_graphs(graphs).items():
        by_sentence = defaultdict(list)
        for ev in graph.subjects(RDF.type, COOP.Evidence):
            ref = parse_evidence_iri(str(ev))
            if ref is None:
                problems.append(f"{ev}: not an evidence IRI of the form …#c{{start}}-{{end}}[-q{{n}}]")
                continue
            by_sentence[(ref.start, ref.end)].append((ref.quote_start, str(graph.value(ev, OA.exact))))
        for (start, end), nodes in sorted(by_sentence.items()):
            plain = [q for q, _ in nodes if q is None]
            if len(nodes) == 1 and not plain:
                problems.append(f"doc/{doc_id}#c{start}-{end}: one quote only, so no -q suffix")
            if len(nodes) > 1 and plain:
                problems.append(f"doc/{doc_id}#c{start}-{end}: several quotes, each needs -q{{start}}")
            quotes = [quote for _, quote in nodes]
            if len(set(quotes)) != len(quotes):
                problems.append(f"doc/{doc_id}#c{start}-{end}: the same quote in two nodes")
    assert not problems, "\n".join(problems)


def _quotes(union: Graph, node) -> list[str]:
    return [str(union.value(ev, OA.exact)) for ev in union.objects(node, COOP.evidence)]


def _has_year(quote: str, year: str) -> bool:
    return re.search(rf"(?<!\d){year}(?!\d)", quote) is not None


def _has_ordinal(quote: str, n: int) -> bool:
    """"lần thứ 3", "thứ nhất", "lần thứ Sáu": the ordinal n in digits or in words."""
    words = rf"thứ\s+(?:{n}|{ORDINAL_WORDS.get(n, n)})(?!\w)"
    return re.search(words, quote, re.IGNORECASE) is not None


def test_numbered_editions_cite_their_ordinal_and_year(union):
    """Each edition of a series cites one quote that holds its ordinal and the year it met."""
    problems = []
    checked = 0
    for event, edition in sorted(union.subject_objects(COOP.edition)):
        checked += 1
        n = int(edition)
        years = [str(d)[:4] for d in union.objects(event, SCHEMA.startDate)]
        quotes = _quotes(union, event)
        if not any(_has_ordinal(q, n) and all(_has_year(q, y) for y in years) for q in quotes):
            problems.append(f"{event}: edition {n} {years}: no quote holds both; quotes: {quotes}")
    assert checked >= 9, "the border conferences (4 + 3 + 1) and the plenum are numbered"
    assert not problems, "\n".join(problems)


def test_dated_facts_cite_the_year_of_their_dates(graphs, union):
    """A fact (or publication) with a date cites a quote in which that date's year appears."""
    dated = {(node, p, value) for graph in graphs.values() for p in DATE_PROPERTIES
             for node, value in graph.subject_objects(p)}
    assert len(dated) >= 30
    problems = [f"{node} {p.n3(union.namespace_manager)} {value}: year not in {_quotes(union, node)}"
                for node, p, value in sorted(dated)
                if not any(_has_year(q, str(value)[:4]) for q in _quotes(union, node))]
    assert not problems, "\n".join(problems)


def test_mentions_cite_a_quote_that_names_the_entity(graphs, documents):
    """Where an article uses one of an entity's labels, its evidence quote holds one."""
    entities = graphs["entities"]
    problems = []
    for doc_id, graph in doc_graphs(graphs).items():
        text = documents[doc_id][2]
        for entity in sorted(set(graph.subjects(COOP.mentionedIn, None))):
            labels = [str(label) for p in (SKOS.prefLabel, SKOS.altLabel)
                      for label in entities.objects(entity, p)]
            patterns = [re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)
                        for label in labels]
            if not any(p.search(text) for p in patterns):
                continue  # named by a description only ("hai Bộ, ngành Tư pháp hai nước")
            quotes = [str(graph.value(ev, OA.exact)) for ev in graph.objects(entity, COOP.evidence)]
            if not any(p.search(q) for p in patterns for q in quotes):
                problems.append(f"{entity} in {doc_id}: no quote names it: {quotes}")
    assert not problems, "\n".join(problems)
