"""Build the FastAPI application; nothing else happens here."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import errors
from api.middleware import BodyLimit
from api.routes import documents, entities, health, linked_data, network, pages, sparql
from api.routes import review
from api.routes import maps
from api.routes import analytics
from api.runner import QueryRunner
from graph import __version__
from graph.settings import Settings, get_settings
from graph.store import Store, open_store

STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_app(store: Store | None = None, *, settings: Settings | None = None) -> FastAPI:
    """The app over ``store`` (default: the ``COOP_STORE`` setting, built if empty).

    ``settings`` defaults to :func:`graph.settings.get_settings` (the ``COOP_*`` variables).
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        if owned:
            app.state.store = open_store(settings.store)
            if not app.state.store.graphs():
                from graph.build import build

                build(app.state.store)
        try:
            yield
        finally:
            app.state.runner.close()
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="coopgraph",
        version=__version__,
        summary="Who cooperates with whom in law and justice, on what evidence.",
        description="SPARQL 1.1 endpoint, JSON resources and linked-data pages over the coopgraph "
                    "knowledge graph. Errors are RFC 9457 problem details (application/problem+json).",
        lifespan=lifespan,
        # FastAPI's own /docs and /redoc load their scripts from a CDN; the service works
        # offline, so /docs is a self-contained page rendered from the OpenAPI document.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    # Query threads: enough that a few slow queries leave room for fast ones.
    app.state.runner = QueryRunner(workers=max(4, 2 * (os.cpu_count() or 1)))
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type", "Authorization"])
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(health.router)
    app.include_router(sparql.router)
    app.include_router(entities.router)
    app.include_router(review.router)  # before documents: /documents/{id}/facts
    app.include_router(documents.router)
    app.include_router(network.router)
    app.include_router(linked_data.router)
    app.include_router(pages.router)
    app.include_router(maps.router)
    app.include_router(analytics.router)
    return app
