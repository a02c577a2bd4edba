"""What the activity index holds: activities, actors, evidence, paths and neighbourhoods."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from graph.build import BASE
from graph.errors import InvalidInput

EXTRACTED_GRAPH_PREFIX = BASE + "graph/extracted/"

_COOP = "https://w3id.org/coop/ontology#"
_SCHEMA = "https://schema.org/"
_ORG = "http://www.w3.org/ns/org#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"

#: The kinds of activity. When a node has several activity types, _KIND_RANK decides.
KINDS = ("agreement", "event", "series", "project", "membership", "partnership")
_KIND_OF_CLASS = {
    _COOP + "Agreement": "agreement",
    _COOP + "Project": "project",
    _ORG + "Membership": "membership",
    _COOP + "Partnership": "partnership",
    _SCHEMA + "EventSeries": "series",
    _COOP + "Forum": "series",
    _COOP + "BorderConference": "series",
    _SCHEMA + "Event": "event",
}
_KIND_RANK = {k: i for i, k in enumerate(("agreement", "project", "membership", "partnership", "series", "event"))}
_SUBKIND_PROPERTIES = {_COOP + "agreementKind", _COOP + "eventKind", _COOP + "partnershipKind"}

#: Participation properties (sub-properties of ``coop:participant``) → role names.
ROLES = {
    _COOP + "party": "party", _COOP + "partner": "partner", _COOP + "fundedBy": "fundedBy",
    _COOP + "implementedBy": "implementedBy", _COOP + "beneficiary": "beneficiary",
    _COOP + "focalPoint": "focalPoint", _SCHEMA + "organizer": "organizer",
    _SCHEMA + "attendee": "attendee", _ORG + "member": "member", _ORG + "organization": "organization",
}
_PARTICIPANT = _COOP + "participant"
_PLANNED = {_SCHEMA + "EventScheduled", _COOP + "status-planned", _COOP + "status-pending-approval"}

#: Actor classes, most specific first: the first one a node has names its ``cls``.
ACTOR_CLASSES = (
    ("JudicialBody", _COOP + "JudicialBody"), ("GovernmentBody", _COOP + "GovernmentBody"),
    ("PartyBody", _COOP + "PartyBody"), ("Association", _COOP + "Association"),
    ("InternationalOrganization", _COOP + "InternationalOrganization"),
    ("EducationalInstitution", _COOP + "EducationalInstitution"),
    ("Country", _SCHEMA + "Country"), ("Person", _SCHEMA + "Person"),
    ("GovernmentBody", _SCHEMA + "GovernmentOrganization"),
    ("EducationalInstitution", _SCHEMA + "EducationalOrganization"),
)
_YEAR = re.compile(r"^(-?\d{4})")



class Evidence(NamedTuple):
    """A quoted span of a source document: ``text[start:end]`` contains ``quote``."""

    document: str
    quote: str | None
    start: int | None
    end: int | None


class Step(NamedTuple):
    """One hop of a path: ``source`` and ``target`` both take part in ``activity``."""

    source: str
    activity: str
    target: str


@dataclass(frozen=True)
class Actor:
    """An organisation, country or person that takes part in activities."""

    iri: str
    label_vi: str | None
    label_en: str | None
    cls: str  # GovernmentBody, JudicialBody, …, Country, Person, Organization
    country: str | None  # coop:country (or a parent's), the country itself for a Country

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, else the other one, else the IRI's last segment."""
        first, second = (self.label_vi, self.label_en) if lang == "vi" else (self.label_en, self.label_vi)
        return first or second or self.iri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Activity:
    """One cooperation activity; equal (and hashed) by IRI.

    ``start`` is the lexical form of ``coop:dateSigned`` or ``schema:startDate`` ("2022",
    "2024-04", "2016-11-29") and ``year`` its year; ``end``/``end_year`` likewise from
    ``schema:endDate``.
    """

    iri: str
    kind: str
    subkind: str | None = field(default=None, compare=False)
    label_vi: str | None = field(default=None, compare=False)
    label_en: str | None = field(default=None, compare=False)
    participants: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    start: str | None = field(default=None, compare=False)
    year: int | None = field(default=None, compare=False)
    end: str | None = field(default=None, compare=False)
    end_year: int | None = field(default=None, compare=False)
    documents: tuple[str, ...] = field(default=(), compare=False)
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
    graph: str = field(default="", compare=False)
    graphs: tuple[str, ...] = field(default=(), compare=False)
    planned: bool = field(default=False, compare=False)
    series: str | None = field(default=None, compare=False)  # schema:superEvent
    extracted: bool = field(default=False, compare=False)  # only in extracted graphs

    def label(self, lang: str = "en") -> str:
        first, second = (self.label_vi, self.label_en) if lang == "vi" else (self.label_en, self.label_vi)
        return first or second or self.iri.rstrip("/").rsplit("/", 1)[-1]

    def in_window(self, since: int | None = None, until: int | None = None) -> bool:
        """Whether the activity's years overlap ``[since, until]`` (inclusive).

        An activity spans ``year`` … ``end_year`` (just ``year`` when it has no end; a
        membership with no end lasts). Without a window every activity is in; with one,
        an activity without a year is out, because nothing says it belongs there.

        >>> a = Activity("x", "agreement", year=2022)
        >>> a.in_window(), a.in_window(until=2014), a.in_window(2020, 2024)
        (True, False, True)
        >>> Activity("m", "membership", year=2005).in_window(2015, 2016)
        True
        >>> Activity("u", "event").in_window(since=2000)
        False
        """
        if since is None and until is None:
            return True
        if self.year is None:
            return False
        last = self.end_year if self.end_year is not None else (None if self.kind == "membership" else self.year)
        return (until is None or self.year <= until) and (since is None or last is None or last >= since)


@dataclass(frozen=True)
class Neighbourhood:
    """The actors within ``depth`` hops of ``centre`` and the activities crossed to reach them.

    ``distance`` maps each actor to its hop count (the centre is 0); ``activities`` maps each
    activity crossed to the hop at which it was first crossed (1: the centre takes part).
    Both are read-only mappings (views over arrays: ``dict(...)`` copies one).
    """

    centre: str
    depth: int
    distance: Mapping[str, int]
    activities: Mapping[str, int]


@dataclass(frozen=True)
class Partner:
    """A direct partner of an actor and what they did together, oldest first."""

    iri: str
    activities: tuple[str, ...]
    kinds: tuple[str, ...]
    first_year: int | None
    last_year: int | None

    @property
    def weight(self) -> int:
        return len(self.activities)


def check_kinds(via: str | Iterable[str] | None) -> frozenset[str] | None:
    """The activity kinds ``via`` names, checked; ``None`` means every kind.

    >>> sorted(check_kinds("agreement,project"))
    ['agreement', 'project']
    >>> check_kinds(["visit"])
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: Unknown activity kind 'visit'; use one of: agreement, event, series, project, membership, partnership
    """
    return parse_choices(via, KINDS, "activity kind")


def parse_choices(value: str | Iterable[str] | None, allowed: Sequence[str], what: str) -> frozenset[str] | None:
    """The names ``value`` gives (comma-separated, or a list), each checked against ``allowed``;
    ``None`` when it gives none. ``what`` names them in the error.

    >>> sorted(parse_choices(" b, a,,", ("a", "b"), "letter"))
    ['a', 'b']
    >>> parse_choices(" , ", ("a", "b"), "letter") is None
    True
    >>> parse_choices(["c"], ("a", "b"), "letter")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: Unknown letter 'c'; use one of: a, b
    """
    if value is None:
        return None
    names = value.split(",") if isinstance(value, str) else list(value)
    chosen = frozenset(n.strip() for n in names if n.strip())
    for name in sorted(chosen):
        if name not in allowed:
            raise InvalidInput(f"Unknown {what} {name!r}; use one of: {', '.join(allowed)}")
    return chosen or None


def check_window(since: int | None, until: int | None) -> None:
    if since is not None and until is not None and since > until:
        raise InvalidInput(f"The time window is empty: since={since} is after until={until}")



def year_of(lexical: str | None) -> int | None:
    """The year of a date's lexical form.

    >>> year_of("2024-04"), year_of("2016-11-29"), year_of("2022"), year_of(None)
    (2024, 2016, 2022, None)
    """
    if not lexical:
        return None
    found = _YEAR.match(lexical)
    return int(found.group(1)) if found else None
