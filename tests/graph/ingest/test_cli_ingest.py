"""``coop ingest`` and ``coop review`` from the command line."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from graph.cli import app

ARTICLE = ("Ngày 10/5/2024, tại Viêng Chăn, Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào đã ký kết "
           "Bản ghi nhớ hợp tác.\nSign In\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_dry_run_prints_turtle_with_vietnamese_labels(runner, article, tmp_path):
    result = runner.invoke(app, ["--store", "memory", "ingest", "--dry-run", str(article)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    labels = {str(o) for _, _, o in graph.triples((None, None, None)) if getattr(o, "language", None) == "vi"}
    assert any("Bộ Tư pháp Lào" in label for label in labels)
    assert "dry run, nothing stored" in result.stderr


def test_dry_run_json_lines(runner, article):
    result = runner.invoke(app, ["--store", "memory", "ingest", "--dry-run", "--format", "jsonl", str(article)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["type"] == "document"
    [agreement] = [line for line in lines if line["type"] == "fact" and line["kind"] == "agreement"]
    assert agreement["dates"]["start"] == "2024-05-10"
    assert {a["name"] for a in agreement["args"]["party"]} == {"Bộ Tư pháp Việt Nam", "Bộ Tư pháp Lào"}
    quote = agreement["evidence"][0]
    assert ARTICLE[quote["start"]:quote["end"]] == quote["quote"]


def test_ingest_then_review_on_disk(runner, article, tmp_path):
    store = str(tmp_path / "store")
    assert runner.invoke(app, ["--store", store, "build", "--no-validate"]).exit_code == 0
    result = runner.invoke(app, ["--store", store, "ingest", "--id", "news", str(article)])
    assert result.exit_code == 0, result.output
    assert "graph/extracted/news" in result.stderr
    listing = runner.invoke(app, ["--store", store, "review", "list", "--document", "news"])
    assert listing.exit_code == 0, listing.output
    fact = next(line.split()[0] for line in listing.stdout.splitlines() if line.startswith("agreement/"))
    accepted = runner.invoke(app, ["--store", store, "review", "accept", fact])
    assert accepted.exit_code == 0 and "accepted 1 fact(s)" in accepted.stderr
    listing = runner.invoke(app, ["--store", store, "review", "list", "--document", "news", "--status", "accepted"])
    assert fact in listing.stdout


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"\x00\x01\x02binary\x00", "binary file"),
    ("Bộ Tư pháp".encode("utf-16"), "UTF-16"),
    (b"B\xf4 T\xdd ph\xe1p", "not UTF-8"),
])
def test_bad_input_exits_non_zero_naming_the_file_and_stores_nothing(runner, tmp_path, article, data, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    store = tmp_path / "store"
    result = runner.invoke(app, ["--store", str(store), "ingest", str(article), str(bad)])
    assert result.exit_code == 2
    assert f"error: {bad}: " in result.stderr and message in result.stderr
    assert not store.exists()  # every file is checked before the store is even opened: the good one is not stored


def test_size_limit(runner, article):
    result = runner.invoke(app, ["--store", "memory", "ingest", "--max-bytes", "50", "--dry-run", str(article)])
    assert result.exit_code == 2 and "over the ingest limit of 50 bytes" in result.stderr
