"""The benchmark run: options, the order of the measurements, the machine, the reports."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path

from bench import loading, local, serving
from bench.data import WORK, prepare
from bench.report import Row, table, write

BENCH_DIR = Path(__file__).resolve().parent
PACKAGES = ("coopgraph", "pyoxigraph", "oxigraph", "rdflib", "rdflib-endpoint", "fastapi", "uvicorn", "httpx",
            "networkx", "pyvis", "playwright", "pycountry")


@dataclass
class Config:
    """How much to measure. ``smoke()`` is the tiny version ``make test`` runs."""

    sizes: list[int] = field(default_factory=lambda: [100_000, 1_000_000])
    seed: int = 7
    reps: int = 30  # fast requests
    reps_slow: int = 5  # heavy queries and in-process builds
    reps_map: int = 3
    load_reps: int = 3
    warmup: int = 3
    budget: float = 30.0  # seconds for the repetitions of one measurement
    load_budget: float = 240.0
    timeout: float = 60.0  # one request or query
    rdflib_max: int = 100_000  # rdflib is measured only up to this size
    soak_requests: int = 4000
    soak_seconds: float = 120.0
    map_nodes: tuple[int, ...] = (1000, 5000)
    out: Path = BENCH_DIR
    work: Path = WORK

    @classmethod
    def smoke(cls, **changes) -> "Config":
        small = cls(sizes=[2_000], reps=2, reps_slow=2, reps_map=1, load_reps=2, warmup=1, budget=5.0,
                    load_budget=30.0, timeout=20.0, rdflib_max=2_000, soak_requests=100, soak_seconds=10.0,
                    map_nodes=(20, 50), out=WORK / "smoke", work=WORK / "smoke")
        return replace(small, **changes)


def machine() -> dict:
    """The CPU, cores, memory, OS, Python, package versions, Chromium, and the date."""
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem = next((int(line.split()[1]) / 1024 / 1024 for line in _read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), None)
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip() or "absent"
    except (OSError, subprocess.TimeoutExpired):
        chromium = "absent"
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "cpu": cpu,
            "cores": os.cpu_count(), "ram_gib": None if mem is None else round(mem, 1),
            "os": platform.platform(), "python": sys.version.split()[0], "chromium": chromium,
            # Other work on the machine skews every number: say how busy it was.
            "load_average": " ".join(_read("/proc/loadavg").split()[:3]) or "unknown",
            "packages": versions}


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def run(config: Config, say=print) -> list[Row]:
    rows: list[Row] = []
    graph = index = None
    for triples in config.sizes:
        graph = index = None  # free the previous size's before the next one loads
        data = prepare(triples, config.seed, config.work, say)
        say(f"=== {data.label}: {data.summary['triples']:,} triples, hub {data.hub}, typical {data.typical}")
        rows += loading.rows(data, config, config.work, say)
        api_dir, ox_dir = loading.serving_stores(data, config.work)
        rows += serving.rows(data, config, config.work, api_dir, ox_dir, say)
        index_rows, index = local.index_rows(data, config, say)
        rows += index_rows
        centrality, graph = local.centrality_rows(data, index, config, say)
        rows += centrality
    rows += local.map_rows(graph, index, config, config.work, say)  # on the largest size's projection
    rows += local.ingest_rows(config, say)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="2,000 triples, 2 repetitions: checks the harness")
    parser.add_argument("--sizes", help="comma-separated graph sizes in triples (default 100000,1000000)")
    parser.add_argument("--seed", type=int, help="seed of the synthetic graphs (default 7)")
    parser.add_argument("--out", type=Path, help="where results.json and RESULTS.md go (default bench/)")
    parser.add_argument("--work", type=Path, help="where generated graphs, stores and logs go (default bench/work/)")
    args = parser.parse_args(argv)
    config = Config.smoke() if args.smoke else Config()
    if args.sizes:
        config.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    if args.seed is not None:
        config.seed = args.seed
    if args.out:
        config.out = args.out
    if args.work:
        config.work = args.work
    config.work.mkdir(parents=True, exist_ok=True)

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = " ".join(_read("/proc/loadavg").split()[:3])
    rows = run(config, say)
    settings = {key: (str(value) if isinstance(value, Path) else value) for key, value in asdict(config).items()}
    settings["argv"] = " ".join(sys.argv[1:] if argv is None else argv)
    settings["wall_s"] = round(time.perf_counter() - started, 1)
    described = machine()
    described["load_average"] = f"{load_before} at the start, {described['load_average']} at the end (1/5/15 min)"
    results, md = write(rows, described, settings, config.out)
    print(table(rows))
    print()
    for row in rows:
        if row.target:
            print(row.sentence())
    say(f"wrote {results} and {md} in {settings['wall_s']:.0f} s")
    return 0
