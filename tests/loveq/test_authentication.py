"""The token matrix over HTTP and WebSocket: every bad credential is UNAUTHENTICATED and
nothing executes."""

from __future__ import annotations

import time

import pytest

from tests.support import operations as ops
from tests.support.client import GraphQLClient, WebSocketSession, ws_init_outcome
from tests.support.tokens import SigningKey, hs256_forgery, local_claims, local_signing_key, unsigned
from tests.support.server import LiveServer


def bad_tokens(live_server: LiveServer) -> dict[str, str]:
    key = local_signing_key(live_server)
    header = {"alg": "RS256", "kid": key.kid}
    stranger = SigningKey.generate(key.kid)  # same kid, different key
    good = live_server.token()
    return {
        "garbage": "not-a-jwt",
        "truncated": good[: len(good) // 2],
        "expired": key.sign(local_claims(live_server, exp=int(time.time()) - 3600, iat=int(time.time()) - 7200)),
        "alg_none": unsigned({"alg": "none", "kid": key.kid}, local_claims(live_server)),
        "hs256_with_public_key": hs256_forgery(key.public_pem, {"alg": "HS256", "kid": key.kid}, local_claims(live_server)),
        "other_key_same_kid": stranger.sign(local_claims(live_server)),
        "wrong_issuer": key.sign(local_claims(live_server, iss="https://evil.example.com")),
        "wrong_audience": key.sign(local_claims(live_server, client_id="someone-else")),
        "wrong_token_use": key.sign(local_claims(live_server, token_use="refresh")),
        "unsigned_header_claims": unsigned(header, local_claims(live_server), "c2lnbmF0dXJl"),
    }


CREATE = 'mutation { createPartner(input: {name: "침입자", relationship: SOME}) { partner { id } userErrors { code } } }'


@pytest.mark.parametrize(
    "case",
    ["missing", "garbage", "truncated", "expired", "alg_none", "hs256_with_public_key", "other_key_same_kid",
     "wrong_issuer", "wrong_audience", "wrong_token_use", "unsigned_header_claims", "not_bearer"],
)
async def test_http_rejects_bad_credentials_and_executes_nothing(live_server: LiveServer, db_conn, case: str) -> None:
    before = await db_conn.fetchval("SELECT count(*) FROM partners")
    if case == "missing":
        headers: dict[str, str] = {}
    elif case == "not_bearer":
        headers = {"Authorization": f"Basic {live_server.token()}"}
    else:
        headers = {"Authorization": f"Bearer {bad_tokens(live_server)[case]}"}
    client = GraphQLClient(live_server.graphql_url)
    for document in (ops.VIEWER, CREATE):
        result = await client.execute(document, headers=headers)
        assert result.data is None
        assert result.codes == ["UNAUTHENTICATED"], result.body
    assert await db_conn.fetchval("SELECT count(*) FROM partners") == before


async def test_introspection_needs_no_token(anonymous: GraphQLClient) -> None:
    data = await anonymous.ok("{ __schema { queryType { name } } }")
    assert data["__schema"]["queryType"]["name"] == "Query"


async def test_introspection_cannot_smuggle_a_field(anonymous: GraphQLClient) -> None:
    result = await anonymous.execute("{ __typename viewer { id } }")
    assert result.codes == ["UNAUTHENTICATED"]


async def test_websocket_token_in_upgrade_header(live_server: LiveServer) -> None:
    token = live_server.token("ws-header@example.com")
    async with WebSocketSession(live_server.ws_url, header_token=token) as session:
        result = await session.execute(ops.VIEWER)
    assert result.ok()["viewer"]["email"] == "ws-header@example.com"


async def test_websocket_token_in_connection_init(live_server: LiveServer) -> None:
    token = live_server.token("ws-init@example.com")
    async with WebSocketSession(live_server.ws_url, init_payload={"Authorization": f"Bearer {token}"}) as session:
        viewer = (await session.execute(ops.VIEWER)).ok()["viewer"]
        created = (await session.execute(CREATE)).ok()["createPartner"]
    assert viewer["email"] == "ws-init@example.com"
    assert created["userErrors"] == [] and created["partner"]["id"]


async def test_websocket_without_a_token_is_acknowledged_and_executes_nothing(live_server: LiveServer, db_conn) -> None:
    before = await db_conn.fetchval("SELECT count(*) FROM partners")
    async with WebSocketSession(live_server.ws_url, init_payload={}) as session:
        for document in (ops.VIEWER, CREATE):
            result = await session.execute(document)
            assert result.codes == ["UNAUTHENTICATED"], result.body
    assert await db_conn.fetchval("SELECT count(*) FROM partners") == before


@pytest.mark.parametrize(
    "case,reason",
    [("expired", "expired"), ("alg_none", "bad_algorithm"), ("hs256_with_public_key", "bad_algorithm"),
     ("wrong_issuer", "wrong_issuer")],
)
async def test_websocket_rejects_bad_credentials_at_init(live_server: LiveServer, db_conn, case: str, reason: str) -> None:
    before = await db_conn.fetchval("SELECT count(*) FROM partners")
    payload = {"Authorization": f"Bearer {bad_tokens(live_server)[case]}"}
    assert await ws_init_outcome(live_server.ws_url, payload) == (4403, reason)
    assert await db_conn.fetchval("SELECT count(*) FROM partners") == before


async def test_websocket_bad_upgrade_header_is_rejected_at_init(live_server: LiveServer) -> None:
    outcome = await ws_init_outcome(live_server.ws_url, {}, header_token=bad_tokens(live_server)["expired"])
    assert outcome == (4403, "expired")


async def test_subscriptions_need_a_token_too(live_server: LiveServer) -> None:
    from tests.support import operations as coach_ops

    async with WebSocketSession(live_server.ws_url, init_payload={}) as session:
        events = await session.subscribe(coach_ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": "x"}})
    codes = [e.get("extensions", {}).get("code") for event in events for e in event.get("errors") or []]
    assert codes == ["UNAUTHENTICATED"], events
    assert not any(event.get("data") for event in events)
