"""One log line per GraphQL request, and its metrics.

`RequestLog` is ASGI middleware around the app, for /graphql only. Each HTTP request gets a
request id — the client's `X-Request-Id` when it sent a plausible one, else a new one — echoed in
the response's `X-Request-Id` header, and an `Exchange` (loveq/exchange.py) that the layers
inside fill in. When the response has been sent (for a stream: when it ends, or the client
leaves) the request is written as one line and counted (Requests, Latency, Errors).

A WebSocket connection gets a request id too (echoed on the upgrade's answer): each operation
on it is written and counted when it ends (loveq/operation_observer.py), and the connection
itself when it closes.

The line holds the request id, the transport, the operation's name, type and root field, the
duration, the HTTP status, the error codes and the caller as a salted hash; never a header,
a variable, a document, message text or a token.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import uuid
from typing import Any

from loveq import exchange as exchanges
from loveq.exchange import CONNECTION, HTTP, Exchange
import telemetry

log = logging.getLogger("loveq.request")

REQUEST_ID_HEADER = b"x-request-id"
ANONYMOUS = "anonymous"


class UserHasher:
    """A user id as a short keyed hash: the same user reads the same within a deployment that
    shares the salt, and cannot be turned back into the id without it."""

    def __init__(self, salt: str | None) -> None:
        self._key = (salt or secrets.token_hex(32)).encode()

    def __call__(self, user_id: uuid.UUID | None) -> str | None:
        if user_id is None:
            return None
        return hmac.new(self._key, user_id.bytes, hashlib.sha256).hexdigest()[:16]


def log_fields(exchange: Exchange, hasher: UserHasher) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "request_id": exchange.request_id,
        "transport": exchange.transport,
        "operation": exchange.operation_name,
        "operation_type": exchange.operation_type,
        "field": exchange.root_field,
        "duration_ms": exchange.elapsed_ms(),
        "status": exchange.status,
        "error_codes": list(exchange.codes),
        "user": hasher(exchange.user_id),
    }
    if exchange.client_gone:
        fields["client_gone"] = True
    return fields


class Finish:
    """What happens when an exchange ends: its line, and (for an operation) its metrics."""

    def __init__(self, hasher: UserHasher) -> None:
        self.hasher = hasher

    def __call__(self, exchange: Exchange) -> None:
        if exchange.transport == CONNECTION:
            log.info("websocket closed", extra={"fields": log_fields(exchange, self.hasher)})
            return
        log.info("graphql %s", exchange.transport, extra={"fields": log_fields(exchange, self.hasher)})
        if exchange.is_operation:
            streamed = exchange.operation_type == "subscription"
            telemetry.request_done(
                exchange.root_field or ANONYMOUS, None if streamed else exchange.elapsed_ms(), exchange.codes
            )


class RequestLog:
    def __init__(self, app: Any, *, finish: Finish, path: str = "/graphql") -> None:
        self.app = app
        self.finish = finish
        self.path = path

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or scope.get("path") != self.path:
            await self.app(scope, receive, send)
            return
        offered = dict(scope.get("headers") or []).get(REQUEST_ID_HEADER, b"").decode("latin-1")
        current = Exchange(
            exchanges.new_request_id(offered), HTTP if scope["type"] == "http" else CONNECTION, self.finish
        )
        header = (REQUEST_ID_HEADER, current.request_id.encode("latin-1"))

        async def send_with_id(message: dict[str, Any]) -> None:
            kind = message["type"]
            if kind in ("http.response.start", "websocket.accept"):
                message = {**message, "headers": [*message.get("headers", []), header]}
                current.status = message.get("status")
            elif kind == "websocket.close":
                current.status = message.get("code", 1000)
            await send(message)

        token = exchanges.enter(current)
        clock = telemetry.start_operation(current.started)
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:  # escaped every handler: the client got a bare 500 or a torn stream
            if current.transport != CONNECTION:
                current.status = current.status or 500
                current.note_codes(["INTERNAL_SERVER_ERROR"])
            raise
        finally:
            current.finish()
            telemetry.end_operation(clock)
            exchanges.leave(token)
