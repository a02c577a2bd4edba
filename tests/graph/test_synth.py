"""The synthetic graph (``coop synth``) and the big-file loader (``coop load``)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from graph import resources
from graph.build import PARTICIPANT, participant_properties, parse_file
from graph.cli import app
from graph.cli.synth import load_file
from graph.errors import InvalidInput
from graph.store import OxigraphStore, RemoteStore
from graph.synth import ENTITIES_GRAPH, HUB, SYNTH_GRAPH_PREFIX, generate

PREFIXES = """PREFIX coop: <https://w3id.org/coop/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
"""
FACT_CLASSES = "coop:Agreement schema:Event schema:EventSeries coop:Forum coop:BorderConference coop:Project org:Membership coop:Partnership"


def synth(triples: int, seed: int = 3) -> tuple[bytes, object]:
    out = io.BytesIO()
    summary = generate(out, triples, seed)
    return out.getvalue(), summary


@pytest.fixture(scope="module")
def small() -> tuple[bytes, object, OxigraphStore]:
    """A 20,000-triple graph, loaded into a store (read-only for the tests)."""
    data, summary = synth(20_000)
    store = OxigraphStore()
    store.bulk_load(data, "nquads")
    return data, summary, store


def merged(data: bytes) -> Graph:
    """The union of the named graphs, as one rdflib graph."""
    triples = "".join(line.rsplit(" <", 1)[0] + " .\n" for line in data.decode("utf-8").splitlines())
    return Graph().parse(data=triples, format="nt")


def rows(store, query: str) -> list[dict]:
    return store.select(PREFIXES + query)


# ------------------------------------------------------------------ determinism and size


def test_same_size_and_seed_give_the_same_bytes():
    assert synth(3_000, seed=11)[0] == synth(3_000, seed=11)[0]


def test_another_seed_gives_another_graph():
    assert synth(3_000, seed=11)[0] != synth(3_000, seed=12)[0]


@pytest.mark.parametrize("triples", [2_000, 30_000])
def test_writes_the_requested_number_of_triples_within_5_percent(triples):
    data, summary = synth(triples)
    assert abs(summary.triples - triples) <= 0.05 * triples
    assert data.count(b"\n") == summary.triples  # one quad a line, as counted
    store = OxigraphStore()
    store.bulk_load(data, "nquads")
    assert len(store) == summary.triples  # and no quad written twice


def test_one_named_graph_per_document_plus_the_gazetteer(small):
    _, summary, store = small
    graphs = store.graphs()
    assert ENTITIES_GRAPH in graphs
    documents = [g for g in graphs if g != ENTITIES_GRAPH]
    assert len(documents) == summary.documents == summary.graphs - 1
    assert all(re.fullmatch(re.escape(SYNTH_GRAPH_PREFIX) + r"\d+", g) for g in documents)


# ------------------------------------------------------------------ shapes


def test_every_agreement_has_at_least_two_parties(small):
    _, summary, store = small
    assert summary.facts["agreement"] > 10
    counts = rows(store, "SELECT ?a (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a a coop:Agreement ; coop:party ?p } GROUP BY ?a")
    assert len(counts) == summary.facts["agreement"]
    assert min(int(r["n"]) for r in counts) >= 2
    assert max(int(r["n"]) for r in counts) == 3  # some have three


def test_every_fact_has_evidence_in_its_own_document(small):
    _, _, store = small
    facts = rows(store, f"SELECT DISTINCT ?f WHERE {{ VALUES ?c {{ {FACT_CLASSES} }} ?f a ?c }}")
    assert len(facts) > 100
    broken = rows(store, f"""
        SELECT ?f WHERE {{
          VALUES ?c {{ {FACT_CLASSES} }}
          GRAPH ?g {{ ?f a ?c }}
          FILTER NOT EXISTS {{
            GRAPH ?g {{ ?f coop:evidence ?e ; prov:wasDerivedFrom ?doc .
                        ?e a coop:Evidence ; dcterms:source ?doc ; oa:start ?s ; oa:end ?end ; oa:exact ?q ;
                           coop:status coop:status-curated .
                        ?doc a coop:SourceDocument . }}
          }}
        }}""")
    assert broken == []


def test_evidence_spans_fit_their_quotes_and_documents(small):
    _, _, store = small
    spans = rows(store, """SELECT ?e ?s ?end ?q ?count WHERE {
        ?e a coop:Evidence ; dcterms:source ?doc ; oa:start ?s ; oa:end ?end ; oa:exact ?q .
        ?doc coop:characterCount ?count }""")
    assert spans
    for r in spans:
        start, end = int(r["s"]), int(r["end"])
        assert str(r["e"]).endswith(f"#c{start}-{end}")
        assert len(str(r["q"])) <= end - start <= int(r["count"])
        assert len(str(r["q"]).split()) <= 25
        assert r["q"].language == "vi"


def test_every_instance_has_one_vietnamese_and_one_english_label(small):
    _, _, store = small
    counts = rows(store, """SELECT ?x (SUM(IF(LANG(?l) = "vi", 1, 0)) AS ?vi) (SUM(IF(LANG(?l) = "en", 1, 0)) AS ?en)
        WHERE { ?x a ?type . FILTER(?type != coop:Evidence) OPTIONAL { ?x skos:prefLabel ?l } } GROUP BY ?x""")
    assert len(counts) > 100
    wrong = [str(r["x"]) for r in counts if (int(r["vi"]), int(r["en"])) != (1, 1)]
    assert wrong == []


def test_participants_are_materialised_from_the_real_ontology(small):
    data, _, _ = small
    roles = participant_properties(parse_file(resources.ontology_path()))
    graph = merged(data)
    role_pairs = {(s, o) for s, p, o in graph if p in roles}
    participants = set(graph.subject_objects(PARTICIPANT))
    assert role_pairs and role_pairs == participants


def test_uses_only_terms_the_ontology_declares(small):
    data, _, _ = small
    ontology = Graph().parse(resources.ontology_path())
    declared = {str(s) for s in ontology.subjects()}
    used = set(re.findall(rb"<(https://w3id\.org/coop/ontology#[^>]+)>", data))
    assert used and {u.decode() for u in used} <= declared


def test_conforms_to_the_shapes():
    from graph.validate import validate

    data, _ = synth(2_000)
    graph = merged(data)
    report = validate(graph, Graph().parse(resources.shapes_path()), Graph().parse(resources.ontology_path()))
    assert report.conforms, report.format()


def test_the_hub_has_the_most_partners(small):
    _, summary, store = small
    counts = rows(store, """SELECT ?o (COUNT(DISTINCT ?p) AS ?n) WHERE {
        ?a coop:participant ?o . ?a coop:participant ?p FILTER(?p != ?o) } GROUP BY ?o ORDER BY DESC(?n)""")
    assert str(counts[0]["o"]) == HUB == summary.hub
    assert int(counts[0]["n"]) >= 1.3 * int(counts[1]["n"])
    typical = next(int(r["n"]) for r in counts if str(r["o"]) == summary.typical)
    assert typical < int(counts[0]["n"]) / 10


def test_the_hub_is_mojs_viet_nam_with_both_labels(small):
    _, _, store = small
    labels = {r["l"].language: str(r["l"]) for r in rows(store, f"SELECT ?l WHERE {{ <{HUB}> skos:prefLabel ?l }}")}
    assert labels == {"vi": "Bộ Tư pháp Việt Nam", "en": "Ministry of Justice of Viet Nam"}


# ------------------------------------------------------------------ coop synth / coop load


@pytest.fixture
def run(monkeypatch):
    from graph.settings import get_settings

    monkeypatch.setenv("COOP_STORE", "memory")
    get_settings.cache_clear()
    runner = CliRunner()
    yield lambda *args: runner.invoke(app, list(args))
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def nq_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "small.nq"
    path.write_bytes(synth(4_000, seed=5)[0])
    return path


def test_synth_command_writes_the_file_and_names_the_hub(run, tmp_path):
    out = tmp_path / "g.nq"
    result = run("synth", "--triples", "3000", "--seed", "5", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == synth(3_000, seed=5)[0]
    assert f"hub: {HUB}" in result.stderr
    assert not list(tmp_path.glob("*.partial"))


def test_load_is_idempotent_and_matches_the_bulk_loader(run, nq_file, tmp_path):
    transactional, bulk = tmp_path / "tx", tmp_path / "bulk"
    for _ in range(2):  # loading again replaces each graph: same store
        result = run("--store", str(transactional), "load", str(nq_file))
        assert result.exit_code == 0, result.output
        assert "(transactional)" in result.stderr
    result = run("--store", str(bulk), "load", str(nq_file), "--bulk")
    assert result.exit_code == 0, result.output
    with OxigraphStore(transactional) as a, OxigraphStore(bulk) as b:
        assert a.graphs() == b.graphs()
        assert len(a) == len(b) > 4_000  # the data and the ontology graph
        assert "https://w3id.org/coop/graph/ontology" in a.graphs()


def test_load_file_without_the_ontology_loads_exactly_the_file(nq_file):
    store = OxigraphStore()
    report = load_file(store, nq_file)
    assert report.triples == len(store) == nq_file.read_bytes().count(b"\n")
    assert report.graphs == len(store.graphs())


def test_bulk_needs_a_store_in_this_process(nq_file):
    with pytest.raises(InvalidInput, match="--bulk needs an Oxigraph store in this process"):
        load_file(RemoteStore("http://127.0.0.1:9"), nq_file, bulk=True)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("data.csv", "a,b\n", "data.csv: unknown RDF format"),
    ("data.ttl", "<http://s> <http://p> <http://o> .\n", "data.ttl: a turtle file has no named graphs: give --graph IRI"),
    ("data.nq", '<http://s> <http://p> "o" <http://g> .\n<http://s> <http://p> "o" .\n',
     "data.nq:2: not an N-Quads statement in a named graph"),
    ("data.nq", "<http://s> <http://p> <http://o> <http://g1> .\n<http://s> <http://p> <http://o> <http://g2> .\n"
                "<http://s> <http://p> <http://o2> <http://g1> .\n",
     "data.nq:3: graph <http://g1> comes back after other graphs"),
])
def test_load_refuses_what_it_cannot_load_and_says_where(run, tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("--store", str(tmp_path / "store"), "load", str(path), "--no-ontology")
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_bad_triple_leaves_the_earlier_graphs_and_not_its_own(tmp_path):
    path = tmp_path / "data.nq"
    path.write_text('<http://s> <http://p> "ok" <http://g1> .\n<http://s> <http://p> "bad\\q" <http://g2> .\n',
                    encoding="utf-8")
    store = OxigraphStore()
    with pytest.raises(InvalidInput):
        load_file(store, path)
    assert store.graphs() == ["http://g1"]  # each graph is atomic: g2 never half-loaded
