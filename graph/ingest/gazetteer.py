"""Link what an article names to the entities the graph already has, or mint new IRIs.

Names are compared by a *key*: the name's tokens, with any country name replaced by its
ISO code ("Liên bang Nga", "Nga" → ``RU``), acronyms the article defines expanded
("Cục Quản lý THADS" → "… thi hành án dân sự"), "Việt Nam" dropped from Vietnamese
bodies (the ministry's own country is the default: "Bộ Tư pháp Việt Nam" is "Bộ Tư
pháp"), and then :func:`graph.search.normalise` (case and diacritics). Qualifiers stay:
"Bộ Tư pháp Lào" keys as ``bo tu phap LA``, never as "Bộ Tư pháp".

:class:`Gazetteer` reads every label of every entity from the store (curated and reviewed
graphs only) and can leave out the entities that only one article mentions, which is how
the evaluation measures the extractor on an article it has never seen.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from graph import queries
from graph.ingest import lexicon
from graph.ingest.matcher import PhraseMatcher, name_tokens
from graph.search import normalise
from graph.store import Store

__all__ = ["Gazetteer", "entity_key", "mint_iri", "slug"]

BASE = "https://w3id.org/coop/"
_COOP = "https://w3id.org/coop/ontology#"
_TYPES = {
    _COOP + "InternationalOrganization": "intl",
    "http://www.w3.org/ns/org#FormalOrganization": "org",
    "http://www.w3.org/ns/org#Organization": "org",
    "http://www.w3.org/ns/org#OrganizationalUnit": "org",
    _COOP + "GovernmentBody": "org", _COOP + "JudicialBody": "org", _COOP + "PartyBody": "org",
    _COOP + "Association": "org", _COOP + "EducationalInstitution": "org",
    "https://schema.org/Country": "country",
    "https://schema.org/City": "place", "https://schema.org/AdministrativeArea": "place",
    "https://schema.org/Place": "place", "https://schema.org/Person": "person",
    "https://schema.org/EventSeries": "series", _COOP + "Forum": "series",
    _COOP + "BorderConference": "series",
    "http://data.europa.eu/eli/ontology#LegalResource": "legal",
}
#: Entity types that share one key space (an organisation may be typed either way).
_GROUP = {"org": "org", "intl": "org", "series": "series", "country": "country", "place": "place",
          "person": "person", "legal": "legal"}
_KIND = {"org": "org", "intl": "org", "country": "country", "place": "place", "person": "person",
         "series": "series", "legal": "legal"}
_TOKEN = re.compile(r"\w+|[^\w\s]")
_DROP = {"cua", "nuoc", "-", "–", "—", ",", "(", ")"}
_PLACE_PREFIX = ("tinh ", "thanh pho ", "tp ")


def slug(text: str, limit: int = 60) -> str:
    """A lower-case ASCII slug: ``slug("Bộ Tư pháp Lào") == "bo-tu-phap-lao"``."""
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")[:limit].rstrip("-") or "x"


def entity_key(name: str, type_: str, matcher: PhraseMatcher,
               expansions: dict[str, str] | None = None) -> str:
    """The key two names of the same thing share.

    >>> m = PhraseMatcher.builtin()
    >>> entity_key("Bộ Tư pháp Việt Nam", "org", m) == entity_key("Bộ Tư pháp", "org", m)
    True
    >>> entity_key("Bộ Tư pháp Lào", "org", m)
    'org:bo tu phap LA'
    >>> entity_key("Cơ quan Thi hành án của Liên bang Nga", "org", m)
    'org:co quan thi hanh an RU'
    >>> entity_key("Cục Quản lý THADS", "org", m, {"thads": "thi hành án dân sự"})
    'org:cuc quan ly thi hanh an dan su'
    >>> entity_key("Uỷ ban", "org", m) == entity_key("Ủy ban", "org", m)
    True
    """
    group = _GROUP.get(type_, type_)
    if group == "legal":
        return "legal:" + normalise(name.split("số")[-1])
    tokens = list(name_tokens(name))
    surface = _TOKEN.findall(name)
    capital = [t[:1].isupper() for t in surface] if len(surface) == len(tokens) else [True] * len(tokens)
    if group == "country":
        found = matcher.match(tokens, 0, types={"country"})
        if found and found.length == len(tokens):
            return "country:" + found.value[0]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if group in ("org", "series"):
            found = matcher.match(tokens, i, types={"country"})
            if found and not (capital[i] or capital[i + found.length - 1]):
                found = None
            after = i + found.length if found else 0
            if found and after < len(tokens) and tokens[after] in lexicon.COUNTRY_NOT_BEFORE:
                found = None
            if found and i > 0:
                code = found.value[0]
                if code != "VN" or group == "series":
                    out.append(code)
                i += found.length
                continue
        token = tokens[i]
        if expansions and token in expansions:
            out.extend(expansions[token].split())
        else:
            out.append(token)
        i += 1
    words = [w if w.isupper() else normalise(w) for w in out]
    key = " ".join(w for w in words if w and w not in _DROP)
    if group == "place":
        key = next((key[len(p):] for p in _PLACE_PREFIX if key.startswith(p)), key)
    return f"{group}:{key}"


def mint_iri(type_: str, name: str, code: str = "", base: str = BASE) -> str:
    """A stable IRI for a new entity: ``…/id/{kind}/{slug of the normalised name}``."""
    kind = _KIND.get(type_, "org")
    if type_ == "country" and code:
        return f"{base}id/country/{code.lower()}"
    return f"{base}id/{kind}/{slug(name)}"


@dataclass
class _Entry:
    iri: str
    types: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    code: str = ""
    docs: set[str] = field(default_factory=set)


class Gazetteer:
    """The entities of the graph, by key, ready to link extracted names to."""

    def __init__(self, entries: dict[str, _Entry] | None = None) -> None:
        self.entries = entries or {}
        self._keys: dict[str, list[_Entry]] | None = None

    @classmethod
    def empty(cls) -> "Gazetteer":
        return cls()

    @classmethod
    def from_store(cls, store: Store, *, exclude_doc: str | None = None) -> "Gazetteer":
        """The gazetteer of ``store``; with ``exclude_doc`` (a document IRI), without the
        entities mentioned in that document and in no other (leave-one-out)."""
        entries: dict[str, _Entry] = {}
        for row in store.select(queries.load("ingest_gazetteer")):
            iri = str(row["entity"])
            entry = entries.setdefault(iri, _Entry(iri))
            label = str(row["label"])
            if label not in entry.labels:
                entry.labels.append(label)
            if "type" in row and str(row["type"]) in _TYPES:
                entry.types.add(_TYPES[str(row["type"])])
            if "code" in row:
                entry.code = str(row["code"])
        for row in store.select(queries.load("ingest_mentions")):
            if str(row["entity"]) in entries:
                entries[str(row["entity"])].docs.add(str(row["doc"]))
        kept = {iri: e for iri, e in entries.items() if e.types}
        if exclude_doc:
            kept = {iri: e for iri, e in kept.items() if not e.docs or e.docs - {exclude_doc}}
        return cls(kept)

    def __len__(self) -> int:
        return len(self.entries)

    def index(self, matcher: PhraseMatcher) -> dict[str, list[_Entry]]:
        """Every key of every label → the entries that carry it."""
        if self._keys is None:
            keys: dict[str, list[_Entry]] = defaultdict(list)
            for entry in self.entries.values():
                for type_ in entry.types:
                    for label in entry.labels:
                        key = entity_key(label, type_, matcher)
                        if entry not in keys[key]:
                            keys[key].append(entry)
                if entry.code and entry not in keys["country:" + entry.code]:
                    keys["country:" + entry.code].append(entry)
            self._keys = dict(keys)
        return self._keys

    def link(self, key: str, matcher: PhraseMatcher) -> str | None:
        """The IRI of the one entity with this key, or ``None`` (unknown or ambiguous)."""
        found = self.index(matcher).get(key, [])
        return found[0].iri if len(found) == 1 else None

    def add_names(self, matcher: PhraseMatcher) -> None:
        """Teach ``matcher`` the multi-word names of the gazetteer (found even when the
        grammar would miss them), without overriding the built-in country names."""
        for entry in self.entries.values():
            types = entry.types - {"country", "legal", "person"}  # the grammar reads names better
            if not types:
                continue
            type_ = sorted(types)[0]
            for label in entry.labels:
                tokens = name_tokens(label)
                if len(tokens) >= 2 and label[:1].isupper() and not label.isascii() and "." not in label:
                    matcher.add(label, type_, ("gazetteer", entry.iri))
