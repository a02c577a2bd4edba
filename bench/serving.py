"""Over HTTP: our API against ``oxigraph serve`` and rdflib, the same queries on the same data.

All traffic goes to servers this module starts on 127.0.0.1; every loop is bounded in count
and in time, and every server is stopped when its ``with`` block ends.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from bench import queries
from bench.data import Data
from bench.measure import DidNotFinish, Sample, measure
from bench.procs import Server, api_server, oxigraph_server, rdflib_endpoint_server
from bench.rdflib_peer import RdflibWorker
from bench.report import Row, Target

JSON_RESULTS = {"Accept": "application/sparql-results+json"}
SEARCH_TEXT = "bo tu phap lao"  # "Bộ Tư pháp Lào" typed without diacritics, as staff do


def _get(client: httpx.Client, url: str, params: dict | None = None, headers: dict | None = None,
         timeout: float | None = None) -> httpx.Response:
    limit = timeout or client.timeout.read
    try:
        response = client.get(url, params=params, headers=headers, timeout=limit)
    except httpx.TimeoutException:
        raise DidNotFinish(f"did not finish in {limit:g} s") from None
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:200]}")
    return response


def sparql(client: httpx.Client, url: str, query: str, union: bool = False) -> int:
    """Run ``query`` at a SPARQL endpoint; the number of result rows."""
    params = {"query": query, **({"union-default-graph": ""} if union else {})}
    body = _get(client, url, params, JSON_RESULTS).json()
    return len(body["results"]["bindings"]) if "results" in body else int(bool(body.get("boolean")))


def _count(body) -> int:
    """How many things a JSON answer holds (nodes of a neighbourhood, hits of a search)."""
    if isinstance(body, list):
        return len(body)
    for key in ("nodes", "hits", "results", "items", "partners"):
        if isinstance(body.get(key), list):
            return len(body[key])
    return 1


def _routes(client: httpx.Client, base: str) -> set[str]:
    try:
        return set(_get(client, base + "/openapi.json").json().get("paths", {}))
    except Exception:  # noqa: BLE001 - an API without OpenAPI simply offers no REST rows
        return set()


def _local_id(iri: str) -> str:
    """``…/id/org/moj-vn`` -> ``org/moj-vn`` (the id the REST endpoints take)."""
    return iri.split("/id/", 1)[1]


class Bench:
    """The measurements of one graph size over HTTP."""

    def __init__(self, data: Data, config, work: Path, say) -> None:
        self.data, self.config, self.work, self.say = data, config, work, say
        self.client = httpx.Client(timeout=config.timeout)
        self.rows: list[Row] = []

    def time(self, call, *, slow: bool = False) -> Sample:
        c = self.config
        return measure(call, reps=c.reps_slow if slow else c.reps, warmup=c.warmup, budget=c.budget)

    def add(self, row: Row) -> None:
        counts = [s.result for s in (row.ours, row.peer) if s is not None and s.result is not None]
        if len(set(counts)) > 1:
            row.note = (row.note + "; " if row.note else "") + f"answers differ: {counts[0]} vs {counts[1]} rows"
        self.rows.append(row)

    def q(self, name: str) -> str:
        return queries.text(name, self.data.hub, self.data.typical)

    # ------------------------------------------------------------------ the whole run

    def run(self, api_dir: Path, ox_dir: Path) -> list[Row]:
        size = self.data.label
        try:
            with oxigraph_server(ox_dir, log=self.work / f"oxigraph-{size}.log") as ox:
                self.say(f"[{size}] oxigraph serve up in {ox.started_in:.1f} s")
                try:
                    with api_server(str(api_dir), log=self.work / f"api-{size}.log") as api:
                        self.say(f"[{size}] coop API up in {api.started_in:.1f} s")
                        self.over_api(api, ox)
                        self.memory(api)
                except RuntimeError as exc:
                    self.missing(f"our API did not start: {exc}", ox)
                self.rdflib_peers()
                self.remote(ox)
        finally:
            self.client.close()
        return self.rows

    def missing(self, reason: str, ox: Server | None = None) -> None:
        """Rows for everything the API would have served, marked not available."""
        for name, (title, _, selective) in queries.QUERIES.items():
            if name != "search-label":
                text = self.q(name)
                theirs = None if ox is None else self.time(
                    lambda: sparql(self.client, ox.url + "/query", text, union=True), slow=not selective)
                self.add(Row(f"sparql.{name}", title, self.data.label, None, "oxigraph serve", theirs,
                             Target("ratio", 1.3) if selective else None, note=reason))
        for row_id, title, target in self.REST_ROWS:
            self.add(Row(row_id, title, self.data.label, None, "", None, target, note=reason))
        self.add(Row("memory.peak", "memory: peak RSS of the API process", self.data.label, unit="MB", note=reason))
        self.add(Row("memory.growth", "memory: RSS growth over a long run", self.data.label, unit="MB/1k",
                     target=Target("max", 1.0), note=reason))

    REST_ROWS = [
        ("rest.index.cold", "/partners first call (builds the activity index)", None),
        ("rest.partners.typical.1", "/partners?depth=1, typical org", None),
        ("rest.partners.typical.2", "/partners?depth=2, typical org", None),
        ("rest.partners.hub.1", "/partners?depth=1, the hub", None),
        ("rest.partners.hub.2", "/partners?depth=2, the hub", Target("max", 0.050)),
        ("rest.search.cold", "/entities?q= first call (builds the label index)", None),
        ("rest.search", "/entities?q= search", Target("max", 0.010)),
    ]

    def over_api(self, api: Server, ox: Server) -> None:
        size, ours_url, ox_url = self.data.label, api.url + "/sparql", ox.url + "/query"
        for name, (title, _, selective) in queries.QUERIES.items():
            if name == "search-label":
                continue
            self.say(f"[{size}] {title}")
            text = self.q(name)
            ours = self.time(lambda: sparql(self.client, ours_url, text), slow=not selective)
            theirs = self.time(lambda: sparql(self.client, ox_url, text, union=True), slow=not selective)
            self.add(Row(f"sparql.{name}", title, size, ours, "oxigraph serve", theirs,
                         Target("ratio", 1.3) if selective else None))
        self.rest(api, ox, prefix="rest", titles="")

    def rest(self, api: Server, ox: Server, *, prefix: str, titles: str) -> None:
        """/partners and /entities, each against the SPARQL a client would send instead."""
        size, routes = self.data.label, _routes(self.client, api.url)
        ox_url = ox.url + "/query"
        has_partners = any(r.startswith("/partners") for r in routes)
        has_search = "/entities" in routes
        hub, typical = _local_id(self.data.hub), _local_id(self.data.typical)

        cold = self.config.load_budget  # a first call may build an index: give it longer

        def partners(who: str, depth: int, timeout: float | None = None):
            return lambda: _count(_get(self.client, f"{api.url}/partners/{who}", {"depth": depth},
                                       timeout=timeout).json())

        def search(timeout: float | None = None):
            return lambda: _count(_get(self.client, f"{api.url}/entities", {"q": SEARCH_TEXT}, timeout=timeout).json())

        def peer(name: str) -> Sample:
            text = self.q(name)
            return self.time(lambda: sparql(self.client, ox_url, text, union=True), slow=True)

        plan = {
            "index.cold": (partners(typical, 1, cold), None, None),
            "partners.typical.1": (partners(typical, 1), "oxigraph serve, SPARQL 1-hop", "partners-typical"),
            "partners.typical.2": (partners(typical, 2), None, None),
            "partners.hub.1": (partners(hub, 1), "oxigraph serve, SPARQL 1-hop", "partners-hub"),
            "partners.hub.2": (partners(hub, 2), "oxigraph serve, SPARQL 2-hop", "partners-hub-2hop"),
            "search.cold": (search(cold), None, None),
            "search": (search(), "oxigraph serve, SPARQL CONTAINS", "search-label"),
        }
        index_failed = ""
        for row_id, title, target in self.REST_ROWS:
            key = row_id.removeprefix("rest.")
            call, peer_name, peer_query = plan[key]
            available = has_search if key.startswith("search") else has_partners
            row = Row(f"{prefix}.{key}", title + titles, size, target=target, peer_name=peer_name or "")
            if not available:
                row.note = "n/a (not available: the API has no such endpoint yet)"
            elif index_failed and key.startswith("partners"):
                row.note = f"not run: the first /partners call {index_failed}"
            elif key.endswith("cold"):
                self.say(f"[{size}] {title}{titles}")
                row.ours = measure(call, reps=1, warmup=0, budget=cold)
                if row.ours.median is None and key == "index.cold":
                    index_failed = row.ours.note or "failed"
            else:
                self.say(f"[{size}] {title}{titles}")
                row.ours = self.time(call)
                row.peer = peer(peer_query) if peer_query else None
                row.note = "counts differ by design (nodes incl. the centre vs SPARQL rows)" if peer_query else ""
                if row.peer is not None:  # the counts are not comparable: do not flag them
                    row.ours.result = row.peer.result = None
            self.rows.append(row)

    def memory(self, api: Server) -> None:
        """Peak RSS after the run; then RSS across a long, bounded run of mixed requests."""
        size, c = self.data.label, self.config
        peak = Sample([api.peak_rss() or 0.0])
        self.rows.append(Row("memory.peak", "memory: peak RSS of the API process", size, peak, unit="MB"))
        routes = _routes(self.client, api.url)
        urls = [(api.url + "/sparql", {"query": self.q("label")}),
                (api.url + "/sparql", {"query": self.q("partners-typical")})]
        if "/entities" in routes:
            urls.append((api.url + "/entities", {"q": SEARCH_TEXT}))
        if any(r.startswith("/partners") for r in routes):
            urls.append((api.url + f"/partners/{_local_id(self.data.typical)}", {"depth": 1}))
        self.say(f"[{size}] memory: up to {c.soak_requests:,} requests or {c.soak_seconds:g} s")
        samples, started, done = [], time.perf_counter(), 0
        warm = max(1, c.soak_requests // 10)
        try:
            while done < c.soak_requests and time.perf_counter() - started < c.soak_seconds:
                url, params = urls[done % len(urls)]
                _get(self.client, url, params, JSON_RESULTS if url.endswith("/sparql") else None)
                done += 1
                if done >= warm and done % max(1, c.soak_requests // 20) == 0:
                    samples.append((done, api.rss() or 0.0))
            note = f"{done:,} requests in {time.perf_counter() - started:.0f} s"
        except Exception as exc:  # noqa: BLE001
            note = f"failed after {done} requests: {exc}"
        growth = None
        if len(samples) >= 2 and samples[-1][0] > samples[0][0]:
            (n0, r0), (n1, r1) = samples[0], samples[-1]
            growth = Sample([(r1 - r0) / (n1 - n0) * 1000])
            note += f"; RSS {r0:.0f} → {r1:.0f} MB after the first {n0:,}"
        self.rows.append(Row("memory.growth", "memory: RSS growth over a long run", size, growth, unit="MB/1k",
                             target=Target("max", 1.0), note=note))

    # ------------------------------------------------------------------ rdflib

    def rdflib_peers(self) -> None:
        """rdflib in process (Graph.query) and rdflib-endpoint over HTTP, at small sizes only."""
        size, c = self.data.label, self.config
        ours = {r.id: r.ours for r in self.rows if r.id.startswith("sparql.")}
        names = [n for n in queries.QUERIES if n != "search-label"]
        if self.data.triples > c.rdflib_max:
            for name in names:
                for kind in ("inprocess", "endpoint"):
                    self.rows.append(Row(f"rdflib.{kind}.{name}", f"{queries.QUERIES[name][0]} vs rdflib "
                                         f"{'in process' if kind == 'inprocess' else 'endpoint'}", size,
                                         note=f"rdflib skipped above {c.rdflib_max:,} triples (brief: 100k only)"))
            return
        worker = RdflibWorker(self.data.path)
        try:
            for name in names:
                self.say(f"[{size}] rdflib in process: {name}")
                theirs = worker.measure(self.q(name), reps=c.reps_slow, warmup=1, budget=c.budget,
                                        timeout=c.timeout)
                self.add(Row(f"rdflib.inprocess.{name}", f"{queries.QUERIES[name][0]} vs rdflib in process", size,
                             ours.get(f"sparql.{name}"), "rdflib Graph.query", theirs))
        finally:
            worker.stop()
        try:
            with rdflib_endpoint_server(self.data.path, log=self.work / f"rdflib-{size}.log") as peer:
                self.say(f"[{size}] rdflib-endpoint up in {peer.started_in:.1f} s")
                for name in names:
                    self.say(f"[{size}] rdflib-endpoint: {name}")
                    text = self.q(name)
                    theirs = self.time(lambda: sparql(self.client, peer.url + "/", text), slow=True)
                    target = Target("speedup", 20) if name == "partners-hub" else None
                    self.add(Row(f"rdflib.endpoint.{name}", f"{queries.QUERIES[name][0]} vs rdflib-endpoint",
                                 size, ours.get(f"sparql.{name}"), "rdflib-endpoint", theirs, target))
                    if theirs.note.startswith("did not finish"):
                        break  # the endpoint is still busy with it: the rest would only queue
        except RuntimeError as exc:
            for name in names:
                if not any(r.id == f"rdflib.endpoint.{name}" for r in self.rows):
                    self.rows.append(Row(f"rdflib.endpoint.{name}", f"{queries.QUERIES[name][0]} vs rdflib-endpoint",
                                         size, ours.get(f"sparql.{name}"), "rdflib-endpoint", None,
                                         note=f"rdflib-endpoint unavailable: {exc}"))
        for name in names:  # rows cut short by a 'did not finish' still appear
            if not any(r.id == f"rdflib.endpoint.{name}" for r in self.rows):
                self.rows.append(Row(f"rdflib.endpoint.{name}", f"{queries.QUERIES[name][0]} vs rdflib-endpoint",
                                     size, ours.get(f"sparql.{name}"), "rdflib-endpoint", None,
                                     note="not run: the endpoint was still busy with a query it did not finish"))

    # ------------------------------------------------------------------ remote store

    def remote(self, ox: Server) -> None:
        """Our API with COOP_STORE = the oxigraph server: the cost of the extra hop."""
        size = self.data.label
        try:
            with api_server(ox.url, log=self.work / f"api-remote-{size}.log") as api:
                for name in ("label", "partners-hub"):
                    title = queries.QUERIES[name][0] + " (remote store)"
                    self.say(f"[{size}] {title}")
                    text = self.q(name)
                    ours = self.time(lambda: sparql(self.client, api.url + "/sparql", text))
                    theirs = self.time(lambda: sparql(self.client, ox.url + "/query", text, union=True))
                    self.add(Row(f"remote.sparql.{name}", title, size, ours, "oxigraph serve direct", theirs))
                self.rest(api, ox, prefix="remote.rest", titles=" (remote store)")
        except RuntimeError as exc:
            for name in ("label", "partners-hub"):
                self.rows.append(Row(f"remote.sparql.{name}", queries.QUERIES[name][0] + " (remote store)", size,
                                     note=f"our API over the remote store did not start: {exc}"))
            for row_id, title, target in self.REST_ROWS:
                self.rows.append(Row("remote." + row_id, title + " (remote store)", size, target=target,
                                     note=f"our API over the remote store did not start: {exc}"))


def rows(data: Data, config, work: Path, api_dir: Path, ox_dir: Path, say=print) -> list[Row]:
    return Bench(data, config, work, say).run(api_dir, ox_dir)
