"""The lexer finds SERVICE and the query form wherever the engine would, and nowhere else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.sparql_text import OUTLINE_CACHE_CHARS, keywords, line_column, outline, query_form, service_clause

# Text that cannot close a string, an IRI or a comment it is put in.
inner = st.text(alphabet=st.characters(blacklist_characters="\"'<>\n\\{}|^`", blacklist_categories=("Cs", "Cc")),
                max_size=40)


@given(before=inner, after=inner)
def test_service_inside_a_string_is_never_found(before, after):
    for quote in ('"', "'", '"""', "'''"):
        query = f"SELECT ?x WHERE {{ BIND({quote}{before}SERVICE <http://x>{after}{quote} AS ?x) }}"
        assert service_clause(query) is None


@given(before=inner.filter(lambda s: not any(c.isspace() for c in s)))
def test_service_inside_an_iri_or_a_comment_is_never_found(before):
    assert service_clause(f"SELECT * WHERE {{ <http://x/{before}SERVICE> ?p ?o }}") is None
    assert service_clause(f"SELECT * WHERE {{ ?s ?p ?o }} # {before} SERVICE <http://x> {{ }}") is None


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://x> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o .SERVICE <http://x> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o }SERVICE<http://x>{}",
    "SELECT * WHERE { ?s ?p \"a\" SERVICE <http://x> { } }",
    "SELECT * WHERE { ?s ?p 'it''s' . SERVICE <http://x> { } }",
    "SELECT * WHERE { ?s ?p 1.SERVICE <http://x> { } }",
    "SELECT * WHERE { FILTER(?a<?b) SERVICE <http://x> { } }",
    "SELECT * WHERE { ?s ?p \"\\\"\" SERVICE <http://x> { } }",
    "SELECT * WHERE { ?s ?p ?o } # comment\nSERVICE <http://x> { }",
    "select * where { service silent ?endpoint { } }",
    'SELECT * WHERE { ?s ?p "x"@en SERVICE <http://x> { } }',
])
def test_real_service_clauses_are_found(query):
    assert service_clause(query) is not None


@pytest.mark.parametrize("query", [
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o }",
    "SELECT ?service WHERE { ?s ?p ?service }",
    "SELECT * WHERE { ?s <http://x/service> $service }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x>",
])
def test_look_alikes_are_not_service(query):
    assert service_clause(query) is None


@pytest.mark.parametrize("query, form", [
    ("PREFIX a: <http://x/SELECT> BASE <http://y/> ASK { ?s ?p ?o }", "ASK"),
    ("# SELECT\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("describe <http://x>", "DESCRIBE"),
    ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE"),
    ("LOAD <http://x>", "UPDATE"),
    ("", None),
])
def test_query_forms(query, form):
    assert query_form(query) == form


def test_keywords_are_upper_cased_and_skip_variables():
    assert [w for _, w in keywords("select ?x where { ?x a ex:Thing }")] == ["SELECT", "WHERE", "A", "EX:THING"]


def test_line_and_column_are_one_based():
    text = "SELECT *\nWHERE {\n  SERVICE <x> {} }"
    assert line_column(text, service_clause(text)) == (3, 3)


@pytest.mark.parametrize("text, expected", [
    ('SELECT * { SERVICE <http://x> { } }', ("SELECT", 11)),
    ("INSERT DATA { <http://a> <http://b> 'SERVICE' }", ("UPDATE", None)),
    ('PREFIX s: <http://x/ASK#> # CONSTRUCT\nselect * { ?s ?p "DESCRIBE" }', ("SELECT", None)),
    ("PREFIX", (None, None)),
    ("SELECT * { ?s ?p 1.SERVICE <http://x> { } }", ("SELECT", 19)),
    ("SERVICE <http://x> { } SELECT * {}", ("SELECT", 0)),
])
def test_outline_is_query_form_and_service_clause_in_one(text, expected):
    assert (query_form(text), service_clause(text)) == expected
    assert outline(text) == expected
    assert outline(text) == expected  # from the cache
    long = text + " " * OUTLINE_CACHE_CHARS
    assert outline(long) == expected
