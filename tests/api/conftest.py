"""API fixtures: the seed graph (plus one extracted fact) in each kind of store.

``store_kind`` runs every API test twice: against an in-memory Oxigraph store, and against
a real ``oxigraph serve`` process on a free loopback port, spoken to as a remote SPARQL
server (``COOP_STORE=http://…``). Both are built with :func:`graph.build.build` from the
shipped data, once per session, and must be treated as read-only.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.activities import EXTRACTED_GRAPH_PREFIX
from graph.build import build
from graph.settings import Settings
from graph.store import OxigraphStore, RemoteStore, Store

DATA = Path(__file__).resolve().parent / "data"
EXTRACTED_GRAPH = EXTRACTED_GRAPH_PREFIX + "api-test"
MOJ = "https://w3id.org/coop/id/org/moj-vn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before answering at {url}")
        try:
            if httpx.get(url, timeout=1.0).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered at {url} within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> Iterator[str]:
    """A real ``oxigraph serve`` on a free 127.0.0.1 port, in a temporary directory."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    # --timeout-s: the server abandons a query the API has already given up on.
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--timeout-s", "30"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/query?query=ASK%7B%7D", process)
        yield url
    finally:
        stop(process)


def load_dataset(store: Store) -> Store:
    build(store, validate=False)
    store.replace_graph(EXTRACTED_GRAPH, (DATA / "extracted.ttl").read_bytes(), "turtle")
    return store


@pytest.fixture(scope="session", params=["memory", "remote"])
def store_kind(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def memory_store() -> Store:
    return load_dataset(OxigraphStore())


@pytest.fixture(scope="session")
def remote_store(oxigraph_server) -> Iterator[Store]:
    store = load_dataset(RemoteStore(oxigraph_server))
    yield store
    store.close()


@pytest.fixture(scope="session")
def api_store(store_kind, request) -> Store:
    """The seed graph plus one extracted fact, in the store kind of this run."""
    return request.getfixturevalue(f"{store_kind}_store")


def settings_for(**overrides) -> Settings:
    """Settings for a test app: explicit values, whatever COOP_* the environment holds."""
    values = dict(store="memory", api_token=None, query_timeout=10.0, result_cap=100_000, allow_service=False,
                  max_body_bytes=2_000_000, cors_origins=[])
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def client(api_store) -> Iterator[TestClient]:
    """A client of the API over the shared read-only dataset, default settings."""
    with TestClient(create_app(api_store, settings=settings_for())) as c:
        yield c


@pytest.fixture
def make_client(api_store) -> Iterator[Callable[..., TestClient]]:
    """Clients with other settings (a token, a short time limit …) over the same dataset."""
    opened: list[TestClient] = []

    def make(store: Store | None = None, **overrides) -> TestClient:
        c = TestClient(create_app(store if store is not None else api_store, settings=settings_for(**overrides)))
        c.__enter__()
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.__exit__(None, None, None)



@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[str]:
    """``coop serve`` in a subprocess on a free loopback port, store in memory, built at start."""
    coop = Path(sys.executable).with_name("coop")
    if not coop.is_file():
        pytest.skip("the `coop` command is not installed beside this Python (pip install -e .)")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COOP_")}
    env.update(COOP_STORE="memory", COOP_QUERY_TIMEOUT="1")
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("wb")
    process = subprocess.Popen([str(coop), "serve", "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/health", process, seconds=120)
        yield url
    finally:
        stop(process)
        log.close()


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def chromium():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser).

    Module scope: Playwright's sync API keeps an event loop running in this thread while it
    is open, so it must be closed before the tests that call ``asyncio.run`` themselves.
    """
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent: `make chromium` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        yield browser
        browser.close()
