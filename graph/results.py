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
from graph.store import (
    MEDIA_TYPES, XSD_STRING, AskResult, GraphBytes, GraphResult, JsonTerm, QueryResult, RawResult, SelectResult,
    Solutions, serialize_quads,
)

RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_MEDIA_TYPES = {name: MEDIA_TYPES[name] for name in ("turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads")}
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def json_term(term: Node) -> JsonTerm:
    """An rdflib term as a SPARQL JSON results term."""
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


def solutions(result: SelectResult) -> Solutions:
    """rdflib rows as SPARQL JSON bindings, the form every writer here takes."""
    return Solutions(result.variables, [
        {v: json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
    ])


def _json(result: Solutions | AskResult) -> str:
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value})
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": result.bindings}},
                      ensure_ascii=False)


def _datatype(term: JsonTerm) -> str | None:
    datatype = term.get("datatype")
    return None if datatype == XSD_STRING else datatype


def _xml_term(term: JsonTerm) -> str:
    kind, value = term["type"], escape(term["value"])
    if kind == "uri":
        return f"<uri>{value}</uri>"
    if kind == "bnode":
        return f"<bnode>{value}</bnode>"
    attrs = ""
    if "xml:lang" in term:
        attrs = f" xml:lang={quoteattr(term['xml:lang'])}"
    elif datatype := _datatype(term):
        attrs = f" datatype={quoteattr(datatype)}"
    return f"<literal{attrs}>{value}</literal>"


def _xml(result: Solutions | AskResult) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if isinstance(result, AskResult):
        out += ["<head/>", f"<boolean>{'true' if result.value else 'false'}</boolean>"]
    else:
        names = {v: quoteattr(v) for v in result.variables}
        out.append("<head>" + "".join(f"<variable name={names[v]}/>" for v in result.variables) + "</head>")
        out.append("<results>")
        for binding in result.bindings:
            cells = "".join(f"<binding name={names[v]}>{_xml_term(t)}</binding>" for v, t in binding.items())
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out)


def tsv_term(term: JsonTerm | None) -> str:
    r"""A term as SPARQL TSV writes it (Turtle syntax, tabs and line breaks escaped).

    >>> print(tsv_term({"type": "literal", "value": 'a\tb "c"', "xml:lang": "en"}))
    "a\tb \"c\""@en
    """
    if term is None:
        return ""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    quoted = '"' + value.translate(_TSV_ESCAPES) + '"'
    if "xml:lang" in term:
        return f"{quoted}@{term['xml:lang']}"
    datatype = _datatype(term)
    return f"{quoted}^^<{datatype}>" if datatype else quoted


def _delimited(result: Solutions | AskResult, fmt: str) -> str:
    if isinstance(result, AskResult):
        return ("true" if result.value else "false") + "\n"
    variables = result.variables
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([b[v]["value"] if v in b else "" for v in variables] for b in result.bindings)
    else:
        buffer.write("\t".join(f"?{v}" for v in variables) + "\n")
        for binding in result.bindings:
            buffer.write("\t".join(tsv_term(binding.get(v)) for v in variables) + "\n")
    return buffer.getvalue()


def write_raw(result: RawResult, fmt: str) -> tuple[bytes, str]:
    """Serialise a result of :meth:`graph.store.Store.query_raw`; the bytes and their media type."""
    if isinstance(result, GraphBytes):
        if fmt != result.fmt or fmt not in GRAPH_MEDIA_TYPES:
            raise InvalidInput(
                f"A graph result can be written as {', '.join(GRAPH_MEDIA_TYPES)}, not {fmt!r}")
        return result.data, GRAPH_MEDIA_TYPES[fmt]
    if fmt == "json":
        text = _json(result)
    elif fmt == "xml":
        text = _xml(result)
    elif fmt in ("csv", "tsv"):
        text = _delimited(result, fmt)
    else:
        raise InvalidInput(f"A SELECT or ASK result can be written as {', '.join(RESULT_MEDIA_TYPES)}, not {fmt!r}")
    return text.encode("utf-8"), RESULT_MEDIA_TYPES[fmt]


def write(result: QueryResult, fmt: str) -> tuple[bytes, str]:
    """Serialise ``result`` as ``fmt``; returns the bytes and their media type."""
    if isinstance(result, GraphResult):
        if fmt not in GRAPH_MEDIA_TYPES:
            raise InvalidInput(
                f"A graph result can be written as {', '.join(GRAPH_MEDIA_TYPES)}, not {fmt!r}")
        body = serialize_quads(((s, p, o, None) for s, p, o in result.triples), fmt)
        return body, GRAPH_MEDIA_TYPES[fmt]
    return write_raw(solutions(result) if isinstance(result, SelectResult) else result, fmt)


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
