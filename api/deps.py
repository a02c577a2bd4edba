"""Shared dependencies: the store, the settings and the query runner, injected into routes.

The settings are the ones the app was created with (``create_app(settings=…)``), so a
test can run an app with its own limits without touching the environment.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.runner import QueryRunner
from graph.settings import Settings
from graph.store import Store


# ``async def``: FastAPI runs a plain ``def`` dependency in its thread pool, a hop of about
# 0.1 ms per dependency per request for what is an attribute read.
async def get_store(request: Request) -> Store:
    return request.app.state.store


async def app_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_runner(request: Request) -> QueryRunner:
    return request.app.state.runner


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(app_settings)]
RunnerDep = Annotated[QueryRunner, Depends(get_runner)]
