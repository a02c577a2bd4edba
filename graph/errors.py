"""The error tree. Lower-level errors are translated once, at the boundary.

The API maps each class to one HTTP status (``api/errors.py``); the CLI prints the
message and exits non-zero.
"""

from __future__ import annotations


class CoopError(Exception):
    """Base class of every error coopgraph raises on purpose."""

    status = 500
    title = "Internal error"


class NotFound(CoopError):
    status = 404
    title = "Not found"


class InvalidQuery(CoopError):
    """A SPARQL query or update that does not parse (message carries line and column)."""

    status = 400
    title = "Invalid query"


class InvalidInput(CoopError):
    """Bad user input: an unknown format, a malformed file, an out-of-range parameter."""

    status = 400
    title = "Invalid input"


class ValidationFailed(CoopError):
    """The data does not conform to the SHACL shapes; the message is the readable report."""

    status = 422
    title = "Validation failed"


class QueryTimeout(CoopError):
    status = 503
    title = "Query time limit exceeded"


class ResultTooLarge(CoopError):
    status = 503
    title = "Result cap exceeded"


class Forbidden(CoopError):
    status = 403
    title = "Forbidden"


class Unauthorized(CoopError):
    status = 401
    title = "Unauthorized"


class StoreUnavailable(CoopError):
    """The configured store cannot be opened or reached."""

    status = 503
    title = "Store unavailable"
