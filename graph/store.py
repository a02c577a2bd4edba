"""The store engine: the one module that imports :mod:`pyoxigraph`.

Three kinds of store sit behind one interface, chosen by one setting (``COOP_STORE``):

* ``memory`` — an in-memory Oxigraph store (the default; ideal per test);
* a directory path — an on-disk Oxigraph (RocksDB) store that survives restarts;
* an ``http(s)://`` URL — a remote SPARQL 1.1 server such as ``oxigraph serve``, spoken to
  only through the SPARQL 1.1 protocol and the Graph Store protocol.

Everything else in coopgraph speaks SPARQL through :class:`Store` and receives rdflib
terms, so no other module depends on the engine. Values are always *bound*
(``bindings=``), never pasted into query text.
"""

from __future__ import annotations

import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import httpx
import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.errors import CoopError, InvalidInput, InvalidQuery, QueryTimeout, ResultTooLarge, StoreUnavailable

Term = Node
Bindings = Mapping[str, Union[Node, str, int, float]]

#: Serialisations the store can read and write, by the short names the CLI and API use.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
DATASET_FORMATS = frozenset({"nquads", "trig"})
MEDIA_TYPES = {name: fmt.media_type for name, fmt in RDF_FORMATS.items()}


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class SelectResult:
    variables: tuple[str, ...]
    rows: list[tuple[Term | None, ...]]

    def dicts(self) -> list[dict[str, Term]]:
        """Rows as ``{variable: term}``, unbound variables left out."""
        return [
            {v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows
        ]


@dataclass(frozen=True)
class AskResult:
    value: bool


@dataclass(frozen=True)
class GraphResult:
    triples: list[tuple[Term, Term, Term]]


QueryResult = Union[SelectResult, AskResult, GraphResult]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: One term as the SPARQL 1.1 JSON results format writes it (``{"type": "uri", "value": …}``).
JsonTerm = dict[str, str]


@dataclass(frozen=True)
class Solutions:
    """SELECT rows as SPARQL JSON bindings: plain dicts, ready to write, no rdflib terms.

    What the endpoint answers from; building rdflib terms only to write them out again
    cost more than the query itself on selective queries.
    """

    variables: tuple[str, ...]
    bindings: list[dict[str, JsonTerm]]


@dataclass(frozen=True)
class GraphBytes:
    """A CONSTRUCT or DESCRIBE result already serialised as ``fmt``."""

    data: bytes
    fmt: str


RawResult = Union[Solutions, AskResult, GraphBytes]


@dataclass
class Limits:
    """A time limit (seconds) and a result cap for one query; ``None`` means none."""

    timeout: float | None = None
    cap: int | None = None
    _deadline: float | None = field(default=None, init=False, repr=False)

    def start(self) -> "Limits":
        self._deadline = None if self.timeout is None else time.monotonic() + self.timeout
        return self

    def check(self, count: int) -> None:
        if self.cap is not None and count > self.cap:
            raise ResultTooLarge(
                f"The query returned more than {self.cap} results; add a LIMIT or narrow it."
            )
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise QueryTimeout(
                f"The query ran longer than its time limit of {self.timeout:g} s and was stopped."
            )


# --------------------------------------------------------------------------- terms


def _to_rdflib(term: Any) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise InvalidInput(f"Unsupported RDF term in a result: {term!r}")


def _json_term(term: Any) -> JsonTerm:
    """An Oxigraph term as a SPARQL JSON results term, without an rdflib object in between."""
    kind = type(term)
    if kind is ox.NamedNode:
        return {"type": "uri", "value": term.value}
    if kind is ox.Literal:
        language = term.language
        if language:
            return {"type": "literal", "value": term.value, "xml:lang": language}
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": datatype}
    if kind is ox.BlankNode:
        return {"type": "bnode", "value": term.value}
    raise InvalidInput(f"Unsupported RDF term in a result: {term!r}")


def _graph_bytes(triples: Iterable[Any], fmt: str, limits: Limits) -> GraphBytes:
    """Oxigraph triples serialised as ``fmt``, counted against ``limits`` one by one."""
    rdf_format = _rdf_format(fmt)
    kept: list[Any] = []
    try:
        for triple in triples:
            kept.append(triple)
            limits.check(len(kept))
        return GraphBytes(ox.serialize(kept, format=rdf_format), fmt)
    finally:
        triples = kept = triple = None  # noqa: F841 - freed on this thread (see OxigraphStore.query)


def _to_oxigraph(value: Node | str | int | float) -> Any:
    if isinstance(value, URIRef):
        try:
            return ox.NamedNode(str(value))
        except ValueError as exc:  # a user's "IRI" the engine refuses is bad input, not a crash
            raise InvalidInput(f"Not a valid IRI: {str(value)!r} ({exc})") from None
    if isinstance(value, BNode):
        return ox.BlankNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, bool):
        return _to_oxigraph(Literal(value))
    if isinstance(value, (str, int, float)):
        return _to_oxigraph(Literal(value))
    raise InvalidInput(f"Cannot bind {value!r} in a query")


def _rdf_format(name: str) -> ox.RdfFormat:
    try:
        return RDF_FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise InvalidInput(f"Unknown RDF format {name!r}; use one of: {known}") from None


# --------------------------------------------------------------------------- interface


class Store(ABC):
    """A SPARQL 1.1 dataset whose default graph is the union of its named graphs."""

    def __init__(self) -> None:
        self._version = 0
        self._version_lock = threading.Lock()

    @property
    def version(self) -> int:
        """Grows on every write made through this object: the key for derived caches."""
        return self._version

    def _bump(self) -> None:
        with self._version_lock:
            self._version += 1

    # reading
    @abstractmethod
    def query(
        self,
        query: str,
        bindings: Bindings | None = None,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        limits: Limits | None = None,
    ) -> QueryResult: ...

    @abstractmethod
    def query_raw(
        self,
        query: str,
        graph_format: str = "ntriples",
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        limits: Limits | None = None,
    ) -> RawResult:
        """Like :meth:`query`, for writing out: SELECT rows as :class:`Solutions`, ASK as
        :class:`AskResult`, a graph as :class:`GraphBytes` in ``graph_format``."""

    def select(self, query: str, bindings: Bindings | None = None, **kw: Any) -> list[dict[str, Term]]:
        result = self.query(query, bindings, **kw)
        if not isinstance(result, SelectResult):
            raise InvalidQuery("Expected a SELECT query")
        return result.dicts()

    def ask(self, query: str, bindings: Bindings | None = None, **kw: Any) -> bool:
        result = self.query(query, bindings, **kw)
        if not isinstance(result, AskResult):
            raise InvalidQuery("Expected an ASK query")
        return result.value

    def construct(self, query: str, bindings: Bindings | None = None, **kw: Any) -> list[tuple[Term, Term, Term]]:
        result = self.query(query, bindings, **kw)
        if not isinstance(result, GraphResult):
            raise InvalidQuery("Expected a CONSTRUCT or DESCRIBE query")
        return result.triples

    @abstractmethod
    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""

    @abstractmethod
    def dump(self, fmt: str = "nquads", graph: str | None = None) -> bytes:
        """The whole dataset (``nquads``/``trig``) or one graph in any RDF format."""

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    # writing
    @abstractmethod
    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction."""

    @abstractmethod
    def replace_graph(self, graph: str, data: bytes | str, fmt: str = "turtle") -> None:
        """Replace one named graph by ``data`` atomically: readers see old or new, never a mix."""

    @abstractmethod
    def drop_graph(self, graph: str) -> None: ...

    @abstractmethod
    def restore(self, data: bytes | str, fmt: str = "nquads") -> None:
        """Replace the whole dataset by ``data`` (a dump) atomically."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the engine (flushes an on-disk store)."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- Oxigraph


class OxigraphStore(Store):
    """An Oxigraph store in this process: in memory (``path=None``) or on disk."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        super().__init__()
        self.path = None if path is None else Path(path)
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreUnavailable(f"Cannot open the store at {self.path}: {exc}") from exc

    def __repr__(self) -> str:
        return f"OxigraphStore({str(self.path) if self.path else 'memory'})"

    def _dataset(self, default_graphs: list[str] | None, named_graphs: list[str] | None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        return kwargs

    def query(self, query, bindings=None, *, default_graphs=None, named_graphs=None, limits=None):
        limits = (limits or Limits()).start()
        if bindings:
            query = bind_values(query, bindings)
        try:
            result = self._store.query(query, **self._dataset(default_graphs, named_graphs))
            if isinstance(result, ox.QueryBoolean):
                return AskResult(bool(result))
            if isinstance(result, ox.QuerySolutions):
                variables = tuple(v.value for v in result.variables)
                rows = []
                for solution in result:
                    rows.append(tuple(_to_rdflib(solution[v]) for v in variables))
                    limits.check(len(rows))
                return SelectResult(variables, rows)
            triples = []
            for triple in result:
                triples.append((_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object)))
                limits.check(len(triples))
            return GraphResult(triples)
        except SyntaxError as exc:
            raise InvalidQuery(str(exc)) from exc
        except OSError as exc:
            raise StoreUnavailable(f"The store failed while answering a query: {exc}") from exc
        finally:
            # pyoxigraph results may only be freed on the thread that made them; an error
            # (e.g. the result cap) carries this frame to the thread that handles it, where
            # they would leak (about 2 MB a query). Let go of them here.
            result = solution = triple = None  # noqa: F841

    def query_raw(self, query, graph_format="ntriples", *, default_graphs=None, named_graphs=None, limits=None):
        limits = (limits or Limits()).start()
        _rdf_format(graph_format)  # refuse an unknown format before running anything
        try:
            result = self._store.query(query, **self._dataset(default_graphs, named_graphs))
            if isinstance(result, ox.QueryBoolean):
                return AskResult(bool(result))
            if isinstance(result, ox.QuerySolutions):
                variables = tuple(v.value for v in result.variables)
                bindings = []
                for solution in result:
                    bindings.append({name: _json_term(term) for name, term in zip(variables, solution)
                                     if term is not None})
                    limits.check(len(bindings))
                return Solutions(variables, bindings)
            return _graph_bytes(result, graph_format, limits)
        except SyntaxError as exc:
            raise InvalidQuery(str(exc)) from exc
        except OSError as exc:
            raise StoreUnavailable(f"The store failed while answering a query: {exc}") from exc
        finally:
            result = solution = None  # noqa: F841 - freed on this thread, as in query()

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, fmt="nquads", graph=None):
        rdf_format = _rdf_format(fmt)
        if graph is None:
            if fmt not in DATASET_FORMATS:
                raise InvalidInput(f"A whole dataset can be dumped as nquads or trig, not {fmt}")
            return self._store.dump(format=rdf_format)
        return self._store.dump(format=rdf_format, from_graph=ox.NamedNode(graph))

    def update(self, update):
        try:
            self._store.update(update)
        except SyntaxError as exc:
            raise InvalidQuery(str(exc)) from exc
        self._bump()

    def replace_graph(self, graph, data, fmt="turtle"):
        # Parse first (outside any transaction) so bad data never touches the store,
        # then swap the graph in one SPARQL Update, which Oxigraph applies atomically.
        quads = _parse(data, fmt, graph)
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")

    def drop_graph(self, graph):
        self.update(f"DROP SILENT GRAPH <{ox.NamedNode(graph).value}>")

    def restore(self, data, fmt="nquads"):
        if fmt not in DATASET_FORMATS:
            raise InvalidInput(f"A dataset is restored from nquads or trig, not {fmt}")
        quads = _parse(data, fmt, None)
        body = "\n".join(
            f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"
            if isinstance(q.graph_name, ox.NamedNode)
            else f"{q.subject} {q.predicate} {q.object} ."
            for q in quads
        )
        self.update(f"DROP SILENT ALL ;\nINSERT DATA {{\n{body}\n}}")

    def bulk_load(self, data: bytes | str | Path, fmt: str = "nquads", graph: str | None = None) -> None:
        """Fast, non-transactional load of a big file (benchmarks and first loads)."""
        kwargs: dict[str, Any] = {"format": _rdf_format(fmt)}
        if graph:
            kwargs["to_graph"] = ox.NamedNode(graph)
        if isinstance(data, Path):
            kwargs["path"] = str(data)
        else:
            kwargs["input"] = data
        try:
            self._store.bulk_load(**kwargs)
        except SyntaxError as exc:
            raise InvalidInput(f"Cannot load the data: {exc}") from exc
        self._bump()

    def close(self):
        if self.path is not None:
            try:
                self._store.flush()
            except OSError:
                pass
        del self._store


def _parse(data: bytes | str, fmt: str, graph: str | None) -> list[Any]:
    """Parse fully before writing, so malformed data never reaches the store."""
    kwargs: dict[str, Any] = {"format": _rdf_format(fmt), "rename_blank_nodes": True}
    if graph is not None:
        kwargs["without_named_graphs"] = True  # a graph's data may not name other graphs
    try:
        return list(ox.parse(data, **kwargs))
    except SyntaxError as exc:
        raise InvalidInput(f"Cannot parse the {fmt} data: {exc}") from exc


# --------------------------------------------------------------------------- remote


class RemoteStore(Store):
    """A SPARQL 1.1 server spoken to over HTTP (query, update and graph store protocols).

    The URL is the server's base; the paths default to those of ``oxigraph serve``
    (``/query``, ``/update``, ``/store``).
    """

    def __init__(self, url: str, *, timeout: float = 60.0, query_path: str = "/query",
                 update_path: str = "/update", store_path: str = "/store") -> None:
        super().__init__()
        self.url = url.rstrip("/")
        self._query_url = self.url + query_path
        self._update_url = self.url + update_path
        self._store_url = self.url + store_path
        self._client = httpx.Client(timeout=timeout)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url})"

    def _request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        try:
            response = self._client.request(method, url, **kw)
        except httpx.TimeoutException as exc:
            raise QueryTimeout(f"The SPARQL server at {self.url} did not answer in time") from exc
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"Cannot reach the SPARQL server at {self.url}: {exc}") from exc
        if response.status_code == 400:
            raise InvalidQuery(response.text.strip())
        if response.status_code >= 400:
            raise StoreUnavailable(
                f"The SPARQL server at {self.url} answered {response.status_code}: {response.text.strip()[:500]}"
            )
        return response

    def _post_query(self, query: str, default_graphs: list[str] | None, named_graphs: list[str] | None,
                    limits: Limits) -> tuple[str, httpx.Response]:
        """POST ``query``; the answer's media type and the response."""
        params: list[tuple[str, str]] = []
        if default_graphs:
            params += [("default-graph-uri", g) for g in default_graphs]
        elif named_graphs:
            # `oxigraph serve` refuses union-default-graph beside named-graph-uri; naming
            # every graph as a default graph gives the same union as the local store.
            params += [("default-graph-uri", g) for g in self.graphs()]
        else:
            params.append(("union-default-graph", ""))
        params += [("named-graph-uri", g) for g in named_graphs or []]
        timeout = limits.timeout if limits.timeout is not None else self._client.timeout
        try:
            response = self._request(
                "POST", self._query_url, params=params, content=query.encode("utf-8"),
                headers={"Content-Type": "application/sparql-query",
                         "Accept": "application/sparql-results+json, application/n-triples;q=0.9"},
                timeout=timeout,
            )
        except QueryTimeout:
            if limits.timeout is None:
                raise
            # The same words as a local store's limit, whichever side noticed first.
            raise QueryTimeout(
                f"The query ran longer than its time limit of {limits.timeout:g} s and was stopped.") from None
        return response.headers.get("content-type", "").split(";")[0].strip(), response

    def _json(self, response: httpx.Response) -> dict[str, Any]:
        try:
            return response.json()
        except ValueError:
            raise _broken_answer(self.url, response.content) from None

    def _triples(self, response: httpx.Response) -> list[Any]:
        try:
            return list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError:
            raise _broken_answer(self.url, response.content) from None

    def query(self, query, bindings=None, *, default_graphs=None, named_graphs=None, limits=None):
        limits = (limits or Limits()).start()
        if bindings:
            query = bind_values(query, bindings)
        media_type, response = self._post_query(query, default_graphs, named_graphs, limits)
        if media_type == "application/sparql-results+json":
            payload = self._json(response)
            if "boolean" in payload:
                return AskResult(bool(payload["boolean"]))
            variables = tuple(payload["head"]["vars"])
            rows = []
            for binding in payload["results"]["bindings"]:
                rows.append(tuple(_from_json(binding.get(v)) for v in variables))
                limits.check(len(rows))
            return SelectResult(variables, rows)
        triples = []
        for triple in self._triples(response):
            triples.append((_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object)))
            limits.check(len(triples))
        return GraphResult(triples)

    def query_raw(self, query, graph_format="ntriples", *, default_graphs=None, named_graphs=None, limits=None):
        limits = (limits or Limits()).start()
        _rdf_format(graph_format)
        media_type, response = self._post_query(query, default_graphs, named_graphs, limits)
        if media_type == "application/sparql-results+json":
            payload = self._json(response)
            if "boolean" in payload:
                return AskResult(bool(payload["boolean"]))
            bindings = payload["results"]["bindings"]
            limits.check(len(bindings))  # the rows are all here already: one check covers them
            return Solutions(tuple(payload["head"]["vars"]), bindings)
        return _graph_bytes(self._triples(response), graph_format, limits)

    def graphs(self):
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(str(r["g"]) for r in rows if isinstance(r.get("g"), URIRef))

    def dump(self, fmt="nquads", graph=None):
        rdf_format = _rdf_format(fmt)
        if graph is None and fmt not in DATASET_FORMATS:
            raise InvalidInput(f"A whole dataset can be dumped as nquads or trig, not {fmt}")
        params = {"graph": graph} if graph else {}
        response = self._request("GET", self._store_url, params=params, headers={"Accept": rdf_format.media_type})
        return response.content

    def update(self, update):
        self._request("POST", self._update_url, content=update.encode("utf-8"),
                      headers={"Content-Type": "application/sparql-update"})
        self._bump()

    def replace_graph(self, graph, data, fmt="turtle"):
        quads = _parse(data, fmt, graph)  # refuse bad data before sending anything
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        # PUT replaces the graph in one request, which the server applies as a unit.
        self._request("PUT", self._store_url, params={"graph": graph}, content=body.encode("utf-8"),
                      headers={"Content-Type": "application/n-triples"})
        self._bump()

    def drop_graph(self, graph):
        self.update(f"DROP SILENT GRAPH <{ox.NamedNode(graph).value}>")

    def restore(self, data, fmt="nquads"):
        if fmt not in DATASET_FORMATS:
            raise InvalidInput(f"A dataset is restored from nquads or trig, not {fmt}")
        _parse(data, fmt, None)
        self._request("PUT", self._store_url, content=data if isinstance(data, bytes) else data.encode(),
                      headers={"Content-Type": _rdf_format(fmt).media_type})
        self._bump()

    def close(self):
        self._client.close()


_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WHERE = re.compile(r"WHERE\b", re.IGNORECASE)


def bind_values(query: str, bindings: Bindings) -> str:
    r"""Bind variables to values with a ``VALUES`` block opening the ``WHERE`` group.

    Each value is serialised by Oxigraph (IRIs checked, literals escaped), so nothing a
    user typed can change the query's structure. Oxigraph's own ``substitutions`` refuse
    variables that are not projected (aggregates, sub-selects); ``VALUES`` has no such
    limit and is standard SPARQL, so remote servers understand it too.

    >>> bind_values('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', {"s": URIRef("http://a")})
    'SELECT (COUNT(*) AS ?n) WHERE { VALUES (?s) { (<http://a>) } ?s ?p ?o }'
    >>> print(bind_values('ASK WHERE { ?s ?p ?o }', {"o": 'x" } DROP ALL'}))
    ASK WHERE { VALUES (?o) { ("x\" } DROP ALL") } ?s ?p ?o }
    """
    for name in bindings:
        if not _VARIABLE_NAME.match(name):
            raise InvalidInput(f"Not a SPARQL variable name: {name!r}")
    position = _where_brace(query)
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(str(_to_oxigraph(v)) for v in bindings.values())
    return f"{query[:position + 1]} VALUES ({names}) {{ ({values}) }}{query[position + 1:]}"


def _where_brace(query: str) -> int:
    """Index of the ``{`` opening the query's WHERE group, skipping strings, IRIs, comments."""
    i, n, seen_where, first_brace = 0, len(query), False, -1
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "'\"":
            quote = c * 3 if query.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not query.startswith(quote, i):
                i += 2 if query[i] == "\\" else 1
            i += len(quote)
            continue
        if c == "<":
            end = query.find(">", i)
            if end > 0 and not any(ch.isspace() for ch in query[i + 1:end]):
                i = end + 1
                continue
        if c == "{":
            if seen_where:
                return i
            if first_brace < 0:
                first_brace = i
        if not seen_where and (c in "Ww") and _WHERE.match(query, i) and (i == 0 or not query[i - 1].isalnum()):
            seen_where = True
            i += 5
            continue
        i += 1
    if first_brace >= 0 and not seen_where:
        return first_brace
    raise InvalidQuery("Cannot bind values: the query has no WHERE group")


def _broken_answer(url: str, body: bytes) -> CoopError:
    """The error for a result body cut short: ``oxigraph serve --timeout-s`` cancels a query
    after the headers are sent, ending the body with "The SPARQL operation has been cancelled"."""
    if b"has been cancelled" in body[-300:]:
        return QueryTimeout("The query ran longer than the SPARQL server's time limit and was stopped.")
    return StoreUnavailable(f"The SPARQL server at {url} sent an incomplete answer.")


def _from_json(binding: dict[str, str] | None) -> Term | None:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


# --------------------------------------------------------------------------- opening


def open_store(spec: str | None = None, *, read_only: bool = False) -> Store:
    """Open the store ``spec`` names (default: the ``COOP_STORE`` setting).

    >>> store = open_store("memory")
    >>> store.ask("ASK { ?s ?p ?o }")
    False
    """
    if spec is None:
        from graph.settings import get_settings

        spec = get_settings().store
    if spec in ("", "memory", ":memory:"):
        return OxigraphStore()
    if spec.startswith(("http://", "https://")):
        return RemoteStore(spec)
    return OxigraphStore(spec, read_only=read_only)


def iter_quads(data: bytes | str, fmt: str) -> Iterator[tuple[Term, Term, Term, Term | None]]:
    """Parse RDF into rdflib-term quads (``None`` for the default graph)."""
    for q in _parse(data, fmt, None):
        graph = None if isinstance(q.graph_name, ox.DefaultGraph) else _to_rdflib(q.graph_name)
        yield _to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object), graph


def serialize_quads(quads: Iterable[tuple[Term, Term, Term, Term | None]], fmt: str) -> bytes:
    """Write rdflib-term quads in one of :data:`RDF_FORMATS`."""
    ox_quads = [
        ox.Quad(_to_oxigraph(s), _to_oxigraph(p), _to_oxigraph(o),
                ox.DefaultGraph() if g is None else _to_oxigraph(g))
        for s, p, o, g in quads
    ]
    rdf_format = _rdf_format(fmt)
    if fmt not in DATASET_FORMATS:
        ox_quads = [ox.Triple(q.subject, q.predicate, q.object) for q in ox_quads]
    return ox.serialize(ox_quads, format=rdf_format)
