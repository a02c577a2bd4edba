"""coopgraph: a knowledge graph of international legal and judicial cooperation.

The package is split by concept: :mod:`graph.store` owns the Oxigraph engine,
:mod:`graph.build` loads and validates the curated data, :mod:`graph.search` finds
entities by label, and :mod:`graph.cli` is the ``coop`` command.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
