"""The landing page and the API docs: complete, bilingual, and with nothing from outside."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from api.examples import EXAMPLES
from graph.store import OxigraphStore

STATIC = Path(__file__).resolve().parents[2] / "api" / "static"
BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8"


class References(HTMLParser):
    """Every URL a page would load or link to (src, href, action, CSS url())."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += re.findall(r"url\(([^)]*)\)", value)
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.urls += re.findall(r"url\(([^)]*)\)|@import\s+['\"]?([^'\";]+)", data)


def references(html: str) -> list[str]:
    parser = References()
    parser.feed(html)
    return parser.urls


def is_external(url: str) -> bool:
    return bool(re.match(r"^\s*['\"]?(https?:)?//", url, re.IGNORECASE))


@pytest.fixture(scope="module")
def landing(client) -> str:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    return r.text


def test_landing_page_loads_nothing_from_outside(landing):
    urls = references(landing)
    assert urls, "the parser found no references at all: it is not looking"
    assert [u for u in urls if is_external(u)] == []


@pytest.mark.parametrize("name", ["app.js", "style.css"])
def test_static_files_name_no_other_host(name):
    text = (STATIC / name).read_text(encoding="utf-8")
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text, re.IGNORECASE)


def test_landing_page_is_vietnamese_by_default_and_english_on_request(client, landing):
    assert '<html lang="vi">' in landing and "Tìm kiếm" in landing
    en = client.get("/", params={"lang": "en"}).text
    assert '<html lang="en">' in en and "Top partners of the Ministry of Justice of Viet Nam" in en
    assert 'href="?lang=en"' in landing and 'href="?lang=vi"' in landing


def test_landing_page_links_everything(landing):
    urls = references(landing)
    for wanted in ("/maps/network.html", "/maps/countries.html", "/docs?lang=vi", "/static/app.js",
                   "/static/style.css", "/entities"):
        assert wanted in urls, wanted


def test_landing_page_shows_the_top_partners_of_moj(landing):
    partners = re.search(r'<ol class="partners">(.*?)</ol>', landing, re.S).group(1)
    assert 'href="/id/org/moj-la?lang=vi"' in partners
    assert "Bộ Tư pháp Lào" in partners


def test_the_editor_offers_every_example(landing):
    for example in EXAMPLES:
        assert example["title"]["vi"] in landing
    assert '<textarea name="query"' in landing


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["title"]["en"] for e in EXAMPLES])
def test_every_example_query_answers(client, example):
    r = client.post("/sparql", data={"query": example["query"]})
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"], "an example that returns nothing teaches nothing"


def test_static_files_are_served(client):
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_docs_are_served_offline_and_list_every_endpoint(client):
    r = client.get("/docs")
    assert r.status_code == 200
    assert [u for u in references(r.text) if is_external(u)] == []
    spec = client.get("/openapi.json").json()
    for path in spec["paths"]:
        assert path in r.text, path
    for path in ("/sparql", "/entities", "/entities/{id}", "/partners/{id}", "/paths", "/timeline",
                 "/documents", "/id/{kind}/{slug}"):
        assert any(p.replace(":path", "") == path for p in spec["paths"]), path
    assert client.get("/redoc").status_code == 404  # FastAPI's CDN pages are off


def test_openapi_carries_examples(client):
    spec = client.get("/openapi.json").json()
    q = next(p for p in spec["paths"]["/entities"]["get"]["parameters"] if p["name"] == "q")
    assert "bo tu phap" in str(q)
    schemas = spec["components"]["schemas"]
    assert schemas["PartnerGraph"]["examples"] and schemas["SearchResults"]["examples"]


def test_labels_are_escaped_in_pages(make_client):
    store = OxigraphStore()
    hostile = "<script>alert(1)</script>"
    store.replace_graph("https://w3id.org/coop/graph/entities", f"""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/coop/id/org/x> a <https://w3id.org/coop/ontology#GovernmentBody> ;
            skos:prefLabel "{hostile}"@vi, "X & <b>y</b>"@en .""", "turtle")
    html = make_client(store).get("/id/org/x", headers={"Accept": BROWSER}).text
    assert hostile not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "X &amp; &lt;b&gt;y&lt;/b&gt;" in html


def test_an_empty_store_still_has_a_landing_page(make_client):
    html = make_client(OxigraphStore()).get("/").text
    assert "Tìm kiếm" in html and 'class="partners"' not in html
