"""The pool's connections: no reset round trip on release, retired before Aurora DSQL's
60-minute limit, a unit of work whose connection dies before COMMIT runs again, and one
connection per request (a session) without deadlocks or leaks."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from datastore.database import Database, connect_postgres
from datastore.errors import DatabaseUnavailable
from datastore.migrate import migrate


async def _database(dsn: str, **options) -> tuple[Database, list[str]]:  # type: ignore[no-untyped-def]
    logged: list[str] = []

    async def on_connect(conn: asyncpg.Connection) -> None:
        conn.add_query_logger(lambda query: logged.append(query.query))

    db = await connect_postgres(dsn, min_size=1, max_size=options.pop("max_size", 4), on_connect=on_connect, **options)
    await migrate(db)
    logged.clear()
    return db, logged


async def _pid(db: Database) -> int:
    return await db.read(lambda uow: uow.conn.fetchval("SELECT pg_backend_pid()"), owner=None)


async def test_a_checkout_costs_no_reset_statement(database_dsn: str) -> None:
    """asyncpg's default reset (`SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
    RESET ALL`) ran at every release: a round trip each, and statements DSQL lacks."""
    db, logged = await _database(database_dsn)
    try:
        for i in range(5):
            assert await db.read(lambda uow, i=i: uow.conn.fetchval("SELECT $1::int", i), owner=None) == i
        await db.run(lambda uow: uow.conn.execute("SELECT 1"), owner=None)
        transaction = ["BEGIN ISOLATION LEVEL REPEATABLE READ;", "SELECT 1", "COMMIT;"]
        assert logged == ["SELECT $1::int"] * 5 + transaction, logged
    finally:
        await db.close()


async def test_a_connection_released_mid_transaction_is_rolled_back(database_dsn: str) -> None:
    db, _ = await _database(database_dsn, max_size=1)
    key = uuid.uuid4()
    try:
        async with db.connection() as conn:
            await conn.execute("BEGIN")
            await conn.execute("INSERT INTO account_tombstones (user_id, deleted_at) VALUES ($1, now())", key)
        async with db.connection() as conn:
            assert not conn.is_in_transaction()
            assert await conn.fetchval("SELECT count(*) FROM account_tombstones WHERE user_id = $1", key) == 0
    finally:
        await db.close()


async def test_the_migrator_leaves_no_session_state_in_the_pool(database_dsn: str) -> None:
    """It takes an advisory lock and turns the statement deadline off: its connection is closed,
    not returned, since the pool no longer resets what it gets back."""
    db, _ = await _database(database_dsn, max_size=1, statement_timeout=7)
    try:
        await migrate(db)
        async with db.connection() as conn:
            assert await conn.fetchval("SHOW statement_timeout") == "7s"
            assert await conn.fetchval("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()") == 0
    finally:
        await db.close()


async def test_connections_retire_at_their_maximum_age(database_dsn: str) -> None:
    db, _ = await _database(database_dsn, max_size=1, max_connection_age=0.3)
    try:
        first = await _pid(db)
        assert await _pid(db) == first, "a young connection is reused"
        await asyncio.sleep(0.35)
        assert await _pid(db) != first, "an old one is closed and replaced"
        assert db.retired >= 1
    finally:
        await db.close()


async def test_a_unit_of_work_whose_connection_dies_before_commit_runs_again(database_dsn: str) -> None:
    """As when Aurora DSQL ends a connection at 60 minutes under a transaction: nothing of the
    first attempt was committed, so the whole unit of work runs again on a new connection."""
    retries: list[tuple[str, int]] = []
    db, _ = await _database(database_dsn)
    db.on_retry = lambda reason, attempt: retries.append((reason, attempt))
    key = uuid.uuid4()
    attempts = 0

    async def work(uow) -> None:  # type: ignore[no-untyped-def]
        nonlocal attempts
        attempts += 1
        await uow.conn.execute("INSERT INTO account_tombstones (user_id, deleted_at) VALUES ($1, now())", key)
        if attempts == 1:
            pid = await uow.conn.fetchval("SELECT pg_backend_pid()")
            killer = await asyncpg.connect(database_dsn)
            try:
                await killer.execute("SELECT pg_terminate_backend($1)", pid)
                while await killer.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", pid):
                    await asyncio.sleep(0.01)  # until the backend is gone, not merely signalled
            finally:
                await killer.close()
            await uow.conn.execute("SELECT 1")  # the connection is gone

    try:
        await db.run(work, owner=None)
        assert attempts == 2 and retries == [("connection_lost", 1)]
        assert await db.read(lambda uow: uow.conn.fetchval(
            "SELECT count(*) FROM account_tombstones WHERE user_id = $1", key), owner=None) == 1
    finally:
        await db.close()


async def test_a_session_runs_everything_on_one_connection_checked_out_once(database_dsn: str) -> None:
    db, _ = await _database(database_dsn)
    try:
        async with db.session():
            before = db.checkouts
            pids = await asyncio.gather(*(_pid(db) for _ in range(6)))
            pids.append(await db.run(lambda uow: uow.conn.fetchval("SELECT pg_backend_pid()"), owner=None))
            assert len(set(pids)) == 1 and db.checkouts - before == 1
    finally:
        await db.close()


async def test_a_session_gives_its_connection_back_when_idle_and_when_closed(database_dsn: str) -> None:
    db, _ = await _database(database_dsn, max_size=1)
    try:
        async with db.session(linger=0.05):
            await _pid(db)
            assert db.pool.get_idle_size() == 0, "held between the statements of a request"
            await asyncio.sleep(0.2)
            assert db.pool.get_idle_size() == 1, "given back while the request waits on something else"
            await _pid(db)
        assert db.pool.get_idle_size() == 1
        # Within no session (the sweeper, a subscription's events) the pool serves directly.
        assert await asyncio.wait_for(_pid(db), 5)
    finally:
        await db.close()


async def test_a_unit_of_work_nested_in_another_does_not_wait_for_itself(database_dsn: str) -> None:
    db, _ = await _database(database_dsn)
    try:
        async def outer(uow) -> tuple[int, int]:  # type: ignore[no-untyped-def]
            inner = await db.read(lambda inner_uow: inner_uow.conn.fetchval("SELECT pg_backend_pid()"), owner=None)
            return await uow.conn.fetchval("SELECT pg_backend_pid()"), inner

        async with db.session():
            mine, nested = await asyncio.wait_for(db.run(outer, owner=None), 5)
        assert mine != nested
    finally:
        await db.close()


async def test_a_cancelled_statement_does_not_spoil_the_session(database_dsn: str) -> None:
    db, _ = await _database(database_dsn)
    try:
        async with db.session():
            slow = asyncio.ensure_future(db.read(lambda uow: uow.conn.fetchval("SELECT pg_sleep(5)"), owner=None))
            await asyncio.sleep(0.2)
            slow.cancel()
            with pytest.raises(asyncio.CancelledError):
                await slow
            assert await asyncio.wait_for(db.read(lambda uow: uow.conn.fetchval("SELECT 42"), owner=None), 5) == 42
            assert await asyncio.wait_for(db.run(lambda uow: uow.conn.fetchval("SELECT 43"), owner=None), 5) == 43
    finally:
        await db.close()


async def test_an_unreachable_database_is_database_unavailable_in_a_session_too(database_dsn: str) -> None:
    db, _ = await _database(database_dsn, max_size=1)
    db.acquire_timeout = 0.2
    try:
        async with db.connection():  # the only connection is taken
            async with db.session():
                with pytest.raises(DatabaseUnavailable):
                    await db.read(lambda uow: uow.conn.fetchval("SELECT 1"), owner=None)
    finally:
        await db.close()


def test_the_maximum_age_stays_below_dsqls_hour() -> None:
    from loveq.settings import SettingsError, load_settings

    dsql = {"LOVEQ_DSQL_ENDPOINT": "abc.dsql.us-east-1.on.aws", "AWS_REGION": "us-east-1"}
    assert load_settings(dsql).db_max_connection_age_seconds == 3000
    with pytest.raises(SettingsError, match="below 3600"):
        load_settings({**dsql, "LOVEQ_DB_MAX_CONNECTION_AGE": "3600"})
    assert load_settings({"LOVEQ_DB_MAX_CONNECTION_AGE": "7200"}).db_max_connection_age_seconds == 7200
