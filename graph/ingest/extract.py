"""Turn one article into entities and facts: the pipeline.

``clean`` masks the noise → ``sentences`` splits → ``entities.recognise`` finds the
names of each sentence → mentions of one thing are merged by :func:`~graph.ingest.gazetteer.entity_key`
and linked to the graph's entities (or given new IRIs) → ``facts.extract`` states the
facts. Nothing here touches the store; :mod:`graph.ingest.review` does.
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from collections import Counter

from graph.errors import InvalidInput
from graph.ingest import facts as fact_rules
from graph.ingest.clean import clean, fold
from graph.ingest.entities import DocState, recognise
from graph.ingest.gazetteer import BASE, Gazetteer, entity_key, mint_iri
from graph.ingest.matcher import PhraseMatcher
from graph.ingest.model import Entity, Extraction, Mention
from graph.ingest.sentences import split
from graph.search import normalise

__all__ = ["EXTRACTOR_VERSION", "document_id", "extract"]

#: Bumped whenever a rule changes what is extracted; recorded on every extracted fact.
EXTRACTOR_VERSION = "0.1.0"

_CORPUS_NAME = re.compile(r"^(\d{3,})_[0-9a-f]{16}$")
_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def document_id(text: str, name: str | None = None) -> str:
    """The id of a document: ``000`` for a corpus file ``000_<hash>.txt``, else the first
    16 hex digits of the SHA-256 of its normalised text (the same text, the same id).

    >>> document_id("x", "/corpus/003_9143a457ad6a1ee0.txt")
    '003'
    >>> document_id("Bộ Tư pháp  ký.") == document_id("Bộ Tư pháp ký.\\n")
    True
    """
    if name:
        stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
        found = _CORPUS_NAME.match(stem)
        if found:
            return found.group(1)
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def check_id(doc_id: str) -> str:
    if not _DOC_ID.match(doc_id):
        raise InvalidInput(f"invalid document id {doc_id!r}: use lower-case letters, digits and hyphens")
    return doc_id


def extract(text: str, *, doc_id: str, name: str = "", gazetteer: Gazetteer | None = None,
            base: str = BASE) -> Extraction:
    """Extract the entities and facts of ``text`` (already decoded, NFC)."""
    started = time.perf_counter()
    gazetteer = gazetteer or Gazetteer.empty()
    matcher = PhraseMatcher.builtin()
    gazetteer.add_names(matcher)
    cleaned = clean(text)
    folded = fold(cleaned.work)
    sentences = split(cleaned, folded)
    state = DocState(matcher)
    per_sentence: list[list[Mention]] = []
    for sentence in sentences:
        if _shouting(text[sentence.start:sentence.end]):
            per_sentence.append([])
            continue
        per_sentence.append(recognise(sentence, text, state))
    entities = _merge(per_sentence, state, gazetteer, base)
    extraction = Extraction(check_id(doc_id), name, text, entities)
    extraction.facts = fact_rules.extract(extraction, cleaned, sentences, per_sentence, state, base)
    extraction.seconds = time.perf_counter() - started
    return extraction


def _shouting(sentence: str) -> bool:
    """An all-capitals line (a title) names nothing reliably: "TƯ PHÁP" is not France."""
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _merge(per_sentence: list[list[Mention]], state: DocState, gazetteer: Gazetteer,
           base: str) -> list[Entity]:
    """One :class:`Entity` per key; link each to the graph or mint its IRI."""
    by_key: dict[str, Entity] = {}
    order: list[Entity] = []
    for mentions in per_sentence:
        for m in mentions:
            if m.type == "event":
                if not _named_event(m):
                    continue
                m.type = "series"
            type_ = m.type
            if "alias_of" in m.attrs:
                source = state.acronyms.get(normalise(m.name).replace(" ", ""))
                key = source.entity.key if source is not None and source.entity is not None else None
            else:
                key = None
            if key is None:
                key = _key(m, state)
            entity = by_key.get(key)
            if entity is None:
                entity = Entity(key, type_, _preferred(m), m.attrs.get("class", ""))
                if type_ == "country":
                    entity.subtype = m.attrs["value"][0]
                by_key[key] = entity
                order.append(entity)
            elif type_ == entity.type and len(m.name) > len(entity.name) and "alias_of" not in m.attrs \
                    and type_ not in ("country", "intl"):
                entity.aliases.add(entity.name)
                entity.name = m.name
            entity.mentions.append(m)
            entity.aliases.update(m.attrs.get("aliases", []))
            if "alias_of" in m.attrs:
                entity.aliases.add(m.name)
            m.entity = entity
            for attr in ("number", "doc_kind", "kind_word", "date", "unit_of", "head"):
                if m.attrs.get(attr) and attr not in entity.attrs:
                    entity.attrs[attr] = m.attrs[attr]
    for entity in order:
        _link(entity, gazetteer, state, base)
    return order


def _named_event(m: Mention) -> bool:
    """An event name with a name of its own (not a bare "Hội nghị") and of a recurring kind."""
    head_words = len(m.attrs.get("head", "").split())
    own = len(m.name.split()) > head_words
    return own and m.attrs.get("event_kind") not in ("kind-anniversary-ceremony", "kind-signing-ceremony",
                                                     "kind-cultural-festival")


def _preferred(m: Mention) -> str:
    if m.type == "intl" and "value" in m.attrs and m.attrs["value"][0] == m.name.upper():
        return m.attrs["value"][1]  # "IDLO" alone: name it by its full name
    if m.type == "country":
        return m.attrs["value"][1]
    return m.name


def _key(m: Mention, state: DocState) -> str:
    if m.type == "intl" and "value" in m.attrs and m.attrs["value"][0] != "gazetteer":
        return "org:" + m.attrs["value"][0]
    if m.type == "country":
        return "country:" + m.attrs["value"][0]
    if m.type == "legal":
        return "legal:" + normalise(m.attrs["number"])
    return entity_key(m.name, m.type, state.matcher, state.expansions)


def _link(entity: Entity, gazetteer: Gazetteer, state: DocState, base: str) -> None:
    """Give ``entity`` the IRI of the graph's entity with its key, or a new stable one."""
    candidates = [entity.key] + [
        entity_key(alias, entity.type, state.matcher, state.expansions) for alias in sorted(entity.aliases)
    ]
    for mention in entity.mentions:
        value = mention.attrs.get("value")
        if isinstance(value, tuple) and value[0] == "gazetteer":
            entity.iri, entity.linked = value[1], True
            return
    if entity.type == "intl":
        abbreviation = entity.key.split(":", 1)[1]
        candidates += [entity_key(abbreviation, "org", state.matcher), "org:" + normalise(abbreviation)]
    for key in candidates:
        iri = gazetteer.link(key, state.matcher)
        if iri:
            entity.iri, entity.linked = iri, True
            return
    entity.iri = mint_iri(entity.type, entity.name if entity.type != "legal" else
                          f"{entity.attrs.get('kind_word', '')} {entity.attrs.get('number', '')}",
                          entity.subtype if entity.type == "country" else "", base)


def author(entities: list[Entity]) -> Entity | None:
    """The body the article speaks for: its most-mentioned Vietnamese organisation."""
    counts = Counter()
    for entity in entities:
        if entity.type == "org" and not any(code in entity.key.split() for code in _FOREIGN_CODES(entity)):
            counts[entity.key] += len(entity.mentions)
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return next(e for e in entities if e.key == best)


def _FOREIGN_CODES(entity: Entity) -> list[str]:  # noqa: N802 - reads as a constant list
    return [w for w in entity.key.split(":", 1)[1].split() if w.isupper() and len(w) == 2 and w != "VN"]
