"""The coop command as a user types it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graph.cli import app

MOJ_VN = "https://w3id.org/coop/id/org/moj-vn"


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("COOP_STORE", "memory")
    from graph.settings import get_settings

    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    yield invoke
    get_settings.cache_clear()


def test_unknown_format_exits_2_with_a_message(run):
    result = run("query", "ASK { ?s ?p ?o }", "--format", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output
    assert "'yaml' is not one of" in result.output


def test_query_json_answers_ask(run):
    result = run("query", "ASK { ?s ?p ?o }", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True


def test_malformed_query_exits_2_naming_the_position(run):
    result = run("query", "SELECT * WHERE { ?s ?p }")
    assert result.exit_code == 2
    assert "error at 1:" in result.output


def test_query_from_file_as_csv(run, tmp_path):
    rq = tmp_path / "orgs.rq"
    rq.write_text('SELECT ?label WHERE { <%s> <http://www.w3.org/2004/02/skos/core#prefLabel> ?label '
                  'FILTER(LANG(?label) = "en") }' % MOJ_VN, encoding="utf-8")
    result = run("query", "-f", str(rq), "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "label"
    assert "Ministry of Justice" in lines[1]


@pytest.mark.parametrize("text", ["bo tu phap", "BỘ TƯ PHÁP", "Bo Tu Phap"])
def test_search_ignores_case_and_diacritics(run, text):
    result = run("search", text)
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[2]
    assert "id:org/moj-vn" in first


def test_search_finds_the_enforcement_department_by_abbreviation(run):
    result = run("search", "THADS")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[2]
    assert "Civil Judgment Enforcement" in first


def test_export_nquads_keeps_graphs_and_evidence(run, tmp_path):
    out = tmp_path / "coop.nq"
    result = run("export", "--format", "nquads", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<https://w3id.org/coop/graph/doc/000> ." in text
    assert "<https://w3id.org/coop/graph/doc/003> ." in text
    assert "<http://www.w3.org/ns/oa#exact>" in text


@pytest.mark.parametrize("fmt,marker", [("graphml", "<graphml"), ("gexf", "<gexf")])
def test_export_for_gephi(run, tmp_path, fmt, marker):
    out = tmp_path / f"coop.{fmt}"
    result = run("export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert marker in text and MOJ_VN in text


def test_stats_counts_classes_and_graphs(run):
    result = run("stats")
    assert result.exit_code == 0, result.output
    assert "coop:Agreement" in result.stdout
    assert "https://w3id.org/coop/graph/doc/000" in result.stdout


@pytest.mark.parametrize("command", ["build", "validate", "query", "export", "stats", "search", "serve"])
def test_every_command_explains_itself_with_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
