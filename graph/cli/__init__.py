"""The ``coop`` command. Each group of sub-commands lives in a module of its own."""

from __future__ import annotations

import typer

from graph.cli import core

app = typer.Typer(
    name="coop",
    help="coopgraph: a knowledge graph of international legal and judicial cooperation.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
app.callback()(core.main_options)
core.register(app)


def main() -> None:
    app()
