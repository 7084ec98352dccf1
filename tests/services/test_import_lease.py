"""One import per room at a time, held as a lease with a heartbeat: two imports that start
together give one CONFLICT; a dead import's lease is reclaimed at once by the next import or by
the sweeper, with its rows and partial raw file; a slow import that keeps beating stays alive."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from blobs import LocalBlobStore, import_key
from datastore.database import Database, connect_postgres
from graph.relay.global_id import decode_id
from kakao import parse_lines
from services.accounts import AccountService
from services.chat_import import ChatImportService, DedupeKeys, ImportLimits, ImportRequest
from services.deletion import DeletionService
from services.errors import Conflict
from services.import_lease import reclaim_stale_leases
from services.speech import SpeechService
from services.sweeper import sweep_raw_files
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.exports import android_export
from tests.support.imports import FIXTURES, expected_count, fixture, new_room, upload
from tests.support.server import LiveServer

SEOUL = ZoneInfo("Asia/Seoul")


async def _ids(client: GraphQLClient, room_id: str) -> tuple[uuid.UUID, uuid.UUID]:
    user = decode_id((await client.ok(ops.VIEWER))["viewer"]["id"]).id
    return user, decode_id(room_id).id


async def _lock_waiters(conn: asyncpg.Connection) -> int:
    return await conn.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )


async def test_two_imports_that_start_together_give_one_conflict(
    alice: GraphQLClient, live_server: LiveServer, db_conn: asyncpg.Connection
) -> None:
    """Both start transactions are held open until each has done its reads (the test blocks
    writes to chat_imports meanwhile), as two starts on two instances overlap on DSQL: the one
    that commits second must not also find the room free. The export is long enough that the
    winner is still running when the other retries (after it, a second import is welcome)."""
    content = android_export(12_000)
    room_id = await new_room(alice)
    user, room = await _ids(alice, room_id)
    blocker = await asyncpg.connect(live_server.dsn)
    try:
        holding = blocker.transaction()
        await holding.start()
        await blocker.execute("LOCK TABLE chat_imports IN SHARE MODE")  # reads go on; writes wait
        both = asyncio.gather(upload(alice, room_id, "a.txt", content), upload(alice, room_id, "b.txt", content))
        for _ in range(500):
            if await _lock_waiters(db_conn) >= 2 or both.done():
                break
            await asyncio.sleep(0.02)
        await holding.rollback()
        payloads = await both
    finally:
        await blocker.close()
    outcomes = sorted(tuple((e["field"], e["code"]) for e in p["userErrors"]) for p in payloads)
    assert outcomes == [(), ((["input", "roomId"], "CONFLICT"),)], payloads
    assert await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE room_id = $1", room) == 1
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE room_id = $1", room) == 12_000
    assert await db_conn.fetchval("SELECT import_lease_id FROM chat_rooms WHERE id = $1", room) is None


async def _dead_import(db_conn: asyncpg.Connection, live_server: LiveServer, user: uuid.UUID, room: uuid.UUID,
                       heartbeat_age: str) -> tuple[uuid.UUID, object]:
    """What a process killed mid-import leaves: the lease (heartbeat `heartbeat_age` old), a
    PENDING import, some of its (invisible) messages and the partial raw file. The messages carry
    the dedupe keys the same export gets again, so any left behind would pass for duplicates."""
    dead = uuid.uuid4()
    await db_conn.execute(
        "INSERT INTO chat_imports (id, user_id, room_id, status, blob_key, messages_imported, duplicates_skipped,"
        " lines_not_understood, created_at) VALUES ($1, $2, $3, 'PENDING', $4, 0, 0, 0, now() - interval '10 minutes')",
        dead, user, room, import_key(user, dead))
    messages, _ = parse_lines((FIXTURES / "android_ko.txt").read_text(encoding="utf-8").splitlines())
    keys = DedupeKeys()
    for message in messages[:5]:
        sent_at = message.sent_at.replace(tzinfo=SEOUL)
        await db_conn.execute(
            "INSERT INTO messages (id, room_id, user_id, sender, sender_name, body, kind, sent_at, created_at, import_id,"
            " dedupe_key) VALUES ($1, $2, $3, 'ME', $4, $5, 'TEXT', $6, now(), $7, $8)",
            uuid.uuid4(), room, user, message.sender_name, message.text, sent_at, dead,
            keys.key(message.sender_name, sent_at, message.text))
    await db_conn.execute(
        f"UPDATE chat_rooms SET import_lease_id = $2, import_heartbeat_at = now() - interval '{heartbeat_age}'"
        " WHERE id = $1", room, dead)
    partial = live_server.settings.local_blob_root / "imports" / str(user) / f"{dead}.partial"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(fixture("android_ko.txt")[:500])
    return dead, partial


async def _gone(db_conn: asyncpg.Connection, dead: uuid.UUID, partial) -> bool:  # type: ignore[no-untyped-def]
    return (
        await db_conn.fetchval("SELECT count(*) FROM messages WHERE import_id = $1", dead) == 0
        and await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE id = $1", dead) == 0
        and not partial.exists()
    )


async def test_a_live_lease_refuses_and_a_dead_one_is_reclaimed_at_once_by_the_next_import(
    alice: GraphQLClient, live_server: LiveServer, db_conn: asyncpg.Connection
) -> None:
    room_id = await new_room(alice)
    user, room = await _ids(alice, room_id)
    dead, partial = await _dead_import(db_conn, live_server, user, room, heartbeat_age="30 seconds")
    busy = await upload(alice, room_id, "android_ko.txt")
    assert [(e["field"], e["code"]) for e in busy["userErrors"]] == [(["input", "roomId"], "CONFLICT")]
    assert not await _gone(db_conn, dead, partial), "a lease renewed within its period is alive"
    await db_conn.execute("UPDATE chat_rooms SET import_heartbeat_at = now() - interval '3 minutes' WHERE id = $1", room)
    payload = await upload(alice, room_id, "android_ko.txt")
    assert payload["userErrors"] == []
    assert payload["import"]["messagesImported"] == expected_count("android_ko.txt")
    assert payload["import"]["duplicatesSkipped"] == 0, "the dead import's rows went before the new ones were written"
    assert await _gone(db_conn, dead, partial)
    assert await db_conn.fetchval("SELECT import_lease_id FROM chat_rooms WHERE id = $1", room) is None


async def test_the_sweeper_reclaims_a_dead_import_and_leaves_a_live_one(
    alice: GraphQLClient, live_server: LiveServer, db_conn: asyncpg.Connection
) -> None:
    dead_room_id, live_room_id = await new_room(alice), await new_room(alice, "서연")
    user, dead_room = await _ids(alice, dead_room_id)
    dead, partial = await _dead_import(db_conn, live_server, user, dead_room, heartbeat_age="3 minutes")
    alive, alive_partial = await _dead_import(db_conn, live_server, user, decode_id(live_room_id).id, heartbeat_age="5 seconds")
    db = await connect_postgres(live_server.dsn, min_size=1, max_size=2)
    try:
        report = await sweep_raw_files(db, LocalBlobStore(live_server.settings.local_blob_root), retention=timedelta(days=7))
    finally:
        await db.close()
    assert report.stale_imports >= 1
    assert await _gone(db_conn, dead, partial)
    assert await db_conn.fetchval("SELECT import_lease_id FROM chat_rooms WHERE id = $1", dead_room) is None
    assert not await _gone(db_conn, alive, alive_partial)
    assert await db_conn.fetchval("SELECT import_lease_id FROM chat_rooms WHERE id = $1", decode_id(live_room_id).id) == alive
    assert (await upload(alice, dead_room_id, "android_ko.txt"))["userErrors"] == []


# A slow import, run by a service of this test's own, with a one-second lease.
LEASE = timedelta(seconds=1)


def _service(db: Database, live_server: LiveServer) -> ChatImportService:
    blobs = LocalBlobStore(live_server.settings.local_blob_root)
    speech = SpeechService(db, AccountService(db, blobs, DeletionService(db, blobs)))
    return ChatImportService(db, blobs, speech, ImportLimits(10**7, 10**5, timedelta(days=7), lease=LEASE))


def _trickle(content: bytes, *, seconds: float, pieces: int = 30) -> Callable[[], AsyncIterator[bytes]]:
    """The export, read in `seconds` by the import (the limit check before it reads it at once)."""
    opened = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal opened
        opened += 1
        step = -(-len(content) // pieces)
        for start in range(0, len(content), step):
            if opened > 1:
                await asyncio.sleep(seconds / pieces)
            yield content[start : start + step]

    return chunks


def _request(user: uuid.UUID, room: uuid.UUID) -> ImportRequest:
    return ImportRequest(owner=user, room_id=room, file_name="slow.txt", keep_raw=True, my_name=None, partner_name=None,
                         zone=SEOUL)


@pytest.fixture
async def lease_db(live_server: LiveServer) -> AsyncIterator[Database]:
    db = await connect_postgres(live_server.dsn, min_size=1, max_size=4)
    try:
        yield db
    finally:
        await db.close()


async def test_the_heartbeat_keeps_a_slow_import_alive_past_the_lease_period(
    alice: GraphQLClient, live_server: LiveServer, lease_db: Database, db_conn: asyncpg.Connection
) -> None:
    room_id = await new_room(alice)
    user, room = await _ids(alice, room_id)
    service = _service(lease_db, live_server)
    slow = asyncio.ensure_future(service.import_chat(_request(user, room), _trickle(fixture("android_ko.txt"), seconds=4)))
    await asyncio.sleep(3 * LEASE.total_seconds())  # three lease periods after it started
    assert not slow.done()
    holder = await db_conn.fetchval("SELECT import_lease_id FROM chat_rooms WHERE id = $1", room)
    with pytest.raises(Conflict):
        await service.import_chat(_request(user, room), _trickle(fixture("android_ko.txt"), seconds=0))
    await reclaim_stale_leases(lease_db, service.blobs, stale_after=LEASE)  # every room's, with this short period
    assert await db_conn.fetchval("SELECT import_lease_id FROM chat_rooms WHERE id = $1", room) == holder
    outcome = await slow
    assert outcome.chat_import.messages_imported == expected_count("android_ko.txt")
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE room_id = $1", room) == expected_count("android_ko.txt")


async def test_an_import_that_lost_its_lease_gives_up_and_leaves_nothing(
    alice: GraphQLClient, live_server: LiveServer, lease_db: Database, db_conn: asyncpg.Connection
) -> None:
    """As when a stalled process comes back after its lease was reclaimed: it must not write on."""
    room_id = await new_room(alice)
    user, room = await _ids(alice, room_id)
    service = _service(lease_db, live_server)
    slow = asyncio.ensure_future(service.import_chat(_request(user, room), _trickle(fixture("android_ko.txt"), seconds=3)))
    await asyncio.sleep(1)
    holder = await db_conn.fetchval("SELECT import_lease_id FROM chat_rooms WHERE id = $1", room)
    assert holder is not None
    await db_conn.execute("UPDATE chat_rooms SET import_lease_id = $2, import_heartbeat_at = now() WHERE id = $1",
                          room, uuid.uuid4())
    with pytest.raises(Conflict, match="given up"):
        await slow
    assert await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE id = $1", holder) == 0
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE import_id = $1", holder) == 0
    raw = live_server.settings.local_blob_root / "imports" / str(user) / str(holder)
    assert not raw.exists() and not raw.with_name(f"{holder}.partial").exists()
