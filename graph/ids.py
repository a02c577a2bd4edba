"""One parser for the ids people type: ``kind/slug``, ``doc/000`` or a full IRI.

Every API route, page and command that takes an entity or document id goes through
:func:`entity_iri` or :func:`document_iri`, so ``org/moj-vn``, ``id/org/moj-vn`` and
``https://w3id.org/coop/id/org/moj-vn`` all name the same thing everywhere, and
:func:`short_id` gives the short form back for links and JSON.
"""

from __future__ import annotations

import re

from graph.errors import InvalidInput

__all__ = ["BASE", "KINDS", "document_id", "document_iri", "entity_iri", "short_id"]

BASE = "https://w3id.org/coop/"

#: The ``{kind}`` path segments of ``…/id/{kind}/{slug}`` (docs/model.md, "IRIs").
KINDS = frozenset({
    "org", "country", "place", "person", "post", "agreement", "event", "series", "project",
    "membership", "partnership", "legal", "work", "figure",
})

# Slugs are lower-case ASCII with hyphens in the shipped data; any URL-safe run is
# accepted so that a wrong case ends as a 404 with suggestions, not a confusing 400.
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
_ABSOLUTE = re.compile(r"^(?:https?:/{1,2}|urn:)[^\s<>\"{}|^`\\]+$", re.IGNORECASE)


def _absolute(text: str) -> str | None:
    """``text`` as an absolute IRI, repairing the ``https:/x`` that path joining makes."""
    if not _ABSOLUTE.match(text):
        return None
    return re.sub(r"^(https?):/(?!/)", r"\1://", text, flags=re.IGNORECASE)


def entity_iri(text: str, base: str = BASE) -> str:
    """The IRI of the entity ``text`` names.

    Parameters
    ----------
    text
        ``kind/slug`` (``org/moj-vn``), ``id/kind/slug``, or a full IRI (any absolute
        ``http(s)``/``urn`` IRI is taken as it is; a URL-decoded path may have lost one
        slash of ``https://``, which is put back).
    base
        The base of coopgraph IRIs (the ``COOP_BASE_IRI`` setting).

    Raises
    ------
    InvalidInput
        When ``text`` is neither: the message says what was expected.

    Examples
    --------
    >>> entity_iri("org/moj-vn")
    'https://w3id.org/coop/id/org/moj-vn'
    >>> entity_iri("/id/country/la")
    'https://w3id.org/coop/id/country/la'
    >>> entity_iri("https:/w3id.org/coop/id/org/moj-vn")
    'https://w3id.org/coop/id/org/moj-vn'
    >>> entity_iri("ministry/moj-vn")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: Not an entity id: 'ministry/moj-vn'. Unknown kind 'ministry'; use one of agreement, country, event, figure, legal, membership, org, partnership, person, place, post, project, series, work.
    """
    text = text.strip()
    iri = _absolute(text)
    if iri is not None:
        return iri
    parts = text.strip("/").split("/")
    if parts and parts[0] == "id":
        parts = parts[1:]
    if len(parts) != 2 or not all(parts):
        raise InvalidInput(
            f"Not an entity id: {text!r}. Use kind/slug (e.g. org/moj-vn) or a full IRI.")
    kind, slug = parts
    if kind not in KINDS:
        raise InvalidInput(
            f"Not an entity id: {text!r}. Unknown kind {kind!r}; use one of {', '.join(sorted(KINDS))}.")
    if not _SLUG.match(slug):
        raise InvalidInput(
            f"Not an entity id: {text!r}. A slug is letters, digits and hyphens (e.g. moj-vn).")
    return f"{base}id/{kind}/{slug}"


def document_iri(text: str, base: str = BASE) -> str:
    """The IRI of the source document ``text`` names: ``000``, ``doc/000`` or a full IRI.

    Examples
    --------
    >>> document_iri("000")
    'https://w3id.org/coop/doc/000'
    >>> document_iri("doc/003")
    'https://w3id.org/coop/doc/003'
    >>> document_iri("../etc")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: Not a document id: '../etc'. Use the article's id (e.g. 000) or its full IRI.
    """
    text = text.strip()
    iri = _absolute(text)
    if iri is not None:
        return iri
    doc_id = text.strip("/")
    doc_id = "" if doc_id == "doc" else doc_id.removeprefix("doc/")
    if not _SLUG.match(doc_id):
        raise InvalidInput(f"Not a document id: {text!r}. Use the article's id (e.g. 000) or its full IRI.")
    return f"{base}doc/{doc_id}"


def short_id(iri: str, base: str = BASE) -> str | None:
    """``kind/slug`` for an entity IRI under ``base``, ``doc/{id}`` for a document, else None.

    Examples
    --------
    >>> short_id("https://w3id.org/coop/id/org/moj-vn")
    'org/moj-vn'
    >>> short_id("https://w3id.org/coop/doc/000")
    'doc/000'
    >>> short_id("https://w3id.org/coop/doc/000#c12-40") is None
    True
    >>> short_id("http://example.org/x") is None
    True
    """
    if not iri.startswith(base):
        return None
    rest = iri[len(base):]
    parts = rest.split("/")
    if len(parts) == 3 and parts[0] == "id" and parts[1] in KINDS and _SLUG.match(parts[2]):
        return f"{parts[1]}/{parts[2]}"
    if len(parts) == 2 and parts[0] == "doc" and _SLUG.match(parts[1]):
        return rest
    return None


def document_id(iri: str, base: str = BASE) -> str | None:
    """The id of a document IRI (``000``), or None.

    >>> document_id("https://w3id.org/coop/doc/000")
    '000'
    >>> document_id("https://w3id.org/coop/id/org/moj-vn") is None
    True
    """
    short = short_id(iri, base)
    return short.removeprefix("doc/") if short and short.startswith("doc/") else None
