"""Validate coopgraph data against the SHACL shapes, with pySHACL.

:func:`validate` merges every named graph of the data into one graph (the shapes speak
about the whole graph: an agreement in a document graph points at parties typed in the
entities graph), mixes the ontology in (the shapes rely on its class hierarchy and on the
``skos:inScheme`` of its concepts), and returns a :class:`ValidationReport` of plain
strings, sorted so that two runs over the same data print the same report.

Paths are arguments, not looked up here: :mod:`graph.resources` knows where the files are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import Dataset, Graph, Literal, Node, URIRef
from rdflib.collection import Collection
from rdflib.graph import ConjunctiveGraph  # base class of Dataset: both hold named graphs
from rdflib.namespace import RDF, SH

from graph.errors import InvalidInput
from graph.vocab import COOP, DCMITYPE, DCTERMS, ELI, OA, ORG, PROV, SCHEMA, SKOS

__all__ = ["ValidationReport", "Violation", "validate"]

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}

# Prefixes used to shorten IRIs in ValidationReport.format(), longest namespace first so
# that no prefix swallows a longer one.
_PREFIXES = sorted(
    {
        "coop": str(COOP),
        "shapes": "https://w3id.org/coop/shapes#",
        "org": str(ORG),
        "schema": str(SCHEMA),
        "prov": str(PROV),
        "skos": str(SKOS),
        "dcterms": str(DCTERMS),
        "dcmitype": str(DCMITYPE),
        "eli": str(ELI),
        "oa": str(OA),
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }.items(),
    key=lambda item: -len(item[1]),
)


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result, as strings (full IRIs; ``_:…`` for blank nodes).

    ``shape`` names the shape that reported it: its IRI, or for an unnamed property
    shape ``{node shape IRI} {path}``. ``value`` is the offending value, when there is one.
    """

    focus_node: str
    path: str
    message: str
    severity: str
    shape: str
    value: str = ""


@dataclass(frozen=True)
class ValidationReport:
    """Whether the data conforms, and every result (warnings included), sorted."""

    conforms: bool
    results: tuple[Violation, ...]

    def format(self) -> str:
        """A readable multi-line report, one block per result.

        >>> ValidationReport(True, ()).format()
        'Conforms: yes.'
        >>> print(ValidationReport(False, (Violation(
        ...     "https://w3id.org/coop/id/agreement/x",
        ...     "https://w3id.org/coop/ontology#party",
        ...     "An agreement needs at least two parties (coop:party).",
        ...     "Violation",
        ...     "https://w3id.org/coop/shapes#Agreement coop:party"),)).format())
        Conforms: no (1 violation).
        focus: https://w3id.org/coop/id/agreement/x
          path: coop:party
          message: An agreement needs at least two parties (coop:party).
          severity: Violation
          shape: shapes:Agreement coop:party
        """
        counts: dict[str, int] = {}
        for result in self.results:
            counts[result.severity] = counts.get(result.severity, 0) + 1
        tally = ", ".join(
            f"{n} {severity.lower()}{'' if n == 1 else 's'}"
            for severity, n in sorted(counts.items(), key=lambda kv: _severity_rank(kv[0]))
        )
        head = "Conforms: yes" if self.conforms else "Conforms: no"
        lines = [f"{head} ({tally})." if tally else f"{head}."]
        for result in self.results:
            lines.append(f"focus: {result.focus_node}")
            lines.append(f"  path: {_shorten(result.path) or '(none)'}")
            if result.value:
                lines.append(f"  value: {_shorten(result.value)}")
            lines.append(f"  message: {result.message}")
            lines.append(f"  severity: {result.severity}")
            lines.append(f"  shape: {_shorten(result.shape)}")
        return "\n".join(lines)


def validate(data: Dataset | Graph, shapes: Graph, ontology: Graph) -> ValidationReport:
    """Validate ``data`` (a Graph, or a Dataset whose named graphs are merged) with pySHACL.

    The ontology is merged into (a copy of) the data: ``sh:targetClass`` and ``sh:class``
    follow its ``rdfs:subClassOf`` links, and the concept-scheme shapes read the
    ``skos:inScheme`` of its concepts (pySHACL's own ``ont_graph`` mix-in copies only
    RDFS and OWL axioms, not SKOS). Nothing is inferred. Warnings (``sh:Warning``) are
    reported without breaking conformance.

    Raises :class:`~graph.errors.InvalidInput` when pySHACL cannot run the shapes.
    """
    data_graph = _union(data, ontology)
    try:
        conforms, results_graph, _ = shacl_validate(
            data_graph,
            shacl_graph=shapes,
            inference="none",
            advanced=True,
            allow_warnings=True,
            inplace=True,  # data_graph is our own copy
        )
    except ReportableRuntimeError as exc:
        raise InvalidInput(f"SHACL validation could not run: {exc.message}") from exc
    # Only the report's own results: nested sh:node / sh:or checks add sh:detail results.
    reported = (
        result
        for report in results_graph.subjects(RDF.type, SH.ValidationReport)
        for result in results_graph.objects(report, SH.result)
    )
    results = tuple(
        sorted(
            (_violation(results_graph, shapes, result) for result in reported),
            key=lambda v: (_severity_rank(v.severity), v.focus_node, v.path, v.message, v.shape, v.value),
        )
    )
    return ValidationReport(conforms=bool(conforms), results=results)


def _union(*graphs: Graph) -> Graph:
    """Every triple of ``graphs`` in one new Graph; a Dataset gives all its named graphs."""
    union = Graph()
    for graph in graphs:
        for prefix, namespace in graph.namespaces():
            union.bind(prefix, namespace, override=False)
        if isinstance(graph, ConjunctiveGraph):
            for s, p, o, _ in graph.quads((None, None, None, None)):
                union.add((s, p, o))
        else:
            for triple in graph:
                union.add(triple)
    return union


def _violation(results: Graph, shapes: Graph, result: Node) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    shape = results.value(result, SH.sourceShape)
    return Violation(
        focus_node=_term(focus),
        path=_path(path, (results, shapes)) if path is not None else "",
        message=_message(list(results.objects(result, SH.resultMessage))),
        severity=str(severity).removeprefix(str(SH)) if severity is not None else "Violation",
        shape=_shape(shape, shapes, results),
        value=_term(value) if value is not None else "",
    )


def _message(messages: list[Node]) -> str:
    """The English message if there is one, else every message, joined."""
    english = [str(m) for m in messages if isinstance(m, Literal) and m.language == "en"]
    chosen = sorted(english or [str(m) for m in messages])
    return " / ".join(chosen) if chosen else "(no message)"


def _term(node: Node | None) -> str:
    """An IRI as itself; a literal or blank node in N-Triples form (``"vn"``, ``_:b0``)."""
    if node is None:
        return ""
    return str(node) if isinstance(node, URIRef) else node.n3()


def _path(node: Node, graphs: tuple[Graph, ...]) -> str:
    """A SHACL path as a string: the IRI of a predicate path, else SPARQL path syntax."""
    if isinstance(node, URIRef):
        return str(node)
    for graph in graphs:
        if (node, None, None) not in graph:
            continue
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return f"^{_bracket(_path(inverse, graphs))}"
        for predicate, suffix in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
            inner = graph.value(node, predicate)
            if inner is not None:
                return f"({_bracket(_path(inner, graphs))}){suffix}"
        alternatives = graph.value(node, SH.alternativePath)
        if alternatives is not None:
            return "|".join(_bracket(_path(p, graphs)) for p in Collection(graph, alternatives))
        if graph.value(node, RDF.first) is not None:
            return "/".join(_bracket(_path(p, graphs)) for p in Collection(graph, node))
    return _term(node)


def _bracket(path: str) -> str:
    return f"<{path}>" if path.startswith(("http://", "https://")) else path


def _shape(shape: Node | None, shapes: Graph, results: Graph) -> str:
    """The shape's IRI; for a blank property shape, its node shape's IRI and its path."""
    if shape is None:
        return ""
    if isinstance(shape, URIRef):
        return str(shape)
    for graph in (shapes, results):
        path = graph.value(shape, SH.path)
        parent = next(iter(sorted(graph.subjects(SH.property, shape))), None)
        if path is not None or parent is not None:
            where = _term(parent) if parent is not None else "[]"
            return f"{where} {_path(path, (graph,))}" if path is not None else where
    return _term(shape)


def _severity_rank(severity: str) -> int:
    return _SEVERITY_ORDER.get(severity, len(_SEVERITY_ORDER))


_IRI = re.compile(r"<?(https?://[^\s<>\"]+)>?")


def _shorten(text: str) -> str:
    """Write IRIs in known namespaces as ``prefix:local``, for reading; leave the rest."""

    def compact(match: re.Match[str]) -> str:
        iri = match.group(1)
        for prefix, namespace in _PREFIXES:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        return match.group(0)

    return _IRI.sub(compact, text)
