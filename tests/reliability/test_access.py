"""Access: every write needs the token, the token never reaches a log or a message, CORS is closed."""

from __future__ import annotations

import json
import sys

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.settings import Settings, get_settings
from graph.store import OxigraphStore

TOKEN = "Tk-7e3a91c04b5d-secret"
ORIGIN = "https://maps.moj.gov.vn"
STRANGER = "https://evil.example"
UPDATE = ('INSERT DATA { GRAPH <https://w3id.org/coop/graph/notes> { <https://w3id.org/coop/id/org/moj-vn> '
          '<http://www.w3.org/2004/02/skos/core#note> "checked"@en } }')
ARTICLE = "Ngày 10/5/2024, Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào ký kết Bản ghi nhớ hợp tác.".encode()
WRONG = [None, "", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", TOKEN, f"Bearer  {TOKEN} extra",
         f"bearer {TOKEN.upper()}"]


def _fresh(seed_store) -> OxigraphStore:
    store = OxigraphStore()
    store.restore(seed_store.dump("nquads"))
    return store


def _writes():
    """Every write the API offers: (method, path, body, content type)."""
    return [
        ("POST", "/sparql", UPDATE.encode(), "application/sparql-update"),
        ("POST", "/sparql", ("update=" + httpx.QueryParams({"u": UPDATE})["u"]).encode(),
         "application/x-www-form-urlencoded"),
        ("POST", "/documents?id=acl", ARTICLE, "text/plain; charset=utf-8"),
        ("POST", "/facts/agreement/x/accept", b"", None),
        ("POST", "/facts/agreement/x/reject", b"", None),
    ]


def _send(client, method, path, body, content_type, authorization):
    headers = {} if content_type is None else {"Content-Type": content_type}
    if authorization is not None:
        headers["Authorization"] = authorization
    return client.request(method, path, content=body, headers=headers)


def test_every_post_route_of_the_api_is_a_write_we_check(seed_store):
    """A new write route must be added to _writes() (and so to the tests below)."""
    with TestClient(create_app(seed_store)) as client:
        paths = client.get("/openapi.json").json()["paths"]
    posts = {path for path, ops in paths.items() if "post" in ops}
    checked = {path.split("?")[0] for _, path, _, _ in _writes()}
    assert posts == {"/sparql", "/documents", "/facts/{fact_id}/accept", "/facts/{fact_id}/reject"}
    assert {p.replace("agreement/x", "{fact_id}") for p in checked} == posts


@pytest.fixture(scope="module")
def guarded(seed_store):
    """The API with a token configured, over a private copy of the shipped graph."""
    store = _fresh(seed_store)
    with TestClient(create_app(store, settings=Settings(api_token=TOKEN))) as client:
        yield client, store


@pytest.mark.parametrize("write", _writes(), ids=lambda w: f"{w[1]} {w[3]}")
@pytest.mark.parametrize("authorization", WRONG)
def test_a_write_without_the_right_token_is_401_changes_nothing_and_echoes_nothing(guarded, write,
                                                                                   authorization, caplog):
    client, store = guarded
    before = store.dump("nquads")
    response = _send(client, *write, authorization)
    assert response.status_code == 401, response.text[:300]
    assert response.json()["detail"] == "The bearer token is missing or wrong."
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert TOKEN not in response.text and TOKEN[:-1] not in response.text
    assert TOKEN[:-1] not in caplog.text
    assert store.dump("nquads") == before


@pytest.mark.parametrize("write", _writes()[:3], ids=lambda w: f"{w[1]} {w[3]}")
def test_writes_are_off_when_no_token_is_configured(seed_store, write):
    store = _fresh(seed_store)
    before = store.dump("nquads")
    with TestClient(create_app(store, settings=Settings(api_token=None))) as client:
        response = _send(client, *write, f"Bearer {TOKEN}")
    assert response.status_code == 403
    assert "no API token is configured (COOP_API_TOKEN)" in response.json()["detail"]
    assert store.dump("nquads") == before


def test_the_token_holder_writes(seed_store):
    store = _fresh(seed_store)
    with TestClient(create_app(store, settings=Settings(api_token=TOKEN))) as client:
        response = _send(client, *_writes()[0], f"Bearer {TOKEN}")
    assert response.status_code == 204
    assert store.ask('ASK { ?s <http://www.w3.org/2004/02/skos/core#note> "checked"@en }')


# --------------------------------------------------------------------------- logs


@pytest.fixture(scope="module")
def live(server, seed_store, tmp_path_factory):
    """A real uvicorn process on an on-disk copy of the shipped graph, debug and access logs on."""
    store_dir = tmp_path_factory.mktemp("access") / "store"
    s = OxigraphStore(store_dir)
    s.restore(seed_store.dump("nquads"))
    s.close()
    return server([sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host", "127.0.0.1",
                   "--port", "{port}", "--log-level", "debug", "--access-log", "--proxy-headers",
                   "--forwarded-allow-ips", "127.0.0.1"], "/health",
                  env={"COOP_STORE": str(store_dir), "COOP_API_TOKEN": TOKEN})


@pytest.mark.server
def test_behind_a_proxy_links_use_the_public_name_and_scheme(live):
    """What nginx sends (docs/operating.md): the service description names the public URL."""
    response = httpx.get(live.url + "/sparql", timeout=30, headers={
        "Accept": "text/turtle", "Host": "coop.moj.gov.vn", "X-Forwarded-Proto": "https",
        "X-Forwarded-For": "203.0.113.7"})
    assert response.status_code == 200
    assert "sd:endpoint <https://coop.moj.gov.vn/sparql>" in response.text


@pytest.mark.server
def test_the_token_never_appears_in_the_server_log(live):
    """Refused and accepted writes against a real server; then its whole log is searched."""
    api = live
    bodies = []
    with httpx.Client(base_url=api.url, timeout=60) as client:
        for authorization in WRONG[1:]:
            for write in _writes():
                response = _send(client, *write, authorization)
                assert response.status_code == 401
                bodies.append(response.text)
        # With the right token: a malformed update (400), an unknown fact (404), a good update.
        bad = client.post("/sparql", content=b"INSERT DATA { <urn:a> }",
                          headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        missing = client.post("/facts/agreement/none/accept", headers={"Authorization": f"Bearer {TOKEN}"})
        good = _send(client, *_writes()[0], f"Bearer {TOKEN}")
        assert (bad.status_code, missing.status_code, good.status_code) == (400, 404, 204)
        bodies += [bad.text, missing.text]
    api.stop()  # flush and close the log
    log = api.text()
    assert "POST /sparql" in log and "401" in log  # the log did record the refused writes
    for text in (log, *bodies):
        assert TOKEN not in text
        assert TOKEN[:-1] not in text and TOKEN[1:] not in text


# --------------------------------------------------------------------------- CORS


def _preflight(client, origin: str, method: str):
    return client.options("/sparql", headers={"Origin": origin, "Access-Control-Request-Method": method,
                                              "Access-Control-Request-Headers": "authorization, content-type"})


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_cors_is_closed_by_default(seed_store, method):
    with TestClient(create_app(seed_store, settings=Settings())) as client:
        preflight = _preflight(client, STRANGER, method)
        simple = client.get("/health", headers={"Origin": STRANGER})
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in simple.headers


def test_cors_origins_come_from_the_environment(seed_store, monkeypatch):
    monkeypatch.setenv("COOP_CORS_ORIGINS", json.dumps([ORIGIN]))
    get_settings.cache_clear()
    try:
        settings = get_settings()
    finally:
        get_settings.cache_clear()
    assert settings.cors_origins == [ORIGIN]
    with TestClient(create_app(seed_store, settings=settings)) as client:
        allowed = client.get("/health", headers={"Origin": ORIGIN})
        allowed_preflight = _preflight(client, ORIGIN, "GET")
        stranger_get = client.get("/health", headers={"Origin": STRANGER})
        stranger_post = _preflight(client, STRANGER, "POST")
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert allowed_preflight.status_code == 200
    assert allowed_preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-credentials" not in allowed.headers  # no cookies: bearer tokens only
    assert "access-control-allow-origin" not in stranger_get.headers
    assert stranger_post.status_code == 400
    assert "access-control-allow-origin" not in stranger_post.headers
