"""The API as users run it: ``coop serve`` (uvicorn) on loopback, spoken to over real HTTP."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

pytestmark = pytest.mark.server

SLOW = """SELECT ?a WHERE {
  { SELECT ?a ?b WHERE { ?a ?p ?b } LIMIT 2500 }
  { SELECT ?c ?d WHERE { ?c ?q ?d } LIMIT 2500 }
  FILTER(STR(?b) = CONCAT(STR(?d), "-never"))
}"""


def test_health_and_a_query_over_http(live_server):
    health = httpx.get(live_server + "/health").json()
    assert health["status"] == "ok" and health["graphs"] >= 4
    r = httpx.post(live_server + "/sparql", data={"query": "SELECT ?s WHERE { ?s a <https://w3id.org/coop/ontology#Agreement> } LIMIT 3"},
                   headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[0] == "s" and len(r.text.splitlines()) == 4


def test_entities_and_pages_over_http(live_server):
    assert httpx.get(live_server + "/entities", params={"q": "bo tu phap"}).json()["items"][0]["id"] == "org/moj-vn"
    page = httpx.get(live_server + "/id/org/moj-vn", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Bộ Tư pháp Việt Nam" in page.text
    assert httpx.get(live_server + "/").status_code == 200


def test_a_slow_query_does_not_stall_the_server(live_server):
    """COOP_QUERY_TIMEOUT=1: the slow query gets 503 after a second, others meanwhile at once."""
    outcome = {}

    def slow() -> None:
        started = time.monotonic()
        r = httpx.get(live_server + "/sparql", params={"query": SLOW}, timeout=30)
        outcome.update(status=r.status_code, seconds=time.monotonic() - started, detail=r.json()["detail"])

    worker = threading.Thread(target=slow)
    worker.start()
    time.sleep(0.2)
    with httpx.Client(base_url=live_server) as http:
        times = []
        for _ in range(5):
            started = time.monotonic()
            assert http.get("/entities", params={"q": "THADS"}).status_code == 200
            assert http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
            times.append(time.monotonic() - started)
        running = worker.is_alive()
    worker.join(timeout=20)
    assert running, "the slow query ended before the fast ones were sent: it proves nothing"
    assert max(times) < 0.5, times
    assert outcome["status"] == 503 and "time limit of 1 s" in outcome["detail"]
    assert outcome["seconds"] < 3.0
