"""In process: the activity index, centrality, maps (and their time to interactive), ingest.

These build on modules other parts of coopgraph provide (``graph.activities``,
``graph.analytics``, ``graph.maps``, ``graph.ingest.bench``). When one is missing, or does
not offer what is measured, its rows say "n/a (not available)" and why.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.data import Data
from bench.measure import Sample, measure
from bench.report import Row, Target
from graph.cli.synth import load_file
from graph.store import OxigraphStore

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        return f"n/a (not available: {name} cannot be imported: {exc})"


_BUILD = """
import sys, time
from pathlib import Path
from graph.activities import ActivityIndex
from graph.cli.synth import load_file
from graph.store import OxigraphStore
store = OxigraphStore()
load_file(store, Path(sys.argv[1]), bulk=True)
t0 = time.perf_counter()
ActivityIndex.from_store(store)
print(time.perf_counter() - t0)
"""


def _build_in_child(path: Path, timeout: float) -> Sample:
    """One index build in a child process: a build that runs away is stopped there."""
    try:
        done = subprocess.run([sys.executable, "-c", _BUILD, str(path)], capture_output=True, text=True,
                              timeout=timeout, cwd=Path(__file__).resolve().parents[1])
    except subprocess.TimeoutExpired:
        return Sample(note=f"did not finish in {timeout:g} s (stopped)")
    if done.returncode != 0:
        return Sample(note=f"failed: {done.stderr.strip().splitlines()[-1][:200] if done.stderr.strip() else done.returncode}")
    return Sample([float(done.stdout.split()[-1])])


def index_rows(data: Data, config, say=print) -> tuple[list[Row], object | None]:
    """The activity index build (what the first /partners call pays), and the index itself.

    The first build runs in a child process under a time limit; only when it finished is
    the index built again here, for the in-process traversal and the analytics.
    """
    size = data.label
    row = Row("index.build", "activity index: build from the store (in process)", size)
    depth2 = Row("index.hub.2", "activity index: neighbours(hub, depth=2) in process", size,
                 target=Target("max", 0.050))
    activities = _module("graph.activities")
    if isinstance(activities, str):
        row.note = depth2.note = activities
        return [row, depth2], None
    say(f"[{size}] activity index build (child process, at most {config.load_budget:g} s)")
    row.ours = _build_in_child(data.path, config.load_budget)
    if row.ours.median is None:
        depth2.note = "n/a (the index did not build in time)"
        return [row, depth2], None
    store = OxigraphStore()
    load_file(store, data.path, bulk=True)
    t0 = time.perf_counter()
    index = activities.ActivityIndex.from_store(store)
    row.ours.times.append(time.perf_counter() - t0)
    del store
    row.extra = {"activities": len(index.activities), "actors": len(index.actors)}
    say(f"[{size}] neighbours(hub, depth=2) in process")
    hub = data.hub
    depth2.ours = measure(lambda: len(index.neighbours(hub, 2).distance), reps=config.reps,
                          warmup=config.warmup, budget=config.budget)
    depth2.extra = {"nodes": depth2.ours.result}
    return [row, depth2], index


MEASURES = ("degree", "pagerank", "betweenness")


def _organisation_graph(index):
    projections = _module("graph.analytics.projections")
    if isinstance(projections, str):
        return projections
    return projections.organisation_graph(index)


def _stand_in_projection(index):
    """Organisations linked by shared activities, with the attributes maps read.

    Only for the map rows when ``graph.analytics.projections`` is not there yet; the
    analytics rows never use it.
    """
    import networkx as nx

    graph = nx.Graph()
    for iri, actor in index.actors.items():
        graph.add_node(iri, label_vi=actor.label_vi, label_en=actor.label_en, cls=actor.cls, country=actor.country)
    for activity in index.activities.values():
        members = sorted(activity.participants)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                data = graph.get_edge_data(a, b) or {"weight": 0, "kinds": [], "years": [], "documents": [],
                                                     "activities": []}
                data["weight"] += 1
                data["kinds"].append(activity.kind)
                data["activities"].append(activity.iri)
                data["documents"] += list(activity.documents)
                if activity.year is not None:
                    data["years"].append(activity.year)
                graph.add_edge(a, b, **data)
    return graph


def _measure_function(name: str):
    """The centrality function of ``graph.analytics.centrality.<name>`` (its one public function)."""
    module = _module(f"graph.analytics.centrality.{name}")
    if isinstance(module, str):
        return module
    for attr in (f"{name}_centrality", name, "centrality", "scores", "rank"):
        if callable(getattr(module, attr, None)):
            return getattr(module, attr)
    return f"n/a (no centrality function found in {module.__name__})"


def centrality_rows(data: Data, index, config, say=print) -> tuple[list[Row], object]:
    size = data.label
    rows = [Row("analytics.projection", "analytics: organisation projection", size)]
    rows += [Row(f"analytics.{m}", f"analytics: {m} centrality (organisation projection)", size) for m in MEASURES]
    if index is None:
        for row in rows:
            row.note = "n/a (not available: no activity index)"
        return rows, None
    graph = _organisation_graph(index)
    if isinstance(graph, str):
        for row in rows:
            row.note = graph
        return rows, None
    say(f"[{size}] organisation projection and centrality")
    rows[0].ours = measure(lambda: _organisation_graph(index), reps=config.reps_slow, warmup=0,
                           budget=config.load_budget)
    rows[0].ours.result = None
    rows[0].extra = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    for row, name in zip(rows[1:], MEASURES):
        function = _measure_function(name)
        if isinstance(function, str):
            row.note = function
            continue
        row.ours = measure(lambda: function(graph), reps=config.reps_slow, warmup=0, budget=config.load_budget)
        row.ours.result = None
    return rows, graph


# ------------------------------------------------------------------------- maps


def _map_html(graph, maps, index):
    """HTML for ``graph`` from ``graph.maps.network_map``, every node drawn (no cap)."""
    if not callable(getattr(maps, "network_map", None)):
        raise LookupError("graph.maps offers no network_map(graph) entry point")
    return maps.network_map(graph, index=index, cap=max(1, graph.number_of_nodes()))


def map_rows(graph, index, config, work: Path, say=print) -> list[Row]:
    """Generation (layout included) and time to interactive in headless Chromium, per size.

    The maps are drawn from the organisation projection of the largest graph, cut to its
    ``n`` best-connected organisations.
    """
    rows = []
    maps = _module("graph.maps")
    stand_in = ""
    if graph is None and index is not None:
        graph, stand_in = _stand_in_projection(index), "on the bench's stand-in projection (graph.analytics absent)"
    for nodes in config.map_nodes:
        gen = Row(f"map.generate.{nodes}", f"map: generate HTML, {nodes:,} nodes (layout included)", "-")
        ready = Row(f"map.interactive.{nodes}", f"map: generate + interactive in Chromium, {nodes:,} nodes", "-",
                    target=Target("max", 3.0) if nodes >= 5000 else None)
        rows += [gen, ready]
        if isinstance(maps, str) or graph is None:
            gen.note = ready.note = maps if isinstance(maps, str) else "n/a (not available: no organisation projection)"
            continue
        if graph.number_of_nodes() < nodes:
            gen.note = ready.note = f"n/a (the projection has only {graph.number_of_nodes():,} nodes)"
            continue
        top = sorted(graph.degree, key=lambda item: (-item[1], str(item[0])))[:nodes]
        sub = graph.subgraph([n for n, _ in top]).copy()
        say(f"map: {nodes:,} nodes")
        try:
            gen.ours = measure(lambda: _map_html(sub, maps, index), reps=config.reps_map, warmup=0,
                               budget=config.load_budget)
        except LookupError as exc:
            gen.note = ready.note = f"n/a (not available: {exc})"
            continue
        html = gen.ours.result
        gen.ours.result = None
        if not isinstance(html, str):
            gen.note = ready.note = f"n/a ({gen.ours.note or 'no HTML'})"
            continue
        gen.extra = {"bytes": len(html.encode("utf-8")), "edges": sub.number_of_edges()}
        gen.note = ready.note = stand_in
        page = work / f"map-{nodes}.html"
        page.write_text(html, encoding="utf-8")
        shown = _interactive(page, config)
        if shown.median is not None and gen.ours.median is not None:
            ready.ours = Sample([gen.ours.median + t for t in shown.times], shown.note)
            ready.extra = {"browser_s": shown.median}
        else:
            ready.note = shown.note
    return rows


def _interactive(page: Path, config) -> Sample:
    """Seconds from navigation until ``window.coopMapReady`` in headless Chromium."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        return Sample(note=f"n/a ({CHROMIUM} is absent: `make chromium` installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return Sample(note="n/a (playwright is not installed)")
    times, note = [], ""
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for _ in range(config.reps_map):
                    context = browser.new_context(viewport={"width": 1280, "height": 800})
                    tab = context.new_page()
                    t0 = time.perf_counter()
                    tab.goto(page.as_uri())
                    tab.wait_for_function("window.coopMapReady === true", timeout=config.timeout * 1000)
                    times.append(time.perf_counter() - t0)
                    context.close()
            finally:
                browser.close()
    except Exception as exc:  # noqa: BLE001 - a page that never becomes ready is a note
        note = f"browser: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
    return Sample(times, note)


# ------------------------------------------------------------------------- ingest


def ingest_rows(config, say=print) -> list[Row]:
    """Extraction of a 10,000-word article, timed by ``graph.ingest.bench.bench`` itself."""
    row = Row("ingest.10k", "ingest: a 10,000-word article", "-", target=Target("max", 1.0))
    module = _module("graph.ingest.bench")
    if isinstance(module, str):
        row.note = module
        return [row]
    if not callable(getattr(module, "bench", None)):
        row.note = "n/a (graph.ingest.bench has no bench() function)"
        return [row]
    say("ingest: 10,000 words")
    row.ours = Sample()
    started = time.perf_counter()
    try:
        while row.ours.n < config.reps_slow and time.perf_counter() - started < config.load_budget:
            result = module.bench(10_000, repeat=1)  # one timed extraction after its own warm-up
            row.ours.times.append(result["seconds"])
        row.extra = {k: result[k] for k in ("words", "words_per_second", "facts", "entities") if k in result}
    except Exception as exc:  # noqa: BLE001 - reported as the row's note
        row.ours.note = f"failed: {type(exc).__name__}: {exc}"[:200]
    return [row]
