"""Build the graph: parse the ontology and the curated data, validate, load.

``build(store)`` is idempotent: every graph it owns is replaced as a whole, so a rebuild
leaves the store exactly as the first build did, and IRIs never change.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from graph import resources
from graph.errors import InvalidInput, ValidationFailed
from graph.store import Store, iter_quads, serialize_quads

BASE = "https://w3id.org/coop/"
ONTOLOGY_GRAPH = BASE + "graph/ontology"
ENTITIES_GRAPH = BASE + "graph/entities"
DOCUMENT_GRAPH_PREFIX = BASE + "graph/doc/"
PARTICIPANT = URIRef(BASE + "ontology#participant")

Triple = tuple
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Source:
    """One file of curated RDF and the named graph it becomes."""

    path: Path
    graph: str


@dataclass
class Loaded:
    source: Source
    triples: list[Triple] = field(default_factory=list)


@dataclass(frozen=True)
class BuildReport:
    graphs: dict[str, int]
    seconds: float

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def curated_sources() -> list[Source]:
    """The ontology, the gazetteer and one file per source article."""
    sources = [
        Source(resources.ontology_path(), ONTOLOGY_GRAPH),
        Source(resources.entities_path(), ENTITIES_GRAPH),
    ]
    for path in resources.document_paths():
        doc_id = path.stem.removeprefix("doc-")
        sources.append(Source(path, DOCUMENT_GRAPH_PREFIX + doc_id))
    return sources


_POSITION = re.compile(r"line (\d+) column (\d+)")


def parse_file(path: Path) -> list[Triple]:
    """Parse a Turtle file; a syntax error names the file, line and column."""
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        return [(s, p, o) for s, p, o, _ in iter_quads(text, "turtle")]
    except InvalidInput as exc:
        message = str(exc).removeprefix("Cannot parse the turtle data: ")
        found = _POSITION.search(message)
        where = f"{path}:{found.group(1)}:{found.group(2)}" if found else str(path)
        raise InvalidInput(f"{where}: invalid Turtle: {message}") from None


def participant_properties(ontology: Iterable[Triple]) -> set[URIRef]:
    """Every property declared (transitively) a sub-property of ``coop:participant``."""
    parents: dict[URIRef, set[URIRef]] = {}
    for s, p, o in ontology:
        if p == RDFS.subPropertyOf:
            parents.setdefault(s, set()).add(o)
    found: set[URIRef] = set()
    for prop in parents:
        stack, seen = [prop], set()
        while stack:
            current = stack.pop()
            if current == PARTICIPANT:
                found.add(prop)
                break
            for parent in parents.get(current, ()):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
    return found


def materialise_participants(triples: list[Triple], properties: set[URIRef]) -> list[Triple]:
    """Add ``?s coop:participant ?o`` for each role triple, so queries ask one property."""
    extra = {(s, PARTICIPANT, o) for s, p, o in triples if p in properties}
    return triples + sorted(extra - set(triples))


def read_sources(sources: list[Source], progress: Progress | None = None) -> list[Loaded]:
    loaded = []
    for source in sources:
        triples = parse_file(source.path)
        loaded.append(Loaded(source, triples))
        if progress:
            progress(f"parsed {source.path.name}: {len(triples):,} triples")
    properties = participant_properties(loaded[0].triples)
    for item in loaded[1:]:
        item.triples = materialise_participants(item.triples, properties)
    return loaded


def check(loaded: list[Loaded], progress: Progress | None = None):
    """Validate the data against the shapes; raise :class:`ValidationFailed` with the report.

    Returns the :class:`graph.validate.ValidationReport` (warnings included) when it conforms.
    """
    from graph.validate import validate  # pySHACL is slow to import: only when validating

    ontology = Graph()
    for triple in loaded[0].triples:
        ontology.add(triple)
    data = Graph()
    for item in loaded[1:]:
        for triple in item.triples:
            data.add(triple)
    shapes = Graph().parse(resources.shapes_path(), format="turtle")
    report = validate(data, shapes, ontology)
    violations = [r for r in report.results if r.severity == "Violation"]
    if not report.conforms:
        raise ValidationFailed(
            f"The data violates {len(violations)} shape constraint(s):\n{report.format()}"
        )
    if progress:
        warnings = len(report.results) - len(violations)
        note = f" ({warnings} warning(s): run `coop validate` to read them)" if warnings else ""
        progress(f"validated {len(data):,} triples against {resources.shapes_path().name}: conforms{note}")
    return report


def build(store: Store, *, sources: list[Source] | None = None, validate: bool = True,
          progress: Progress | None = None) -> BuildReport:
    """Parse, validate and load the curated graphs into ``store``, replacing older versions."""
    started = time.perf_counter()
    sources = sources if sources is not None else curated_sources()
    loaded = read_sources(sources, progress)
    if validate:
        check(loaded, progress)
    counts: dict[str, int] = {}
    for item in loaded:
        data = serialize_quads(((s, p, o, None) for s, p, o in item.triples), "ntriples")
        store.replace_graph(item.source.graph, data, "ntriples")
        counts[item.source.graph] = len(set(item.triples))
        if progress:
            progress(f"loaded <{item.source.graph}>: {counts[item.source.graph]:,} triples")
    wanted = {s.graph for s in sources}
    for stale in store.graphs():
        if stale.startswith(DOCUMENT_GRAPH_PREFIX) and stale not in wanted:
            store.drop_graph(stale)
            if progress:
                progress(f"dropped <{stale}>: its curated file is gone")
    return BuildReport(counts, time.perf_counter() - started)
