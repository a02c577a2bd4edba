"""``coop map``: write an interactive relationship map to one self-contained HTML file."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.cli.common import opened_store, reports_errors, say
from graph.errors import InvalidInput


class Level(str, Enum):
    org = "org"
    country = "country"


class Lang(str, Enum):
    vi = "vi"
    en = "en"


@reports_errors
def map_command(
    output: Annotated[Optional[Path], typer.Option(
        "-o", "--output", dir_okay=False, help="Write the page here (default: stdout).")] = None,
    center: Annotated[Optional[str], typer.Option(
        "--center", "--centre", help="Map the partners of this actor: kind/slug (org/moj-vn) or IRI.")] = None,
    depth: Annotated[int, typer.Option(min=1, max=3, help="Hops out from --center.")] = 1,
    since: Annotated[Optional[int], typer.Option(help="First year of the window (inclusive).")] = None,
    until: Annotated[Optional[int], typer.Option(help="Last year of the window (inclusive).")] = None,
    level: Annotated[Level, typer.Option(help="org: organisations; country: rolled up to countries.")] = Level.org,
    via: Annotated[Optional[str], typer.Option(
        help="Only links through these activity kinds: agreement,event,series,project,membership,partnership.")] = None,
    types: Annotated[Optional[str], typer.Option(
        help="Only these node classes, e.g. GovernmentBody,InternationalOrganization (network map).")] = None,
    lang: Annotated[Lang, typer.Option(help="The language the map opens in (readers can switch).")] = Lang.vi,
    cap: Annotated[int, typer.Option(min=1, max=5000, help="Most nodes drawn; the most central are kept.")] = 1500,
    include_extracted: Annotated[bool, typer.Option(
        "--include-extracted", help="Also draw facts extracted by a program and not yet reviewed.")] = False,
    overview: Annotated[bool, typer.Option(
        "--overview", help="Every organisation at once, drawn with WebGL (for networks past --cap).")] = False,
) -> None:
    """Draw the cooperation network as an offline HTML map (no internet needed to open it).

    Examples:

      coop map -o network.html

      coop map --center org/moj-vn --depth 2 --since 2015 -o moj-vn.html

      coop map --level country -o countries.html

      coop map --overview -o overview.html
    """
    from graph.ids import entity_iri
    from graph.maps import service
    from graph.settings import get_settings

    common = dict(since=since, until=until, via=via, include_extracted=include_extracted,
                  lang=lang.value, cap=cap)
    with opened_store() as store:
        if overview:
            if center is not None or level is Level.country:
                raise InvalidInput("--overview draws the whole organisation network: leave out --center and --level")
            html = service.overview_page(store, since=since, until=until, types=types, via=via,
                                         include_extracted=include_extracted, lang=lang.value)
        elif center is not None:
            if level is Level.country:
                raise InvalidInput("--center draws an organisation's partners: leave out --level country")
            html = service.partners_page(store, entity_iri(center, get_settings().base_iri), depth=depth, **common)
        elif level is Level.country:
            html = service.countries_page(store, **common)
        else:
            html = service.network_page(store, types=types, **common)
    if output is None:
        sys.stdout.write(html)
        return
    output.write_text(html, encoding="utf-8")
    say(f"wrote {output} ({len(html.encode('utf-8')):,} bytes); open it in any browser, no internet needed")


def register(app: typer.Typer) -> None:
    app.command("map")(map_command)
