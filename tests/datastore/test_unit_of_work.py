"""The unit of work retries on a real SQLSTATE 40001 and never leaves a half-written change."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from datastore.database import Database, connect_postgres
from datastore.errors import RetriesExhausted
from datastore.migrate import migrate


@pytest.fixture
async def db(database_dsn: str):
    database = await connect_postgres(database_dsn, min_size=1, max_size=4, retry_attempts=3)
    await migrate(database)
    yield database
    await database.close()


async def _partner(db: Database, owner: uuid.UUID) -> uuid.UUID:
    record = await db.run(
        lambda uow: uow.partners.create({"name": "지민", "relationship": "SOME", "interests": []}), owner=owner
    )
    return record.id


async def test_serialization_failure_is_retried(db: Database, database_dsn: str) -> None:
    owner = uuid.uuid4()
    partner_id = await _partner(db, owner)
    attempts = 0

    async def work(uow):
        nonlocal attempts
        attempts += 1
        await uow.partners.get_many([partner_id])  # the snapshot starts here
        if attempts == 1:
            # Another client changes the row and commits while this transaction is open.
            other = await asyncpg.connect(database_dsn)
            try:
                await other.execute("UPDATE partners SET age = 30 WHERE id = $1", partner_id)
            finally:
                await other.close()
        return await uow.partners.update(partner_id, {"description": "두 번째 시도"})

    retries: list[tuple[str, int]] = []
    db.on_retry = lambda reason, attempt: retries.append((reason, attempt))  # the hook metrics use
    record = await db.run(work, owner=owner)
    assert attempts == 2 and retries == [("conflict", 1)]
    assert record.description == "두 번째 시도" and record.age == 30  # the concurrent change survived


async def test_retries_are_bounded_and_roll_back(db: Database, database_dsn: str) -> None:
    owner = uuid.uuid4()
    partner_id = await _partner(db, owner)
    attempts = 0

    async def always_conflicting(uow):
        nonlocal attempts
        attempts += 1
        await uow.partners.get_many([partner_id])
        await uow.chat_rooms.create(partner_id=partner_id, title=f"attempt {attempts}")
        other = await asyncpg.connect(database_dsn)
        try:
            await other.execute("UPDATE partners SET age = $2 WHERE id = $1", partner_id, 20 + attempts)
        finally:
            await other.close()
        await uow.partners.update(partner_id, {"description": "never"})

    with pytest.raises(RetriesExhausted):
        await db.run(always_conflicting, owner=owner)
    assert attempts == 3
    rooms = await db.read(lambda uow: uow.chat_rooms.count(), owner=owner)
    assert rooms == 0, "no attempt may leave its rows behind"


async def test_other_errors_are_not_retried(db: Database) -> None:
    attempts = 0

    async def broken(uow):
        nonlocal attempts
        attempts += 1
        await uow.conn.execute("SELECT 1/0")

    with pytest.raises(asyncpg.DivisionByZeroError):
        await db.run(broken, owner=uuid.uuid4())
    assert attempts == 1


async def test_concurrent_appends_to_one_room_all_land(db: Database) -> None:
    """Conflicting increments of the room's message count resolve by retrying."""
    from datastore.stores import NewMessage
    from datetime import datetime, timezone

    owner = uuid.uuid4()
    partner_id = await _partner(db, owner)
    room = await db.run(lambda uow: uow.chat_rooms.create(partner_id=partner_id, title="r"), owner=owner)

    async def append(i: int):
        async def work(uow):
            stored = await uow.messages.add_many(room.id, [NewMessage("ME", f"m{i}", datetime.now(timezone.utc))])
            await asyncio.sleep(0.01)
            return await uow.chat_rooms.record_messages(room.id, len(stored), stored[0].sent_at)
        return await db.run(work, owner=owner)

    db.retry_attempts = 20
    await asyncio.gather(*(append(i) for i in range(4)))
    final = await db.read(lambda uow: uow.chat_rooms.get_many([room.id]), owner=owner)
    assert final[0].message_count == 4


async def test_ping_tells_whether_the_database_answers(database_dsn: str) -> None:
    database = await connect_postgres(database_dsn, min_size=1, max_size=1)
    assert await database.ping() is True
    database.pool.terminate()
    assert await database.ping() is False
