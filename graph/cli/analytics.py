"""``coop centrality`` and ``coop communities``: network analytics as aligned tables."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Optional

import typer

from graph.cli.common import opened_store, reports_errors, say
from graph.results import table


class Output(str, Enum):
    table = "table"
    json = "json"


Level = Annotated[str, typer.Option(help="org: organisations; country: actors rolled up to their countries.")]
Since = Annotated[Optional[int], typer.Option(help="First year of the window (inclusive); undated activities are left out.")]
Until = Annotated[Optional[int], typer.Option(help="Last year of the window (inclusive).")]
Via = Annotated[Optional[str], typer.Option(
    help="Only links through these activity kinds: agreement,event,series,project,membership,partnership.")]
Extracted = Annotated[bool, typer.Option("--include-extracted", help="Also count facts extracted by a program and not yet reviewed.")]
Format = Annotated[Output, typer.Option("--format", help="An aligned table, or JSON rows.")]


def _short(iri: str) -> str:
    from graph.ids import short_id

    return short_id(iri) or iri


def _emit(headers: list[str], rows: list[list], output: Output) -> None:
    if output is Output.json:
        keys = [h.lower().replace(" ", "_") for h in headers]
        typer.echo(json.dumps([dict(zip(keys, row)) for row in rows], ensure_ascii=False, indent=2))
    else:
        typer.echo(table(headers, [[str(cell) for cell in row] for row in rows]))


@reports_errors
def centrality_command(
    measure: Annotated[str, typer.Option(
        help="degree, weighted_degree, betweenness, closeness, eigenvector, pagerank or harmonic.")] = "degree",
    top: Annotated[int, typer.Option(min=1, max=10_000, help="How many to show.")] = 10,
    level: Level = "org", since: Since = None, until: Until = None, via: Via = None,
    include_extracted: Extracted = False, output: Format = Output.table,
) -> None:
    """Rank actors by a centrality measure, with their Vietnamese and English names.

    Examples:

      coop centrality --measure pagerank --top 10

      coop centrality --measure betweenness --level country --since 2015 --until 2024
    """
    from graph.activities import index_for
    from graph.analytics.cache import ranking

    with opened_store() as store:
        result = ranking(store, measure, level, since, until, via, include_extracted)
        actors = index_for(store, include_extracted).actors
    note = f", estimated from {result.k} sampled sources (seed {result.seed})" if result.sampled else ""
    say(f"{measure} centrality over {result.nodes} nodes ({level}){note}")
    rows = []
    for node, score in result.top(top):
        actor = actors.get(node)
        rows.append([result.position(node), round(score, 6), _short(node),
                     (actor and actor.label_vi) or "", (actor and actor.label_en) or ""])
    _emit(["rank", "score", "entity", "Tiếng Việt", "English"], rows, output)


@reports_errors
def communities_command(
    method: Annotated[str, typer.Option(help="louvain (fixed seed) or greedy (modularity).")] = "louvain",
    members: Annotated[int, typer.Option(min=1, help="Most members shown per community, most connected first.")] = 10,
    level: Level = "org", since: Since = None, until: Until = None, via: Via = None,
    include_extracted: Extracted = False, output: Format = Output.table,
) -> None:
    """Find groups of actors that cooperate more among themselves than with the rest.

    Examples:

      coop communities

      coop communities --level country --method greedy
    """
    from graph.activities import index_for
    from graph.analytics.cache import partition, projection
    from graph.analytics.communities import modularity

    with opened_store() as store:
        parts = partition(store, method, level, since, until, via, include_extracted)
        G = projection(store, level, since, until, via, include_extracted)
        actors = index_for(store, include_extracted).actors
    say(f"{len(parts)} communities over {len(G)} nodes ({level}, {method}), modularity {modularity(G, parts):.3f}")
    strength = dict(G.degree(weight="weight"))
    rows = []
    for number, part in enumerate(parts, start=1):
        for node in sorted(part, key=lambda n: (-strength[n], n))[:members]:
            actor = actors.get(node)
            rows.append([number, len(part), _short(node), (actor and actor.label_vi) or "",
                         (actor and actor.label_en) or ""])
    _emit(["community", "size", "entity", "Tiếng Việt", "English"], rows, output)


def register(app: typer.Typer) -> None:
    app.command("centrality")(centrality_command)
    app.command("communities")(communities_command)
