"""Linking to the graph's entities, with the qualifiers Vietnamese names carry."""

from __future__ import annotations

from graph.ingest.extract import extract
from graph.ingest.gazetteer import Gazetteer, slug
from graph.search import search


def _iri(store, text):
    return search(store, text, limit=1)[0].iri


def test_qualified_names_link_to_different_entities(seed_store):
    text = "Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào đã ký kết Bản ghi nhớ hợp tác tại Viêng Chăn."
    ex = extract(text, doc_id="t", gazetteer=Gazetteer.from_store(seed_store))
    linked = {e.name: e.iri for e in ex.entities if e.linked}
    assert linked["Bộ Tư pháp Việt Nam"] == "https://w3id.org/coop/id/org/moj-vn"
    assert linked["Bộ Tư pháp Lào"] == _iri(seed_store, "Bộ Tư pháp Lào")
    assert linked["Bộ Tư pháp Lào"] != linked["Bộ Tư pháp Việt Nam"]
    assert linked["Lào"] == _iri(seed_store, "Lào")


def test_an_unknown_body_gets_a_stable_iri_from_its_name(seed_store):
    text = "Bộ Tư pháp và Bộ Tư pháp Mông Cổ đã trao đổi kinh nghiệm."
    first = extract(text, doc_id="t", gazetteer=Gazetteer.from_store(seed_store))
    again = extract(text + " Hai bên nhất trí.", doc_id="u", gazetteer=Gazetteer.from_store(seed_store))
    [new] = [e for e in first.entities if e.name == "Bộ Tư pháp Mông Cổ"]
    assert not new.linked
    assert new.iri == "https://w3id.org/coop/id/org/" + slug("Bộ Tư pháp Mông Cổ") == \
        "https://w3id.org/coop/id/org/bo-tu-phap-mong-co"
    assert new.iri in {e.iri for e in again.entities}


def test_leave_one_out_hides_entities_only_that_article_names(seed_store):
    fssp = _iri(seed_store, "Cơ quan Thi hành án Liên bang Nga")
    moj = "https://w3id.org/coop/id/org/moj-vn"
    everything = Gazetteer.from_store(seed_store)
    without_003 = Gazetteer.from_store(seed_store, exclude_doc="https://w3id.org/coop/doc/003")
    assert fssp in everything.entries and fssp not in without_003.entries
    assert moj in without_003.entries  # named by article 000 too
    text = "Cơ quan Thi hành án Liên bang Nga và Bộ Tư pháp đã ký Biên bản ghi nhớ."
    unseen = {e.name: e for e in extract(text, doc_id="t", gazetteer=without_003).entities}
    assert not unseen["Cơ quan Thi hành án Liên bang Nga"].linked
    assert unseen["Bộ Tư pháp"].iri == moj
