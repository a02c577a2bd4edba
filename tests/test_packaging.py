"""The wheel carries the ontology, shapes and curated data, and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(REPO)],
        check=True, capture_output=True,
    )
    (found,) = out.glob("coopgraph-*.whl")
    return found


def test_wheel_ships_ontology_shapes_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("graph/ontology/coop.ttl", "graph/ontology/shapes.ttl",
                     "graph/data/entities.ttl", "graph/data/doc-000.ttl", "graph/data/doc-003.ttl",
                     "graph/queries/labels.rq", "api/main.py"):
        assert required in names, f"{required} is missing from {wheel.name}"


@pytest.mark.slow
def test_installed_wheel_builds_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys, graph; from graph.cli import app;"
        "assert graph.__file__.startswith(sys.argv[1]), graph.__file__;"
        "app(['--store', 'memory', 'build'])"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", script, str(site)], cwd=elsewhere, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "conforms" in done.stderr
    assert "done:" in done.stderr
