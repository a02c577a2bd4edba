"""Build the FastAPI application; nothing else happens here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.routes import health, sparql
from graph import __version__
from graph.settings import get_settings
from graph.store import Store, open_store


def create_app(store: Store | None = None) -> FastAPI:
    """The app over ``store`` (default: the ``COOP_STORE`` setting, built if empty)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.store = store if store is not None else open_store(get_settings().store)
        if owned and not app.state.store.graphs():
            from graph.build import build

            build(app.state.store)
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="coopgraph",
        version=__version__,
        summary="Who cooperates with whom in law and justice, on what evidence.",
        lifespan=lifespan,
    )
    errors.install(app)
    app.include_router(health.router)
    app.include_router(sparql.router)
    return app
