"""Settings of ingestion, read from ``COOP_INGEST_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.ingest.reader import DEFAULT_MAX_BYTES


class IngestSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COOP_INGEST_", extra="ignore")

    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0,
                           description="Largest article file (or request body) ingest accepts, in bytes.")
