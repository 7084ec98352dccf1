"""JSON answers for what fails outside the GraphQL view: the router's 404 and 405, and the last
resort for an exception nothing else handled (a JSON 500 with a code, its text not quoted)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from loveq.graphql_view import error_response

log = logging.getLogger("loveq.http")


def status_code_name(status: int) -> str:
    """405 -> METHOD_NOT_ALLOWED."""
    try:
        return HTTPStatus(status).phrase.upper().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "BAD_REQUEST" if status < 500 else "INTERNAL_SERVER_ERROR"


async def http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, str(exc.detail), status_code_name(exc.status_code))


async def unexpected(request: Request, exc: Exception) -> Response:
    # The exception's text may quote the request; its type and the path are enough to look.
    log.error("unexpected %s while serving %s %s", type(exc).__name__, request.method, request.url.path)
    return error_response(500, "Internal server error", "INTERNAL_SERVER_ERROR")


EXCEPTION_HANDLERS: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
    HTTPException: http_exception,
    Exception: unexpected,
}
