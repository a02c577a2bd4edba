"""One id parser for every route: short ids, prefixed ids and IRIs name the same thing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.errors import InvalidInput
from graph.ids import KINDS, document_id, document_iri, entity_iri, short_id

BASE = "https://w3id.org/coop/"
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True)


@given(kind=st.sampled_from(sorted(KINDS)), slug=slugs)
def test_every_spelling_of_an_id_gives_one_iri(kind, slug):
    iri = f"{BASE}id/{kind}/{slug}"
    for text in (f"{kind}/{slug}", f"id/{kind}/{slug}", f"/id/{kind}/{slug}/", iri, f" {iri} ",
                 iri.replace("https://", "https:/")):
        assert entity_iri(text) == iri
    assert short_id(iri) == f"{kind}/{slug}"


@given(slug=slugs)
def test_documents_round_trip(slug):
    iri = document_iri(slug)
    assert iri == f"{BASE}doc/{slug}"
    assert document_iri(f"doc/{slug}") == iri == document_iri(iri)
    assert document_id(iri) == slug


def test_another_base():
    assert entity_iri("org/x", base="http://example.org/") == "http://example.org/id/org/x"
    assert short_id("http://example.org/id/org/x", base="http://example.org/") == "org/x"
    assert short_id("https://w3id.org/coop/id/org/x", base="http://example.org/") is None


def test_foreign_iris_pass_through():
    assert entity_iri("http://example.org/thing") == "http://example.org/thing"
    assert entity_iri("urn:isbn:123") == "urn:isbn:123"


@pytest.mark.parametrize("text, says", [
    ("", "Use kind/slug"), ("org", "Use kind/slug"), ("org/a/b", "Use kind/slug"),
    ("agency/moj-vn", "Unknown kind 'agency'"), ("org/moj vn", "A slug is letters"),
    ("org/-x", "A slug is letters"), ("http://exa mple.org/x", "Use kind/slug"),
    ("org/<script>", "A slug is letters")])
def test_bad_ids_say_what_is_wrong(text, says):
    with pytest.raises(InvalidInput, match=f"Not an entity id: {text.strip()!r}"):
        entity_iri(text)
    with pytest.raises(InvalidInput, match=says):
        entity_iri(text)


@pytest.mark.parametrize("text", ["", "../etc", "doc/a b", "doc/"])
def test_bad_document_ids(text):
    with pytest.raises(InvalidInput, match="Not a document id"):
        document_iri(text)


def test_short_id_refuses_what_is_not_an_entity_or_document():
    for iri in (f"{BASE}doc/000#c1-2", f"{BASE}graph/doc/000", f"{BASE}id/unknown/x", f"{BASE}ontology#Agreement"):
        assert short_id(iri) is None
