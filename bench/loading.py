"""Load times: ``coop load`` (bulk and transactional) against raw pyoxigraph and rdflib."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pyoxigraph as ox

from bench.data import Data
from bench.measure import measure, measure_pair
from bench.report import Row, Target
from graph import resources
from graph.build import ONTOLOGY_GRAPH
from graph.cli.synth import load_file
from graph.store import OxigraphStore


def _ours(path: Path, location: Path | None, bulk: bool) -> int:
    if location is not None:
        shutil.rmtree(location, ignore_errors=True)
    store = OxigraphStore(location)
    try:
        return load_file(store, path, bulk=bulk, ontology=False).triples
    finally:
        store.close()
        del store
        gc.collect()


def _raw(path: Path, location: Path | None, bulk: bool) -> int:
    if location is not None:
        shutil.rmtree(location, ignore_errors=True)
        location.mkdir(parents=True)
    store = ox.Store(None if location is None else str(location))
    if bulk:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    else:
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS)  # one transaction
    count = len(store)
    if location is not None:
        store.flush()
    del store
    gc.collect()
    return count


def _rdflib(path: Path) -> int:
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(str(path), format="nquads")
    count = len(dataset)
    del dataset
    gc.collect()
    return count


def serving_stores(data: Data, work: Path) -> tuple[Path, Path]:
    """The on-disk stores the servers use (left by the disk measurements), with the ontology."""
    ours, theirs = work / f"store-{data.label}-api", work / f"store-{data.label}-oxigraph"
    for location in (ours, theirs):
        if not (location / "CURRENT").is_file():  # the disk measurement did not leave it
            _raw(data.path, location, bulk=True)
        store = ox.Store(str(location))
        store.load(path=str(resources.ontology_path()), format=ox.RdfFormat.TURTLE,
                   to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        store.flush()
        del store
        gc.collect()
    return ours, theirs


def rows(data: Data, config, work: Path, say=print) -> list[Row]:
    size, path = data.label, data.path
    reps, budget = config.load_reps, config.load_budget
    api_dir, ox_dir = work / f"store-{size}-api", work / f"store-{size}-oxigraph"
    say(f"[{size}] load: coop load --bulk vs raw pyoxigraph bulk_load, in memory, alternating")
    ours_mem, raw_mem = measure_pair(lambda: _ours(path, None, True), lambda: _raw(path, None, True),
                                     reps=reps, warmup=0, budget=budget)
    say(f"[{size}] load: coop load --bulk vs raw pyoxigraph bulk_load, on disk, alternating")
    ours_disk, raw_disk = measure_pair(lambda: _ours(path, api_dir, True), lambda: _raw(path, ox_dir, True),
                                       reps=reps, warmup=0, budget=budget)
    say(f"[{size}] load: coop load (transactional, graph by graph) vs pyoxigraph Store.load")
    ours_tx = measure(lambda: _ours(path, None, False), reps=min(reps, 2), warmup=0, budget=budget)
    raw_tx = measure(lambda: _raw(path, None, False), reps=min(reps, 2), warmup=0, budget=budget)
    result = [
        Row("load.bulk.memory", "load: coop load --bulk, in memory", size, ours_mem,
            "pyoxigraph bulk_load", raw_mem, Target("ratio", 1.2)),
        Row("load.bulk.disk", "load: coop load --bulk, on disk", size, ours_disk,
            "pyoxigraph bulk_load", raw_disk, Target("ratio", 1.2)),
        Row("load.transactional.memory", "load: coop load (atomic per graph), in memory", size, ours_tx,
            "pyoxigraph Store.load", raw_tx),
    ]
    if data.triples <= config.rdflib_max:
        say(f"[{size}] load: rdflib Memory parse")
        result.append(Row("load.rdflib", "load: coop load --bulk vs rdflib parse, in memory", size, ours_mem,
                          "rdflib Dataset.parse", measure(lambda: _rdflib(path), reps=min(reps, 2), warmup=0,
                                                          budget=budget)))
    else:
        result.append(Row("load.rdflib", "load: coop load --bulk vs rdflib parse, in memory", size, ours_mem,
                          "rdflib Dataset.parse", None,
                          note=f"rdflib skipped above {config.rdflib_max:,} triples (brief: 100k only)"))
    for row in result:
        counts = {s.result for s in (row.ours, row.peer) if s is not None and s.result is not None}
        if len(counts) > 1:
            row.note = (row.note + "; " if row.note else "") + f"triple counts differ: {sorted(counts)}"
    return result
