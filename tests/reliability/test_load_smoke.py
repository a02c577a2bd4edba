"""The load driver (``bench/load.py``) in miniature: it runs, stops by itself, counts right.

No timing is asserted here: the measurement itself is ``make bench`` (``python -m bench.load``).
"""

from __future__ import annotations

import sys

import pytest

from bench import load


@pytest.fixture(scope="module")
def api(server):
    """The API in its own process on 127.0.0.1, over the shipped graph (built at start-up)."""
    return server([sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host", "127.0.0.1",
                   "--port", "{port}", "--log-level", "warning", "--no-access-log"], "/health",
                  env={"COOP_STORE": "memory"})


@pytest.mark.server
def test_a_small_bounded_run_against_the_api_has_no_errors(api):
    report = load.run(api.url, requests=90, seconds=60, concurrency=4, pid=api.process.pid, warmup=9)
    assert report["errors"] == 0, report["error_samples"]
    assert report["requests"] == 90 and report["stopped_by"] == "requests"
    assert set(report["by_kind"]) == {"partners", "entities", "sparql"}
    assert all(kind["count"] == 30 for kind in report["by_kind"].values())
    assert 0 < report["p50_ms"] <= report["p99_ms"] <= report["max_ms"]
    assert report["throughput_rps"] > 0
    assert all(value is not None and value > 0 for value in report["rss_mb"].values())


@pytest.mark.server
def test_the_seconds_bound_stops_a_run(api):
    report = load.run(api.url, requests=10_000_000, seconds=1.0, concurrency=2, warmup=0)
    assert report["stopped_by"] == "seconds"
    assert 0 < report["requests"] < 10_000_000
    assert report["seconds"] < 1.0 + 35  # at most one request in flight per client past the bound


@pytest.mark.parametrize("url", ["http://example.org", "http://10.0.0.1:8000", "https://w3id.org/coop/"])
def test_it_refuses_anything_but_loopback(url):
    with pytest.raises(ValueError, match="loopback only"):
        load.run(url, requests=1, seconds=1)
