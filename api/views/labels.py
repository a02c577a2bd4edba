"""Labels for anything a page or a JSON answer links to: entities, terms, documents."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from api.views.cache import per_version
from graph import queries
from graph.build import ONTOLOGY_GRAPH
from graph.ids import short_id
from graph.results import short
from graph.search import index_for
from graph.store import Store


@dataclass
class Labels:
    """Preferred labels by IRI and language, and the asserted types of each entity."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=dict)

    def label(self, iri: str, lang: str) -> str | None:
        return self.names.get(iri, {}).get(lang)

    def best(self, iri: str, lang: str = "en") -> str:
        """A label to show: the wanted language, the other one, or the short IRI."""
        found = self.names.get(iri, {})
        other = "vi" if lang == "en" else "en"
        return found.get(lang) or found.get(other) or next(iter(found.values()), None) or short_id(iri) or short(URIRef(iri))


def labels_for(store: Store) -> Labels:
    """Every label the store knows, cached per store version."""
    return per_version(store, "labels", lambda: _build(store))


def _build(store: Store) -> Labels:
    labels = Labels()
    for iri, entry in index_for(store).entries.items():
        labels.names[iri] = dict(entry.labels)
        labels.types[iri] = set(entry.types)
    for row in store.select(queries.load("api_term_labels"), {"ontology": URIRef(ONTOLOGY_GRAPH)}):
        _add(labels, str(row["term"]), row["label"])
    for row in store.select(queries.load("api_document_labels")):
        _add(labels, str(row["doc"]), row["label"])
    return labels


def _add(labels: Labels, iri: str, label) -> None:
    lang = getattr(label, "language", None) or "vi"  # untagged titles are the articles' Vietnamese
    labels.names.setdefault(iri, {}).setdefault(lang, str(label))
