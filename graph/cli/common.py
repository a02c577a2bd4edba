"""What every sub-command shares: opening the store, reporting errors and progress."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

import typer

from graph.errors import CoopError
from graph.store import Store, open_store
from graph.settings import get_settings


def say(message: str) -> None:
    """Progress goes to stderr so that stdout stays clean for data."""
    typer.echo(message, err=True)


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a :class:`CoopError` into a readable message and a non-zero exit."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CoopError as exc:
            fail(str(exc), 2 if exc.status == 400 else 1)

    return wrapper


def use_store(spec: str | None) -> None:
    """Make ``--store`` the setting every later reader (the API included) sees."""
    if spec:
        os.environ["COOP_STORE"] = spec
        get_settings.cache_clear()


@contextmanager
def opened_store(*, build_if_empty: bool = True, quiet: bool = True) -> Iterator[Store]:
    """Open the configured store; an empty in-memory store is built first."""
    store = open_store(get_settings().store)
    try:
        if build_if_empty and not store.graphs():
            from graph.build import build

            if not quiet:
                say("the store is empty: building the graph first")
            build(store, validate=False, progress=None if quiet else say)
        yield store
    finally:
        store.close()


def isatty() -> bool:
    return sys.stdout.isatty()
