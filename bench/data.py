"""The synthetic graphs the benchmark runs on, generated once and cached under bench/work/."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import graph.synth

WORK = Path(__file__).resolve().parent / "work"


@dataclass(frozen=True)
class Data:
    """One generated graph: its file, its size and the IRIs to query."""

    triples: int
    path: Path
    hub: str
    typical: str
    summary: dict

    @property
    def label(self) -> str:
        return size_label(self.triples)


def size_label(triples: int) -> str:
    """>>> [size_label(n) for n in (2000, 100_000, 1_000_000, 1_500_000)]
    ['2k', '100k', '1M', '1.5M']
    """
    if triples >= 1_000_000:
        return f"{triples / 1_000_000:g}M"
    return f"{triples / 1000:g}k"


def _generator_version() -> str:
    """Changes whenever graph/synth.py changes, so a stale cached file is regenerated."""
    return hashlib.sha256(Path(graph.synth.__file__).read_bytes()).hexdigest()[:16]


def prepare(triples: int, seed: int, work: Path = WORK, say=print) -> Data:
    """The graph of ``triples`` for ``seed``: from the cache, or generated (as ``coop synth`` does)."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"synth-{size_label(triples)}-seed{seed}.nq"
    meta = path.with_suffix(".json")
    version = _generator_version()
    if path.is_file() and meta.is_file():
        summary = json.loads(meta.read_text())
        if summary.get("generator") == version:
            say(f"using cached {path.name} ({summary['triples']:,} triples)")
            return Data(triples, path, summary["hub"], summary["typical"], summary)
    say(f"generating {path.name} ...")
    t0 = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as stream:
        result = graph.synth.generate(stream, triples, seed)
    os.replace(partial, path)
    summary = {**json.loads(result.to_json()), "generator": version,
               "generate_s": round(time.perf_counter() - t0, 3), "bytes": path.stat().st_size}
    meta.write_text(json.dumps(summary, indent=2, sort_keys=True))
    say(f"generated {summary['triples']:,} triples in {summary['generate_s']:.1f} s")
    return Data(triples, path, summary["hub"], summary["typical"], summary)
