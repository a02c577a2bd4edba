"""``coop centrality`` and ``coop communities`` as a user types them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graph import resources
from graph.cli import app
from graph.store import OxigraphStore

FIXTURE = """
@prefix coop: <https://w3id.org/coop/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
GRAPH <https://w3id.org/coop/graph/entities> {
  <https://w3id.org/coop/id/org/hub> a coop:GovernmentBody ; skos:prefLabel "Trung tâm"@vi , "Hub"@en .
  <https://w3id.org/coop/id/org/early> a coop:GovernmentBody ; skos:prefLabel "Sớm"@vi , "Early"@en .
  <https://w3id.org/coop/id/org/late> a coop:GovernmentBody ; skos:prefLabel "Muộn"@vi , "Late"@en .
}
GRAPH <https://w3id.org/coop/graph/doc/000> {
  <https://w3id.org/coop/id/agreement/a2010> a coop:Agreement ; coop:dateSigned "2010"^^xsd:gYear ;
      coop:party <https://w3id.org/coop/id/org/hub> , <https://w3id.org/coop/id/org/early> .
  <https://w3id.org/coop/id/agreement/a2022> a coop:Agreement ; coop:dateSigned "2022"^^xsd:gYear ;
      coop:party <https://w3id.org/coop/id/org/hub> , <https://w3id.org/coop/id/org/late> .
}
"""


@pytest.fixture
def run(monkeypatch):
    from graph.settings import get_settings

    def invoke(*args: str, store: str = "memory"):
        monkeypatch.setenv("COOP_STORE", store)
        get_settings.cache_clear()
        return CliRunner().invoke(app, list(args))

    yield invoke
    get_settings.cache_clear()


@pytest.fixture
def fixture_store(tmp_path) -> str:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    store.restore(FIXTURE, "trig")
    store.close()
    return str(path)


def test_centrality_prints_an_aligned_table_with_both_labels(run, fixture_store):
    result = run("centrality", "--measure", "degree", "--top", "3", store=fixture_store)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["rank", "score", "entity", "Tiếng", "Việt", "English"]
    assert lines[2].split() == ["1", "1.0", "org/hub", "Trung", "tâm", "Hub"]
    assert [line.split()[2] for line in lines[3:]] == ["org/early", "org/late"]
    assert lines[3].index("org/early") == lines[0].index("entity")  # columns line up
    assert "degree centrality over 3 nodes (org)" in result.stderr


def test_a_window_leaves_later_agreements_out(run, fixture_store):
    result = run("centrality", "--until", "2014", "--format", "json", store=fixture_store)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["entity"] for r in rows] == ["org/early", "org/hub"]  # a tie, by name
    assert rows[0]["english"] == "Early" and rows[0]["tiếng_việt"] == "Sớm"


def test_unknown_measure_exits_2_naming_the_measures(run, fixture_store):
    result = run("centrality", "--measure", "katz", store=fixture_store)
    assert result.exit_code == 2
    assert "error: Unknown measure 'katz'; use one of: degree, weighted_degree, betweenness" in result.stderr


def test_communities_table(run, fixture_store):
    result = run("communities", "--format", "json", store=fixture_store)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["entity"] for r in rows} == {"org/hub", "org/early", "org/late"}
    assert "communities over 3 nodes (org, louvain), modularity" in result.stderr


needs_data = pytest.mark.skipif(not resources.entities_path().is_file() or not resources.document_paths(),
                                reason="graph/data is not there yet")


@needs_data
def test_seed_graph_pagerank_puts_moj_viet_nam_first(run):
    result = run("centrality", "--measure", "pagerank", "--top", "10")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[2]
    assert first.startswith("1 ") and "org/moj-vn" in first
    assert "Bộ Tư pháp Việt Nam" in first and "Ministry of Justice of Viet Nam" in first
    assert len(result.stdout.splitlines()) == 12


@needs_data
def test_seed_graph_communities_by_country(run):
    result = run("communities", "--level", "country", "--members", "3")
    assert result.exit_code == 0, result.output
    assert "country/vn" in result.stdout.splitlines()[2]  # the largest community, most connected first
