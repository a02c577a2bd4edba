"""Core commands: build, validate, query, export, stats, search, serve."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph import queries
from graph.cli.common import fail, opened_store, reports_errors, say, use_store
from graph.errors import InvalidInput
from graph.results import short, table, write
from graph.store import AskResult, GraphResult


def main_options(
    store: Annotated[Optional[str], typer.Option(
        "--store", envvar="COOP_STORE", show_envvar=True,
        help='Where the graph lives: "memory", a directory, or a SPARQL server URL.')] = None,
) -> None:
    """coopgraph: who cooperates with whom in law and justice, on what evidence.

    Example: coop --store var/store build && coop --store var/store search "bo tu phap"
    """
    use_store(store)


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class ExportFormat(str, Enum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"


@reports_errors
def build_command(
    validate: Annotated[bool, typer.Option("--validate/--no-validate", help="Check the SHACL shapes first.")] = True,
) -> None:
    """Load the ontology and the curated data into the store, validated.

    Rebuilding is idempotent: each graph is replaced as a whole and IRIs are stable.

    Example: coop --store var/store build
    """
    from graph.build import build

    with opened_store(build_if_empty=False) as store:
        say(f"building into {store!r}")
        report = build(store, validate=validate, progress=say)
        say(f"done: {report.triples:,} triples in {len(report.graphs)} graphs, {report.seconds:.1f} s")


@reports_errors
def validate_command() -> None:
    """Check the ontology and curated data against the SHACL shapes, storing nothing.

    Prints each violation with its focus node, path and message; exits 1 if any.

    Example: coop validate
    """
    from graph.build import check, curated_sources, read_sources

    report = check(read_sources(curated_sources(), progress=say), progress=say)
    if report.results:
        typer.echo(report.format())


@reports_errors
def query_command(
    text: Annotated[Optional[str], typer.Argument(help="The SPARQL query (or use -f).")] = None,
    file: Annotated[Optional[Path], typer.Option("-f", "--file", exists=True, dir_okay=False,
                                                  help="Read the query from a .rq file.")] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", help="How to print SELECT/ASK results.")] = QueryFormat.table,
) -> None:
    """Run a SPARQL query over the whole graph (default graph = union of all graphs).

    Example: coop query 'SELECT ?org WHERE { ?org a <http://www.w3.org/ns/org#FormalOrganization> }'
    """
    if (text is None) == (file is None):
        fail("give the query either as an argument or with -f FILE", 2)
    sparql = file.read_text(encoding="utf-8") if file else text
    with opened_store() as store:
        result = store.query(sparql)
    if isinstance(result, GraphResult):
        body, _ = write(result, "turtle")
        sys.stdout.write(body.decode("utf-8"))
        return
    if fmt is QueryFormat.table:
        if isinstance(result, AskResult):
            typer.echo("true" if result.value else "false")
        else:
            rows = [[short(t) for t in row] for row in result.rows]
            typer.echo(table(list(result.variables), rows))
            say(f"{len(rows)} row(s)")
        return
    body, _ = write(result, fmt.value)
    sys.stdout.write(body.decode("utf-8"))
    if fmt is QueryFormat.json:
        sys.stdout.write("\n")


@reports_errors
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="trig and nquads keep the named graphs.")] = ExportFormat.trig,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
) -> None:
    """Export the whole graph: RDF (with or without named graphs) or GraphML/GEXF for Gephi.

    Example: coop export --format nquads -o coop.nq
    """
    with opened_store() as store:
        if fmt in (ExportFormat.graphml, ExportFormat.gexf):
            from graph.exporting import write_network

            body = write_network(store, fmt.value)
        elif fmt in (ExportFormat.trig, ExportFormat.nquads):
            body = store.dump(fmt.value)
        else:
            from graph.exporting import merged

            body = merged(store, fmt.value)
    if output is None:
        sys.stdout.buffer.write(body)
    else:
        output.write_bytes(body)
        say(f"wrote {output} ({len(body):,} bytes, {fmt.value})")


@reports_errors
def stats_command() -> None:
    """Count the things of each class and the triples and facts of each named graph.

    Example: coop stats
    """
    with opened_store() as store:
        classes = store.select(queries.load("class_counts"))
        graphs = store.select(queries.load("graph_counts"))
    typer.echo(table(["class", "label", "count"],
                     [[short(r["class"]), str(r.get("name", "")), str(r["count"])] for r in classes]))
    typer.echo("")
    typer.echo(table(["graph", "triples", "facts"],
                     [[str(r["g"]), str(r["triples"]), str(r["facts"])] for r in graphs]))


@reports_errors
def search_command(
    text: Annotated[str, typer.Argument(help="Words of a Vietnamese or English label, or an abbreviation.")],
    limit: Annotated[int, typer.Option(min=1, max=200, help="How many hits to show.")] = 10,
) -> None:
    """Find entities by label, ignoring case and diacritics.

    Examples: coop search "bo tu phap"   coop search THADS
    """
    from graph.search import search

    with opened_store() as store:
        hits = search(store, text, limit=limit)
    if not hits:
        fail(f"nothing matches {text!r}")
    typer.echo(table(["score", "entity", "Tiếng Việt", "English"],
                     [[f"{h.score:g}", short(_iri(h.iri)), h.label_vi or "", h.label_en or ""] for h in hits]))


def _iri(iri: str):
    from rdflib import URIRef

    return URIRef(iri)


@reports_errors
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="uvicorn worker processes (more than 1 needs a SPARQL server URL as the store).")] = 1,
) -> None:
    """Serve the API, the SPARQL endpoint and the maps with uvicorn.

    An empty store (e.g. the default in-memory one) is built at start-up.

    Example: coop --store var/store serve --port 8000
    """
    import uvicorn

    from graph.settings import get_settings

    if workers > 1 and not get_settings().store.startswith(("http://", "https://")):
        # An on-disk store is locked by the one process that opens it (RocksDB): a second
        # worker would fail at start-up. Workers share a store only through a SPARQL server.
        raise InvalidInput("several workers need a SPARQL server as the store (an on-disk store is locked "
                           "by one process): run `oxigraph serve --location DIR` and give --store "
                           "http://HOST:PORT; see docs/operating.md")
    say(f"serving on http://{host}:{port}/ (store: {get_settings().store})")
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port, workers=workers, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("build")(build_command)
    app.command("validate")(validate_command)
    app.command("query")(query_command)
    app.command("export")(export_command)
    app.command("stats")(stats_command)
    app.command("search")(search_command)
    app.command("serve")(serve_command)
