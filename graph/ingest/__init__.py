"""Ingest new articles: Vietnamese extraction with evidence, and the review workflow.

``extract`` turns an article's text into entities and facts, each with its evidence;
``review`` stores them apart from the curated graph and moves them in when accepted.
See docs/ingest.md.
"""

from graph.ingest.extract import EXTRACTOR_VERSION, document_id, extract

__all__ = ["EXTRACTOR_VERSION", "document_id", "extract"]
