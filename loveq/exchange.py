"""What the shell learns about one GraphQL operation while it runs, for its log line and metrics.

An `Exchange` is opened by the request log (loveq/request_log.py) for each HTTP request to
/graphql, and for each WebSocket connection; each operation on a WebSocket gets an exchange of its
own (`Exchange.operation`). The view, the schema extension and the error paths add what they
know — the transport, the operation, the caller, the error codes the answer carried — through the
exchange of the current context, and whoever opened it finishes it once: one log line, the
operation's metrics.

Nothing here holds message text: codes, names, a user id (hashed when written), timings.
"""

from __future__ import annotations

import contextvars
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The transports an operation arrives by; `connection` is a WebSocket before any operation.
HTTP, SSE, MULTIPART, WEBSOCKET, CONNECTION = "http", "sse", "multipart", "ws", "connection"
_PROTOCOLS = {"http": HTTP, "graphql-sse": SSE, "sse": SSE, "multipart-subscription": MULTIPART}

Finisher = Callable[["Exchange"], None]


@dataclass
class Exchange:
    request_id: str
    transport: str
    finish_with: Finisher | None = None
    started: float = field(default_factory=time.monotonic)
    operation_name: str | None = None  # the client's operationName, as sent
    operation_type: str | None = None  # query | mutation | subscription
    root_field: str | None = None  # the schema's root field, when the operation selects exactly one
    user_id: uuid.UUID | None = None  # hashed with the log salt when written, never logged as is
    status: int | None = None  # the HTTP status sent; a WebSocket's close code
    codes: list[str] = field(default_factory=list)
    is_operation: bool = False  # a GraphQL operation was answered (not the GraphiQL page)
    client_gone: bool = False  # the client disconnected before the answer was complete
    finished: bool = False

    def operation(self) -> Exchange:
        """An exchange for one operation on this WebSocket connection."""
        return Exchange(self.request_id, WEBSOCKET, self.finish_with, user_id=self.user_id, is_operation=True)

    def note_codes(self, codes: Iterable[str]) -> None:
        self.is_operation = True
        for code in codes:
            if code not in self.codes:
                self.codes.append(code)

    def note_protocol(self, protocol: str) -> None:
        self.is_operation = True
        if self.transport not in (WEBSOCKET, CONNECTION):
            self.transport = _PROTOCOLS.get(protocol, self.transport)

    def elapsed_ms(self) -> float:
        return round((time.monotonic() - self.started) * 1000, 1)

    def finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        if self.finish_with is not None:
            self.finish_with(self)


_current: contextvars.ContextVar[Exchange | None] = contextvars.ContextVar("loveq_exchange", default=None)


def current() -> Exchange | None:
    return _current.get()


def enter(exchange: Exchange) -> contextvars.Token:
    return _current.set(exchange)


def leave(token: contextvars.Token) -> None:
    _current.reset(token)


def note_codes(codes: Iterable[str]) -> None:
    """Adds error codes to the current exchange, if there is one."""
    exchange = _current.get()
    if exchange is not None:
        exchange.note_codes(codes)


def note_client_gone() -> None:
    exchange = _current.get()
    if exchange is not None:
        exchange.client_gone = True


def codes_in(response: Mapping[str, Any]) -> list[str]:
    """The error codes an answer carries: each top-level error's `extensions.code` (parse and
    validation errors get theirs as the view gives them), each `userErrors[].code` of a mutation
    payload, and the `code` of a streamed failure event (`AnalysisFailed`), as far as the client
    selected them."""
    found: list[str] = []
    for error in response.get("errors") or ():
        if isinstance(error, Mapping):
            extensions = error.get("extensions") or {}
            found.append(str(extensions.get("code") or fallback_code(str(error.get("message", "")))))
    data = response.get("data")
    for value in data.values() if isinstance(data, Mapping) else ():
        if not isinstance(value, Mapping):
            continue
        for user_error in value.get("userErrors") or ():
            if isinstance(user_error, Mapping) and isinstance(user_error.get("code"), str):
                found.append(user_error["code"])
        if isinstance(value.get("code"), str):
            found.append(value["code"])
    return found


def fallback_code(message: str) -> str:
    """The code of an error that left without one (graphql-core's own parse and validation
    errors, raised before the error-code extension ran)."""
    return "GRAPHQL_PARSE_FAILED" if message.startswith("Syntax Error") else "GRAPHQL_VALIDATION_FAILED"


def new_request_id(offered: str | None) -> str:
    """The client's `X-Request-Id` when it is a plausible id (printable, short), else a new one."""
    if offered and len(offered) <= 128 and offered.isascii() and offered.isprintable() and " " not in offered:
        return offered
    return uuid.uuid4().hex
