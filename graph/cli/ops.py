"""Operating commands: ``coop dump`` and ``coop restore``, the backup of the whole dataset.

A dump holds every named graph (N-Quads or TriG), so ``coop restore`` of a dump gives back
the same dataset: the same quads in the same graphs (blank nodes, e.g. the OWL lists of the
ontology, get fresh labels, as RDF allows). Both commands are careful with the operator's
data:

* ``dump`` writes beside the target and renames it into place once the file is complete
  and synced, so an interrupted dump never leaves a truncated backup under the real name;
* ``restore`` parses the whole file before touching the store and then replaces the
  dataset in one transaction: a malformed file is refused with its line, and the store is
  left as it was. An empty file is refused too (it would wipe the store) unless
  ``--allow-empty`` says so.

A name ending in ``.gz`` is compressed or decompressed on the way.
"""

from __future__ import annotations

import gzip
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.cli.common import opened_store, reports_errors, say
from graph.errors import InvalidInput, StoreUnavailable
from graph.settings import get_settings
from graph.store import Store, iter_quads

#: File name endings (after an optional ``.gz``) and the dataset format each one means.
EXTENSIONS = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig"}


class DumpFormat(str, Enum):
    nquads = "nquads"
    trig = "trig"


#: The ``--format`` option of both commands.
FormatOption = Annotated[Optional[DumpFormat], typer.Option(
    "--format", help="nquads or trig; default: from the file name.")]


def format_of(path: Path, given: DumpFormat | None) -> str:
    """The dataset format for ``path``: ``--format`` if given, else its extension.

    >>> format_of(Path("backup.nq.gz"), None), format_of(Path("backup.nquads"), None)
    ('nquads', 'nquads')
    >>> format_of(Path("backup.trig"), None)
    'trig'
    >>> format_of(Path("backup.ttl"), None)
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: backup.ttl: cannot tell the format from the name; end it in .nq, .nquads or .trig (optionally .gz), or give --format nquads|trig
    """
    if given is not None:
        return given.value
    name = path.name.lower().removesuffix(".gz")
    for extension, fmt in EXTENSIONS.items():
        if name.endswith(extension):
            return fmt
    raise InvalidInput(
        f"{path}: cannot tell the format from the name; end it in .nq, .nquads or .trig "
        "(optionally .gz), or give --format nquads|trig")


def _is_stdio(path: Path) -> bool:
    return str(path) == "-"


@contextmanager
def _store(*, build_if_empty: bool) -> Iterator[Store]:
    """The configured store; a hint when another process holds an on-disk store's lock."""
    spec = get_settings().store
    try:
        with opened_store(build_if_empty=build_if_empty) as store:
            yield store
    except StoreUnavailable as exc:
        if "lock" not in str(exc).lower():
            raise
        raise StoreUnavailable(
            f"{exc}. Another process (a running `coop serve`?) holds the store at {spec}: stop it "
            "first, or run the store as `oxigraph serve --location DIR` and point COOP_STORE at "
            "that server (see docs/operating.md, Operating).") from exc


def _is_memory(spec: str) -> bool:
    return spec in ("", "memory", ":memory:")


def _write_atomically(path: Path, body: bytes) -> None:
    """Write ``body`` to ``path`` so that the name only ever holds a complete file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as stream:
            if path.name.lower().endswith(".gz"):
                # mtime=0: the same dataset gives the same bytes (backups can be compared).
                with gzip.GzipFile(fileobj=stream, mode="wb", mtime=0) as zipped:
                    zipped.write(body)
            else:
                stream.write(body)
            stream.flush()
            os.fsync(stream.fileno())  # on disk before the rename makes it the backup
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _read(path: Path) -> bytes:
    try:
        if _is_stdio(path):
            return sys.stdin.buffer.read()
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if path.name.lower().endswith(".gz"):
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InvalidInput(f"{path}: not a complete gzip file: {exc}") from exc
    return data


@reports_errors
def dump_command(
    file: Annotated[Path, typer.Argument(
        help="Where to write: a .nq/.nquads or .trig name (add .gz to compress), or - for stdout.")],
    fmt: FormatOption = None,
) -> None:
    """Write the whole dataset, every named graph, to FILE: the backup `coop restore` reads.

    Examples: coop --store var/store dump backup-2026-11-23.nq.gz
              coop --store var/store dump - --format trig > backup.trig
    """
    if _is_stdio(file) and fmt is None:
        raise InvalidInput("give --format nquads|trig when dumping to stdout")
    fmt_name = format_of(file, fmt)
    spec = get_settings().store
    started = time.perf_counter()
    # An empty in-memory store is the shipped graph, as for `coop export`; an on-disk or
    # remote store is dumped as it is (a dump never writes to the store).
    with _store(build_if_empty=_is_memory(spec)) as store:
        say(f"dumping {store!r} as {fmt_name}")
        graphs, quads = store.graphs(), len(store)
        body = store.dump(fmt_name)
    if _is_stdio(file):
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
        target = "stdout"
    else:
        _write_atomically(file, body)
        target = str(file)
    say(f"wrote {target}: {quads:,} quads in {len(graphs):,} named graphs, {len(body):,} bytes, "
        f"{time.perf_counter() - started:.1f} s")


@reports_errors
def restore_command(
    file: Annotated[Path, typer.Argument(
        help="A dump: .nq/.nquads or .trig (optionally .gz), or - for stdin.")],
    fmt: FormatOption = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Only read and check the file; change nothing.")] = False,
    allow_empty: Annotated[bool, typer.Option(
        "--allow-empty", help="Accept a dump with no quads (it empties the store).")] = False,
) -> None:
    """Replace the whole dataset by the dump in FILE, in one transaction.

    The file is parsed completely first: a malformed one is refused with the line of the
    first error and the store is left untouched.

    Examples: coop --store var/store restore backup-2026-11-23.nq.gz
              coop restore --check backup.trig
    """
    if _is_stdio(file) and fmt is None:
        raise InvalidInput("give --format nquads|trig when restoring from stdin")
    fmt_name = format_of(file, fmt)
    started = time.perf_counter()
    data = _read(file)
    say(f"read {file}: {len(data):,} bytes of {fmt_name}")
    quads, named = 0, set()
    try:
        # One full read before anything is written: the count, the graphs, the first error.
        for _, _, _, graph in iter_quads(data, fmt_name):
            quads += 1
            if graph is not None:
                named.add(graph)
    except InvalidInput as exc:
        raise InvalidInput(f"{file}: {exc}; the store was not changed") from exc
    if quads == 0 and not allow_empty:
        raise InvalidInput(f"{file}: the dump holds no quads; restoring it would empty the store "
                           "(give --allow-empty if that is what you want); the store was not changed")
    if check:
        say(f"{file} is a readable dump: {quads:,} quads in {len(named):,} named graphs (nothing changed)")
        return
    if _is_memory(get_settings().store):
        raise InvalidInput("restoring into the in-memory store keeps nothing once the command ends: "
                           "give --store DIR (or COOP_STORE), or use --check to only check the file")
    # A restore writes the whole dataset, so an empty store is never built first.
    with _store(build_if_empty=False) as store:
        before = len(store)
        say(f"restoring into {store!r} (it holds {before:,} quads in named graphs now)")
        store.restore(data, fmt_name)
        after, graphs_after = len(store), len(store.graphs())
    say(f"restored {file}: {after:,} quads in {graphs_after:,} named graphs, {time.perf_counter() - started:.1f} s")


def register(app: typer.Typer) -> None:
    app.command("dump")(dump_command)
    app.command("restore")(restore_command)
