"""``make bench`` must not rot: its smoke version runs here, end to end, on 2,000 triples.

No timing is asserted (benchmarks are not timed tests): only that the harness measures what
it promises, and reports every row with its ratio, in the terminal, JSON and Markdown.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Every row of a smoke run (one size: 2k), in report order by family.
ROWS = (
    ["load.bulk.memory", "load.bulk.disk", "load.transactional.memory", "load.rdflib"]
    + [f"sparql.{q}" for q in ("label", "partners-typical", "partners-hub", "partners-hub-2hop",
                               "agreements-per-country-year")]
    + [f"rest.{r}" for r in ("index.cold", "partners.typical.1", "partners.typical.2", "partners.hub.1",
                             "partners.hub.2", "search.cold", "search")]
    + ["memory.peak", "memory.growth"]
    + [f"rdflib.{kind}.{q}" for kind in ("inprocess", "endpoint")
       for q in ("label", "partners-typical", "partners-hub", "partners-hub-2hop", "agreements-per-country-year")]
    + ["remote.sparql.label", "remote.sparql.partners-hub"]
    + [f"remote.rest.{r}" for r in ("index.cold", "partners.typical.1", "partners.typical.2", "partners.hub.1",
                                    "partners.hub.2", "search.cold", "search")]
    + ["index.build", "index.hub.2", "analytics.projection", "analytics.degree", "analytics.pagerank",
       "analytics.betweenness", "map.generate.20", "map.interactive.20", "map.generate.50", "map.interactive.50",
       "ingest.10k"]
)


@pytest.fixture(scope="module")
def smoke(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run([sys.executable, "-m", "bench", "--smoke", "--out", str(out), "--work", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    return done, out


pytestmark = [pytest.mark.server, pytest.mark.slow]


def test_the_smoke_run_succeeds(smoke):
    done, _ = smoke
    assert done.returncode == 0, done.stderr[-3000:]


def test_every_row_is_reported_with_a_ratio(smoke):
    _, out = smoke
    report = json.loads((out / "results.json").read_text(encoding="utf-8"))
    ids = [row["id"] for row in report["rows"]]
    assert ids == ROWS
    assert all("ratio" in row and "met" in row for row in report["rows"])
    assert {row["size"] for row in report["rows"] if row["id"].startswith(("load", "sparql", "rest"))} == {"2k"}


def test_the_table_has_a_ratio_column_and_every_row(smoke):
    done, out = smoke
    header = done.stdout.splitlines()[0].split()
    assert "ratio" in header and "target" in header
    markdown = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "| case | size | ours (median / p95) | peer (median / p95) | ratio | target | met | notes |" in markdown
    titles = [row["title"] for row in json.loads((out / "results.json").read_text(encoding="utf-8"))["rows"]]
    table_rows = [line for line in markdown.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(table_rows) == len(ROWS)
    assert all(line.startswith(f"| {title} |") for line, title in zip(table_rows, titles))


def test_the_machine_is_described(smoke):
    _, out = smoke
    machine = json.loads((out / "results.json").read_text(encoding="utf-8"))["machine"]
    assert machine["cores"] >= 1 and machine["ram_gib"] > 0 and machine["cpu"]
    assert machine["packages"]["pyoxigraph"] != "absent"
    assert "## Machine" in (out / "RESULTS.md").read_text(encoding="utf-8")


def test_loads_and_peers_are_measured_side_by_side(smoke):
    """What the harness itself owns must hold numbers: loads, oxigraph serve, our /sparql."""
    _, out = smoke
    rows = {row["id"]: row for row in json.loads((out / "results.json").read_text(encoding="utf-8"))["rows"]}
    for row_id in ("load.bulk.memory", "load.bulk.disk", "load.transactional.memory", "load.rdflib"):
        assert rows[row_id]["ours"]["median_s"] > 0 and rows[row_id]["peer"]["median_s"] > 0, rows[row_id]
        assert rows[row_id]["ratio"] > 0
    for row_id in ("sparql.label", "sparql.partners-hub"):
        assert rows[row_id]["peer"]["median_s"] > 0, rows[row_id]  # oxigraph serve answered
        assert rows[row_id]["ours"] and rows[row_id]["ours"]["median_s"] > 0, rows[row_id]["note"]
        assert "answers differ" not in rows[row_id]["note"]  # ours and theirs agree on the rows
    assert rows["rdflib.inprocess.partners-hub"]["peer"]["median_s"] > 0
    assert rows["load.bulk.memory"]["target"]["text"] == "≤ 1.2×"
