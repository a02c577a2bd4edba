"""Concurrency: readers see a document graph whole (old or new), and the deployments that work.

What pyoxigraph/RocksDB allows, and so what docs/operating.md documents:

* one process opens an on-disk store (RocksDB's lock); its threads share it — the API's
  query threads read while another thread writes, each query on a consistent snapshot;
* a second process cannot open the same directory (a clear error, below), and
  ``Store.read_only`` while a writer runs is undefined behaviour in Oxigraph's own words;
* several API worker processes therefore share a store through ``oxigraph serve``
  (``COOP_STORE=http://…``), which serialises the writes.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

import httpx
import pytest

from graph.errors import StoreUnavailable
from graph.store import OxigraphStore, open_store

G = "https://w3id.org/coop/graph/doc/777"
P_OLD = "https://w3id.org/coop/ontology#testOld"
P_NEW = "https://w3id.org/coop/ontology#testNew"
COUNTS = (f"SELECT (COUNT(?a) AS ?old) (COUNT(?b) AS ?new) WHERE {{ GRAPH <{G}> "
          f"{{ {{ ?s <{P_OLD}> ?a }} UNION {{ ?s <{P_NEW}> ?b }} }} }}")


def version(predicate: str, count: int) -> str:
    return "".join(f'<https://w3id.org/coop/doc/777#c{i}-{i + 9}> <{predicate}> "{i}" .\n' for i in range(count))


def flip_while_reading(store, old: int, new: int, flips: int, readers: int = 3):
    """Replace G back and forth between ``old`` and ``new`` statements while threads count it.

    Returns every (old, new) count pair seen and how many reads began while a write ran.
    """
    store.replace_graph(G, version(P_OLD, old), "ntriples")
    data = [version(P_NEW, new), version(P_OLD, old)]
    writes = {"started": 0, "finished": 0}
    stop = threading.Event()
    seen: list[tuple[int, int]] = []
    overlapping = [0]
    lock = threading.Lock()

    def read() -> None:
        while not stop.is_set():
            in_write = writes["started"] > writes["finished"]
            row = store.select(COUNTS)[0]
            with lock:
                seen.append((int(row["old"]), int(row["new"])))
                overlapping[0] += in_write

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for t in threads:
        t.start()
    try:
        for i in range(flips):
            writes["started"] += 1
            store.replace_graph(G, data[i % 2], "ntriples")
            writes["finished"] += 1
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    return Counter(seen), overlapping[0]


@pytest.mark.parametrize("kind,old,new", [("memory", 2000, 5000), ("disk", 300, 700)])
def test_readers_during_a_replace_see_the_old_or_the_new_graph_never_a_mix(tmp_path, kind, old, new):
    store = OxigraphStore() if kind == "memory" else OxigraphStore(tmp_path / "store")
    try:
        seen, overlapping = flip_while_reading(store, old, new, flips=6)
    finally:
        store.close()
    assert set(seen) <= {(old, 0), (0, new)}, f"mixed states seen: {seen}"
    assert overlapping > 0, "no read ran during a write: the test did not exercise concurrency"
    assert seen[(0, new)] > 0 and seen[(old, 0)] > 0


def test_a_second_process_cannot_open_an_on_disk_store(store_dir, tmp_path, child):
    small = tmp_path / "small.nt"
    small.write_text(version(P_OLD, 3), encoding="utf-8")
    holder = child("replace", store_dir, G, small, "hang")
    holder.wait_for("written")
    with pytest.raises(StoreUnavailable, match=rf"Cannot open the store at {store_dir}: .*lock"):
        open_store(str(store_dir))


def test_serve_refuses_several_workers_on_an_on_disk_store(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from graph.cli import app
    from graph.settings import get_settings

    monkeypatch.setenv("COOP_STORE", "memory")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "serve", "--workers", "2"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "several workers need a SPARQL server as the store" in result.stderr
    assert "oxigraph serve --location DIR" in result.stderr


# --------------------------------------------------------------------------- workers


TOKEN = "worker-test-token-5f1c"
# A new connection per request: a kept-alive one would stay with the worker that accepted it.
FRESH = {"Connection": "close"}


def _count(client: httpx.Client, url: str) -> tuple[int, int]:
    response = client.get(url + "/sparql", params={"query": COUNTS},
                          headers={"Accept": "application/sparql-results+json", **FRESH})
    assert response.status_code == 200, response.text
    row = response.json()["results"]["bindings"][0]
    return int(row["old"]["value"]), int(row["new"]["value"])


def _update(client: httpx.Client, url: str, body: str) -> None:
    response = client.post(url + "/sparql", content=body.encode("utf-8"),
                           headers={"Content-Type": "application/sparql-update", **FRESH,
                                    "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 204, response.text


def _swap(predicate: str, count: int) -> str:
    return f"DROP SILENT GRAPH <{G}> ; INSERT DATA {{ GRAPH <{G}> {{ {version(predicate, count)} }} }}"


@pytest.fixture(scope="module")
def workers(server, oxigraph_server, seed_store):
    """Two uvicorn workers of the API over one ``oxigraph serve``, holding the shipped graph."""
    import sys

    ox = oxigraph_server()
    remote = open_store(ox.url)
    remote.restore(seed_store.dump("nquads"))
    remote.close()
    api = server([sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--workers", "2",
                  "--host", "127.0.0.1", "--port", "{port}", "--log-level", "warning"],
                 "/health", env={"COOP_STORE": ox.url, "COOP_API_TOKEN": TOKEN})
    return api


@pytest.mark.slow
@pytest.mark.server
def test_workers_on_one_sparql_server_see_every_write_whole(workers):
    url = workers.url
    stop = threading.Event()
    seen: list[tuple[int, int]] = []

    def read() -> None:
        with httpx.Client(timeout=60) as client:
            while not stop.is_set():
                seen.append(_count(client, url))

    threads = [threading.Thread(target=read) for _ in range(4)]
    with httpx.Client(timeout=120) as client:
        _update(client, url, _swap(P_OLD, 200))
        for t in threads:
            t.start()
        try:
            flips, deadline = 0, time.monotonic() + 120
            while (flips < 6 or len(seen) < 40) and time.monotonic() < deadline:
                _update(client, url, _swap(P_NEW, 500) if flips % 2 == 0 else _swap(P_OLD, 200))
                flips += 1
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=60)
        # Whichever worker answers, a write that returned is seen by the next read.
        _update(client, url, _swap(P_NEW, 500))
        after = {_count(client, url) for _ in range(20)}
    assert set(seen) <= {(200, 0), (0, 500)}, Counter(seen)
    assert len(seen) >= 40 and flips >= 6
    assert after == {(0, 500)}


@pytest.mark.slow
@pytest.mark.server
@pytest.mark.xfail(strict=False, reason=(
    "api/views/cache.py and graph/search.py cache derived data per Store.version, which only "
    "counts writes made through the same Python object: another worker's write (or one made "
    "on the SPARQL server directly) leaves this worker's entity index stale. Fix: give "
    "RemoteStore a version read from the server (e.g. a counter triple bumped in every update "
    "the API sends) or a short time-to-live for remote stores."))
def test_workers_on_one_sparql_server_find_an_entity_another_worker_added(workers):
    url = workers.url
    label = "Hội đồng Thử nghiệm Zeta"
    with httpx.Client(timeout=60) as client:
        # Warm every worker's entity index first (fresh connections reach both workers).
        for _ in range(20):
            assert client.get(url + "/entities", params={"q": "bo tu phap"}, headers=FRESH).status_code == 200
        _update(client, url, (
            "INSERT DATA { GRAPH <https://w3id.org/coop/graph/entities> { "
            "<https://w3id.org/coop/id/org/zeta-test> a <https://w3id.org/coop/ontology#GovernmentBody> ; "
            f'<http://www.w3.org/2004/02/skos/core#prefLabel> "{label}"@vi, "Zeta Test Council"@en . }} }}'))
        found = [
            any(item["iri"].endswith("/org/zeta-test")
                for item in client.get(url + "/entities", params={"q": "hoi dong thu nghiem zeta"},
                                       headers=FRESH).json()["items"])
            for _ in range(20)
        ]
    assert all(found), f"{found.count(False)} of 20 searches missed the new entity"
