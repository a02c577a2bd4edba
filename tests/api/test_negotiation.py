"""Content negotiation: q-values, specificity, the format parameter, and 406."""

from __future__ import annotations

import pytest

from api.negotiation import (
    GRAPH_FORMATS, HTML, JSON, RESULT_FORMATS, TURTLE, NotAcceptable, check_format_name, choose, parse_accept,
)


@pytest.mark.parametrize("accept, expected", [
    (None, "json"), ("", "json"), ("*/*", "json"), ("text/*", "csv"),
    ("application/sparql-results+xml;q=0.8, text/csv;q=0.9", "csv"),
    ("text/csv;q=0.1, application/*;q=0.5", "json"),
    ("text/tab-separated-values, text/csv;q=0.9", "tsv"),
    ("text/csv, text/tab-separated-values", "csv"),  # equal q: the server's order
    ("application/json", "json"), ("text/xml", "xml"),
    ("text/csv;q=0, */*;q=0.1", "json"),
    ("TEXT/CSV", "csv"), ("text/csv; charset=utf-8", "csv"),
    ("garbage, text/csv;q=0.5", "csv"), ("text/csv;q=abc, application/sparql-results+xml;q=0.2", "xml"),
])
def test_result_formats(accept, expected):
    assert choose(accept, RESULT_FORMATS).name == expected


@pytest.mark.parametrize("accept, expected", [
    (None, "turtle"), ("application/ld+json", "jsonld"), ("application/json", "jsonld"),
    ("text/plain", "ntriples"), ("application/rdf+xml;q=0.9, application/trig", "trig"),
])
def test_graph_formats(accept, expected):
    assert choose(accept, GRAPH_FORMATS).name == expected


def test_a_browser_gets_html_where_it_is_offered():
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
    assert choose(browser, (TURTLE, HTML)) is HTML
    assert choose("*/*", (TURTLE, HTML)) is TURTLE


@pytest.mark.parametrize("accept", ["image/png", "text/turtle", "text/csv;q=0"])
def test_nothing_acceptable_is_406_listing_the_supported(accept):
    with pytest.raises(NotAcceptable) as caught:
        choose(accept, RESULT_FORMATS)
    assert caught.value.status == 406
    assert caught.value.extra["supported"] == [f.media_type for f in RESULT_FORMATS]


def test_format_parameter_wins_and_takes_names_or_media_types():
    assert choose("text/csv", RESULT_FORMATS, override="xml").name == "xml"
    assert choose(None, RESULT_FORMATS, override="text/tab-separated-values").name == "tsv"
    with pytest.raises(NotAcceptable, match="format='turtle' is not available"):
        choose(None, RESULT_FORMATS, override="turtle")


def test_unknown_format_names_are_refused_early():
    check_format_name("turtle", RESULT_FORMATS, GRAPH_FORMATS)
    with pytest.raises(NotAcceptable, match="xlsx"):
        check_format_name("xlsx", RESULT_FORMATS, GRAPH_FORMATS)


def test_parse_accept_clamps_weights():
    assert [r.q for r in parse_accept("a/b;q=7, c/d;q=-1")] == [1.0, 0.0]
    assert JSON.media_types == ("application/sparql-results+json", "application/json")
