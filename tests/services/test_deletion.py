"""Cascading deletes: partner -> rooms -> messages, room -> messages, and deleteAccount."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from datastore.database import connect_postgres
from services.deletion import purge_deleted
from datastore.stores import NewMessage
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from graph.relay.global_id import decode_id
from tests.support.server import LiveServer


async def _rows(conn: asyncpg.Connection, user_id: uuid.UUID) -> dict[str, int]:
    return {
        table: await conn.fetchval(f"SELECT count(*) FROM {table} WHERE {column} = $1", user_id)
        for table, column in (("users", "id"), ("partners", "user_id"), ("chat_rooms", "user_id"), ("messages", "user_id"))
    }


async def _viewer_uuid(client: GraphQLClient) -> uuid.UUID:
    return decode_id((await client.ok(ops.VIEWER))["viewer"]["id"]).id


async def test_delete_partner_cascades_to_rooms_and_messages(alice: GraphQLClient, db_conn) -> None:
    keep = await factory.partner(alice, "남길 사람")
    kept_room = await factory.room(alice, keep["id"])
    await factory.add_messages(alice, kept_room["id"], factory.messages(3))
    gone = await factory.partner(alice, "지울 사람")
    for _ in range(2):
        room = await factory.room(alice, gone["id"])
        await factory.add_messages(alice, room["id"], factory.messages(5))
    user_id = await _viewer_uuid(alice)
    assert await _rows(db_conn, user_id) == {"users": 1, "partners": 2, "chat_rooms": 3, "messages": 13}

    payload = await alice.mutate(ops.DELETE_PARTNER, {"id": gone["id"]}, "deletePartner")
    assert payload["deletedPartnerId"] == gone["id"]
    assert await _rows(db_conn, user_id) == {"users": 1, "partners": 1, "chat_rooms": 1, "messages": 3}
    assert (await alice.ok(ops.NODE, {"id": gone["id"]}))["node"] is None
    again = (await alice.ok(ops.DELETE_PARTNER, {"input": {"id": gone["id"]}}))["deletePartner"]
    assert again["userErrors"][0]["code"] == "NOT_FOUND"


async def test_delete_chat_room_removes_its_messages(alice: GraphQLClient, db_conn) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    message = (await factory.add_messages(alice, room["id"], factory.messages(4)))["messages"][0]
    await alice.mutate(ops.DELETE_ROOM, {"id": room["id"]}, "deleteChatRoom")
    user_id = await _viewer_uuid(alice)
    assert await _rows(db_conn, user_id) == {"users": 1, "partners": 1, "chat_rooms": 0, "messages": 0}
    assert (await alice.ok(ops.NODE, {"id": message["id"]}))["node"] is None


async def test_delete_account_removes_every_row(live_server: LiveServer, db_conn) -> None:
    email = f"leaver-{uuid.uuid4().hex[:8]}@example.com"
    alice = GraphQLClient(live_server.graphql_url, live_server.token(email))
    await alice.mutate(ops.UPDATE_PROFILE, {"nickname": "하늘"}, "updateProfile")
    for name in ("지민", "서연"):
        partner = await factory.partner(alice, name)
        room = await factory.room(alice, partner["id"])
        await factory.add_messages(alice, room["id"], factory.messages(6))
    user_id = await _viewer_uuid(alice)
    refused = (await alice.ok(ops.DELETE_ACCOUNT, {"input": {"confirm": False}}))["deleteAccount"]
    assert refused["userErrors"][0]["code"] == "CONFIRMATION_REQUIRED"
    assert (await _rows(db_conn, user_id))["messages"] == 12

    payload = await alice.mutate(ops.DELETE_ACCOUNT, {"confirm": True}, "deleteAccount")
    assert decode_id(payload["deletedUserId"]).id == user_id
    assert await _rows(db_conn, user_id) == {"users": 0, "partners": 0, "chat_rooms": 0, "messages": 0}
    # Signing in again (a token issued after the deletion: they count whole seconds) starts
    # over with an empty account.
    await asyncio.sleep(1.1)
    again = GraphQLClient(live_server.graphql_url, live_server.token(email))
    viewer = (await again.ok(ops.VIEWER))["viewer"]
    assert viewer["profile"]["nickname"] is None
    assert (await again.ok(ops.PARTNERS_PAGE, {"first": 5}))["partners"]["totalCount"] == 0


async def test_purge_works_in_chunks_under_dsqls_3000_rows(live_server: LiveServer, alice: GraphQLClient, db_conn) -> None:
    """A room of 7,000 messages goes in three transactions of at most 2,500 rows, under DSQL's
    3,000-row limit with a margin."""
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    room_id = decode_id(room["id"]).id
    user_id = await _viewer_uuid(alice)
    db = await connect_postgres(live_server.dsn, min_size=1, max_size=2)
    try:
        for batch in range(3):
            size = 2500 if batch < 2 else 2000
            messages = [NewMessage("ME", f"m{batch}-{i}", factory.T0) for i in range(size)]
            await db.run(lambda uow, m=messages: uow.messages.add_many(room_id, m), owner=user_id)
        await db.run(lambda uow: uow.chat_rooms.mark_deleted(room_id), owner=user_id)
        deletes: list[int] = []
        original = db.run

        async def counting_run(work, *, owner):
            result = await original(work, owner=owner)
            if isinstance(result, int) and not isinstance(result, bool):
                deletes.append(result)
            return result

        db.run = counting_run  # type: ignore[method-assign]
        report = await purge_deleted(db, owner=user_id)
    finally:
        await db.close()
    assert report.messages == 7000 and report.rooms == 1
    assert max(deletes) <= 2500 and sum(deletes) == 7000
    assert (await _rows(db_conn, user_id))["messages"] == 0
