"""Big graphs: ``coop synth`` writes a synthetic one, ``coop load`` loads any N-Quads file.

``load_file`` is also what the benchmark (``python -m bench``) times, so the numbers it
reports are the numbers a user gets from ``coop load``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.cli.common import opened_store, reports_errors, say
from graph.errors import InvalidInput
from graph.store import OxigraphStore, Store

_FORMATS = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig", ".nt": "ntriples", ".ttl": "turtle"}


@dataclass(frozen=True)
class LoadReport:
    triples: int
    graphs: int
    seconds: float
    mode: str


@reports_errors
def synth_command(
    triples: Annotated[int, typer.Option("--triples", min=1, help="About how many triples to write (±5%).")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="The same seed and size give the same bytes.")] = 0,
    output: Annotated[Path, typer.Option("-o", "--output", dir_okay=False, help="The N-Quads file to write.")] = Path("synth.nq"),
) -> None:
    """Write a synthetic cooperation graph (N-Quads, one named graph per synthetic article).

    Organisations in up to 249 countries with a hub (MOJ Viet Nam), agreements, events with
    editions, projects, memberships and partnerships, each with evidence and labels in
    Vietnamese and English, under the real ontology. For benchmarks and load tests.

    Example: coop synth --triples 1000000 --seed 7 -o big.nq && coop --store var/big load big.nq --bulk
    """
    from graph.synth import generate

    partial = output.with_name(output.name + ".partial")
    started = time.perf_counter()
    try:
        with partial.open("wb") as stream:  # written aside, renamed when whole
            summary = generate(stream, triples, seed, progress=say)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(f"{output}: cannot write: {exc.strerror}") from exc
    os.replace(partial, output)
    say(f"wrote {output}: {summary.triples:,} triples, {summary.graphs:,} graphs, "
        f"{sum(summary.facts.values()):,} facts in {time.perf_counter() - started:.1f} s")
    say(f"hub: {summary.hub}   typical organisation: {summary.typical}")


@reports_errors
def load_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="N-Quads (.nq) or TriG (.trig) file.")],
    bulk: Annotated[bool, typer.Option("--bulk", help="Oxigraph's bulk loader: fastest, not transactional, "
                                       "adds to what the store holds (for a fresh store).")] = False,
    graph: Annotated[Optional[str], typer.Option("--graph", help="Named graph for a triples file (.nt, .ttl).")] = None,
    ontology: Annotated[bool, typer.Option("--ontology/--no-ontology",
                                           help="Also (re)load the ontology graph.")] = True,
) -> None:
    """Load a big RDF file into the store.

    Without --bulk each named graph is replaced atomically, one after the other: loading
    the same file again leaves the store as it was, and readers never see half a graph.
    With --bulk the whole file goes through Oxigraph's bulk loader (a store in this process
    only: memory or a directory).

    Example: coop --store var/big load big.nq --bulk
    """
    with opened_store(build_if_empty=False) as store:
        report = load_file(store, file, bulk=bulk, graph=graph, ontology=ontology, progress=say)
        say(f"loaded {file} into {store!r}: {report.triples:,} triples in {report.graphs:,} graphs, "
            f"{report.seconds:.1f} s ({report.mode})")


def load_file(store: Store, path: Path, *, bulk: bool = False, graph: str | None = None,
              ontology: bool = False, progress: Callable[[str], None] | None = None) -> LoadReport:
    """Load ``path`` into ``store``: bulk, or graph by graph in transactions.

    >>> import tempfile
    >>> from graph.store import OxigraphStore
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.nq").write_text('<http://s> <http://p> "o" <http://g1> .\\n'
    ...                                  '<http://s> <http://p> "o2" <http://g2> .\\n')
    >>> store = OxigraphStore()
    >>> load_file(store, folder / "a.nq").triples, store.graphs()
    (2, ['http://g1', 'http://g2'])
    """
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InvalidInput(f"{path}: unknown RDF format; use one of: {', '.join(sorted(_FORMATS))}")
    if fmt in ("ntriples", "turtle") and not graph:
        raise InvalidInput(f"{path}: a {fmt} file has no named graphs: give --graph IRI")
    started = time.perf_counter()
    if ontology:
        from graph import resources
        from graph.build import ONTOLOGY_GRAPH

        store.replace_graph(ONTOLOGY_GRAPH, resources.ontology_path().read_bytes(), "turtle")
    if bulk:
        if not isinstance(store, OxigraphStore):
            raise InvalidInput(f"--bulk needs an Oxigraph store in this process (memory or a directory), not "
                               f"{store!r}; leave --bulk out, or use `oxigraph load --location DIR` before serving")
        before = len(store.graphs())
        store.bulk_load(path, fmt, graph=graph)
        triples, graphs, mode = len(store), len(store.graphs()) - before, "bulk"
    elif graph:
        store.replace_graph(graph, path.read_bytes(), fmt)
        triples, graphs, mode = len(store), 1, "transactional"
    elif fmt == "nquads":
        triples = graphs = 0
        for name, body, count in _graphs_of(path):
            store.replace_graph(name, body, "ntriples")
            triples, graphs = triples + count, graphs + 1
            if progress and graphs % 1000 == 0:
                progress(f"{graphs:,} graphs, {triples:,} triples")
        mode = "transactional"
    else:
        raise InvalidInput(f"{path}: a {fmt} file loads with --bulk only; convert it to N-Quads otherwise")
    return LoadReport(triples, graphs, time.perf_counter() - started, mode)


def _graphs_of(path: Path) -> Iterator[tuple[str, bytes, int]]:
    """Each named graph of an N-Quads file as (IRI, N-Triples, count), streaming.

    A graph's quads must be together (as ``coop synth`` and ``coop export`` write them):
    a graph that comes back after another would replace its own first part.
    """
    done: set[str] = set()
    current, lines = None, []
    with path.open("r", encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, triple = _split_quad(line, path, number)
            if name != current:
                if current is not None:
                    yield current, "".join(lines).encode("utf-8"), len(lines)
                    done.add(current)
                if name in done:
                    raise InvalidInput(f"{path}:{number}: graph <{name}> comes back after other graphs; "
                                       "sort the file by graph or load it with --bulk")
                current, lines = name, []
            lines.append(triple)
    if current is not None:
        yield current, "".join(lines).encode("utf-8"), len(lines)


def _split_quad(line: str, path: Path, number: int) -> tuple[str, str]:
    """(graph IRI, the line as an N-Triples statement) for one N-Quads line.

    >>> _split_quad('<http://s> <http://p> "a \\\\" <b>"@en <http://g> .', Path("x.nq"), 1)
    ('http://g', '<http://s> <http://p> "a \\\\" <b>"@en .\\n')
    """
    position, n = 0, len(line)
    for _ in range(3):
        while position < n and line[position] in " \t":
            position += 1
        if position >= n:
            break
        c = line[position]
        if c == "<":
            position = line.find(">", position) + 1 or n
        elif c == '"':
            position += 1
            while position < n and line[position] != '"':
                position += 2 if line[position] == "\\" else 1
            position += 1
            if line.startswith("^^<", position):
                position = line.find(">", position) + 1 or n
            elif line.startswith("@", position):
                while position < n and line[position] not in " \t":
                    position += 1
        else:  # a blank node
            while position < n and line[position] not in " \t":
                position += 1
    rest = line[position:].strip()
    if not (rest.startswith("<") and rest.endswith(".") and rest[:-1].rstrip().endswith(">")):
        raise InvalidInput(f"{path}:{number}: not an N-Quads statement in a named graph")
    return rest[1:rest.index(">")], line[:position] + " .\n"


def register(app: typer.Typer) -> None:
    app.command("synth")(synth_command)
    app.command("load")(load_command)
