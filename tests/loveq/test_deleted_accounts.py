"""After deleteAccount, the old token is refused (UNAUTHENTICATED, reason account_deleted) on
every instance until it expires, and creates nothing; a sign-in after the deletion makes a
fresh account."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator

import asyncpg
import pytest

from datastore.ids import user_id_for
from loveq.app import create_app
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.tokens import local_token


def _email() -> str:
    return f"leaver-{uuid.uuid4().hex[:10]}@example.com"


def _refusal(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e["extensions"].get("code"), e["extensions"].get("reason")) for e in result.errors]


async def _delete(client: GraphQLClient) -> None:
    await client.mutate(ops.DELETE_ACCOUNT, {"confirm": True}, "deleteAccount")


async def _after_the_deletions_second() -> None:
    """Token times are whole seconds: a token from the deletion's own second counts as old."""
    await asyncio.sleep(1.1)


async def test_the_old_token_is_refused_and_recreates_nothing(live_server: LiveServer, db_conn: asyncpg.Connection) -> None:
    email = _email()
    client = GraphQLClient(live_server.graphql_url, live_server.token(email))
    await factory.partner(client)
    user_id = user_id_for(live_server.settings.local_issuer, _subject(email))
    await _delete(client)
    for document in (ops.VIEWER, 'mutation { createPartner(input: {name: "다시", relationship: SOME}) { partner { id } } }'):
        result = await client.execute(document)
        assert result.data is None and _refusal(result) == [("UNAUTHENTICATED", "account_deleted")], result.body
    assert await db_conn.fetchval("SELECT count(*) FROM users WHERE id = $1", user_id) == 0
    assert await db_conn.fetchval("SELECT count(*) FROM partners WHERE user_id = $1 AND deleted_at IS NULL", user_id) == 0


def _subject(email: str) -> str:
    from loveq.auth.local_issuer import subject_for

    return subject_for(email)


async def test_a_sign_in_after_the_deletion_makes_a_fresh_account(live_server: LiveServer) -> None:
    email = _email()
    old = GraphQLClient(live_server.graphql_url, live_server.token(email))
    await factory.partner(old)
    before = (await old.ok("{ viewer { id createdAt } }"))["viewer"]
    await _delete(old)
    await _after_the_deletions_second()
    fresh = GraphQLClient(live_server.graphql_url, live_server.token(email))
    after = (await fresh.ok("{ viewer { id email createdAt } partners(first: 5) { totalCount } }"))
    assert after["viewer"]["email"] == email and after["partners"]["totalCount"] == 0
    assert after["viewer"]["createdAt"] > before["createdAt"]
    assert _refusal(await old.execute(ops.VIEWER)) == [("UNAUTHENTICATED", "account_deleted")], "the old one stays refused"


async def test_a_token_refreshed_after_the_deletion_from_an_earlier_sign_in_is_refused(live_server: LiveServer) -> None:
    """Cognito tokens minted from a refresh token keep the sign-in's auth_time: the deletion
    ended that sign-in, whatever the new token's iat."""
    email = _email()
    signed_in = int(time.time()) - 60
    client = GraphQLClient(live_server.graphql_url, local_token(live_server, email, auth_time=signed_in, iat=signed_in))
    await client.ok(ops.VIEWER)
    await _delete(client)
    await _after_the_deletions_second()
    refreshed = local_token(live_server, email, auth_time=signed_in, iat=int(time.time()))
    result = await GraphQLClient(live_server.graphql_url, refreshed).execute(ops.VIEWER)
    assert _refusal(result) == [("UNAUTHENTICATED", "account_deleted")]


@pytest.fixture(scope="module")
def second_instance(live_server: LiveServer) -> Iterator[str]:
    """Another instance over the same database and the same local issuer key."""
    settings = make_settings(live_server.settings.data_dir, live_server.dsn)
    with ServerThread(create_app(settings)) as url:
        yield f"{url}/graphql"


async def test_another_instance_that_knew_the_user_refuses_the_old_token(
    live_server: LiveServer, second_instance: str, db_conn: asyncpg.Connection
) -> None:
    email = _email()
    token = live_server.token(email)
    here, there = GraphQLClient(live_server.graphql_url, token), GraphQLClient(second_instance, token)
    await there.ok(ops.VIEWER)  # the other instance has seen (and may remember) the user
    await factory.partner(there)
    await _delete(here)
    for document in (ops.VIEWER, 'mutation { createPartner(input: {name: "다시", relationship: SOME}) { partner { id } } }'):
        assert _refusal(await there.execute(document)) == [("UNAUTHENTICATED", "account_deleted")]
    user_id = user_id_for(live_server.settings.local_issuer, _subject(email))
    assert await db_conn.fetchval("SELECT count(*) FROM users WHERE id = $1", user_id) == 0


async def test_an_open_websocket_is_refused_once_the_account_is_deleted(live_server: LiveServer) -> None:
    """(A new connection with the old token is refused at connection_init: tests/loveq/test_ws_auth.py.)"""
    token = live_server.token(_email())
    async with WebSocketSession(live_server.ws_url, init_payload={"Authorization": f"Bearer {token}"}) as session:
        assert (await session.execute(ops.VIEWER)).ok()["viewer"]
        await _delete(GraphQLClient(live_server.graphql_url, token))
        assert _refusal(await session.execute(ops.VIEWER)) == [("UNAUTHENTICATED", "account_deleted")]
