"""``coop map`` as a user types it, over the shipped graph (built in memory per call)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from graph.activities import index_for
from graph.analytics.projections import organisation_graph
from graph.cli import app
from graph.ids import short_id


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("COOP_STORE", "memory")
    from graph.settings import get_settings

    get_settings.cache_clear()
    runner = CliRunner()
    yield lambda *args: runner.invoke(app, list(args))
    get_settings.cache_clear()


def test_map_writes_the_whole_network(run, tmp_path, seed_store, page_data):
    target = tmp_path / "network.html"
    result = run("map", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr
    nodes = page_data(target.read_text(encoding="utf-8"))["nodes"]
    assert {n["id"] for n in nodes} == {short_id(n) for n in organisation_graph(index_for(seed_store))}


def test_map_of_partners_is_centred(run, tmp_path, page_data):
    target = tmp_path / "moj.html"
    result = run("map", "--center", "org/moj-vn", "--depth", "2", "--since", "2010", "--lang", "en", "-o", str(target))
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    data = page_data(html)
    assert [n["id"] for n in data["nodes"] if n.get("centre")] == ["org/moj-vn"]
    assert data["page"]["window"] == [2010, None]
    assert data["page"]["depth"] == 2
    assert '<html lang="en">' in html


def test_country_level(run, tmp_path, page_data):
    target = tmp_path / "countries.html"
    assert run("map", "--level", "country", "-o", str(target)).exit_code == 0
    classes = {n["cls"] for n in page_data(target.read_text(encoding="utf-8"))["nodes"]}
    assert "Country" in classes


def test_overview_draws_every_organisation(run, tmp_path, seed_store, page_data):
    target = tmp_path / "overview.html"
    assert run("map", "--overview", "-o", str(target)).exit_code == 0
    nodes = page_data(target.read_text(encoding="utf-8"))["overview"]["nodes"]
    assert {n[0] for n in nodes} == {short_id(n) for n in organisation_graph(index_for(seed_store))}


def test_without_output_the_page_goes_to_stdout(run):
    result = run("map", "--via", "agreement")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("args", "message"), [
    (("--via", "visit"), "Unknown activity kind 'visit'"),
    (("--center", "org/moj-vn", "--level", "country"), "--center draws an organisation's partners"),
    (("--center", "ministry/x"), "Unknown kind 'ministry'"),
    (("--since", "2020", "--until", "2000"), "The time window is empty"),
    (("--overview", "--center", "org/moj-vn"), "--overview draws the whole organisation network"),
])
def test_bad_options_exit_2_with_the_reason(run, args, message):
    result = run("map", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unknown_centre_exits_1(run):
    result = run("map", "--center", "org/nobody-at-all")
    assert result.exit_code == 1
    assert "org/nobody-at-all> takes part in any activity" in result.stderr
