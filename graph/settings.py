"""One settings object, read from ``COOP_*`` environment variables.

``get_settings()`` is cached; tests and the API override it rather than mutating globals.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COOP_", extra="ignore")

    store: str = Field(
        "memory",
        description='"memory", a directory for an on-disk store, or the URL of a SPARQL server '
        '(e.g. "http://127.0.0.1:7878" for `oxigraph serve`).',
    )
    base_iri: str = Field("https://w3id.org/coop/", description="Base of every IRI the graph mints.")
    corpus: Path | None = Field(None, description="Folder of the source articles (tests and ingest).")
    api_token: str | None = Field(None, description="Bearer token that allows writes; writes are refused without it.")
    query_timeout: float = Field(10.0, description="Seconds a SPARQL query may run before the client gets 503.")
    result_cap: int = Field(100_000, description="Most rows (or triples) one query may return.")
    allow_service: bool = Field(False, description="Allow federated SERVICE clauses on the public endpoint.")
    max_body_bytes: int = Field(2_000_000, description="Largest request body the API accepts.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed to read the API from a browser.")


@lru_cache
def get_settings() -> Settings:
    return Settings()
