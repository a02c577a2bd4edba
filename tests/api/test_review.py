"""``POST /documents``, ``GET /documents/{id}/facts``, ``POST /facts/{id}/accept|reject``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.build import build
from graph.settings import Settings
from graph.store import OxigraphStore

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = ("Ngày 10/5/2024, tại Viêng Chăn, Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào đã ký kết "
           "Bản ghi nhớ hợp tác. Bộ trưởng Bộ Tư pháp Lê Thành Long dự lễ ký.")
TEXT = {"Content-Type": "text/plain; charset=utf-8"}


@pytest.fixture(scope="module")
def seed_dump():
    store = OxigraphStore()
    build(store, validate=False)
    return store.dump("nquads")


def _client(seed_dump, token):
    store = OxigraphStore()
    store.restore(seed_dump, "nquads")
    return TestClient(create_app(store, settings=Settings(api_token=token)))


@pytest.fixture
def review_client(seed_dump):
    with _client(seed_dump, TOKEN) as client:
        yield client


def test_writes_are_refused_without_a_configured_token(seed_dump):
    with _client(seed_dump, None) as client:
        response = client.post("/documents", content=ARTICLE.encode(), headers={**TEXT, **AUTH})
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "COOP_API_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_a_missing_or_wrong_token_is_401(review_client, headers):
    response = review_client.post("/documents", content=ARTICLE.encode(), headers={**TEXT, **headers})
    assert response.status_code == 401
    assert review_client.post("/facts/agreement/x/accept", headers=headers).status_code == 401


def test_ingest_text_then_accept_and_reject(review_client):
    created = review_client.post("/documents?id=news-1", content=ARTICLE.encode(), headers={**TEXT, **AUTH})
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["document"] == "news-1" and body["stored"]
    assert body["graph"] == "https://w3id.org/coop/graph/extracted/news-1"
    agreement = next(f for f in body["facts"] if f["kind"] == "agreement")
    assert ARTICLE[agreement["evidence"][0]["start"]:agreement["evidence"][0]["end"]] == agreement["evidence"][0]["quote"]

    listed = review_client.get("/documents/news-1/facts").json()["facts"]
    assert {f["status"] for f in listed} == {"extracted"}
    post = next(f for f in listed if f["type"] == "Post")

    accepted = review_client.post(f"/facts/{agreement['id']}/accept", headers=AUTH)
    assert accepted.status_code == 200 and accepted.json()["count"] == 1
    rejected = review_client.post(f"/facts/{post['iri']}/reject", headers=AUTH)
    assert rejected.status_code == 200
    statuses = {f["id"]: f["status"] for f in review_client.get("/documents/news-1/facts").json()["facts"]}
    assert statuses[agreement["id"]] == "accepted" and statuses[post["id"]] == "rejected"
    only = review_client.get("/documents/news-1/facts?status=accepted").json()["facts"]
    assert [f["id"] for f in only] == [agreement["id"]]
    # a decided fact cannot be decided again
    assert review_client.post(f"/facts/{agreement['id']}/accept", headers=AUTH).status_code == 404


def test_ingest_a_multipart_file_and_a_dry_run(review_client):
    response = review_client.post("/documents?dry_run=true", headers=AUTH,
                                  files={"file": ("bai-viet.txt", ARTICLE.encode(), "text/plain")})
    assert response.status_code == 201, response.text
    body = response.json()
    assert not body["stored"] and body["facts"]
    assert review_client.get(f"/documents/{body['document']}/facts").status_code == 404


@pytest.mark.parametrize(("content", "detail"), [
    (b"", "request body: the file is empty"),
    (b"%PDF-1.4\x00\x00", "binary file"),
    ("Bộ Tư pháp".encode("utf-16"), "UTF-16"),
])
def test_bad_bodies_are_400_and_store_nothing(review_client, content, detail):
    response = review_client.post("/documents?id=bad", content=content, headers={**TEXT, **AUTH})
    assert response.status_code == 400
    assert detail in response.json()["detail"]
    assert review_client.get("/documents/bad/facts").status_code == 404


def test_unknown_fact_is_404(review_client):
    response = review_client.post("/facts/agreement/none-such/accept", headers=AUTH)
    assert response.status_code == 404
    assert "no extracted fact" in response.json()["detail"]


def test_document_pages_still_answer(review_client):
    """The facts route must not shadow the documents router's own ``/documents/{id}``."""
    assert review_client.get("/documents/003").status_code == 200
    assert review_client.get("/documents").status_code == 200
