"""Measured quality: precision and recall against the gold annotations, on articles the
gazetteer has not seen (leave one out), and on the held-out articles in tests/data/gold/heldout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest.clean import clean
from graph.ingest.evaluate import evaluate, evaluate_document, format_report, gold_spans, load_gold
from graph.ingest.extract import extract

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
HELDOUT = GOLD / "heldout"


@pytest.fixture(scope="module")
def unseen(corpus_dir, seed_store):
    return evaluate(corpus_dir, GOLD, seed_store, leave_one_out=True)


def test_gold_names_occur_in_the_articles(corpus_dir):
    for path in sorted(GOLD.glob("*.json")) + sorted(HELDOUT.glob("*.json")):
        gold = load_gold(path)
        folder = corpus_dir if path.parent == GOLD else HELDOUT
        text = (folder / gold["file"]).read_text(encoding="utf-8")
        spans = gold_spans(text, gold)  # raises when a surface name does not occur
        assert all(spans.values()), path
        ids = {e["id"] for e in gold["entities"]}
        for fact in gold["facts"]:
            assert {i for ids_ in fact["args"].values() for i in ids_} <= ids, fact


def test_gold_quotes_no_more_than_names():
    """The gold files hold names and ids, never the articles' sentences."""
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        longest = max(len(m.split()) for e in gold["entities"] for m in e["mentions"])
        assert longest <= 20, path  # the longest is a conference name of 17 words


def test_unseen_articles_reach_the_targets(unseen):
    entities, facts = unseen.total("entities"), unseen.total("facts")
    print("\n" + format_report({"unseen": unseen}))
    assert entities.recall >= 0.85 and entities.precision >= 0.8
    assert facts.recall >= 0.7 and facts.precision >= 0.8
    for type_ in ("org", "country", "person", "legal"):
        assert unseen.entities[type_].recall >= 0.85, type_
    for kind in ("agreement", "event", "membership", "post"):
        assert unseen.facts[kind].recall >= 0.7, kind


def test_heldout_articles_reach_the_targets():
    report = evaluate(HELDOUT, HELDOUT, None)
    assert report.total("entities").recall >= 0.85 and report.total("entities").precision >= 0.8
    assert report.total("facts").recall >= 0.7 and report.total("facts").precision >= 0.8


def test_a_wrong_extraction_scores_lower(corpus_dir):
    """The measure can fail: drop half the facts and the recall drops with them."""
    gold = load_gold(GOLD / "003.json")
    text = (corpus_dir / gold["file"]).read_text(encoding="utf-8")
    ex = extract(text, doc_id="003")
    full = evaluate_document(ex, gold).total("facts")
    ex.facts = ex.facts[::2]
    half = evaluate_document(ex, gold).total("facts")
    assert half.recall < full.recall
    ex.entities = [e for e in ex.entities if e.type != "person"]
    assert evaluate_document(ex, gold).entities["person"].recall == 0.0
    assert clean(text).work  # the corpus text is read, not copied
