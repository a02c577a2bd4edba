"""``coop ingest`` and ``coop review``: feed new articles in, then accept or reject what was found."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.cli.common import fail, opened_store, reports_errors, say
from graph.results import table

review_app = typer.Typer(help="Review extracted facts: list, accept, reject.", no_args_is_help=True)


class IngestFormat(str, Enum):
    turtle = "turtle"
    jsonl = "jsonl"


@reports_errors
def ingest_command(
    files: Annotated[list[Path], typer.Argument(help="Articles: UTF-8 plain text or HTML pages.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would be stored; store nothing.")] = False,
    fmt: Annotated[IngestFormat, typer.Option("--format", help="What --dry-run prints.")] = IngestFormat.turtle,
    doc_id: Annotated[Optional[str], typer.Option("--id", help="Document id (one file only); default: "
                                                  "the corpus number, or a hash of the text.")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", min=1,
                                                     help="Largest file accepted (COOP_INGEST_MAX_BYTES).")] = None,
) -> None:
    """Extract entities and facts, with their evidence, from Vietnamese articles.

    Without --dry-run each article's facts replace its graph …/graph/extracted/{id}, marked
    extracted, until a reviewer accepts them (coop review). Every file is read and checked
    before anything is stored.

    Examples: coop ingest --dry-run article.txt     coop --store var/store ingest new/*.txt
    """
    from graph.ingest.config import IngestSettings
    from graph.ingest.extract import EXTRACTOR_VERSION
    from graph.ingest.reader import read_article
    from graph.ingest.rdf import to_jsonl
    from graph.ingest.review import ingest

    if doc_id and len(files) > 1:
        fail("--id names one document: give one file with it", 2)
    limit = max_bytes or IngestSettings().max_bytes
    articles = [read_article(path, max_bytes=limit) for path in files]  # all or nothing
    with opened_store(build_if_empty=True) as store:
        for article in articles:
            result, graph = ingest(store, article, doc_id=doc_id, dry_run=dry_run)
            ex = result.extraction
            counts = ", ".join(f"{n} {k}" for k, n in _counts(ex).items()) or "no facts"
            if dry_run:
                if fmt is IngestFormat.jsonl:
                    from graph.ingest.gazetteer import BASE

                    sys.stdout.write(to_jsonl(ex, base=BASE, version=EXTRACTOR_VERSION))
                else:
                    sys.stdout.write(graph.serialize(format="turtle"))
                say(f"{article.name}: document {ex.doc_id}: {len(ex.entities)} entities, {counts} "
                    f"({ex.seconds * 1000:.0f} ms; dry run, nothing stored)")
            else:
                say(f"{article.name}: document {ex.doc_id}: {len(ex.entities)} entities, {counts} "
                    f"-> <{result.graph}> ({result.triples} triples"
                    + (f"; {result.skipped} already reviewed" if result.skipped else "") + ")")
        if not dry_run and store.__class__.__name__ == "OxigraphStore" and getattr(store, "path", None) is None:
            say("note: the store is in memory and is lost at exit; use --store DIR to keep the facts")


def _counts(ex) -> dict[str, int]:
    counts: dict[str, int] = {}
    for fact in ex.facts:
        counts[fact.kind] = counts.get(fact.kind, 0) + 1
    return counts


@reports_errors
def review_list(
    document: Annotated[Optional[str], typer.Option("--document", help="Only this document id.")] = None,
    status: Annotated[Optional[str], typer.Option(help="extracted, accepted or rejected.")] = None,
) -> None:
    """List the facts awaiting review (and those already decided).

    Example: coop --store var/store review list --document 003
    """
    from graph.ingest.review import list_facts

    with opened_store(build_if_empty=False) as store:
        rows = list_facts(store, document)
    rows = [r for r in rows if status is None or r.status == status]
    if not rows:
        fail("no facts to review" + (f" in document {document}" if document else "") + ": run coop ingest first")
    typer.echo(table(["fact", "document", "status", "conf.", "label"],
                     [[r.id, r.document, r.status, "" if r.confidence is None else f"{r.confidence:.2f}",
                       r.label[:90]] for r in rows]))


def _decide(accept: bool, fact: Optional[str], document: Optional[str]) -> None:
    from graph.ingest import review

    with opened_store(build_if_empty=False) as store:
        count = (review.accept if accept else review.reject)(store, fact, doc_id=document)
    say(f"{'accepted' if accept else 'rejected'} {count} fact(s)")


@reports_errors
def review_accept(
    fact: Annotated[Optional[str], typer.Argument(help="Fact id (kind/slug, as `review list` shows) or IRI.")] = None,
    document: Annotated[Optional[str], typer.Option("--document", help="Accept every extracted fact of it.")] = None,
) -> None:
    """Accept a fact: it moves, with its evidence, into …/graph/reviewed/{id} as curated.

    Examples: coop review accept agreement/003-agreement-03d9a57b92   coop review accept --document 003
    """
    _decide(True, fact, document)


@reports_errors
def review_reject(
    fact: Annotated[Optional[str], typer.Argument(help="Fact id (kind/slug) or IRI.")] = None,
    document: Annotated[Optional[str], typer.Option("--document", help="Reject every extracted fact of it.")] = None,
) -> None:
    """Reject a fact: it is removed and recorded, so re-ingesting does not bring it back.

    Example: coop review reject event/003-event-5ff55a6efc
    """
    _decide(False, fact, document)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    review_app.command("list")(review_list)
    review_app.command("accept")(review_accept)
    review_app.command("reject")(review_reject)
    app.add_typer(review_app, name="review")
