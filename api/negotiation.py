"""Content negotiation: pick a representation from ``Accept`` (with q-values) or ``format=``.

A :class:`Format` has a short name (what ``format=`` takes), the media type the response
carries, and other media types clients use for it (``application/json`` for SPARQL JSON
results). :func:`choose` applies RFC 9110 rules: the most specific range that matches a
media type gives its quality; the best quality wins; among equals, an offer the client
named explicitly beats one it reached through a wildcard, then the server's order decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.errors import CoopError


class NotAcceptable(CoopError):
    """No representation the client accepts; the problem body lists the supported ones."""

    status = 406
    title = "Not acceptable"

    def __init__(self, message: str, supported: list[str]) -> None:
        super().__init__(message)
        self.extra = {"supported": supported}


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


JSON = Format("json", "application/sparql-results+json", ("application/json",))
XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv")
TSV = Format("tsv", "text/tab-separated-values")
TURTLE = Format("turtle", "text/turtle", ("application/x-turtle",))
NTRIPLES = Format("ntriples", "application/n-triples", ("text/plain",))
JSONLD = Format("jsonld", "application/ld+json", ("application/json",))
RDFXML = Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"))
TRIG = Format("trig", "application/trig")
NQUADS = Format("nquads", "application/n-quads")
HTML = Format("html", "text/html", ("application/xhtml+xml",))

#: SELECT and ASK results, default first.
RESULT_FORMATS = (JSON, XML, CSV, TSV)
#: CONSTRUCT and DESCRIBE results, default first.
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS)


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """3 for an exact match, 2 for ``type/*``, 1 for ``*/*``, 0 for none."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 1
        if self.type != kind:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == sub else 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header; malformed entries are skipped.

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/csv;q=0.5, application/*, */*;q=0")]
    [('text', 'csv', 0.5), ('application', '*', 1.0), ('*', '*', 0.0)]
    """
    ranges = []
    for part in (header or "").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0  # an unreadable weight must not win over a readable one
        ranges.append(MediaRange(kind, sub, q))
    return ranges


def choose(accept: str | None, offers: tuple[Format, ...], override: str | None = None) -> Format:
    """The format to answer in.

    Parameters
    ----------
    accept
        The ``Accept`` header (``None`` or empty: the first offer).
    offers
        What the resource can be written as, the default first.
    override
        A ``format=`` parameter: a short name (``csv``) or a media type; wins over ``Accept``.

    Examples
    --------
    >>> choose("text/csv;q=0.9, application/sparql-results+xml", RESULT_FORMATS).name
    'xml'
    >>> choose("text/html,application/xhtml+xml,*/*;q=0.8", (TURTLE, HTML)).name
    'html'
    >>> choose("text/csv, */*", RESULT_FORMATS).name
    'csv'
    >>> choose("text/turtle", RESULT_FORMATS, override="tsv").name
    'tsv'
    >>> choose("image/png", RESULT_FORMATS)
    Traceback (most recent call last):
    ...
    api.negotiation.NotAcceptable: None of the accepted media types (image/png) can be produced here; supported: application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values.
    """
    if len(accept or "") > ACCEPT_CACHE_CHARS or len(override or "") > ACCEPT_CACHE_CHARS:
        return _choose(accept, offers, override)
    return _cached_choose(accept, offers, override)


#: ``Accept`` headers longer than this are parsed afresh rather than kept in the cache.
ACCEPT_CACHE_CHARS = 512


def _choose(accept: str | None, offers: tuple[Format, ...], override: str | None) -> Format:
    supported = [f.media_type for f in offers]
    if override:
        wanted = override.strip().lower()
        for offer in offers:
            if wanted == offer.name or wanted in offer.media_types:
                return offer
        names = ", ".join(f.name for f in offers)
        raise NotAcceptable(f"format={override!r} is not available for this result; use one of: {names}.",
                            supported)
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    best: tuple[float, int, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        for media_type in offer.media_types:
            q, specificity = _quality(ranges, media_type)
            if media_type != offer.media_type and specificity < 3:
                continue  # an alias counts only when named: text/* means CSV, not XML as text/xml
            key = (q, specificity, -index)
            if q > 0 and (best is None or key > best):
                best, chosen = key, offer
    if chosen is None:
        asked = ", ".join(f"{r.type}/{r.subtype}" for r in ranges)
        raise NotAcceptable(
            f"None of the accepted media types ({asked}) can be produced here; "
            f"supported: {', '.join(supported)}.", supported)
    return chosen


#: Clients send the same few headers on every request: parse each once.
_cached_choose = lru_cache(maxsize=256)(_choose)


def _quality(ranges: list[MediaRange], media_type: str) -> tuple[float, int]:
    """The q of the most specific range matching ``media_type`` (RFC 9110, 12.5.1)."""
    best_specificity, q = 0, 0.0
    for media_range in ranges:
        specificity = media_range.specificity(media_type)
        if specificity > best_specificity or (specificity == best_specificity and specificity and media_range.q > q):
            best_specificity, q = specificity, media_range.q
    return q, best_specificity


def format_names(offers: tuple[Format, ...]) -> str:
    return ", ".join(f.name for f in offers)


def check_format_name(name: str | None, *groups: tuple[Format, ...]) -> None:
    """Refuse a ``format=`` no group knows at all, before any work is done.

    >>> check_format_name("xlsx", RESULT_FORMATS, GRAPH_FORMATS)
    Traceback (most recent call last):
    ...
    api.negotiation.NotAcceptable: format='xlsx' is not a known format; use one of: json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml, trig, nquads.
    """
    if not name:
        return
    offers = tuple(f for group in groups for f in group)
    wanted = name.strip().lower()
    if any(wanted == f.name or wanted in f.media_types for f in offers):
        return
    raise NotAcceptable(f"format={name!r} is not a known format; use one of: {format_names(offers)}.",
                        [f.media_type for f in offers])


__all__ = [
    "CSV", "GRAPH_FORMATS", "HTML", "JSON", "JSONLD", "NQUADS", "NTRIPLES", "RDFXML", "RESULT_FORMATS",
    "TRIG", "TSV", "TURTLE", "XML", "Format", "NotAcceptable", "check_format_name", "choose",
    "parse_accept",
]
