"""Headless Chromium (Debian's, never a downloaded build) and a real uvicorn, for the maps.

Every page is opened in a context that records each request and aborts any that would
leave the machine, so a test can assert that a map loads nothing from outside.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import networkx as nx
import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL = ("file://", "data:", "blob:", "http://127.0.0.1:", "about:")


@pytest.fixture(scope="module")
def browser():
    # Module scope: Playwright's sync API keeps an event loop running in this thread while it
    # is open, which would break later tests that call asyncio.run themselves.
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent: `make chromium` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()
    finally:
        playwright.stop()


@dataclass
class Tab:
    """A page plus what it asked for and what went wrong in it."""

    page: object
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, url: str, timeout: float = 30_000) -> None:
        self.page.goto(url)
        # A selector, not wait_for_function: the page's CSP forbids the eval that would need.
        self.page.wait_for_selector("body[data-ready='true']", state="attached", timeout=timeout)


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    yield from _tab(browser)


@pytest.fixture
def tab_without_csp(browser) -> Iterator[Tab]:
    """A tab that ignores the page's Content-Security-Policy: escaping alone must hold."""
    yield from _tab(browser, bypass_csp=True)


def _tab(browser, **options) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 860}, accept_downloads=True, **options)
    page = context.new_page()
    opened = Tab(page)

    def route(route) -> None:
        url = route.request.url
        opened.requests.append(url)
        if url.startswith(LOCAL):
            route.continue_()
        else:  # never let a test reach the network, and remember that it tried
            opened.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
    yield opened
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """``uvicorn api.main:create_app --factory`` on a free loopback port, store in memory."""
    port = _free_port()
    env = {**os.environ, "COOP_STORE": "memory"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode("utf-8", "replace")
                pytest.fail(f"uvicorn exited with {process.returncode}:\n{output[-3000:]}")
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("uvicorn did not answer /health within 120 s")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


B = "https://w3id.org/coop/id/"
HOSTILE = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>"


@pytest.fixture(scope="session")
def sample_graph() -> nx.Graph:
    """A hand-made organisation graph with the projection's attributes, every class, and
    one label that tries to run a script."""
    graph = nx.Graph()
    nodes = [
        ("org/moj-vn", "Bộ Tư pháp Việt Nam", "Ministry of Justice of Viet Nam", "GovernmentBody", "country/vn"),
        ("org/moj-la", "Bộ Tư pháp Lào", "Ministry of Justice of the Lao PDR", "GovernmentBody", "country/la"),
        ("org/nij-la", "Học viện Tư pháp quốc gia Lào", "National Institute of Justice of the Lao PDR",
         "EducationalInstitution", "country/la"),
        ("org/court-kh", "Tòa án tối cao Campuchia", "Supreme Court of Cambodia", "JudicialBody", "country/kh"),
        ("org/hcch", "Hội nghị La Hay về tư pháp quốc tế", "Hague Conference on Private International Law",
         "InternationalOrganization", None),
        ("org/vba", "Liên đoàn Luật sư Việt Nam", "Viet Nam Bar Federation", "Association", "country/vn"),
        ("org/hlu", "Trường Đại học Luật Hà Nội", "Hanoi Law University", "EducationalInstitution", "country/vn"),
        ("org/party", "Ban Nội chính Trung ương", "Central Internal Affairs Commission", "PartyBody", "country/vn"),
        ("org/hostile", HOSTILE, "Hostile & <b>bold</b>", "Association", None),
    ]
    for slug, vi, en, cls, country in nodes:
        graph.add_node(B + slug, label_vi=vi, label_en=en, cls=cls, country=B + country if country else None)
    graph.add_node(B + "country/kh", label_vi="Campuchia", label_en="Cambodia", cls="Country",
                   country=B + "country/kh")
    edges = [
        ("org/moj-vn", "org/moj-la", ["agreement", "event"], [2016, 2019, 2024]),
        ("org/moj-vn", "org/court-kh", ["event"], [2012]),
        ("org/moj-vn", "org/hcch", ["membership"], [2013]),
        ("org/moj-vn", "org/vba", ["partnership"], []),
        ("org/moj-vn", "org/hlu", ["project"], [2021]),
        ("org/moj-vn", "org/party", ["event"], [2022]),
        ("org/nij-la", "org/moj-la", ["series"], [2023]),
        ("org/hostile", "org/vba", ["event"], [2020]),
        ("org/moj-vn", "country/kh", ["partnership"], [2018]),
        ("org/court-kh", "country/kh", ["membership"], [2010]),
    ]
    for number, (a, b, kinds, years) in enumerate(edges):
        acts = [f"{B}event/sample-{number}-{k}" for k in range(max(len(years), 1))]
        graph.add_edge(B + a, B + b, weight=len(acts), kinds=kinds, years=years,
                       documents=["https://w3id.org/coop/doc/000"], activities=acts)
    return graph


@pytest.fixture(scope="session")
def sample_index():
    """Activity details for :func:`sample_graph`'s links, shaped like the activity index."""
    from types import SimpleNamespace

    from graph.activities import Activity, Evidence

    activities = {}
    for number in range(10):
        for k in range(3):
            iri = f"{B}event/sample-{number}-{k}"
            activities[iri] = Activity(
                iri, "event", label_vi=f"Hội nghị số {number}.{k}", label_en=f"Conference {number}.{k}",
                start="2016-11-29" if number == 0 and k == 0 else None,
                evidence=(Evidence("https://w3id.org/coop/doc/000", f"trích dẫn {number}.{k} <b>x</b>", 10, 40),))
    return SimpleNamespace(activities=activities, actors={})


@pytest.fixture(scope="session")
def synthetic():
    """``synthetic(n)``: a heavy-tailed graph of ``n`` organisations with the projection's
    attributes (node ``org/o0`` is the biggest hub)."""

    def make(nodes: int, seed: int = 3) -> nx.Graph:
        graph = nx.barabasi_albert_graph(nodes, 2, seed=seed)
        classes = ["GovernmentBody", "JudicialBody", "Association", "InternationalOrganization",
                   "EducationalInstitution", "PartyBody"]
        named = nx.relabel_nodes(graph, {n: f"{B}org/o{n}" for n in graph})
        for i in range(nodes):
            named.nodes[f"{B}org/o{i}"].update(label_vi=f"Tổ chức {i}", label_en=f"Organisation {i}",
                                               cls=classes[i % 6])
        for i, (u, v) in enumerate(named.edges):
            named.edges[u, v].update(weight=1 + i % 4, kinds=["event"], years=[2000 + i % 25], activities=[])
        return named

    return make
