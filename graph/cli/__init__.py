"""The ``coop`` command. Each group of sub-commands lives in a module of its own."""

from __future__ import annotations

import typer

from graph.cli import core
from graph.cli import synth
from graph.cli import ops
from graph.cli import ingest
from graph.cli import maps
from graph.cli import analytics

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
synth.register(app)
ops.register(app)
ingest.register(app)
maps.register(app)
analytics.register(app)


def main() -> None:
    app()
