"""Find entities by any of their labels, ignoring case and Vietnamese diacritics.

"bo tu phap" finds "Bộ Tư pháp"; "THADS" finds the civil-judgment-enforcement department
through its abbreviation. The index is built from the store once per store version.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from dataclasses import dataclass, field

from graph import queries
from graph.store import Store

_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Fold case and strip diacritics (đ → d), keeping only words separated by spaces.

    >>> normalise("Bộ Tư pháp")
    'bo tu phap'
    >>> normalise("  Cục Quản lý THADS – Đức! ")
    'cuc quan ly thads duc'
    >>> normalise("Uỷ ban") == normalise("Ủy ban")
    True
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


@dataclass
class Entry:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)  # language -> preferred label
    names: set[str] = field(default_factory=set)  # every normalised label and alias
    abbreviations: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Hit:
    iri: str
    label_vi: str | None
    label_en: str | None
    types: tuple[str, ...]
    score: float
    matched: str


class LabelIndex:
    """An in-memory index of every entity label; cheap to query, rebuilt on writes."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries

    @classmethod
    def from_store(cls, store: Store) -> "LabelIndex":
        entries: dict[str, Entry] = {}
        for row in store.select(queries.load("labels")):
            iri = str(row["entity"])
            entry = entries.setdefault(iri, Entry(iri))
            label = row["label"]
            text = str(label)
            key = normalise(text)
            if key:
                entry.names.add(key)
            if row["kind"].value == "alt" and (text.isupper() or len(key.split()) == 1):
                entry.abbreviations.add(key)
            if row["kind"].value == "pref" and getattr(label, "language", None):
                entry.labels.setdefault(label.language, text)
            if "type" in row:
                entry.types.add(str(row["type"]))
        return cls(entries)

    def search(self, text: str, *, types: set[str] | None = None, limit: int = 20,
               offset: int = 0) -> list[Hit]:
        """Entities ranked by how well a label matches: exact and abbreviations first."""
        query = normalise(text)
        if not query:
            return []
        tokens = query.split()
        hits = []
        for entry in self.entries.values():
            if types and not entry.types & types:
                continue
            best, matched = 0.0, ""
            for name in entry.names:
                score = _score(query, tokens, name, name in entry.abbreviations)
                if score > best or (score == best and score and len(name) < len(matched)):
                    best, matched = score, name
            if best:
                hits.append(Hit(
                    iri=entry.iri, label_vi=entry.labels.get("vi"), label_en=entry.labels.get("en"),
                    types=tuple(sorted(entry.types)), score=best, matched=matched,
                ))
        hits.sort(key=lambda h: (-h.score, len(h.matched), h.label_en or h.iri))
        return hits[offset:offset + limit]


def _score(query: str, tokens: list[str], name: str, is_abbreviation: bool) -> float:
    if name == query:
        return 100.0 if not is_abbreviation else 98.0
    words = name.split()
    if name.startswith(query + " "):
        return 80.0 - min(len(words) - len(tokens), 20) * 0.5
    padded = f" {name} "
    if f" {query} " in padded:
        return 60.0 - min(len(words) - len(tokens), 20) * 0.5
    if all(any(w.startswith(t) for w in words) for t in tokens):
        return 40.0
    if len(query) >= 3 and query in name:
        return 20.0
    return 0.0


_cache: "weakref.WeakKeyDictionary[Store, tuple[int, LabelIndex]]" = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def index_for(store: Store) -> LabelIndex:
    """The label index of ``store``, rebuilt only when the store has been written to."""
    with _cache_lock:
        cached = _cache.get(store)
        if cached and cached[0] == store.version:
            return cached[1]
    index = LabelIndex.from_store(store)
    with _cache_lock:
        _cache[store] = (store.version, index)
    return index


def search(store: Store, text: str, **kw) -> list[Hit]:
    """Search the entities of ``store`` by label; see :meth:`LabelIndex.search`."""
    return index_for(store).search(text, **kw)
