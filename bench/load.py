"""A bounded load test of the API: many concurrent clients on loopback, for a fixed number of
requests and at most a fixed number of seconds, then it stops by itself.

The mix is what the product's users do: partner neighbourhoods (``/partners/{id}``), entity
search (``/entities?q=``) and SPARQL (``/sparql``: a bound-IRI lookup and a count). It
reports errors (anything but the expected status), p50/p99 latency, throughput, and the
server's resident memory before, after a warm-up, and at the end, so a leak shows as growth.

``run(base_url, requests, seconds)`` drives a server that is already up (loopback only).
``python -m bench.load`` makes its own: a synthetic graph (``graph.synth``) loaded into an
on-disk store, served by uvicorn on 127.0.0.1, measured, and stopped::

    python -m bench.load --triples 200000 --requests 5000 --seconds 120 --concurrency 16
    python -m bench.load --url http://127.0.0.1:8000 --requests 2000   # a running server
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import quantiles
from urllib.parse import quote, urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
JSON_RESULTS = {"Accept": "application/sparql-results+json"}
SEARCHES = ("bo tu phap", "bộ tư pháp lào", "ministry of justice", "toa an", "THADS", "hiep hoi", "university")
LABEL = ("SELECT ?label WHERE { ?entity <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } LIMIT 5")
PARTNER_COUNT = ("SELECT (COUNT(DISTINCT ?other) AS ?n) WHERE { ?fact <https://w3id.org/coop/ontology#participant> "
                 "?entity , ?other FILTER(?other != ?entity) }")


@dataclass(frozen=True)
class Call:
    kind: str
    path: str
    params: dict
    headers: dict


def _loopback(base_url: str) -> None:
    """Refuse anything but this machine: a load test must never reach someone else's server."""
    host = urlsplit(base_url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"the load test runs against loopback only (127.0.0.1, ::1, localhost), not {host!r}")


def rss_mb(pid: int | None) -> float | None:
    """Resident memory of ``pid`` in MB, from /proc (None without a pid or off Linux)."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _plan(client: httpx.Client, base_url: str) -> list[Call]:
    """The request mix, with entity ids found through the API itself (nothing hard-coded)."""
    ids: list[str] = []
    iris: list[str] = []
    for text in SEARCHES:
        found = client.get(base_url + "/entities", params={"q": text, "limit": 5})
        found.raise_for_status()
        for item in found.json()["items"]:
            if item["id"].split("/")[0] in ("org", "country", "person") and item["id"] not in ids:
                ids.append(item["id"])
                iris.append(item["iri"])
    if not ids:
        raise RuntimeError(f"{base_url}: no organisation found by search; is the graph loaded?")
    calls: list[Call] = []
    for i, (entity, iri) in enumerate(zip(ids, iris)):
        calls.append(Call("partners", f"/partners/{quote(entity, safe='/')}", {"depth": 1}, {}))
        calls.append(Call("entities", "/entities", {"q": SEARCHES[i % len(SEARCHES)], "limit": 20}, {}))
        query = (LABEL if i % 2 else PARTNER_COUNT).replace("?entity", f"<{iri}>")
        calls.append(Call("sparql", "/sparql", {"query": query}, JSON_RESULTS))
    return calls


async def _drive(base_url: str, calls: list[Call], requests: int, seconds: float, concurrency: int,
                 timeout: float) -> tuple[list[tuple[str, float, int]], float]:
    """Send up to ``requests`` calls from ``concurrency`` clients, stopping at ``seconds``."""
    results: list[tuple[str, float, int]] = []
    next_index = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits) as client:
        async def worker() -> None:
            nonlocal next_index
            while next_index < requests and time.monotonic() < deadline:
                call = calls[next_index % len(calls)]
                next_index += 1
                started = time.perf_counter()
                try:
                    response = await client.get(call.path, params=call.params, headers=call.headers)
                    status = response.status_code
                except httpx.HTTPError:
                    status = 0  # no answer at all: an error
                results.append((call.kind, time.perf_counter() - started, status))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return results, time.perf_counter() - started


def _stats(latencies: list[float]) -> dict:
    if not latencies:
        return {"count": 0}
    ordered = sorted(latencies)
    cuts = quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 99
    return {"count": len(ordered), "p50_ms": round(cuts[49] * 1000, 2), "p99_ms": round(cuts[98] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2)}


def run(base_url: str, requests: int, seconds: float, *, concurrency: int = 8, pid: int | None = None,
        timeout: float = 30.0, warmup: int | None = None) -> dict:
    """Load ``base_url`` (loopback only) with at most ``requests`` calls in at most ``seconds``.

    Parameters
    ----------
    base_url
        The API, e.g. ``http://127.0.0.1:8000``.
    requests, seconds
        The bounds: whichever comes first ends the run.
    concurrency
        Clients sending at once.
    pid
        The server's process id, to read its resident memory (optional).
    warmup
        Requests sent first and not measured (default: a tenth of ``requests``, at most 200).

    Returns
    -------
    dict
        ``requests``, ``errors`` (with up to 5 ``error_samples``), ``seconds``, ``throughput_rps``,
        overall and per-kind ``p50_ms``/``p99_ms``, ``rss_mb`` before, after the warm-up and at
        the end, and ``rss_growth_mb_per_1k`` after the warm-up.
    """
    _loopback(base_url)
    base_url = base_url.rstrip("/")
    warmup = min(200, requests // 10) if warmup is None else warmup
    rss_start = rss_mb(pid)
    with httpx.Client(timeout=timeout) as client:
        calls = _plan(client, base_url)
    started = time.monotonic()
    if warmup:
        asyncio.run(_drive(base_url, calls, warmup, seconds, concurrency, timeout))
    rss_warm = rss_mb(pid)
    remaining = max(0.0, seconds - (time.monotonic() - started))
    results, elapsed = asyncio.run(_drive(base_url, calls, requests, remaining, concurrency, timeout))
    rss_end = rss_mb(pid)
    errors = [(kind, status) for kind, _, status in results if status != 200]
    by_kind = {kind: _stats([t for k, t, _ in results if k == kind]) for kind in sorted({c.kind for c in calls})}
    report = {
        "base_url": base_url, "concurrency": concurrency, "warmup": warmup,
        "requests": len(results), "errors": len(errors), "error_samples": errors[:5],
        "seconds": round(elapsed, 2), "throughput_rps": round(len(results) / elapsed, 1) if elapsed else None,
        **{k: v for k, v in _stats([t for _, t, _ in results]).items() if k != "count"},
        "by_kind": by_kind,
        "rss_mb": {"start": rss_start, "after_warmup": rss_warm, "end": rss_end},
        "rss_growth_mb_per_1k": (round((rss_end - rss_warm) / len(results) * 1000, 2)
                                 if rss_end is not None and rss_warm is not None and results else None),
        "stopped_by": "requests" if len(results) >= requests else "seconds",
    }
    return report


# --------------------------------------------------------------------------- own server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_synthetic(triples: int, seed: int, work: Path, say=print) -> tuple[subprocess.Popen, str]:
    """Generate a synthetic graph, bulk-load it into ``work/store`` and serve it on loopback."""
    import graph.synth

    data = work / f"synth-{triples}-{seed}.nq"
    with data.open("wb") as stream:
        summary = graph.synth.generate(stream, triples, seed)
    say(f"generated {summary.triples:,} triples in {summary.graphs:,} graphs")
    store = work / "store"
    coop = Path(sys.executable).parent / "coop"
    subprocess.run([str(coop), "--store", str(store), "load", str(data), "--bulk"], check=True, cwd=REPO)
    port = _free_port()
    log = (work / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", "--no-access-log"],
        cwd=REPO, env={**os.environ, "COOP_STORE": str(store)}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    with httpx.Client(timeout=5) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the API exited with {process.returncode}; see {work / 'server.log'}")
            try:
                if client.get(url + "/health").status_code == 200:
                    return process, url
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"the API did not answer on {url} within 600 s")


def stop(process: subprocess.Popen) -> None:
    """Stop our own server (its process group, by id)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running API on loopback (default: start one on a synthetic graph)")
    parser.add_argument("--pid", type=int, help="its process id, to read its memory")
    parser.add_argument("--triples", type=int, default=200_000, help="size of the synthetic graph")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=5_000)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--out", type=Path, help="also write the report here (JSON)")
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(f"[load] {message}", file=sys.stderr, flush=True)

    process = None
    try:
        if args.url:
            url, pid = args.url, args.pid
        else:
            work = Path(tempfile.mkdtemp(prefix="coop-load-"))
            say(f"serving a {args.triples:,}-triple synthetic graph from {work}")
            process, url = serve_synthetic(args.triples, args.seed, work, say)
            pid = process.pid
        say(f"{args.requests:,} requests or {args.seconds:g} s, {args.concurrency} clients, against {url}")
        report = run(url, args.requests, args.seconds, concurrency=args.concurrency, pid=pid)
        report["triples"] = None if args.url else args.triples
    finally:
        if process is not None:
            stop(process)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    say(f"{report['requests']:,} requests, {report['errors']} errors, p50 {report.get('p50_ms')} ms, "
        f"p99 {report.get('p99_ms')} ms, {report['throughput_rps']} req/s, RSS {report['rss_mb']}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
