"""The connection pool and the unit of work.

One unit of work per mutation: `Database.run(work)` opens a transaction, hands `work` a
`UnitOfWork` whose stores share that connection, commits, and retries the whole work on
SQLSTATE 40001 — PostgreSQL's serialization failure and Aurora DSQL's optimistic-concurrency
conflicts (OC000, OC001) alike. No savepoints: DSQL has none.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import random
import ssl
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import asyncpg

from datastore.errors import RetriesExhausted
from datastore.stores import UnitOfWork

log = logging.getLogger(__name__)

T = TypeVar("T")

SERIALIZATION_FAILURE = "40001"


class Dialect(enum.Enum):
    POSTGRES = "postgres"
    DSQL = "dsql"


def is_retryable(exc: BaseException) -> bool:
    return getattr(exc, "sqlstate", None) == SERIALIZATION_FAILURE


class Database:
    def __init__(
        self,
        pool: asyncpg.Pool,
        dialect: Dialect = Dialect.POSTGRES,
        *,
        retry_attempts: int = 5,
        retry_base_delay: float = 0.01,
    ) -> None:
        self.pool = pool
        self.dialect = dialect
        self.retry_attempts = retry_attempts
        self.retry_base_delay = retry_base_delay

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        async with self.pool.acquire() as conn:
            yield conn

    async def run(self, work: Callable[[UnitOfWork], Awaitable[T]], *, owner: uuid.UUID | None) -> T:
        """Run `work` in one transaction, retrying it whole on a serialization conflict."""
        for attempt in range(1, self.retry_attempts + 1):
            try:
                async with self.pool.acquire() as conn:
                    async with conn.transaction(isolation=self._isolation):
                        return await work(UnitOfWork(conn, owner))
            except asyncpg.PostgresError as exc:
                if not is_retryable(exc):
                    raise
                if attempt == self.retry_attempts:
                    raise RetriesExhausted(
                        f"gave up after {attempt} conflicting attempts"
                    ) from exc
                log.info("transaction conflict (attempt %d), retrying", attempt)
                await asyncio.sleep(self.retry_base_delay * (2 ** (attempt - 1)) * random.uniform(1, 2))
        raise AssertionError("unreachable")

    async def read(self, work: Callable[[UnitOfWork], Awaitable[T]], *, owner: uuid.UUID | None) -> T:
        """Run read-only `work` on a pooled connection; single statements need no transaction."""
        async with self.pool.acquire() as conn:
            return await work(UnitOfWork(conn, owner))

    async def ping(self) -> bool:
        try:
            async with self.pool.acquire(timeout=2) as conn:
                return await conn.fetchval("SELECT 1") == 1
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, asyncio.TimeoutError):
            return False

    async def close(self) -> None:
        await self.pool.close()

    @property
    def _isolation(self) -> str | None:
        # DSQL always runs snapshot isolation with optimistic concurrency; asking PostgreSQL
        # for repeatable read gives the same semantics (and the same 40001 on conflicts).
        return None if self.dialect is Dialect.DSQL else "repeatable_read"


ConnectHook = Callable[[asyncpg.Connection], Awaitable[None]]


async def connect_postgres(
    dsn: str, *, min_size: int, max_size: int, on_connect: ConnectHook | None = None,
    retry_attempts: int = 5,
) -> Database:
    pool = await asyncpg.create_pool(
        dsn, min_size=min_size, max_size=max_size, init=on_connect, command_timeout=60
    )
    return Database(pool, Dialect.POSTGRES, retry_attempts=retry_attempts)


def dsql_token_provider(
    *, endpoint: str, region: str, user: str, session: Any | None = None, expires_in: int = 900
) -> Callable[[], Awaitable[str]]:
    """asyncpg's callable `password=`: a fresh IAM auth token (a presigned URL) per connection."""
    import aioboto3

    session = session or aioboto3.Session()

    async def iam_token() -> str:
        async with session.client("dsql", region_name=region) as dsql:
            if user == "admin":
                return await dsql.generate_db_connect_admin_auth_token(endpoint, region, expires_in)
            return await dsql.generate_db_connect_auth_token(endpoint, region, expires_in)

    return iam_token


async def connect_dsql(
    *,
    endpoint: str,
    region: str,
    user: str,
    database: str,
    min_size: int,
    max_size: int,
    session: Any | None = None,
    on_connect: ConnectHook | None = None,
    retry_attempts: int = 5,
) -> Database:
    """A pool on Aurora DSQL: every new connection authenticates with a fresh IAM token."""
    iam_token = dsql_token_provider(endpoint=endpoint, region=region, user=user, session=session)
    tls = ssl.create_default_context()
    pool = await asyncpg.create_pool(
        host=endpoint,
        port=5432,
        user=user,
        database=database,
        password=iam_token,
        ssl=tls,
        min_size=min_size,
        max_size=max_size,
        init=on_connect,
        command_timeout=60,
    )
    return Database(pool, Dialect.DSQL, retry_attempts=retry_attempts)
