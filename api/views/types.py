"""Resolve a ``type=`` parameter (``GovernmentBody``, ``schema:Event`` or an IRI) to classes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef

from api.views.cache import per_version
from graph import queries
from graph.build import ONTOLOGY_GRAPH
from graph.errors import InvalidInput
from graph.results import PREFIXES, short
from graph.store import Store

# When two vocabularies have a class of the same local name, ours wins, then ORG, then schema.org.
_PREFERENCE = (PREFIXES["coop"], PREFIXES["org"], PREFIXES["schema"])


@dataclass
class Classes:
    by_name: dict[str, list[str]]  # local name (case-folded) -> class IRIs
    subclasses: dict[str, set[str]]  # class -> its direct sub-classes

    def closure(self, iri: str) -> set[str]:
        """``iri`` and every class below it."""
        found, stack = {iri}, [iri]
        while stack:
            for sub in self.subclasses.get(stack.pop(), ()):
                if sub not in found:
                    found.add(sub)
                    stack.append(sub)
        return found

    def resolve(self, text: str) -> set[str]:
        text = text.strip()
        if text.startswith(("http://", "https://", "urn:")):
            return self.closure(text)
        prefix, colon, local = text.partition(":")
        if colon and prefix in PREFIXES:
            return self.closure(PREFIXES[prefix] + local)
        candidates = self.by_name.get(text.casefold(), [])
        if not candidates:
            known = sorted({short(URIRef(i)).split(":", 1)[-1] for names in self.by_name.values() for i in names})
            raise InvalidInput(f"Unknown type {text!r}; use a class name such as "
                               f"{', '.join(known[:40])}, a prefixed name (schema:Event) or a full IRI.")
        best = min(candidates, key=lambda i: next((n for n, ns in enumerate(_PREFERENCE) if i.startswith(ns)), 9))
        return self.closure(best)


def classes_for(store: Store) -> Classes:
    return per_version(store, "classes", lambda: _build(store))


def _build(store: Store) -> Classes:
    by_name: dict[str, list[str]] = defaultdict(list)
    subclasses: dict[str, set[str]] = defaultdict(set)
    for row in store.select(queries.load("api_classes"), {"ontology": URIRef(ONTOLOGY_GRAPH)}):
        iri = str(row["class"])
        local = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if iri not in by_name[local.casefold()]:
            by_name[local.casefold()].append(iri)
        if "super" in row:
            subclasses[str(row["super"])].add(iri)
    return Classes(dict(by_name), dict(subclasses))


def resolve_types(store: Store, values: list[str]) -> set[str] | None:
    """The classes the ``type=`` values name, with their sub-classes; None for no filter."""
    if not values:
        return None
    classes = classes_for(store)
    found: set[str] = set()
    for value in values:
        for part in value.split(","):
            if part.strip():
                found |= classes.resolve(part)
    return found or None
