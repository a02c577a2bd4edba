"""Fold the rows of ``activities.rq`` and ``activities_actors.rq`` into activities and actors.

Both queries return one row per node with its statements packed into one string (see the
comment atop ``activities.rq``); :func:`unpack` reads them back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from types import MappingProxyType
from urllib.parse import unquote

from graph.activities.model import (
    _COOP, _DERIVED_FROM, _KIND_OF_CLASS, _KIND_RANK, _ORG, _PARTICIPANT, _PLANNED, _PREF_LABEL,
    _RDF_TYPE, _RDFS_LABEL, _SCHEMA, _SUBKIND_PROPERTIES, ACTOR_CLASSES, EXTRACTED_GRAPH_PREFIX,
    ROLES, Activity, Actor, Evidence, year_of,
)
from graph.build import DOCUMENT_GRAPH_PREFIX

_NONE: frozenset[str] = frozenset()
_LABELS = frozenset({_PREF_LABEL, _RDFS_LABEL})
_EVIDENCE = _COOP + "evidence"
_SOURCE = "http://purl.org/dc/terms/source"
_START, _END, _EXACT = (f"http://www.w3.org/ns/oa#{n}" for n in ("start", "end", "exact"))
_DATE_SIGNED, _EVENT_STATUS, _PROJECT_STATUS = _COOP + "dateSigned", _SCHEMA + "eventStatus", _COOP + "projectStatus"
_START_DATE, _END_DATE, _SUPER_EVENT = _SCHEMA + "startDate", _SCHEMA + "endDate", _SCHEMA + "superEvent"


def unpack(statements: str) -> Iterator[tuple[str, str, str, str, str | None]]:
    r"""The (graph, subject, property, value, language) statements packed in one string.

    A literal's value comes back decoded, with its language (``""`` when it has none); an
    IRI's language is ``None``.

    >>> list(unpack('g s p http://x  g s q "B%E1%BB%99%20T%C6%B0@vi g s r "2022@'))
    [('g', 's', 'p', 'http://x', None), ('g', 's', 'q', 'Bộ Tư', 'vi'), ('g', 's', 'r', '2022', '')]
    """
    fields = statements.split()  # an empty statement (a blank node dropped) leaves no field
    n = len(fields) - len(fields) % 4
    for g, s, p, o in zip(fields[0:n:4], fields[1:n:4], fields[2:n:4], fields[3:n:4]):
        if o[0] == '"':
            text, _, lang = o.rpartition("@")
            yield g, s, p, unquote(text[1:]) if "%" in text else text[1:], lang
        else:
            yield g, s, p, o, None


def _graph_rank(graph: str) -> tuple[int, str]:
    """Document graphs first, then extracted ones, then the rest (the gazetteer)."""
    if graph.startswith(DOCUMENT_GRAPH_PREFIX):
        return (0, graph)
    return (1 if graph.startswith(EXTRACTED_GRAPH_PREFIX) else 2, graph)


def _pick_date(values: set[str] | None) -> str | None:
    """The most precise of several statements of one date; the earliest among equals."""
    return min(values, key=lambda v: (-len(v), v)) if values else None


def _int(values: set[str] | None) -> int | None:
    try:
        return int(min(values)) if values else None
    except ValueError:
        return None


def read_activities(rows: list[dict], include_extracted: bool) -> dict[str, Activity]:
    """Fold the rows of ``activities.rq`` into Activities, extracted graphs left out or in."""
    activities = {}
    for row in rows:
        iri = str(row["activity"])
        found: dict = defaultdict(set)  # property (or (label property, language)) -> values
        spans: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        graphs = set()
        for graph, subject, p, o, lang in unpack(str(row.get("statements", ""))):
            if not include_extracted and graph.startswith(EXTRACTED_GRAPH_PREFIX):
                continue
            if subject != iri:  # a statement about one of its evidence spans
                spans[subject][p].add(o)
                continue
            graphs.add(graph)
            found[(p, lang) if p in _LABELS else p].add(o)
        activity = _activity(iri, found, spans, graphs)
        if activity is not None:
            activities[iri] = activity
    return activities


def _activity(iri: str, found: dict, spans: dict, graphs: set[str]) -> Activity | None:
    kinds = [_KIND_OF_CLASS[t] for t in found.get(_RDF_TYPE, _NONE) if t in _KIND_OF_CLASS]
    if not kinds:  # typed only in a graph left out
        return None
    roles: dict[str, list[str]] = {}
    for p, values in found.items():
        name = ROLES.get(p)
        if name is not None:
            for actor in values:
                roles.setdefault(actor, []).append(name)
    for actor in found.get(_PARTICIPANT, _NONE):
        roles.setdefault(actor, ["participant"])  # only the super-property was stated
    start = _pick_date(found.get(_DATE_SIGNED) or found.get(_START_DATE))
    end = _pick_date(found.get(_END_DATE))
    subkinds = [v for p in _SUBKIND_PROPERTIES for v in found.get(p, _NONE)]
    statuses = found.get(_EVENT_STATUS, _NONE) | found.get(_PROJECT_STATUS, _NONE)
    in_graphs = tuple(sorted(graphs, key=_graph_rank))
    linked = found.get(_EVIDENCE, _NONE)
    evidence = sorted(
        (Evidence(min(span[_SOURCE]), min(span[_EXACT], default=None), _int(span.get(_START)), _int(span.get(_END)))
         for node, span in spans.items() if node in linked and span.get(_SOURCE)),
        key=lambda e: (e.document, e.start or 0, e.end or 0))
    return Activity(
        iri=iri, kind=min(kinds, key=_KIND_RANK.__getitem__), subkind=min(subkinds, default=None),
        label_vi=_label(found, "vi"), label_en=_label(found, "en"),
        participants=MappingProxyType({a: tuple(sorted(roles[a])) for a in sorted(roles)}),
        start=start, year=year_of(start), end=end, end_year=year_of(end),
        documents=tuple(sorted(found.get(_DERIVED_FROM, _NONE))), evidence=tuple(evidence),
        graph=in_graphs[0], graphs=in_graphs, planned=not statuses.isdisjoint(_PLANNED),
        series=min(found.get(_SUPER_EVENT, _NONE), default=None),
        extracted=all(g.startswith(EXTRACTED_GRAPH_PREFIX) for g in in_graphs),
    )


def _label(found: dict, lang: str) -> str | None:
    """The ``skos:prefLabel`` in ``lang``, else the ``rdfs:label``; the first in order among several."""
    values = found.get((_PREF_LABEL, lang)) or found.get((_RDFS_LABEL, lang))
    return min(values) if values else None


def read_actors(rows: list[dict]) -> dict[str, Actor]:
    """Fold the rows of ``activities_actors.rq`` into Actors (whatever graph says it)."""
    props: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        found = props[str(row["actor"])]
        for _, _, p, o, lang in unpack(str(row.get("statements", ""))):
            found[(p, lang) if p in _LABELS else p].add(o)
    classes = {iri: next((name for name, cls in ACTOR_CLASSES if cls in found.get(_RDF_TYPE, ())), "Organization")
               for iri, found in props.items()}

    def country(iri: str) -> str | None:
        seen = set()
        while iri and iri not in seen:  # a unit inherits its parent's country
            seen.add(iri)
            found = props.get(iri, {})
            if classes.get(iri) == "Country":
                return iri
            if found.get(_COOP + "country"):
                return min(found[_COOP + "country"])
            parents = found.get(_ORG + "subOrganizationOf", set()) | found.get(_ORG + "unitOf", set())
            iri = min(parents, default=None)
        return None

    actors = {}
    for iri, found in props.items():
        actors[iri] = Actor(iri, _label(found, "vi"), _label(found, "en"), classes[iri], country(iri))
    return actors

