from __future__ import annotations

import asyncpg
import pytest

from datastore.database import Dialect, connect_postgres, dsql_token_provider
from datastore.migrate import for_dialect, load_migrations, migrate
from tests.support.server import with_database


def test_migrations_are_numbered_and_split_into_single_statements() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == sorted({m.version for m in migrations})
    for migration in migrations:
        for statement in migration.statements:
            assert ";" not in statement, "one statement per transaction (DSQL)"


def test_schema_avoids_what_dsql_lacks() -> None:
    text = " ".join(s.upper() for m in load_migrations() for s in m.statements)
    for forbidden in ("REFERENCES", "SERIAL", "SEQUENCE", "TRIGGER", "EXTENSION", "JSONB", " JSON ", "[]"):
        assert forbidden not in text, forbidden


def test_indexes_become_async_on_dsql() -> None:
    statement = "CREATE INDEX IF NOT EXISTS messages_by_room ON messages (room_id, sent_at, id)"
    assert for_dialect(statement, Dialect.DSQL).startswith("CREATE INDEX ASYNC IF NOT EXISTS")
    assert for_dialect("CREATE UNIQUE INDEX x ON t (a)", Dialect.DSQL) == "CREATE UNIQUE INDEX ASYNC x ON t (a)"
    assert for_dialect(statement, Dialect.POSTGRES) == statement
    assert for_dialect("CREATE TABLE t (a int)", Dialect.DSQL) == "CREATE TABLE t (a int)"


async def test_migrate_is_idempotent(server_dsn: str) -> None:
    admin = await asyncpg.connect(server_dsn)
    await admin.execute('DROP DATABASE IF EXISTS "loveq_migrate_test"')
    await admin.execute('CREATE DATABASE "loveq_migrate_test"')
    try:
        dsn = with_database(server_dsn, "loveq_migrate_test")
        db = await connect_postgres(dsn, min_size=1, max_size=2)
        try:
            first = await migrate(db)
            assert first == [m.version for m in load_migrations()]
            assert await migrate(db) == []
            async with db.connection() as conn:
                tables = {r["tablename"] for r in await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
            assert {"users", "partners", "chat_rooms", "messages", "schema_migrations"} <= tables
        finally:
            await db.close()
    finally:
        await admin.execute('DROP DATABASE IF EXISTS "loveq_migrate_test" WITH (FORCE)')
        await admin.close()


@pytest.mark.parametrize("user,action", [("admin", "DbConnectAdmin"), ("loveq_app", "DbConnect")])
async def test_dsql_connections_authenticate_with_iam_tokens(monkeypatch, user: str, action: str) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    endpoint = "abcdefghijklmnopqrst.dsql.us-east-1.on.aws"
    token = await dsql_token_provider(endpoint=endpoint, region="us-east-1", user=user)()
    assert token.startswith(f"{endpoint}/?Action={action}&")
    assert "X-Amz-Signature=" in token and "X-Amz-Expires=900" in token and "https://" not in token
