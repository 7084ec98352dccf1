"""WebSocket (graphql-transport-ws) authentication: the credential is settled at
`connection_init`, and the connection ends when its token does.

- A token comes on the upgrade's `Authorization` header or as `{"Authorization": "Bearer …"}`
  in the `connection_init` payload (browsers cannot set upgrade headers); one that does not
  verify, or whose account was deleted after its sign-in, is refused at init: the socket
  closes with 4403 and the same `reason` HTTP puts in `extensions.reason` (`expired`,
  `bad_signature`, `account_deleted`, …), before any operation is sent.
- An accepted token's connection is closed with 4403 `expired` when the token's `exp` passes;
  the operations still running end with it.
- No token at all is acknowledged, as over HTTP: introspection is open, anything else is
  refused per operation with UNAUTHENTICATED.

4403 ("Forbidden" in the protocol) rather than 4401: graphql-ws clients give up on 4401 but
reconnect on 4403, re-reading their connection params — with a fresh token, which is what an
expired one calls for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage

from loveq.auth import bearer_token
from loveq.auth.errors import AuthenticationError
from services.errors import AccountDeleted
from services.identity import Principal

log = logging.getLogger(__name__)

REFUSED = 4403


async def authenticate_init(context: Any) -> None:
    """Settles, once per connection, who it is for: the upgrade's principal, else the token of
    the `connection_init` payload; sets `context.auth_error` when a token was given and does not
    hold."""
    if context.credential_checked:
        return
    context.credential_checked = True
    params = context.connection_params or {}
    header = params.get("Authorization", params.get("authorization"))
    if context.principal is None and header is not None:
        context.principal, context.auth_error = await _verify(context, header)
    if context.principal is not None:
        try:
            await context.request.app.state.runtime.services.accounts.refuse_if_deleted(context.principal)
        except AccountDeleted:
            context.principal, context.auth_error = None, AuthenticationError("account_deleted")


async def _verify(context: Any, header: object) -> tuple[Principal | None, AuthenticationError | None]:
    try:
        if not isinstance(header, str):
            raise AuthenticationError("malformed")
        token = bearer_token(header)
        if token is None:
            return None, None
        return await context.request.app.state.runtime.verifier.verify(token), None
    except AuthenticationError as exc:
        return None, exc


class AuthenticatedTransportWS(BaseGraphQLTransportWSHandler):
    """strawberry's graphql-transport-ws handler, refusing bad credentials at init and closing
    the connection when its token expires."""

    _expiry: asyncio.Task[None] | None = None

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        payload = message.get("payload", {})
        # A malformed payload, a second init or a late one: strawberry closes those itself.
        if isinstance(payload, dict) and not (self.connection_init_received or self.connection_timed_out):
            self.context.connection_params = payload
            await authenticate_init(self.context)
            refusal = self._refusal(self.context.principal, self.context.auth_error)
            if refusal is not None:
                await self._refuse(refusal)
                return
        await super().handle_connection_init(message)
        principal = self.context.principal
        if self.connection_acknowledged and self._expiry is None and principal and principal.expires_at is not None:
            self._expiry = asyncio.create_task(self._close_at(principal.expires_at))

    @staticmethod
    def _refusal(principal: Principal | None, error: AuthenticationError | None) -> str | None:
        if error is not None:
            return error.reason
        if principal is not None and principal.expires_at is not None and principal.expires_at <= time.time():
            return "expired"  # accepted within the verifier's clock-skew leeway, but past its exp
        return None

    async def _refuse(self, reason: str) -> None:
        self.connection_init_received = True
        if self.connection_init_timeout_task:
            self.connection_init_timeout_task.cancel()
        await self.websocket.close(code=REFUSED, reason=reason)

    async def _close_at(self, expires_at: float) -> None:
        await asyncio.sleep(max(0.0, expires_at - time.time()))
        try:
            await self.websocket.close(code=REFUSED, reason="expired")
        except Exception:  # the client left at the same moment: nothing left to close
            log.debug("connection gone before its token expired", exc_info=True)

    async def shutdown(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._expiry
        await super().shutdown()
