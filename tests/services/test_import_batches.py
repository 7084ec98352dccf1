"""An import's batches stay under Aurora DSQL's per-transaction limits (3,000 rows, 10 MiB): cut
at 2,500 rows or an estimated 8 MiB, whichever comes first; a message DSQL could not store
(over half its 1 MiB column limit) refuses the export before anything of it remains."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from blobs import LocalBlobStore
from datastore.database import Database, connect_postgres
from datastore.stores.messages import MAX_BYTES_PER_TRANSACTION, MAX_ROWS_PER_TRANSACTION, ROW_OVERHEAD_BYTES, stored_size
from graph.relay.global_id import decode_id
from kakao import ExportReader
from services.accounts import AccountService
from services.chat_import import ChatImportService, ImportLimits, ImportRequest
from services.deletion import DeletionService
from services.errors import TooLarge
from services.import_batches import Batches
from services.speech import SpeechService
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.exports import ME, PARTNER, android_export
from tests.support.imports import new_room
from tests.support.server import LiveServer

SEOUL = ZoneInfo("Asia/Seoul")


class Inserts:
    """The rows and text bytes of every batch the import wrote."""

    def __init__(self) -> None:
        self.batches: list[tuple[int, int]] = []

    def record(self, query: object) -> None:
        if "INSERT INTO messages" in getattr(query, "query", ""):
            args = query.args  # type: ignore[attr-defined]
            texts, names = args[6], args[5]
            size = sum(len(t.encode()) + len((n or "").encode()) + ROW_OVERHEAD_BYTES for t, n in zip(texts, names))
            self.batches.append((len(texts), size))


@pytest.fixture
async def recorded(live_server: LiveServer) -> AsyncIterator[tuple[Database, Inserts]]:
    inserts = Inserts()

    async def on_connect(conn: asyncpg.Connection) -> None:
        conn.add_query_logger(inserts.record)

    db = await connect_postgres(live_server.dsn, min_size=1, max_size=4, on_connect=on_connect)
    try:
        yield db, inserts
    finally:
        await db.close()


def _service(db: Database, live_server: LiveServer) -> ChatImportService:
    blobs = LocalBlobStore(live_server.settings.local_blob_root)
    speech = SpeechService(db, AccountService(db, blobs, DeletionService(db, blobs)))
    return ChatImportService(db, blobs, speech, ImportLimits(10**8, 10**5, timedelta(days=7)))


async def _request(client: GraphQLClient) -> ImportRequest:
    room_id = await new_room(client, PARTNER)
    owner = decode_id((await client.ok(ops.VIEWER))["viewer"]["id"]).id
    return ImportRequest(owner=owner, room_id=decode_id(room_id).id, file_name="big.txt", keep_raw=False,
                         my_name=ME, partner_name=PARTNER, zone=SEOUL)


def _opener(content: bytes):  # type: ignore[no-untyped-def]
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(content), 1 << 20):
            yield content[start : start + (1 << 20)]

    return chunks


def _long_export(count: int, chars: int) -> bytes:
    """`count` messages of `chars` Korean syllables each (three bytes apiece in UTF-8)."""
    lines = [f"{PARTNER} 님과 카카오톡 대화\n", "저장한 날짜 : 2027년 1월 1일 오전 9:00\n\n"]
    moment = datetime(2026, 3, 1, 9, 0)
    for i in range(count):
        sender = PARTNER if i % 2 else ME
        hour = moment.hour % 12 or 12
        lines.append(f"2026년 3월 1일 {'오전' if moment.hour < 12 else '오후'} {hour}:{moment.minute:02d}, {sender} : "
                     f"{i}번째 긴 메시지 " + "가" * chars + "\n")
        moment += timedelta(minutes=1)
    return "".join(lines).encode()


async def test_a_long_export_is_cut_at_2500_rows_per_transaction(
    alice: GraphQLClient, live_server: LiveServer, recorded: tuple[Database, Inserts]
) -> None:
    db, inserts = recorded
    outcome = await _service(db, live_server).import_chat(await _request(alice), _opener(android_export(6_000)))
    assert outcome.chat_import.messages_imported == 6_000
    assert [rows for rows, _ in inserts.batches] == [2500, 2500, 1000]
    assert MAX_ROWS_PER_TRANSACTION + 1 <= 3000, "the batch and the lease's row fit under DSQL's 3,000"


class _Recorder:
    """Stands in for the database: each unit of work's batch is recorded, not written."""

    def __init__(self, inserts: Inserts) -> None:
        self.inserts = inserts
        self.messages = self
        self.chat_rooms = self

    async def run(self, work, *, owner):  # type: ignore[no-untyped-def]
        return await work(self)

    async def import_batch(self, room_id, batch, *, import_id):  # type: ignore[no-untyped-def]
        self.inserts.batches.append((len(batch), sum(stored_size(m) for m in batch)))
        return len(batch)


class _Lease:
    holder = uuid.uuid4()

    async def touch(self, uow) -> None:  # type: ignore[no-untyped-def]
        return None


async def test_long_messages_are_cut_by_bytes_under_dsqls_ten_mebibytes() -> None:
    """Forty messages of 300 KB are 12 MB: a batch cut by rows alone would be one transaction
    DSQL refuses."""
    inserts = Inserts()
    request = ImportRequest(owner=uuid.uuid4(), room_id=uuid.uuid4(), file_name=None, keep_raw=False,
                            my_name=ME, partner_name=PARTNER, zone=SEOUL)
    batches = Batches(_Recorder(inserts), request, _Lease(), ImportLimits(10**8, 10**5, timedelta(days=7)), PARTNER)  # type: ignore[arg-type]
    reader = ExportReader()
    await batches.add(reader.feed(_long_export(40, 100_000)), reader)
    await batches.add(reader.close(), reader, final=True)
    await batches.flush()
    await batches.settle()
    assert batches.imported == 40 and len(inserts.batches) >= 2
    assert sum(size for _, size in inserts.batches) > 10 * 1024 * 1024
    assert all(size <= MAX_BYTES_PER_TRANSACTION < 10 * 1024 * 1024 for _, size in inserts.batches), inserts.batches


async def test_a_message_dsql_could_not_store_refuses_the_export(
    alice: GraphQLClient, live_server: LiveServer, recorded: tuple[Database, Inserts], db_conn: asyncpg.Connection
) -> None:
    db, inserts = recorded
    request = await _request(alice)
    with pytest.raises(TooLarge, match="longer than 512 KiB"):
        await _service(db, live_server).import_chat(request, _opener(_long_export(3, 200_000)))
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE room_id = $1", request.room_id) == 0
    assert await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE room_id = $1", request.room_id) == 0
