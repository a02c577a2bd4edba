"""Measure extraction against hand-made gold annotations (``tests/data/gold/*.json``).

**Entities** are compared as things, not mentions: a predicted entity is right when one
of its mentions overlaps a mention of a gold entity *of the same type* (lenient: the
overlap covers at least half of the longer span; strict: the same span). Precision is the
share of predicted entities that are right; recall the share of gold entities found.

**Facts** are compared by kind and their core arguments (agreement: a party in common and
no conflicting date; event: same edition and date; visit: host or visitor and no date
conflict; membership: member and organisation; project: a beneficiary; post: person and
title; repeals: both documents), one predicted fact per gold fact. Among matched facts,
every argument (role → entity, dates) is scored too.

Two settings: **seen** links with the whole gazetteer of the store; **unseen** (leave one
out) hides the entities that only the article under test mentions, as for an article the
project has never read. The built-in lexicons (countries, provinces, titles, well-known
international organisations) are general knowledge and stay in both.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.ingest.clean import fold
from graph.ingest.extract import extract
from graph.ingest.gazetteer import BASE, Gazetteer
from graph.ingest.model import ENTITY_TYPES, FACT_KINDS, Entity, Extraction, Fact
from graph.store import Store

__all__ = ["Counts", "Report", "evaluate", "evaluate_document", "gold_spans", "load_gold"]

_NESTED = {"country", "intl"}  # may be named inside a longer name ("Bộ Tư pháp Lào", "ASEAN-G7")
_CORE_DATE = {"agreement", "event", "visit", "membership"}


@dataclass
class Counts:
    tp_pred: int = 0  # predicted items that are right
    pred: int = 0
    tp_gold: int = 0  # gold items found
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold
        return self


@dataclass
class Report:
    entities: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    strict: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    facts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    arguments: Counts = field(default_factory=Counts)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def total(self, table: str) -> Counts:
        out = Counts()
        for counts in getattr(self, table).values():
            out += counts
        return out

    def add(self, other: "Report") -> None:
        for table in ("entities", "strict", "facts"):
            for key, counts in getattr(other, table).items():
                getattr(self, table)[key] += counts
        self.arguments += other.arguments
        self.missed += other.missed
        self.spurious += other.spurious


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_spans(text: str, gold: dict) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of every gold surface name; one inside a longer annotated name of
    another entity does not count, except for countries and international bodies ("Lào" in
    "Bộ Tư pháp Lào", "G7" in "ASEAN-G7")."""
    found: dict[str, list[tuple[int, int]]] = {}
    for entity in gold["entities"]:
        spans = []
        for surface in entity["mentions"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
                spans.append(m.span())
        if not spans:
            raise ValueError(f"gold entity {entity['id']}: no mention occurs in the text")
        found[entity["id"]] = sorted(set(spans))
    types = {e["id"]: e["type"] for e in gold["entities"]}
    everything = [(s, e, i) for i, spans in found.items() for s, e in spans]
    for ident, spans in found.items():
        if types[ident] in _NESTED:
            continue
        found[ident] = [(s, e) for s, e in spans if not any(
            other != ident and types[other] not in _NESTED and os <= s and e <= oe and (os, oe) != (s, e)
            for os, oe, other in everything)]
    return found


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(a[1] - a[0], b[1] - b[0]) if inter > 0 else 0.0


def _align(extraction: Extraction, gold: dict, spans: dict[str, list[tuple[int, int]]],
           strict: bool) -> dict[int, str]:
    """Predicted entity (by id()) → the gold entity it names, if any."""
    types = {e["id"]: e["type"] for e in gold["entities"]}
    aligned: dict[int, str] = {}
    for entity in extraction.entities:
        best, score = None, 0.0
        for ident, gold_spans_ in spans.items():
            if types[ident] != entity.type:
                continue
            for p in entity.spans:
                for g in gold_spans_:
                    value = (1.0 if p == g else 0.0) if strict else _overlap(p, g)
                    if value > score:
                        best, score = ident, value
        if best is not None and score >= (1.0 if strict else 0.5):
            aligned[id(entity)] = best
    return aligned


def _ids(entities: list[Entity], aligned: dict[int, str]) -> set[str]:
    return {aligned[id(e)] for e in entities if id(e) in aligned}


def _date(fact: Fact) -> tuple[str | None, str | None]:
    if not fact.dates:
        return None, None
    return fact.dates.begin.iso, fact.dates.until.iso if fact.dates.until else None


def _matches(p: Fact, g: dict, aligned: dict[int, str]) -> bool:
    if p.kind != g["kind"]:
        return False
    args = g.get("args", {})
    got = lambda role: _ids(p.role(role), aligned)  # noqa: E731
    begin, _ = _date(p)
    if g.get("date") and begin and begin != g["date"] and p.kind in _CORE_DATE:
        return False
    if p.kind == "agreement":
        return p.values.get("kind") == g.get("agreement_kind") and bool(got("party") & set(args.get("party", [])))
    if p.kind == "event":
        if g.get("edition") != p.values.get("edition"):
            return False
        if g.get("date") and begin != g["date"]:
            return False
        if "superEvent" in args and not got("superEvent") & set(args["superEvent"]):
            return False
        return g.get("event_kind") == p.values.get("kind") or bool(g.get("edition"))
    if p.kind == "visit":
        return bool((got("host") | got("visitor")) & set(args.get("host", []) + args.get("visitor", [])))
    if p.kind == "membership":
        return bool(got("member") & set(args["member"])) and bool(got("organization") & set(args["organization"]))
    if p.kind == "project":
        return bool(got("beneficiary") & set(args.get("beneficiary", [])))
    if p.kind == "post":
        return bool(got("heldBy") & set(args["heldBy"])) and fold(p.values.get("title", "")) == fold(g["title"])
    if p.kind == "repeals":
        return got("document") == set(args["document"]) and got("repeals") == set(args["repeals"])
    return False


def _score_arguments(p: Fact, g: dict, aligned: dict[int, str]) -> Counts:
    counts = Counts()
    roles = set(g.get("args", {})) | {r for r in p.args if r in g.get("args", {}) or g["kind"] != "post"}
    for role in roles:
        want, got = set(g.get("args", {}).get(role, [])), _ids(p.role(role), aligned)
        counts.tp_pred += len(got & want)
        counts.pred += len(p.role(role))
        counts.tp_gold += len(got & want)
        counts.gold += len(want)
    begin, until = _date(p)
    for key, value in (("date", begin), ("end", until)):
        if g.get(key) or value:
            counts.pred += value is not None
            counts.gold += key in g
            right = value is not None and value == g.get(key)
            counts.tp_pred += right
            counts.tp_gold += right
    return counts


def evaluate_document(extraction: Extraction, gold: dict) -> Report:
    report = Report()
    text = extraction.text
    spans = gold_spans(text, gold)
    types = {e["id"]: e["type"] for e in gold["entities"]}
    for strict, table in ((False, report.entities), (True, report.strict)):
        aligned = _align(extraction, gold, spans, strict)
        for type_ in ENTITY_TYPES:
            predicted = [e for e in extraction.entities if e.type == type_]
            wanted = [i for i, t in types.items() if t == type_]
            found = {aligned[id(e)] for e in predicted if id(e) in aligned}
            table[type_] += Counts(sum(id(e) in aligned for e in predicted), len(predicted),
                                   len(found & set(wanted)), len(wanted))
            if not strict:
                report.missed += [f"{gold['doc_id']}: entity {i} ({type_})" for i in wanted if i not in found]
                report.spurious += [f"{gold['doc_id']}: entity {e.name!r} ({type_})"
                                    for e in predicted if id(e) not in aligned]
    aligned = _align(extraction, gold, spans, False)
    used: set[int] = set()
    matched_pred: set[int] = set()
    for n, g in enumerate(gold["facts"]):
        for p in extraction.facts:
            if id(p) not in matched_pred and _matches(p, g, aligned):
                used.add(n)
                matched_pred.add(id(p))
                report.arguments += _score_arguments(p, g, aligned)
                break
    for kind in FACT_KINDS:
        predicted = [p for p in extraction.facts if p.kind == kind]
        wanted = [n for n, g in enumerate(gold["facts"]) if g["kind"] == kind]
        report.facts[kind] += Counts(sum(id(p) in matched_pred for p in predicted), len(predicted),
                                     sum(n in used for n in wanted), len(wanted))
        report.missed += [f"{gold['doc_id']}: fact #{n} {gold['facts'][n]}" for n in wanted if n not in used]
        report.spurious += [f"{gold['doc_id']}: fact {p.kind} {p.values} "
                            f"{ {r: [e.name for e in es] for r, es in p.args.items()} }"
                            for p in predicted if id(p) not in matched_pred]
    return report


def evaluate(corpus: Path, gold_dir: Path, store: Store | None = None, *, leave_one_out: bool = True,
             base: str = BASE) -> Report:
    """Extract every gold-annotated article of ``corpus`` and score it.

    With a ``store``, names are linked with its gazetteer; ``leave_one_out`` hides the
    entities only the article under test mentions.
    """
    report = Report()
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        text = (corpus / gold["file"]).read_text(encoding="utf-8")
        if store is None:
            gazetteer = Gazetteer.empty()
        else:
            exclude = f"{base}doc/{gold['doc_id']}" if leave_one_out else None
            gazetteer = Gazetteer.from_store(store, exclude_doc=exclude)
        extraction = extract(text, doc_id=gold["doc_id"], name=gold["file"], gazetteer=gazetteer, base=base)
        report.add(evaluate_document(extraction, gold))
    return report


def format_report(reports: dict[str, Report]) -> str:
    """A Markdown table per measure, one column pair per setting."""
    names = list(reports)
    head = "| | " + " | ".join(f"{n} P | {n} R" for n in names) + " |"
    rule = "|---|" + "---|---|" * len(names)
    lines = ["Entities (lenient span match, same type)", "", head, rule]
    for type_ in ENTITY_TYPES + ("all",):
        row = [reports[n].total("entities") if type_ == "all" else reports[n].entities[type_] for n in names]
        lines.append(f"| {type_} ({row[0].gold}) | " + " | ".join(f"{c.precision:.2f} | {c.recall:.2f}" for c in row)
                     + " |")
    strict = [reports[n].total("strict") for n in names]
    lines.append("| all, exact spans | " + " | ".join(f"{c.precision:.2f} | {c.recall:.2f}" for c in strict) + " |")
    lines += ["", "Facts (kind and core arguments)", "", head, rule]
    for kind in FACT_KINDS + ("all",):
        row = [reports[n].total("facts") if kind == "all" else reports[n].facts[kind] for n in names]
        lines.append(f"| {kind} ({row[0].gold}) | " + " | ".join(f"{c.precision:.2f} | {c.recall:.2f}" for c in row)
                     + " |")
    args = [reports[n].arguments for n in names]
    lines.append("| arguments of matched facts | " + " | ".join(f"{c.precision:.2f} | {c.recall:.2f}"
                                                             for c in args) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """``python -m graph.ingest.evaluate [GOLD_DIR]``: the tables of docs/ingest.md."""
    import sys

    from graph.build import build
    from graph.resources import corpus_dir
    from graph.store import OxigraphStore

    args = sys.argv[1:] if argv is None else argv
    gold = Path(args[0]) if args else Path("tests/data/gold")
    store = OxigraphStore()
    build(store, validate=False)
    corpus = corpus_dir()
    print(format_report({
        "seen": evaluate(corpus, gold, store, leave_one_out=False),
        "unseen": evaluate(corpus, gold, store, leave_one_out=True),
    }))
    heldout = gold / "heldout"
    if heldout.is_dir():
        print("\nHeld-out articles (tests/data/gold/heldout)\n")
        print(format_report({"held-out": evaluate(heldout, heldout, store, leave_one_out=False)}))


if __name__ == "__main__":
    main()
