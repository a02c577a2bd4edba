"""The label index answers exactly as a plain scan of every label would, only faster.

``reference_search`` is the original linear scan, kept here verbatim as the oracle: the
inverted structures of :class:`graph.search.LabelIndex` must never change a ranking.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.search import Entry, Hit, LabelIndex, normalise

WORDS = ["bo", "bot", "tu", "tuy", "phap", "ph", "lao", "la", "thads", "b", "viet", "nam", "o", "ao", "a1", "đức"]
TYPES = ["https://schema.org/Country", "https://schema.org/Event", "https://w3id.org/coop/ontology#GovernmentBody"]
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference_search(entries: dict[str, Entry], text: str, *, types: set[str] | None = None,
                     limit: int = 20, offset: int = 0) -> list[Hit]:
    query = normalise(text)
    if not query:
        return []
    tokens = query.split()
    hits = []
    for entry in entries.values():
        if types and not entry.types & types:
            continue
        best, matched = 0.0, ""
        for name in entry.names:
            score = reference_score(query, tokens, name, name in entry.abbreviations)
            if score > best or (score == best and score and len(name) < len(matched)):
                best, matched = score, name
        if best:
            hits.append(Hit(
                iri=entry.iri, label_vi=entry.labels.get("vi"), label_en=entry.labels.get("en"),
                types=tuple(sorted(entry.types)), score=best, matched=matched,
            ))
    hits.sort(key=lambda h: (-h.score, len(h.matched), h.label_en or h.iri))
    return hits[offset:offset + limit]


def reference_score(query: str, tokens: list[str], name: str, is_abbreviation: bool) -> float:
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


phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
label = st.one_of(phrase, phrase.map(str.upper), st.text(max_size=20))


@st.composite
def entry_sets(draw) -> dict[str, Entry]:
    entries = {}
    for number in range(draw(st.integers(0, 25))):
        iri = f"https://w3id.org/coop/id/org/e{draw(st.integers(0, 40))}-{number}"
        names = {n for n in (normalise(t) for t in draw(st.lists(label, max_size=5))) if n}
        entries[iri] = Entry(
            iri=iri,
            labels={lang: draw(phrase) for lang in draw(st.sets(st.sampled_from(["vi", "en"])))},
            names=names,
            abbreviations={n for n in names if draw(st.booleans())},
            types=draw(st.sets(st.sampled_from(TYPES), max_size=2)),
        )
    return entries


@st.composite
def queries_for(draw, entries: dict[str, Entry]) -> str:
    names = sorted(n for e in entries.values() for n in e.names)
    pieces = [phrase.map(str.title), st.text(max_size=12)]
    if names:
        name = st.sampled_from(names)
        pieces.append(name)
        pieces.append(st.tuples(name, st.integers(0, 30), st.integers(1, 12)).map(lambda t: t[0][t[1]:t[1] + t[2]]))
    return draw(st.one_of(pieces))


@PROPERTY
@given(data=st.data(), entries=entry_sets())
def test_search_ranks_exactly_as_a_scan_of_every_label(data, entries):
    index = LabelIndex(entries)
    text = data.draw(queries_for(entries), label="query")
    types = data.draw(st.none() | st.sets(st.sampled_from(TYPES), max_size=2), label="types")
    limit, offset = data.draw(st.integers(1, 30), label="limit"), data.draw(st.integers(0, 10), label="offset")
    assert index.search(text, types=types, limit=limit, offset=offset) == \
        reference_search(entries, text, types=types, limit=limit, offset=offset)


@PROPERTY
@given(data=st.data(), entries=entry_sets())
def test_page_counts_every_match(data, entries):
    index = LabelIndex(entries)
    text = data.draw(queries_for(entries), label="query") 
    everything = reference_search(entries, text, limit=len(entries) + 1)
    hits, total = index.page(text, limit=3, offset=1)
    assert total == len(everything)
    assert hits == everything[1:4]


def entry(iri: str, *labels: str, abbreviations: tuple[str, ...] = (), en: str | None = None) -> Entry:
    return Entry(iri=iri, labels={"en": en} if en else {}, names={normalise(t) for t in labels},
                 abbreviations={normalise(a) for a in abbreviations})


def test_each_kind_of_match_in_its_rank():
    entries = {e.iri: e for e in [
        entry("x:substring", "Cơ quan Lào Cai"),
        entry("x:words", "Bộ Tư pháp nước Cộng hoà Lào"),
        entry("x:whole", "Toà án Bộ Tư pháp Lào"),
        entry("x:prefix", "Bộ Tư pháp Lào mới"),
        entry("x:abbreviation", "BTPL", "Bộ Tư pháp Lào", abbreviations=("BTPL",)),
        entry("x:exact", "Bộ Tư pháp Lào", en="Ministry of Justice of Laos"),
    ]}
    index = LabelIndex(entries)
    assert [(h.iri, h.score) for h in index.search("bo tu phap lao")] == [
        ("x:exact", 100.0), ("x:abbreviation", 100.0), ("x:prefix", 79.5),
        ("x:whole", 59.0), ("x:words", 40.0)]
    assert [h.iri for h in index.search("ao ca")] == ["x:substring"]
    assert [(h.iri, h.score, h.matched) for h in index.search("btpl")] == [("x:abbreviation", 98.0, "btpl")]


def test_queries_without_words_find_nothing():
    index = LabelIndex({"x:a": entry("x:a", "Bộ Tư pháp")})
    assert index.search("  –!? ") == [] and index.page("", limit=5) == ([], 0)
    assert LabelIndex({}).search("bo tu phap") == []
