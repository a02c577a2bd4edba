"""Maps served by a real uvicorn (store in memory, built from the shipped data), in Chromium."""

from __future__ import annotations

import pytest

from graph.activities import index_for
from graph.analytics.projections import organisation_graph
from graph.ids import short_id
from graph.search import search

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def projection(seed_store):
    return organisation_graph(index_for(seed_store))


@pytest.fixture(scope="module")
def lao_moj(seed_store) -> str:
    return short_id(search(seed_store, "Bộ Tư pháp Lào")[0].iri)


def only_local(tab, server) -> None:
    assert tab.blocked == [], f"requests that tried to leave the machine: {tab.blocked}"
    assert all(url.startswith(server) for url in tab.requests), tab.requests


def test_network_map_draws_every_node_offline(tab, server, projection, artifacts):
    tab.open(server + "/maps/network.html")
    page = tab.page
    assert page.evaluate("coopMap.nodes.length") == projection.number_of_nodes()
    assert page.evaluate("coopMap.edges.length") == projection.number_of_edges()
    assert page.evaluate("coopMap.network.body.nodeIndices.length") == projection.number_of_nodes()
    only_local(tab, server)
    assert tab.errors == []
    page.screenshot(path=str(artifacts / "served-network.png"))


def test_searching_lao_focuses_the_lao_ministry_of_justice(tab, server, lao_moj, artifacts):
    tab.open(server + "/maps/network.html")
    page = tab.page
    page.fill("#search", "Lào")
    page.press("#search", "Enter")
    assert page.get_attribute("body", "data-focused") == lao_moj
    assert page.evaluate("coopMap.network.getSelectedNodes()") == [lao_moj]
    assert page.locator("#panel h2").text_content() == "Bộ Tư pháp Lào"
    page.wait_for_timeout(600)  # let the zoom animation end for the picture
    page.screenshot(path=str(artifacts / "served-network-search-lao.png"))
    only_local(tab, server)


def test_year_filter_hides_nodes_outside_it(tab, server, projection):
    tab.open(server + "/maps/network.html")
    page = tab.page
    dated = sorted({y for _, _, years in projection.edges(data="years") for y in years or ()})
    since, until = dated[-1] - 3, dated[-1]
    for selector, value in (("#year-from", since), ("#year-to", until)):
        page.eval_on_selector(selector, "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }", value)
    page.uncheck("#undated")
    expected = set()
    for u, v, years in projection.edges(data="years"):
        if any(since <= y <= until for y in years or ()):
            expected |= {short_id(u), short_id(v)}
    shown = set(page.evaluate("coopMap.visibleNodeIds()"))
    assert shown == expected
    assert len(shown) < projection.number_of_nodes()
    assert page.evaluate("coopMap.network.body.nodeIndices.length") == len(expected)


def test_partners_map_opens_on_its_centre_with_evidence_links(tab, server, lao_moj):
    tab.open(server + "/maps/partners/org/moj-vn.html?depth=1")
    page = tab.page
    assert page.evaluate("coopMap.nodes.get('org/moj-vn').borderWidth") == 4
    page.fill("#search", "bo tu phap lao")
    page.press("#search", "Enter")
    page.locator("#panel li", has_text="Bộ Tư pháp Việt Nam").locator(".link.meta").click()
    quote = page.locator("#panel blockquote").first
    assert quote.is_visible() and len(quote.text_content()) > 10
    link = page.locator("#panel li a").first.get_attribute("href")
    assert link.startswith("/doc/")
    assert tab.page.request.get(server + link).status == 200  # the article page exists
    only_local(tab, server)


def test_countries_map_switches_to_english(tab, server):
    tab.open(server + "/maps/countries.html")
    page = tab.page
    page.click("#lang-en")
    assert page.locator("#map-title").text_content() == "Cooperation between countries"
    assert page.evaluate("coopMap.nodes.get('country/vn').label") == "Viet Nam"
    only_local(tab, server)
