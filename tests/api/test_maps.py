"""``/maps/…`` over the seed graph: the pages, their parameters, and errors that say why."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.activities import index_for
from graph.analytics.projections import country_graph, organisation_graph
from graph.ids import short_id
from graph.search import search
from graph.settings import Settings

_BLOCK = re.compile(r'<script type="application/json" id="coop-([a-z]+)">(.*?)</script>', re.S)
EXTRACTED_PARTNER = "org/api-test-extracted-partner"
MOJ = "https://w3id.org/coop/id/org/moj-vn"


def data(response) -> dict:
    return {name: json.loads(text) for name, text in _BLOCK.findall(response.text)}


def ids(response) -> set[str]:
    return {n["id"] for n in data(response)["nodes"]}


@pytest.fixture(scope="module")
def maps(memory_store) -> Iterator[TestClient]:
    settings = Settings(store="memory", api_token=None, query_timeout=10.0, result_cap=100_000, cors_origins=[])
    with TestClient(create_app(memory_store, settings=settings)) as c:
        yield c


@pytest.fixture(scope="module")
def lao_moj(memory_store) -> str:
    return short_id(search(memory_store, "Bộ Tư pháp Lào")[0].iri)


def test_network_map_draws_the_organisation_projection(maps, memory_store):
    response = maps.get("/maps/network.html")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    expected = {short_id(n) for n in organisation_graph(index_for(memory_store))}
    assert ids(response) == expected
    assert "org/moj-vn" in expected and EXTRACTED_PARTNER not in expected  # reviewed facts only
    assert data(response)["page"]["linkBase"] == "/"


def test_the_hub_is_biggest_and_the_lao_ministry_is_its_partner(maps, lao_moj):
    page = data(maps.get("/maps/network.html"))
    assert max(page["nodes"], key=lambda n: n["value"])["id"] == "org/moj-vn"
    link = next(e for e in page["edges"] if {e["from"], e["to"]} == {"org/moj-vn", lao_moj})
    acts = [page["page"]["activities"][i] for i in link["acts"]]
    assert link["years"] and all(a.get("evidence") for a in acts)
    assert any(ev.get("quote") for a in acts for ev in a["evidence"])  # quotes to read


def test_include_extracted_adds_unreviewed_facts(maps):
    assert EXTRACTED_PARTNER in ids(maps.get("/maps/network.html?include=extracted"))


def test_window_keeps_only_links_of_those_years(maps, memory_store):
    response = maps.get("/maps/network.html?since=2015&until=2020")
    assert response.status_code == 200
    page = data(response)
    assert page["page"]["window"] == [2015, 2020]
    assert page["page"]["title"]["en"].endswith("(2015–2020)")
    assert all(e["years"] for e in page["edges"])  # undated activities are out of any window
    expected = {short_id(n) for n in organisation_graph(index_for(memory_store), since=2015, until=2020)}
    assert ids(response) == expected and expected != ids(maps.get("/maps/network.html"))


def test_blank_form_fields_mean_no_limit(maps):
    blank = maps.get("/maps/network.html?since=&until=&types=&via=&include=")
    assert blank.status_code == 200
    assert ids(blank) == ids(maps.get("/maps/network.html"))


def test_types_keep_only_those_classes(maps):
    page = data(maps.get("/maps/network.html?types=InternationalOrganization,GovernmentBody"))
    assert {n["cls"] for n in page["nodes"]} == {"InternationalOrganization", "GovernmentBody"}


@pytest.mark.parametrize(("query", "message"), [
    ("types=Ministry", "Unknown type 'Ministry'; use one of: GovernmentBody"),
    ("via=visit", "Unknown activity kind 'visit'; use one of: agreement"),
    ("since=2020&until=2010", "The time window is empty: since=2020 is after until=2010"),
])
def test_bad_parameters_are_400_naming_the_problem(maps, query, message):
    response = maps.get(f"/maps/network.html?{query}")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert message in response.json()["detail"]


def test_partners_map_is_centred_on_the_actor(maps, lao_moj):
    response = maps.get("/maps/partners/org/moj-vn.html")
    assert response.status_code == 200
    page = data(response)
    assert [n["id"] for n in page["nodes"] if n.get("centre")] == ["org/moj-vn"]
    assert lao_moj in ids(response)
    assert page["page"]["title"]["vi"] == "Đối tác của Bộ Tư pháp Việt Nam"


def test_partners_map_accepts_a_full_iri_and_a_depth(maps):
    one = ids(maps.get("/maps/partners/org/moj-vn.html?depth=1"))
    two = maps.get(f"/maps/partners/{MOJ.replace('://', '%3A%2F%2F')}.html?depth=2")
    assert two.status_code == 200
    assert one <= ids(two)


def test_partners_of_an_unknown_actor_is_404_with_suggestions(maps):
    response = maps.get("/maps/partners/org/moj-laos.html")
    assert response.status_code == 404
    body = response.json()
    assert "org/moj-laos" in body["detail"]
    assert any(s["id"] == "org/moj-la" for s in body["suggestions"])


@pytest.mark.parametrize(("path", "status"), [
    ("/maps/partners/org/moj-vn.html?depth=4", 422),
    ("/maps/partners/ministry/moj-vn.html", 400),
    ("/maps/network.html?lang=fr", 422),
])
def test_invalid_requests(maps, path, status):
    assert maps.get(path).status_code == status


def test_countries_map_draws_countries(maps, memory_store):
    response = maps.get("/maps/countries.html?lang=en")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    page = data(response)
    expected = {short_id(n) for n in country_graph(index_for(memory_store))}
    assert ids(response) == expected
    laos = short_id(search(memory_store, "Lào", types={"https://schema.org/Country"})[0].iri)
    assert laos in expected and "country/vn" in expected
    assert {n["cls"] for n in page["nodes"]} <= {"Country", "InternationalOrganization", "Organization"}


def test_served_pages_reference_nothing_outside(maps):
    for path in ("/maps/network.html", "/maps/partners/org/moj-vn.html", "/maps/countries.html"):
        html = maps.get(path).text
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", html, re.I)


def test_overview_draws_every_organisation_with_its_own_policy(maps, memory_store):
    response = maps.get("/maps/overview.html?types=GovernmentBody")
    assert response.status_code == 200
    nodes = data(response)["overview"]["nodes"]
    expected = {short_id(n) for n, cls in organisation_graph(index_for(memory_store)).nodes(data="cls")
                if cls == "GovernmentBody"}
    assert {n[0] for n in nodes} == expected
    policy = response.headers["content-security-policy"]
    assert policy != maps.get("/maps/network.html").headers["content-security-policy"]  # other scripts
    assert policy in response.text  # the same policy as the page's <meta>
