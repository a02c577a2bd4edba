"""Find entities by any of their labels, ignoring case and Vietnamese diacritics.

"bo tu phap" finds "Bộ Tư pháp"; "THADS" finds the civil-judgment-enforcement department
through its abbreviation. The index is built from the store once per store version.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
import unicodedata
import weakref
from dataclasses import dataclass, field

from graph import queries
from graph.store import Store

_NON_WORD = re.compile(r"[^\w]+")
_LAST = chr(0x10FFFF)  # sorts after every character a word can hold
_WORTH_INTERSECTING = 32  # a common token's names cost more to gather than to score the few left


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
    """An in-memory index of every entity label; cheap to query, rebuilt on writes.

    Besides ``entries`` it keeps each distinct name once, a sorted list of their words (a
    word prefix is a :mod:`bisect` range) and all names joined in one string (a substring is
    a C-speed ``str.find``), so a query scores only the names that can match it.
    """

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries
        self._order = list(entries.values())
        owners: dict[str, list[int]] = {}
        for ordinal, entry in enumerate(self._order):
            for name in entry.names:
                owners.setdefault(name, []).append(ordinal)
        self._names = list(owners)
        self._owners = list(owners.values())
        by_word: dict[str, list[int]] = {}
        for number, name in enumerate(self._names):
            for word in set(name.split()):
                by_word.setdefault(word, []).append(number)
        self._words = sorted(by_word)
        self._by_word = [by_word[w] for w in self._words]
        self._postings = list(itertools.accumulate((len(n) for n in self._by_word), initial=0))
        self._joined = "\n".join(self._names)
        self._starts = list(itertools.accumulate((len(n) + 1 for n in self._names[:-1]), initial=0))

    @classmethod
    def from_store(cls, store: Store) -> "LabelIndex":
        entries: dict[str, Entry] = {}
        keys: dict[str, str] = {}
        for row in store.select(queries.load("labels")):
            iri = str(row["entity"])
            entry = entries.setdefault(iri, Entry(iri))
            label = row["label"]
            text = str(label)
            key = keys.get(text)
            if key is None:
                key = keys[text] = normalise(text)
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
        return self.page(text, types=types, limit=limit, offset=offset)[0]

    def page(self, text: str, *, types: set[str] | None = None, limit: int = 20,
             offset: int = 0) -> tuple[list[Hit], int]:
        """One page of :meth:`search` and how many entities match in all."""
        ranked = self._ranked(text, types)
        page = ranked[offset:offset + limit]
        return [_hit(self._order[o], score, matched) for score, matched, o in page], len(ranked)

    def _ranked(self, text: str, types: set[str] | None) -> list[tuple[float, str, int]]:
        """(score, matched name, entry ordinal) of every match, best first."""
        query = normalise(text)
        if not query:
            return []
        tokens = query.split()
        names = self._candidates(query, tokens)
        matched_entries = sorted({o for n in names for o in self._owners[n]})
        texts = {self._names[n] for n in names}
        found = []
        for ordinal in matched_entries:
            entry = self._order[ordinal]
            if types and not entry.types & types:
                continue
            best, matched = 0.0, ""
            for name in entry.names:
                if name not in texts:
                    continue
                score = _score(query, tokens, name, name in entry.abbreviations)
                if score > best or (score == best and score and len(name) < len(matched)):
                    best, matched = score, name
            if best:
                found.append((best, matched, ordinal))
        found.sort(key=lambda f: (-f[0], len(f[1]), self._order[f[2]].labels.get("en") or self._order[f[2]].iri))
        return found

    def _candidates(self, query: str, tokens: list[str]) -> set[int]:
        """A superset of the names that score: those with a word starting with each token
        (every match but a substring), and those the query is inside."""
        found = self._with_word_prefixes(tokens)
        if len(query) >= 3:
            found |= self._containing(query)
        return found

    def _with_word_prefixes(self, tokens: list[str]) -> set[int]:
        """Rarest token first; a token far commoner than the names left is left to ``_score``."""
        ranges = sorted((self._word_range(t) for t in set(tokens)), key=self._postings_in)
        common: set[int] | None = None
        for lo, hi in ranges:
            if common is not None and self._postings_in((lo, hi)) > _WORTH_INTERSECTING * len(common):
                break
            having: set[int] = set()
            for numbers in self._by_word[lo:hi]:
                having.update(numbers)
            common = having if common is None else common & having
            if not common:
                break
        return common or set()

    def _postings_in(self, span: tuple[int, int]) -> int:
        return self._postings[span[1]] - self._postings[span[0]]

    def _word_range(self, token: str) -> tuple[int, int]:
        """Where the words starting with ``token`` sit in the sorted word list."""
        return bisect.bisect_left(self._words, token), bisect.bisect_left(self._words, token + _LAST)

    def _containing(self, query: str) -> set[int]:
        found: set[int] = set()
        at = self._joined.find(query)
        while at >= 0:
            number = bisect.bisect_right(self._starts, at) - 1
            found.add(number)
            if number + 1 >= len(self._starts):
                break
            at = self._joined.find(query, self._starts[number + 1])
        return found


def _hit(entry: Entry, score: float, matched: str) -> Hit:
    return Hit(iri=entry.iri, label_vi=entry.labels.get("vi"), label_en=entry.labels.get("en"),
               types=tuple(sorted(entry.types)), score=score, matched=matched)


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
