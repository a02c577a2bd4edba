"""Shared by the reliability tests: child processes, store templates, dataset comparison.

Crash tests run the writer in a child process (``tests/reliability/child.py``) so that the
test can SIGKILL it — its own child, by pid — in the middle of a write, then open the store
itself and compare what is there with the states before and after the write.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

from graph.build import build
from graph.store import OxigraphStore, iter_quads

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "child.py"
DOC_000 = "https://w3id.org/coop/graph/doc/000"


# --------------------------------------------------------------------------- datasets


def canonical(data: bytes, fmt: str = "nquads") -> dict[str, frozenset[str]]:
    """Each graph of a dataset as canonical N-Triples lines (blank nodes relabelled).

    Two dumps of the same dataset compare equal whatever labels the blank nodes got (a
    restore gives them fresh ones, as RDF allows); a missing, extra or changed quad does not.
    Graphs without blank nodes skip rdflib's (slow) canonicalisation: their lines already are.
    """
    graphs: dict[str, Graph] = defaultdict(Graph)
    for s, p, o, g in iter_quads(data, fmt):
        graphs["" if g is None else str(g)].add((s, p, o))
    result = {}
    for name, graph in graphs.items():
        if any(isinstance(term, BNode) for triple in graph for term in triple):
            graph = to_canonical_graph(graph)
        result[name] = frozenset(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
    return result


def ntriples(subject_prefix: str, count: int, tag: str) -> str:
    """``count`` N-Triples statements shaped like evidence of one article (no blank nodes)."""
    exact = "http://www.w3.org/ns/oa#exact"
    start = "http://www.w3.org/ns/oa#start"
    return "".join(
        f'<{subject_prefix}#c{i}-{i + 40}> <{exact}> "{tag} câu {i}: Bộ Tư pháp hợp tác với Lào"@vi .\n'
        f'<{subject_prefix}#c{i}-{i + 40}> <{start}> "{i}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        for i in range(count // 2)
    )


# --------------------------------------------------------------------------- child processes


@dataclass
class Child:
    """A writer in a child process whose output lines the test can wait for."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    seen: list[str] = field(default_factory=list)
    _lines: queue.Queue = field(default_factory=queue.Queue)
    _err: Path | None = None

    def start(self, err: Path) -> "Child":
        self._err = err
        env = {**os.environ, **self.env}
        with err.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, str(CHILD), *self.argv], cwd=REPO, env=env, text=True,
                stdout=subprocess.PIPE, stderr=stderr, start_new_session=True)
        # A reader thread, so that waiting for a line can time out.
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def wait_for(self, marker: str, timeout: float = 120.0) -> str:
        """Wait until the child prints a line starting with ``marker``; that line."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {marker!r} from the child within {timeout:g} s") from None
            if line is None:
                self.process.wait(timeout=60)
                raise AssertionError(f"the child ended before {marker!r}: {self.stderr()}")
            self.seen.append(line)
            if line.startswith(marker):
                return line

    def kill(self) -> None:
        """SIGKILL our own child, by its pid, and reap it."""
        assert self.process is not None
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=60)

    def finish(self, timeout: float = 300.0) -> list[str]:
        """Let the child run to its end; every line it printed."""
        assert self.process is not None
        code = self.process.wait(timeout=timeout)
        assert code == 0, f"child failed ({code}): {self.stderr()}"
        while (line := self._lines.get(timeout=10)) is not None:
            self.seen.append(line)
        return self.seen

    def stderr(self) -> str:
        return self._err.read_text(errors="replace")[-3000:] if self._err and self._err.exists() else ""


@pytest.fixture
def child(tmp_path) -> Iterable[Callable[..., Child]]:
    """Start ``child.py`` with arguments; every child still running at the end is killed."""
    started: list[Child] = []

    def start(*argv: str, **env: str) -> Child:
        c = Child([str(a) for a in argv], env).start(tmp_path / f"child-{len(started)}.err")
        started.append(c)
        return c

    yield start
    for c in started:
        if c.process is not None and c.process.poll() is None:
            c.kill()


def dir_bytes(path: Path) -> int:
    """Bytes in the files of a store directory (RocksDB grows it when a write commits)."""
    total = 0
    for entry in os.scandir(path):
        try:
            total += entry.stat().st_size if entry.is_file() else dir_bytes(Path(entry.path))
        except FileNotFoundError:  # RocksDB renames and deletes files as it works
            pass
    return total


# --------------------------------------------------------------------------- stores


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """An on-disk store holding the shipped graph, closed: copy it, never write to it."""
    path = tmp_path_factory.mktemp("seed") / "store"
    store = OxigraphStore(path)
    try:
        build(store, validate=False, progress=None)
    finally:
        store.close()
    return path


@pytest.fixture
def store_dir(seed_store_dir, tmp_path) -> Path:
    """A private copy of the on-disk seed store for one test."""
    target = tmp_path / "store"
    shutil.copytree(seed_store_dir, target)
    return target


def dump_of(path: Path) -> bytes:
    """The N-Quads dump of the on-disk store at ``path`` (opened and closed again)."""
    store = OxigraphStore(path)
    try:
        return store.dump("nquads")
    finally:
        store.close()


@pytest.fixture(scope="session")
def kit() -> SimpleNamespace:
    """The helpers above, for test modules (which cannot import a conftest by name)."""
    return SimpleNamespace(canonical=canonical, ntriples=ntriples, dir_bytes=dir_bytes,
                           dump_of=dump_of, DOC_000=DOC_000, REPO=REPO)


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A server process on 127.0.0.1, stopped (by its own pid) when the test ends."""

    process: subprocess.Popen
    url: str
    log: Path

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        """SIGTERM our own server's process group (uvicorn and its workers); SIGKILL if stuck."""
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterable[Callable[..., Server]]:
    """Start ``argv`` (``{port}`` is filled in) and wait until ``health`` answers below 500.

    Module-scoped, so that a module's tests can share one server; every server started is
    stopped when the module ends.
    """
    tmp_path = tmp_path_factory.mktemp("servers")
    started: list[Server] = []

    def start(argv: list[str], health: str, env: dict[str, str] | None = None,
              timeout: float = 180.0) -> Server:
        port = free_port()
        log = tmp_path / f"server-{len(started)}.log"
        with log.open("wb") as out:
            process = subprocess.Popen([a.format(port=port) for a in argv], cwd=REPO,
                                       env={**os.environ, **(env or {})}, stdout=out,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        srv = Server(process, f"http://127.0.0.1:{port}", log)
        started.append(srv)
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=10.0) as client:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise AssertionError(f"{argv[0]} exited with {process.returncode}: {srv.text()[-2000:]}")
                try:
                    if client.get(srv.url + health).status_code < 500:
                        return srv
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        raise AssertionError(f"{argv[0]} did not answer on {srv.url} in {timeout:g} s: {srv.text()[-2000:]}")

    yield start
    for srv in started:
        srv.stop()


@pytest.fixture(scope="module")
def oxigraph_server(server, tmp_path_factory) -> Callable[[], Server]:
    """``oxigraph serve`` (from the ``oxigraph`` package) on an empty directory."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        pytest.skip(f"the oxigraph server binary is not installed at {binary} (pip install oxigraph)")

    def start() -> Server:
        location = tmp_path_factory.mktemp("oxigraph")
        return server([str(binary), "serve", "--location", str(location), "--bind", "127.0.0.1:{port}"],
                      "/query?query=ASK%7B%7D")

    return start
