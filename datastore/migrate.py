"""Versioned migrations: numbered .sql files applied in order, one statement per transaction.

DSQL allows a single DDL statement per transaction and never DDL mixed with DML, so each
statement commits on its own and the version row is written afterwards. Every statement is
idempotent (IF NOT EXISTS), which makes a migration that died half-way safe to run again.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources

import asyncpg

from datastore.database import Database, Dialect

log = logging.getLogger(__name__)

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_CREATE_INDEX = re.compile(r"^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+(?!ASYNC)", re.IGNORECASE)

_LOCK_KEY = 0x4C6F7665  # "Love"

_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def _split(sql: str) -> tuple[str, ...]:
    without_comments = "\n".join(
        line for line in sql.splitlines() if not line.lstrip().startswith("--")
    )
    return tuple(part.strip() for part in without_comments.split(";") if part.strip())


def load_migrations() -> list[Migration]:
    found = []
    for entry in resources.files("datastore.migrations").iterdir():
        match = _FILE.match(entry.name)
        if match:
            found.append(
                Migration(int(match.group(1)), match.group(2), _split(entry.read_text("utf-8")))
            )
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"duplicate migration versions: {versions}")
    return found


# An index built on a populated table (on DSQL, `CREATE INDEX ASYNC` and then
# `sys.wait_for_job`) may take much longer than any request may: migrations get their own
# deadline instead of the pool's per-statement one.
MIGRATION_TIMEOUT = 3600.0


def for_dialect(statement: str, dialect: Dialect) -> str:
    if dialect is Dialect.DSQL:
        return _CREATE_INDEX.sub(lambda m: f"CREATE {m.group(1) or ''}INDEX ASYNC ", statement)
    return statement


async def _execute_ddl(conn: asyncpg.Connection, statement: str, dialect: Dialect) -> None:
    async with conn.transaction():
        rows = await conn.fetch(for_dialect(statement, dialect), timeout=MIGRATION_TIMEOUT)
    job_id = rows[0]["job_id"] if rows and "job_id" in rows[0].keys() else None
    if job_id is not None and not await conn.fetchval("SELECT sys.wait_for_job($1)", job_id, timeout=MIGRATION_TIMEOUT):
        raise RuntimeError(f"index job {job_id} failed")


async def migrate(db: Database) -> list[int]:
    """Apply what is missing; returns the versions applied now."""
    applied_now: list[int] = []
    # The connection changes session state (the lock, the statement deadline): it is closed
    # afterwards rather than returned to the pool, whose reset leaves session state alone.
    async with db.connection(discard=True) as conn:
        if db.dialect is Dialect.POSTGRES:
            # The pool's statement deadline is for requests; an index build may take longer.
            await conn.execute("SET statement_timeout = 0")
            # Serialise concurrent migrators (DSQL has no advisory locks; there the idempotent
            # statements and the ON CONFLICT ledger make a race harmless).
            await conn.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY, timeout=MIGRATION_TIMEOUT)
        try:
            await _apply_missing(conn, db.dialect, applied_now)
        finally:
            if db.dialect is Dialect.POSTGRES:
                await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
    return applied_now


async def _apply_missing(
    conn: asyncpg.Connection, dialect: Dialect, applied_now: list[int]
) -> None:
    await _execute_ddl(conn, _LEDGER, dialect)
    done = {row["version"] for row in await conn.fetch("SELECT version FROM schema_migrations")}
    for migration in load_migrations():
        if migration.version in done:
            continue
        for statement in migration.statements:
            await _execute_ddl(conn, statement, dialect)
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())"
                " ON CONFLICT (version) DO NOTHING",
                migration.version,
                migration.name,
            )
        log.info("applied migration %04d_%s", migration.version, migration.name)
        applied_now.append(migration.version)
