"""Who may write: the holder of ``COOP_API_TOKEN``, shown as ``Authorization: Bearer …``.

No token configured means writes are switched off for everyone (403); a missing or wrong
token is 401. Tokens are compared in constant time, and no message or log line repeats
what the client sent.
"""

from __future__ import annotations

import hmac

from graph.errors import Forbidden, Unauthorized
from graph.settings import Settings


def require_writer(authorization: str | None, settings: Settings) -> None:
    """Raise unless ``authorization`` carries the configured token.

    >>> from graph.settings import Settings
    >>> require_writer("Bearer s3cret", Settings(api_token="s3cret"))
    >>> require_writer("Bearer nope", Settings(api_token="s3cret"))
    Traceback (most recent call last):
    ...
    graph.errors.Unauthorized: The bearer token is missing or wrong.
    >>> require_writer("Bearer s3cret", Settings(api_token=None))
    Traceback (most recent call last):
    ...
    graph.errors.Forbidden: Writes are switched off on this service: no API token is configured (COOP_API_TOKEN).
    """
    expected = settings.api_token
    if not expected:
        raise Forbidden("Writes are switched off on this service: no API token is configured (COOP_API_TOKEN).")
    scheme, _, presented = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        presented.strip().encode("utf-8"), expected.encode("utf-8")
    ):
        raise Unauthorized("The bearer token is missing or wrong.")
