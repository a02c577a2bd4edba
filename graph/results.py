"""Write query results in the standard SPARQL formats (shared by the CLI and the API).

SELECT and ASK: SPARQL 1.1 Query Results JSON, XML, CSV and TSV. CONSTRUCT and DESCRIBE:
any RDF format of :data:`graph.store.RDF_FORMATS`. A plain-text table is for people.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.errors import InvalidInput
from graph.store import MEDIA_TYPES, AskResult, GraphResult, QueryResult, SelectResult, serialize_quads

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_MEDIA_TYPES = {name: MEDIA_TYPES[name] for name in ("turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads")}


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and str(term.datatype) != XSD_STRING:
            out["datatype"] = str(term.datatype)
    return out


def _json(result: SelectResult | AskResult) -> str:
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value})
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
    ]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attrs = ""
    if isinstance(term, Literal) and term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif isinstance(term, Literal) and term.datatype and str(term.datatype) != XSD_STRING:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{escape(str(term))}</literal>"


def _xml(result: SelectResult | AskResult) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if isinstance(result, AskResult):
        out += ["<head/>", f"<boolean>{'true' if result.value else 'false'}</boolean>"]
    else:
        out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>")
        out.append("<results>")
        for row in result.rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(result.variables, row) if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out)


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return term.n3()


def _delimited(result: SelectResult | AskResult, fmt: str) -> str:
    if isinstance(result, AskResult):
        return ("true" if result.value else "false") + "\n"
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else str(t) for t in row])
    else:
        buffer.write("\t".join(f"?{v}" for v in result.variables) + "\n")
        for row in result.rows:
            buffer.write("\t".join(_tsv_term(t) for t in row) + "\n")
    return buffer.getvalue()


def write(result: QueryResult, fmt: str) -> tuple[bytes, str]:
    """Serialise ``result`` as ``fmt``; returns the bytes and their media type."""
    if isinstance(result, GraphResult):
        if fmt not in GRAPH_MEDIA_TYPES:
            raise InvalidInput(
                f"A graph result can be written as {', '.join(GRAPH_MEDIA_TYPES)}, not {fmt!r}")
        body = serialize_quads(((s, p, o, None) for s, p, o in result.triples), fmt)
        return body, GRAPH_MEDIA_TYPES[fmt]
    if fmt == "json":
        text = _json(result)
    elif fmt == "xml":
        text = _xml(result)
    elif fmt in ("csv", "tsv"):
        text = _delimited(result, fmt)
    else:
        raise InvalidInput(f"A SELECT or ASK result can be written as {', '.join(RESULT_MEDIA_TYPES)}, not {fmt!r}")
    return text.encode("utf-8"), RESULT_MEDIA_TYPES[fmt]


def short(term: Node | None, prefixes: dict[str, str] | None = None) -> str:
    """A term as a person reads it: a prefixed name, or the literal's text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in (prefixes or PREFIXES).items():
            if str(term).startswith(namespace):
                return f"{prefix}:{str(term)[len(namespace):]}"
        return f"<{term}>"
    return str(term)


PREFIXES = {
    "coop": "https://w3id.org/coop/ontology#",
    "id": "https://w3id.org/coop/id/",
    "doc": "https://w3id.org/coop/doc/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "oa": "http://www.w3.org/ns/oa#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def table(headers: list[str], rows: list[list[str]]) -> str:
    """An aligned plain-text table.

    >>> print(table(["a", "bb"], [["1", "2"], ["333", "4"]]))
    a    bb
    ---  --
    1    2
    333  4
    """
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)
