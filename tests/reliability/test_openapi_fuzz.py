"""Schemathesis: requests generated from the API's own OpenAPI document find no 500 and no
response that contradicts the document.

The app runs in this process over a private copy of the shipped graph with a token set, so
that generated writes are refused (401) rather than applied, and with a short time limit and
a small result cap so that a generated SPARQL query cannot run long. The number of examples
per operation is bounded (``COOP_FUZZ_EXAMPLES``, default 20) to keep the run under a minute
or two; raise it for a deeper search.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)

from api.main import create_app
from graph.settings import Settings
from graph.store import OxigraphStore

EXAMPLES = int(os.environ.get("COOP_FUZZ_EXAMPLES", "20"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, response_headers_conformance]


@pytest.fixture(scope="module")
def api_schema(seed_store):
    store = OxigraphStore()
    store.restore(seed_store.dump("nquads"))
    app = create_app(store, settings=Settings(api_token="fuzz-token-never-sent", query_timeout=2.0,
                                              result_cap=2_000))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def fuzz(operation) -> list[str]:
    """Run EXAMPLES generated cases of one operation; the failures, as readable lines."""
    failures: list[str] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case) -> None:
        try:
            case.call_and_validate(checks=CHECKS)
        except Exception as exc:  # noqa: BLE001 - every failure is collected and reported below
            failures.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:600]}")
            raise

    try:
        run()
    except Exception:  # noqa: BLE001 - hypothesis re-raises the shrunk failure, already recorded
        pass
    return failures[-1:]  # the shrunk (last) example


@pytest.mark.slow
def test_generated_requests_get_no_500_and_answers_that_match_the_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15  # the whole API is covered, not an empty schema
    failures = [line for operation in operations for line in fuzz(operation)]
    assert not failures, "\n\n".join(failures)
