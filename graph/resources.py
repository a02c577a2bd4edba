"""Where the shipped files are: the ontology, the shapes and the curated data.

In a wheel the ontology is inside the package (``graph/ontology``); in a source checkout
it is the top-level ``ontology/`` folder. Both are looked up here and nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
QUERIES_DIR = PACKAGE_DIR / "queries"


def ontology_dir() -> Path:
    for candidate in (PACKAGE_DIR / "ontology", PACKAGE_DIR.parent / "ontology"):
        if (candidate / "coop.ttl").is_file():
            return candidate
    raise FileNotFoundError("ontology/coop.ttl is neither inside the package nor beside it")


def ontology_path() -> Path:
    return ontology_dir() / "coop.ttl"


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


def entities_path() -> Path:
    return DATA_DIR / "entities.ttl"


def document_paths() -> list[Path]:
    """The curated data of each source article, ``doc-{id}.ttl``, sorted by id."""
    return sorted(DATA_DIR.glob("doc-*.ttl"))


def corpus_dir() -> Path:
    """The source articles: ``COOP_CORPUS`` or ``../shared/corpus`` beside the checkout."""
    env = os.environ.get("COOP_CORPUS")
    if env:
        return Path(env)
    return PACKAGE_DIR.parent.parent / "shared" / "corpus"
