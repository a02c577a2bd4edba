"""The researcher notebooks run from top to bottom and show what they promise.

Each notebook in ``notebooks/`` is executed headless with nbclient, in a fresh temporary
working directory (so it works from anywhere), by a kernel of *this* Python — the
project's virtualenv — registered for the session in a temporary prefix, so neither a
user's Jupyter set-up nor a missing system kernel can change what runs. A failing cell
fails the test with its traceback.

After the last cell the test runs one more cell of its own (never stored in the notebook),
a *probe* that reports a few values from the kernel as JSON; the tests then check what a
researcher relies on: that the search finds the Ministry of Justice of Viet Nam, that
the HTTP endpoint answers like the package, that the paths name their evidence, that a
partner enters the yearly rankings with its first dated shared activity, that a map
written to disk loads nothing from outside and draws every node of its projection, …

The notebooks are stored without outputs; a test checks that, and that they hold no
logic of their own (no ``def``, no ``sys.path`` edits).
"""

from __future__ import annotations

import base64
import json
import re
import sys
import time
from pathlib import Path

import nbformat
import networkx as nx
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from rdflib import URIRef

from graph.activities import index_for
from graph.analytics.centrality import rank
from graph.analytics.projections import country_graph, organisation_graph
from graph.ids import short_id
from graph.maps.page import assets
from graph.search import search

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "notebooks.md"
KERNEL = "coopgraph-tests"
CELL_TIMEOUT = 120  # seconds, per cell
PROBE_MARK = "coopgraph-probe:"
ID = "https://w3id.org/coop/id/"
MOJ_VN = ID + "org/moj-vn"

#: The tutorials the documentation promises (docs/notebooks.md).
TUTORIALS = (
    "exploring-the-cooperation-graph.ipynb",
    "how-two-bodies-are-connected.ipynb",
    "partner-centrality-over-time.ipynb",
    "drawing-relationship-maps.ipynb",
)

#: What each notebook's probe cell reports, as a Python expression evaluated in its kernel.
PROBES = {
    "exploring-the-cooperation-graph.ipynb": """{
        "hits": hits.iri.tolist(),
        "moj": str(moj),
        "agreements": [str(a) for a in pd.DataFrame(store.select(AGREEMENTS, bindings={"us": moj})).agreement],
        "partners": partners.partner.map(str).tolist(),
        "partner_counts": partners.activities.tolist(),
        "remote_partners": remote_partners.partner.tolist(),
        "remote_counts": remote_partners.activities.tolist(),
        "health": health,
        "rest_first": found["items"][0]["id"],
        "server_exit": server.poll(),
    }""",
    "how-two-bodies-are-connected.ipynb": """{
        "ends": [moj_vn.iri, fssp.iri, moj_la.iri, moj_cn.iri],
        "moj_fssp": [[list(step) for step in path] for path in index.shortest_paths(moj_vn.iri, fssp.iri)],
        "la_cn": [[list(step) for step in path] for path in paths],
        "first_activities": first.activity.tolist(),
        "quotes": evidence.quote.tolist(),
        "documents": evidence.document.tolist(),
    }""",
    "partner-centrality-over-time.ipynb": """{
        "nodes": network.number_of_nodes(),
        "first": {measure: rankings[measure].idxmax() for measure in measures},
        "brokers": rankings.betweenness.nlargest(5).index.tolist(),
        "countries": [country for country, _ in country_rank.top(3)],
        "activities": [sum(a.year is not None for a in index.activities.values()), len(index.activities)],
        "sizes": [[year, *grown.sizes[year]] for year in grown.years],
        "ministries": ministries,
        "plotted": [line.get_label() for line in ax.get_lines()],
        "rise": {node: pagerank_by_year.series(node) for node in (moj_la, moj_cn)},
    }""",
    "drawing-relationship-maps.ipynb": """{
        "cwd": str(Path.cwd().resolve()),
        "moj": moj_vn,
        "size": [network.number_of_nodes(), network.number_of_edges()],
        "recent": [recent.number_of_nodes(), recent.number_of_edges()],
        "export": str(export.resolve()),
        "things": [things.number_of_nodes(), things.number_of_edges()],
        "back_moj": dict(back.nodes[moj_vn]),
    }""",
}

pytestmark = pytest.mark.slow


def notebook_names() -> list[str]:
    return sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


# --------------------------------------------------------------------------- running


@pytest.fixture(scope="session")
def kernel_specs(tmp_path_factory) -> KernelSpecManager:
    """A kernel spec for ``sys.executable`` (the venv's Python), in a temporary prefix."""
    from ipykernel.kernelspec import install

    prefix = tmp_path_factory.mktemp("jupyter")
    install(kernel_name=KERNEL, display_name="coopgraph (tests)", prefix=str(prefix))
    return KernelSpecManager(kernel_dirs=[str(prefix / "share" / "jupyter" / "kernels")])


class Executed:
    """A notebook after execution: its cells with outputs, the probe's report, the time."""

    def __init__(self, nb: nbformat.NotebookNode, probe: dict, seconds: float, cwd: Path) -> None:
        self.nb, self.probe, self.seconds, self.cwd = nb, probe, seconds, cwd

    def cell(self, tag: str) -> nbformat.NotebookNode:
        found = [c for c in self.nb.cells if tag in c.get("metadata", {}).get("tags", [])]
        assert len(found) == 1, f"expected one cell tagged {tag!r}, found {len(found)}"
        return found[0]

    def text(self, tag: str) -> str:
        """Everything the cell tagged ``tag`` showed, as plain text (HTML tables included)."""
        parts = []
        for output in self.cell(tag).outputs:
            if output.output_type == "stream":
                parts.append(output.text)
            for kind in ("text/plain", "text/html"):
                parts.append(output.get("data", {}).get(kind, ""))
        return "\n".join(parts)

    def images(self, tag: str) -> list[str]:
        return [o.data["image/png"] for o in self.cell(tag).outputs if "image/png" in o.get("data", {})]


def execute(name: str, specs: KernelSpecManager, cwd: Path) -> Executed:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    probe_code = PROBES.get(name, "{}")
    nb.cells.append(nbformat.v4.new_code_cell(
        f"import json as _json, sys as _sys\n"
        f"_report = {probe_code}\n"
        f"_report['python'] = _sys.executable\n"
        f"print({PROBE_MARK!r} + _json.dumps(_report, default=str))"))
    # "immediate" shutdown kills the kernel's whole process group: a server a notebook
    # started is stopped even when a cell failed before the notebook could stop it.
    client = NotebookClient(
        nb, km=AsyncKernelManager(kernel_name=KERNEL, kernel_spec_manager=specs),
        timeout=CELL_TIMEOUT, shutdown_kernel="immediate",
        resources={"metadata": {"path": str(cwd)}},
    )
    started = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - started
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    report = printed.split(PROBE_MARK, 1)[1]
    nb.cells.pop()
    return Executed(nb, json.loads(report), seconds, cwd)


@pytest.fixture(scope="module")
def run(kernel_specs, tmp_path_factory):
    """``run(name)`` executes a notebook once per module; later calls reuse the result."""
    done: dict[str, Executed | BaseException] = {}

    def run(name: str) -> Executed:
        if name not in done:
            try:
                done[name] = execute(name, kernel_specs, tmp_path_factory.mktemp(Path(name).stem))
            except BaseException as exc:  # every test of a broken notebook reports the failure
                done[name] = exc
        if isinstance(done[name], BaseException):
            raise done[name]
        return done[name]

    return run


# --------------------------------------------------------------------------- stored form


def test_the_tutorials_are_all_there():
    assert set(TUTORIALS) == set(notebook_names()), "every notebook is a tutorial, with its checks"
    assert set(PROBES) == set(TUTORIALS), "every tutorial needs a probe of what it shows"
    table = [line for line in GUIDE.read_text(encoding="utf-8").splitlines() if line.startswith("| [`")]
    listed = [re.match(r"\| \[`([^`]+)`\]\(\.\./notebooks/\1\)", line).group(1) for line in table]
    assert listed == list(TUTORIALS), "docs/notebooks.md lists every tutorial, in order"


@pytest.mark.parametrize("name", notebook_names())
def test_stored_without_outputs_and_without_logic(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "**Question:**" in first.source, "a notebook opens with the question it answers"
    for n, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [] and cell.execution_count is None, f"cell {n} of {name} has outputs"
        for line in cell.source.splitlines():
            assert not re.match(r"\s*(async\s+)?(def|class)\s", line), f"{name} cell {n} defines: {line!r}"
            assert "sys.path" not in line and not line.lstrip().startswith(("!", "%pip")), \
                f"{name} cell {n}: {line!r} (notebooks import the installed package)"


# --------------------------------------------------------------------------- execution


@pytest.mark.parametrize("name", notebook_names())
def test_runs_top_to_bottom_in_the_venv(run, name):
    executed = run(name)
    assert executed.probe["python"] == sys.executable, "the kernel is not the project's Python"
    errors = [o for c in executed.nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []
    print(f"{name}: {executed.seconds:.1f} s")


def find(store, name: str) -> str:
    """The IRI of the entity ``name`` finds first (the tests never guess slugs)."""
    return search(store, name, limit=1)[0].iri


MOU_OF = """
PREFIX coop: <https://w3id.org/coop/ontology#>
SELECT ?mou WHERE { ?mou a coop:Agreement ; coop:party ?a , ?b ; coop:dateSigned ?signed .
                    FILTER(STR(?signed) = ?year) }"""


def test_exploring_finds_the_ministry_and_its_partners(run, seed_store):
    executed = run("exploring-the-cooperation-graph.ipynb")
    probe = executed.probe
    assert probe["hits"][0] == MOJ_VN == probe["moj"]
    assert "Ministry of Justice of Viet Nam" in executed.text("search")
    assert "Bộ Tư pháp Việt Nam" in executed.text("search")
    # The 2022 memorandum with China is one of the Ministry's agreements, with its quote.
    moj_cn = find(seed_store, "Bộ Tư pháp Trung Quốc")
    mou = seed_store.select(MOU_OF, {"a": URIRef(MOJ_VN), "b": URIRef(moj_cn), "year": "2022"})
    assert len(mou) == 1 and str(mou[0]["mou"]) in probe["agreements"]
    assert str(mou[0]["mou"]) in executed.text("evidence") and "2022" in executed.text("evidence")
    # The Lao and Chinese ministries are among its partners; counts are sorted, strongest first.
    assert {find(seed_store, "Bộ Tư pháp Lào"), moj_cn} <= set(probe["partners"][:5])
    assert probe["partner_counts"] == sorted(probe["partner_counts"], reverse=True)
    assert MOJ_VN not in probe["partners"]


def test_exploring_over_http_answers_like_the_package(run, seed_store):
    executed = run("exploring-the-cooperation-graph.ipynb")
    probe = executed.probe
    assert probe["health"]["status"] == "ok" and probe["health"]["graphs"] >= 4
    assert probe["remote_partners"] == probe["partners"]
    assert probe["remote_counts"] == probe["partner_counts"]
    assert "True" in executed.text("same-answer")
    assert "Ministry of Justice of the Lao PDR" in executed.text("sparql-http")
    assert probe["rest_first"] == short_id(find(seed_store, "Bộ Tư pháp Lào"))
    assert probe["server_exit"] is not None, "the notebook's last cell must stop its server"


def test_paths_go_through_the_bodies_the_text_names(run, seed_store):
    executed = run("how-two-bodies-are-connected.ipynb")
    probe = executed.probe
    moj_vn, fssp, moj_la, moj_cn = probe["ends"]
    assert moj_vn == MOJ_VN
    assert (fssp, moj_la, moj_cn) == tuple(find(seed_store, n) for n in (
        "Cơ quan Thi hành án Liên bang Nga", "Bộ Tư pháp Lào", "Bộ Tư pháp Trung Quốc"))
    # As the notebook says: MOJ Viet Nam → Russian MOJ → enforcement department → FSSP.
    moj_ru, thads = find(seed_store, "Bộ Tư pháp Liên bang Nga"), find(seed_store, "THADS")
    assert probe["moj_fssp"], "MOJ Viet Nam and the FSSP must be connected"
    for path in probe["moj_fssp"]:
        assert [step[0] for step in path] == [MOJ_VN, moj_ru, thads] and path[-1][2] == fssp
    # Laos and China are linked through MOJ Viet Nam, last by the 2022 memorandum.
    mou = str(seed_store.select(MOU_OF, {"a": URIRef(MOJ_VN), "b": URIRef(moj_cn), "year": "2022"})[0]["mou"])
    assert probe["la_cn"]
    for path in probe["la_cn"]:
        assert [s[2] for s in path] == [MOJ_VN, moj_cn] and path[1][1] == mou
    assert "Memorandum of Understanding" in executed.text("la-cn-paths")


def test_paths_show_the_evidence_of_every_step(run, seed_store):
    executed = run("how-two-bodies-are-connected.ipynb")
    index = index_for(seed_store)
    expected = [e.quote for a in executed.probe["first_activities"] for e in index.activity(a).evidence]
    assert executed.probe["quotes"] == expected and len(expected) >= 2
    assert any("2022" in q for q in expected), "the 2022 memorandum cites the words dating it"
    assert executed.probe["documents"] == [
        e.document for a in executed.probe["first_activities"] for e in index.activity(a).evidence]
    for quote in expected:
        assert quote in executed.text("la-cn-evidence")


def test_paths_cut_by_window_and_kind_as_the_notebook_says(run):
    windows = run("how-two-bodies-are-connected.ipynb").text("windows")
    assert re.search(r"until 2014\s+0\b", windows) and re.search(r"agreements only\s+0\b", windows)
    assert re.search(r"any activity, any year\s+[1-9]", windows)


# --------------------------------------------------------------------------- centrality


def first_shared_year(index, node: str) -> int:
    """The year of ``node``'s first dated activity with someone else, from the index."""
    return min(a.year for a in index.activities.values()
               if a.year is not None and node in a.participants and len(a.participants) > 1)


def test_centrality_puts_the_ministry_first_and_names_its_brokers(run, seed_store):
    executed = run("partner-centrality-over-time.ipynb")
    probe = executed.probe
    network = organisation_graph(index_for(seed_store))
    assert probe["nodes"] == network.number_of_nodes()
    labels = [data.get("label_en", node) for node, data in network.nodes(data=True)]
    assert len(set(labels)) == len(labels), "the rankings table is indexed by English label"
    moj = network.nodes[MOJ_VN]["label_en"]
    # The hub by every measure the notebook ranks, as the package computes it …
    assert {"degree", "pagerank"} <= set(probe["first"])
    for measure in probe["first"]:
        assert rank(network, measure).top(1)[0][0] == MOJ_VN, measure
        assert probe["first"][measure] == moj, measure
    # … and first in the table the reader sees (sorted by PageRank).
    table = executed.cell("rankings").outputs[0].data["text/plain"].splitlines()
    assert table[1].startswith(moj), table[:2]
    # The brokers the text names: the Russian MOJ and the enforcement department.
    label = lambda name: network.nodes[find(seed_store, name)]["label_en"]
    assert probe["brokers"][0] == moj
    assert {label("Bộ Tư pháp Liên bang Nga"), label("THADS")} <= set(probe["brokers"][1:3])
    # Countries: Viet Nam shares the most activities.
    assert probe["countries"][0] == rank(country_graph(index_for(seed_store)), "weighted_degree").top(1)[0][0]
    assert probe["countries"][0] == network.nodes[MOJ_VN]["country"]


def test_centrality_plots_are_drawn(run):
    executed = run("partner-centrality-over-time.ipynb")
    for tag in ("pagerank-plot", "betweenness-plot", "sizes-plot", "evolution-plot"):
        images = executed.images(tag)
        assert len(images) == 1, f"{tag} drew {len(images)} images"
        assert base64.b64decode(images[0]).startswith(b"\x89PNG\r\n\x1a\n"), tag


def test_the_yearly_network_grows_and_the_ministries_join_with_their_first_activity(run, seed_store):
    executed = run("partner-centrality-over-time.ipynb")
    probe = executed.probe
    index = index_for(seed_store)
    activities = list(index.activities.values())
    assert probe["activities"] == [sum(a.year is not None for a in activities), len(activities)]
    # The network "as it stood at the end of each year" only grows.
    years = [year for year, _, _ in probe["sizes"]]
    assert years == list(range(index.years()[0], index.years()[-1] + 1))
    for column in (1, 2):
        sizes = [row[column] for row in probe["sizes"]]
        assert sizes == sorted(sizes)
    # The four ministries the plot follows, found by search, are the four lines drawn.
    names = ("Bộ Tư pháp Việt Nam", "Bộ Tư pháp Lào", "Bộ Tư pháp Campuchia", "Bộ Tư pháp Trung Quốc")
    ministries = [find(seed_store, name) for name in names]
    assert probe["ministries"] == ministries and ministries[0] == MOJ_VN
    network = organisation_graph(index)
    assert probe["plotted"] == [network.nodes[m]["label_en"] for m in ministries]
    # Laos and China enter the PageRank series the year of their first dated shared activity,
    # and stay; the text says which year that is.
    moj_la, moj_cn = ministries[1], ministries[3]
    text = executed.cell("rise-text").source
    for node in (moj_la, moj_cn):
        series = probe["rise"][node]
        assert [year for year, _, _ in series] == list(range(2013, years[-1] + 1))
        joined = first_shared_year(index, node)
        assert [year for year, score, _ in series if score is not None] == list(range(joined, years[-1] + 1))
        assert all(position >= 1 for year, _, position in series if year >= joined)
        assert str(joined) in text
    # China's first is the memorandum of understanding with MOJ Viet Nam, not before 2022.
    joined_cn = first_shared_year(index, moj_cn)
    assert joined_cn >= 2022
    assert seed_store.select(MOU_OF, {"a": URIRef(MOJ_VN), "b": URIRef(moj_cn), "year": str(joined_cn)})


# --------------------------------------------------------------------------- maps

#: Anything that makes a browser fetch from elsewhere: attributes, CSS url()/@import, <link>.
FETCH = re.compile(r"""\b(?:src|href|action|poster|srcset|data|xlink:href)\s*=\s*["']?\s*(?:https?:)?//"""
                   r"""|url\(\s*["']?\s*(?:https?:)?//|@import|<link\b|<script[^>]*\bsrc\s*=""", re.I)
_BLOCK = re.compile(r'<script type="application/json" id="coop-([a-z]+)">(.*?)</script>', re.S)
MAP_FILES = {"network.html", "moj-vn-partners.html", "network-since-2020.html", "countries.html",
             "gephi/coopgraph.graphml", "gephi/coopgraph.gexf",
             "gephi/organisations.graphml", "gephi/organisations.gexf"}


def map_data(path: Path) -> dict:
    """The JSON blocks a map page carries: nodes, edges, options, page."""
    return {name: json.loads(text) for name, text in _BLOCK.findall(path.read_text(encoding="utf-8"))}


def test_maps_are_written_in_the_working_directory(run):
    executed = run("drawing-relationship-maps.ipynb")
    cwd = executed.cwd.resolve()
    assert Path(executed.probe["cwd"]) == cwd
    assert Path(executed.probe["export"]).parent == cwd
    written = {p.relative_to(cwd).as_posix() for p in cwd.rglob("*") if p.is_file()}
    assert written == MAP_FILES


def test_the_network_map_loads_nothing_from_outside_and_draws_every_node(run, seed_store):
    executed = run("drawing-relationship-maps.ipynb")
    html = (executed.cwd / "network.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and FETCH.search(html) is None
    # Web addresses appear only in the vendored bundle's licence header, never as a reference.
    own = html.replace(assets()["scripts"][0], "")
    assert "http://" not in own and "https://" not in own
    network = organisation_graph(index_for(seed_store))
    assert executed.probe["size"] == [network.number_of_nodes(), network.number_of_edges()]
    data = map_data(executed.cwd / "network.html")
    assert len(data["nodes"]) == network.number_of_nodes() == data["page"]["total"]
    assert {n["id"] for n in data["nodes"]} == {short_id(node) for node in network}
    assert len(data["edges"]) == network.number_of_edges() and data["page"]["capped"] is False
    assert re.search(r"loads a script from elsewhere\s+False", executed.text("network-file"))
    assert "<iframe srcdoc=" in executed.text("network-embed")


def test_the_ego_map_is_centred_on_the_ministry(run, seed_store):
    executed = run("drawing-relationship-maps.ipynb")
    assert executed.probe["moj"] == MOJ_VN == find(seed_store, "Bộ Tư pháp Việt Nam")
    data = map_data(executed.cwd / "moj-vn-partners.html")
    assert [n["id"] for n in data["nodes"] if n.get("centre")] == [short_id(MOJ_VN)]
    partners = nx.ego_graph(organisation_graph(index_for(seed_store)), MOJ_VN, radius=1)
    assert {n["id"] for n in data["nodes"]} == {short_id(node) for node in partners}
    assert data["page"]["lang"] == "vi" and data["page"]["depth"] == 1
    assert "Bộ Tư pháp Việt Nam" in data["page"]["title"]["vi"]
    assert FETCH.search((executed.cwd / "moj-vn-partners.html").read_text(encoding="utf-8")) is None


def test_the_window_and_country_maps_draw_their_projections(run, seed_store):
    executed = run("drawing-relationship-maps.ipynb")
    index = index_for(seed_store)
    recent = organisation_graph(index, since=2020)
    assert executed.probe["recent"] == [recent.number_of_nodes(), recent.number_of_edges()]
    data = map_data(executed.cwd / "network-since-2020.html")
    assert {n["id"] for n in data["nodes"]} == {short_id(node) for node in recent}
    assert data["page"]["window"] == [2020, None] and "2020" in data["page"]["title"]["en"]
    countries = country_graph(index)
    data = map_data(executed.cwd / "countries.html")
    assert {n["id"] for n in data["nodes"]} == {short_id(node) for node in countries}


def test_the_gephi_files_read_back_with_labels_and_weights(run, seed_store):
    executed = run("drawing-relationship-maps.ipynb")
    network = organisation_graph(index_for(seed_store))
    expected = {key: network.nodes[MOJ_VN][key] for key in ("label_vi", "label_en", "cls", "country")}
    assert executed.probe["back_moj"] == expected
    back = nx.read_graphml(executed.cwd / "gephi" / "organisations.graphml")
    assert set(back) == set(network) and back.nodes[MOJ_VN] == expected
    assert {frozenset(e): w for *e, w in back.edges(data="weight")} == \
        {frozenset(e): w for *e, w in network.edges(data="weight")}
    assert expected["label_en"] in executed.text("gephi-readback")
    # The whole graph's export holds the ministry too, with both labels.
    things = nx.read_graphml(executed.cwd / "gephi" / "coopgraph.graphml")
    assert executed.probe["things"] == [things.number_of_nodes(), things.number_of_edges()]
    assert things.nodes[MOJ_VN]["label_vi"] == expected["label_vi"]
    assert things.nodes[MOJ_VN]["label_en"] == expected["label_en"]
    gexf = nx.read_gexf(executed.cwd / "gephi" / "organisations.gexf")
    assert gexf.number_of_nodes() == network.number_of_nodes()
