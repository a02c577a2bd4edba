"""One error shape for every endpoint: RFC 9457 problem details, one handler per kind.

Every body is ``{"type", "title", "status", "detail", "instance", ...}`` served as
``application/problem+json``. Extra members carry what a client can act on:
``line``/``column`` for a query that does not parse, ``supported`` for a 406,
``suggestions`` for an unknown entity.
"""

from __future__ import annotations

import logging
import re
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import CoopError, InvalidQuery, Unauthorized

PROBLEM = "application/problem+json"
log = logging.getLogger(__name__)

# Oxigraph says "error at 3:2: expected …"; remote servers say the same, or "line 3 column 2".
_POSITION = re.compile(r"(?:error at (\d+):(\d+))|(?:line (\d+),? column (\d+))")


class PayloadTooLarge(CoopError):
    status = 413
    title = "Payload too large"


class UnsupportedMediaType(CoopError):
    status = 415
    title = "Unsupported media type"


def problem(status: int, title: str, detail: str, headers: dict[str, str] | None = None,
            **extra: object) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def position(message: str) -> dict[str, int]:
    """``{"line": L, "column": C}`` read from a parser's message, or ``{}``.

    >>> position("error at 3:2: expected OPTIONAL")
    {'line': 3, 'column': 2}
    >>> position("no position here")
    {}
    """
    found = _POSITION.search(message)
    if not found:
        return {}
    groups = [g for g in found.groups() if g is not None]
    return {"line": int(groups[0]), "column": int(groups[1])}


def install(app: FastAPI) -> None:
    @app.exception_handler(CoopError)
    async def coop_error(request: Request, exc: CoopError) -> JSONResponse:
        extra = dict(getattr(exc, "extra", {}) or {})
        if isinstance(exc, InvalidQuery):
            extra = {**position(str(exc)), **extra}
        headers = {"WWW-Authenticate": 'Bearer realm="coopgraph"'} if isinstance(exc, Unauthorized) else None
        return problem(exc.status, exc.title, str(exc), headers=headers, instance=request.url.path, **extra)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, _title(exc.status_code), str(exc.detail), headers=exc.headers,
                       instance=request.url.path)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"location": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors)
        return problem(422, "Invalid request", detail, errors=errors, instance=request.url.path)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The traceback goes to the log, not to the client; the request line is enough to
        # find it (the query string may hold a query, never a credential).
        log.exception("unexpected error answering %s %s", request.method, request.url.path)
        return problem(500, "Internal error", f"The server failed while answering: {type(exc).__name__}.",
                       instance=request.url.path)


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
