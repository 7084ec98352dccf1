"""graphql-transport-ws: a bad token is refused at connection_init (close 4403, the reason as
over HTTP), and a connection whose token expires is closed at expiry (4403, "expired")."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from websockets.exceptions import ConnectionClosed

from tests.support import operations as ops
from tests.support.client import WebSocketSession, ws_init_outcome
from tests.support.server import LiveServer
from tests.support.tokens import local_claims, local_signing_key, local_token


async def _init(live_server: LiveServer, payload: object, *, header: str | None = None) -> tuple[int, str]:
    return await ws_init_outcome(live_server.ws_url, payload, header_token=header)


def _expired(live_server: LiveServer) -> str:
    now = int(time.time())
    return local_signing_key(live_server).sign(local_claims(live_server, exp=now - 3600, iat=now - 7200))


@pytest.mark.parametrize("case,reason", [("expired", "expired"), ("garbage", "malformed"), ("stranger", "bad_signature"),
                                         ("not_a_string", "malformed")])
async def test_a_bad_token_in_connection_init_is_refused_at_init(live_server: LiveServer, case: str, reason: str) -> None:
    token = {"expired": lambda: _expired(live_server), "garbage": lambda: "not-a-jwt",
             "stranger": lambda: live_server.token()[:-8] + "AAAAAAAA"}.get(case, lambda: "")()
    payload = {"Authorization": 42} if case == "not_a_string" else {"Authorization": f"Bearer {token}"}
    assert await _init(live_server, payload) == (4403, reason)


async def test_a_bad_token_on_the_upgrade_is_refused_at_init(live_server: LiveServer) -> None:
    assert await _init(live_server, {}, header=_expired(live_server)) == (4403, "expired")


async def test_no_token_at_all_is_acknowledged_for_introspection(live_server: LiveServer) -> None:
    assert await _init(live_server, {}) == (0, "connection_ack")
    async with WebSocketSession(live_server.ws_url) as session:
        assert (await session.execute("{ __typename }")).ok() == {"__typename": "Query"}
        assert (await session.execute(ops.VIEWER)).codes == ["UNAUTHENTICATED"]


async def test_the_connection_closes_when_its_token_expires(live_server: LiveServer) -> None:
    email = f"ws-{uuid.uuid4().hex[:8]}@example.com"
    expires = int(time.time()) + 3
    token = local_token(live_server, email, exp=expires)
    async with WebSocketSession(live_server.ws_url, init_payload={"Authorization": f"Bearer {token}"}) as session:
        assert (await session.execute(ops.VIEWER)).ok()["viewer"]["email"] == email
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(session.ws.recv(), timeout=10)
        closed_at = time.time()
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (4403, "expired")
    assert expires - 0.5 <= closed_at <= expires + 2


async def test_a_deleted_accounts_token_is_refused_at_init(live_server: LiveServer) -> None:
    token = live_server.token(f"ws-{uuid.uuid4().hex[:8]}@example.com")
    async with WebSocketSession(live_server.ws_url, init_payload={"Authorization": f"Bearer {token}"}) as session:
        assert (await session.execute(ops.DELETE_ACCOUNT, {"input": {"confirm": True}})).ok()
    assert await _init(live_server, {"Authorization": f"Bearer {token}"}) == (4403, "account_deleted")
