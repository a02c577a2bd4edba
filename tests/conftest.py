"""Fixtures shared by the whole suite: short, explicit, one store per need."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import resources
from graph.build import build
from graph.store import OxigraphStore, Store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The source articles (``COOP_CORPUS`` or ``../shared/corpus``); skip when absent."""
    path = resources.corpus_dir()
    if not (path / "000_c2ed572a1a45d523.txt").is_file():
        pytest.skip(f"the source articles are not at {path} (set COOP_CORPUS to their folder)")
    return path


@pytest.fixture(scope="session")
def seed_store() -> Store:
    """The shipped graph, built once per session into memory. Treat it as read-only."""
    store = OxigraphStore()
    build(store, validate=False)
    return store


@pytest.fixture
def empty_store() -> Store:
    return OxigraphStore()
