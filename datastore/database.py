"""The connection pool and the unit of work.

One unit of work per mutation: `Database.run(work)` opens a transaction, hands `work` a
`UnitOfWork` whose stores share that connection, commits, and retries the whole work on
SQLSTATE 40001 — PostgreSQL's serialization failure and Aurora DSQL's optimistic-concurrency
conflicts (OC000, OC001) alike — and when the connection was lost before the commit began.
Retries wait a random time up to an exponentially growing cap ("full jitter"), so writers
that collided do not collide again in lockstep. No savepoints: DSQL has none.

Failures leave as the typed errors of `datastore.errors`: a database that cannot be reached
is `DatabaseUnavailable`, a statement past its deadline `StatementTimeout`, conflicts that
outlast the retries `RetriesExhausted`; never a driver's own text.
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

from datastore.errors import DatabaseUnavailable, RetriesExhausted, StatementTimeout
from datastore.stores import UnitOfWork
import telemetry

log = logging.getLogger(__name__)

T = TypeVar("T")

SERIALIZATION_FAILURE = "40001"


class Dialect(enum.Enum):
    POSTGRES = "postgres"
    DSQL = "dsql"


# The connection is gone or cannot be had: nothing of the transaction was committed by it.
CONNECTION_LOST = (
    OSError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.OperatorInterventionError,
)


def is_retryable(exc: BaseException) -> bool:
    return getattr(exc, "sqlstate", None) == SERIALIZATION_FAILURE


class _CommitUncertain(Exception):
    """The connection was lost while COMMIT was under way: it may or may not have committed."""


class Database:
    def __init__(
        self,
        pool: asyncpg.Pool,
        dialect: Dialect = Dialect.POSTGRES,
        *,
        retry_attempts: int = 8,
        retry_base_delay: float = 0.02,
        retry_max_delay: float = 2.0,
        acquire_timeout: float = 10.0,
    ) -> None:
        self.pool = pool
        self.dialect = dialect
        self.retry_attempts = retry_attempts
        self.retry_base_delay = retry_base_delay
        self.retry_max_delay = retry_max_delay
        self.acquire_timeout = acquire_timeout

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection; driver failures leave as `datastore.errors`."""
        try:
            conn = await self.pool.acquire(timeout=self.acquire_timeout)
        except (asyncio.TimeoutError, *CONNECTION_LOST, asyncpg.exceptions.InterfaceError) as exc:
            raise DatabaseUnavailable("no database connection could be had") from exc
        try:
            yield conn
        except asyncio.TimeoutError as exc:  # asyncpg's command_timeout: it cancelled the statement
            raise StatementTimeout("a statement ran past its deadline") from exc
        except asyncpg.exceptions.QueryCanceledError as exc:  # the server's statement_timeout
            raise StatementTimeout("a statement ran past its deadline") from exc
        finally:
            with contextlib.suppress(Exception):
                await self.pool.release(conn)

    async def run(self, work: Callable[[UnitOfWork], Awaitable[T]], *, owner: uuid.UUID | None) -> T:
        """Run `work` in one transaction, retrying it whole on a conflict or a lost connection."""
        for attempt in range(1, self.retry_attempts + 1):
            try:
                return await self._attempt(work, owner)
            except _CommitUncertain as exc:
                raise DatabaseUnavailable("the connection was lost while committing") from exc.__cause__
            except (asyncpg.PostgresError, *CONNECTION_LOST, DatabaseUnavailable) as exc:
                conflict = is_retryable(exc)
                if not conflict and not isinstance(exc, (*CONNECTION_LOST, DatabaseUnavailable)):
                    raise
                if attempt == self.retry_attempts:
                    if conflict:
                        raise RetriesExhausted(f"gave up after {attempt} conflicting attempts") from exc
                    raise DatabaseUnavailable("the database connection kept failing") from exc
                log.info("%s (attempt %d), retrying", "transaction conflict" if conflict else "connection lost", attempt)
                if conflict:
                    telemetry.conflict_retry()
                await asyncio.sleep(self._backoff(attempt))
        raise AssertionError("unreachable")

    async def _attempt(self, work: Callable[[UnitOfWork], Awaitable[T]], owner: uuid.UUID | None) -> T:
        async with self.connection() as conn:
            transaction = conn.transaction(isolation=self._isolation)
            await transaction.start()
            try:
                result = await work(UnitOfWork(conn, owner))
            except BaseException:
                with contextlib.suppress(Exception):
                    await transaction.rollback()
                raise
            try:
                await transaction.commit()
            except CONNECTION_LOST as exc:
                raise _CommitUncertain() from exc
            return result

    def _backoff(self, attempt: int) -> float:
        return random.uniform(0, min(self.retry_max_delay, self.retry_base_delay * 2**attempt))

    async def read(self, work: Callable[[UnitOfWork], Awaitable[T]], *, owner: uuid.UUID | None) -> T:
        """Run read-only `work` on a pooled connection; single statements need no transaction.
        A read that lost its connection is tried once more."""
        for attempt in (1, 2):
            try:
                async with self.connection() as conn:
                    return await work(UnitOfWork(conn, owner))
            except CONNECTION_LOST as exc:
                if attempt == 2:
                    raise DatabaseUnavailable("the database connection kept failing") from exc
        raise AssertionError("unreachable")

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
    retry_attempts: int = 8, statement_timeout: float = 10.0,
) -> Database:
    """`statement_timeout` holds on both sides: the server cancels the statement, and asyncpg
    stops waiting (`command_timeout`) should the server not answer."""
    pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        init=on_connect,
        command_timeout=statement_timeout + 1,
        server_settings={"statement_timeout": str(int(statement_timeout * 1000))},
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
    retry_attempts: int = 8,
    statement_timeout: float = 10.0,
) -> Database:
    """A pool on Aurora DSQL: every new connection authenticates with a fresh IAM token.
    Statements are bounded on the client side (asyncpg cancels them past `statement_timeout`)."""
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
        command_timeout=statement_timeout,
    )
    return Database(pool, Dialect.DSQL, retry_attempts=retry_attempts)
