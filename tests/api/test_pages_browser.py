"""The landing page in a real browser: search, the SPARQL editor, the language switch,
and not one request leaving the machine."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.requests, opened.outside, opened.errors = [], [], []

    def route(route) -> None:
        url = route.request.url
        opened.requests.append(url)
        if url.startswith(live_server):
            route.continue_()
        else:  # nothing may leave the machine; remember what tried
            opened.outside.append(url)
            route.abort()

    context.route("**/*", route)
    opened.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    opened.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
    yield opened
    context.close()


def test_search_box_finds_moj(page, live_server):
    page.goto(live_server + "/")
    page.fill("form.search input[name=q]", "bo tu phap")
    page.press("form.search input[name=q]", "Enter")
    first = page.locator("ol.hits li a").first
    first.wait_for(timeout=10_000)
    assert first.inner_text() == "Bộ Tư pháp Việt Nam"
    assert first.get_attribute("href") == "/id/org/moj-vn?lang=vi"
    first.click()
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Bộ Tư pháp Việt Nam"
    assert page.locator("blockquote").count() > 5
    assert page.outside == [] and page.errors == []


def test_sparql_editor_shows_a_table(page, live_server):
    page.goto(live_server + "/?lang=en")
    page.select_option("select.examples", "1")  # main partners
    page.click("form.sparql button[type=submit]")
    page.wait_for_selector("div.results table tr:nth-child(2)", timeout=10_000)
    headers = page.locator("div.results th").all_inner_texts()
    assert headers == ["?partner", "?name", "?activities"]
    assert "Ministry of Justice of the Lao PDR" in page.inner_text("div.results")
    assert "rows" in page.inner_text("p.status")
    assert page.outside == [] and page.errors == []


def test_sparql_editor_shows_the_parser_error(page, live_server):
    page.goto(live_server + "/?lang=en")
    page.fill("textarea[name=query]", "SELECT * WHERE { ?s ?p }")
    page.click("form.sparql button[type=submit]")
    page.wait_for_selector("p.status.error", timeout=10_000)
    assert "Invalid query: error at 1:" in page.inner_text("p.status")
    assert page.outside == []


def test_language_switch(page, live_server):
    page.goto(live_server + "/")
    assert page.get_attribute("html", "lang") == "vi"
    page.click("text=English")
    page.wait_for_selector("html[lang=en]")
    assert "Search" in page.inner_text("#search h2")
    assert page.outside == [] and page.errors == []


def test_docs_page_loads_nothing_from_outside(page, live_server):
    page.goto(live_server + "/docs")
    assert "/partners/{id" in page.inner_text("main")
    assert page.outside == [] and page.errors == []
