"""Queries that outlive their time limit: what the client gets, and what the server keeps doing.

The client always gets its 503 at the time limit (``api/runner.py`` walks away). But an
in-process Oxigraph cannot be interrupted: an aggregate over a cross product produces no
row for the result cap to count, so the engine thread keeps burning a core after the 503
(``api/runner.py`` replaces that thread, so later queries still find a free one). ``oxigraph serve --timeout-s``
cancels the evaluation inside the engine; docs/operating.md recommends it for a public
endpoint. Both deployments are measured here, in server processes this module starts and
stops, so that no runaway thread is left in the test process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import httpx
import pytest

from graph.errors import QueryTimeout
from graph.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.server]

# 6e10 combinations over the shipped graph: hours of counting, and not one row to cap.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIGHT = "ASK { <https://w3id.org/coop/id/org/moj-vn> ?p ?o }"
TIMEOUT = 1.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` and its threads, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def settles(pid: int, within: float) -> bool:
    """Whether ``pid`` goes idle (under 0.1 s of CPU in a second) within ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(1.0)
        if cpu_seconds(pid) - before < 0.1:
            return True
    return False


def attack(url: str, n: int = 1) -> list[tuple[int, float]]:
    """``n`` runaway queries at once; each one's status and seconds to answer."""
    import concurrent.futures

    def one(_: int) -> tuple[int, float]:
        started = time.monotonic()
        response = httpx.get(url + "/sparql", params={"query": RUNAWAY}, timeout=60)
        return response.status_code, time.monotonic() - started

    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def api(server, store: str, timeout: float = TIMEOUT):
    return server([sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host", "127.0.0.1",
                   "--port", "{port}", "--log-level", "warning"], "/health",
                  env={"COOP_STORE": store, "COOP_QUERY_TIMEOUT": str(timeout)})


@pytest.fixture(scope="class")
def in_process(server):
    """The API with its own in-memory Oxigraph (built from the shipped data at start-up).

    Stopped after its class, so that its runaway threads do not slow down the next tests.
    """
    srv = api(server, "memory")
    yield srv
    srv.stop()


# The documented public deployment: the server's limit below the API's, so that the server
# cancels the evaluation while the API still waits for the answer (a client that has gone
# away is not noticed by `oxigraph serve`, which then evaluates to the end).
SERVER_TIMEOUT, API_TIMEOUT = 1, 10.0


@pytest.fixture(scope="module")
def behind_oxigraph_serve(server, seed_store, tmp_path_factory):
    """The API over ``oxigraph serve --timeout-s``: the documented public deployment."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        pytest.skip(f"the oxigraph server binary is not installed at {binary}")
    location = tmp_path_factory.mktemp("oxigraph-timeout")
    ox = server([str(binary), "serve", "--location", str(location), "--bind", "127.0.0.1:{port}",
                 "--timeout-s", str(SERVER_TIMEOUT)], "/query?query=ASK%7B%7D")
    remote = open_store(ox.url)
    remote.restore(seed_store.dump("nquads"))
    remote.close()
    return api(server, ox.url, API_TIMEOUT), ox


class TestInProcessEngine:
    """The API with its own Oxigraph, as `make serve` runs it."""

    def test_a_runaway_query_gets_its_503_at_the_time_limit(self, in_process):
        [(status, seconds)] = attack(in_process.url)
        assert status == 503
        assert TIMEOUT <= seconds < TIMEOUT + 4

    @pytest.mark.xfail(strict=False, reason=(
        "in-process Oxigraph has no cancellation: after the 503 the engine thread keeps counting "
        "(measured: a full core for as long as the process lives). Fix (API/store owners): run "
        "public queries against `oxigraph serve --timeout-s N` (see the next tests), or in a worker "
        "process that is killed at the deadline."))
    def test_the_in_process_engine_stops_working_after_the_503(self, in_process):
        attack(in_process.url)
        assert settles(in_process.process.pid, within=5.0), "the server kept burning CPU after its 503"

    def test_light_queries_are_still_answered_after_several_runaway_ones(self, in_process):
        attack(in_process.url, n=5)
        response = httpx.get(in_process.url + "/sparql", params={"query": LIGHT}, timeout=30,
                             headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200, response.text[:200]


def test_behind_oxigraph_serve_the_engine_stops_and_light_queries_are_answered(behind_oxigraph_serve):
    api_server, ox = behind_oxigraph_serve
    [(status, seconds)] = attack(api_server.url)
    assert status == 503
    assert seconds < API_TIMEOUT + 4
    assert settles(ox.process.pid, within=20.0), "oxigraph serve kept working on the cancelled query"
    response = httpx.get(api_server.url + "/sparql", params={"query": LIGHT}, timeout=30,
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 and response.json()["boolean"] is True


def test_a_query_the_server_cancelled_is_a_timeout_not_a_crash(behind_oxigraph_serve):
    """`oxigraph serve` cancels after sending the headers (200, cut-off body): that is a 503."""
    _, ox = behind_oxigraph_serve
    remote = open_store(ox.url)
    try:
        with pytest.raises(QueryTimeout, match="SPARQL server's time limit"):
            remote.query(RUNAWAY)
        with pytest.raises(QueryTimeout, match="SPARQL server's time limit"):
            remote.query("CONSTRUCT { ?a <urn:count> ?n } WHERE { { SELECT ?a (COUNT(*) AS ?n) "
                         "WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a } }")
    finally:
        remote.close()
