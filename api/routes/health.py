from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from graph import __version__

router = APIRouter(tags=["service"])


@router.get("/health", summary="Is the service up, and how big is the graph?")
def health(store: StoreDep) -> dict:
    """``{"status": "ok", "graphs": N, "version": "…"}`` once the store answers."""
    return {"status": "ok", "graphs": len(store.graphs()), "version": __version__}
