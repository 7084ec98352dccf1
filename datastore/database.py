"""The connection pool and the unit of work.

One unit of work per mutation: `Database.run(work)` opens a transaction, hands `work` a
`UnitOfWork` whose stores share that connection, commits, and retries the whole work on
SQLSTATE 40001 — PostgreSQL's serialization failure and Aurora DSQL's optimistic-concurrency
conflicts (OC000, OC001) alike — and when the connection was lost before the commit began.
Retries wait a random time up to an exponentially growing cap ("full jitter"), so writers
that collided do not collide again in lockstep. No savepoints: DSQL has none.

Inside `Database.session()` (one per GraphQL operation) every `run` and `read` shares one
pooled connection (datastore/session.py). A connection older than `max_connection_age` is
closed instead of reused, before Aurora DSQL closes it at 60 minutes.

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
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import asyncpg

from datastore.errors import DatabaseUnavailable, RetriesExhausted
from datastore.faults import CONNECTION_LOST, connection_gone, is_retryable, statement_errors
from datastore.session import Session
from datastore.stores import UnitOfWork
import telemetry

log = logging.getLogger(__name__)

T = TypeVar("T")

# How long a request's connection stays with it unused before going back to the pool: longer
# than the gaps between an operation's statements (its DataLoaders' rounds, scoring in Python)
# even on a busy machine, much shorter than what an operation may wait on (a generation).
SESSION_LINGER = 0.5

RetryHook = Callable[[str, int], None]


class Dialect(enum.Enum):
    POSTGRES = "postgres"
    DSQL = "dsql"


class _CommitUncertain(Exception):
    """The connection was lost while COMMIT was under way: it may or may not have committed."""


class AgedConnection(asyncpg.Connection):
    """An asyncpg connection that knows when it was opened (asyncpg has no lifetime limit)."""

    __slots__ = ("opened_at", "age_jitter")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened_at = time.monotonic()
        # Connections opened together (at start-up) retire spread over 10% of the maximum age
        # rather than all at once: DSQL accepts 100 new connections per second per cluster
        # ("Cluster quotas and database limits in Amazon Aurora DSQL",
        # docs.aws.amazon.com/aurora-dsql/latest/userguide/CHAP_quotas.html).
        self.age_jitter = random.random()


async def keep_connection_state(conn: asyncpg.Connection) -> None:
    """The pool's reset on release: nothing beyond asyncpg's own rollback of an open transaction.

    asyncpg's default reset sends `SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
    RESET ALL` at every release: a round trip per checkout, and statements Aurora DSQL does
    not have (no advisory locks; CLOSE and LISTEN/UNLISTEN are absent from the grammar DSQL
    accepts, awslabs/aurora-dsql-tools dsql-lint/grammar/dsql_grammar.json, and dsql-lint flags
    UNLISTEN as unsupported). AWS's asyncpg pool for DSQL overrides the reset for this reason
    (awslabs/aurora-dsql-connectors, python/connector/aurora_dsql_asyncpg/pool.py). Nothing here
    leaves session state behind: no cursors, LISTEN or SET; the one user of an advisory lock and
    of a session setting, the PostgreSQL migrator, closes its connection instead of returning
    it (`Database.connection(discard=True)`). So both dialects skip the reset.
    """


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
        max_connection_age: float | None = None,
        on_retry: RetryHook | None = None,
    ) -> None:
        self.pool = pool
        self.dialect = dialect
        self.retry_attempts = retry_attempts
        self.retry_base_delay = retry_base_delay
        self.retry_max_delay = retry_max_delay
        self.acquire_timeout = acquire_timeout
        self.max_connection_age = max_connection_age
        # A plain hook for metrics: called with ("conflict" | "connection_lost", attempt) on
        # every retry. `checkouts` and `retired` count pool checkouts and aged-out connections.
        self.on_retry = on_retry
        self.checkouts = 0
        self.retired = 0

    @contextlib.asynccontextmanager
    async def connection(self, *, discard: bool = False) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection of its own; driver failures leave as `datastore.errors`. With
        `discard`, it is closed afterwards instead of returned (for session state it changed)."""
        conn = await self._checkout()
        try:
            with statement_errors(conn):
                yield conn
        finally:
            if discard:
                with contextlib.suppress(Exception):
                    await conn.close(timeout=5)
            await self._checkin(conn)

    @contextlib.asynccontextmanager
    async def session(self, *, linger: float = SESSION_LINGER) -> AsyncIterator[Session]:
        """Within it, this task's (and its child tasks') units of work share one connection."""
        session = Session(self, self._checkout, self._checkin, linger=linger)
        token = session.activate()
        try:
            yield session
        finally:
            Session.deactivate(token)
            await session.close()

    def _use(self) -> contextlib.AbstractAsyncContextManager[asyncpg.Connection]:
        session = Session.current()
        if session is not None and session.owner is self:
            claimed = session.claim()
            if claimed is not None:
                return claimed
        return self.connection()

    async def _checkout(self) -> asyncpg.Connection:
        for _ in range(3):
            try:
                conn = await self.pool.acquire(timeout=self.acquire_timeout)
            except (asyncio.TimeoutError, *CONNECTION_LOST, asyncpg.exceptions.InterfaceError) as exc:
                raise DatabaseUnavailable("no database connection could be had") from exc
            self.checkouts += 1
            if not self._too_old(conn):
                return conn
            await self._checkin(conn)  # closes it; the pool opens a fresh one
        return conn

    async def _checkin(self, conn: asyncpg.Connection) -> None:
        if self._too_old(conn):
            self.retired += 1
            with contextlib.suppress(Exception):  # closing hands the holder back to the pool
                await conn.close(timeout=5)
        with contextlib.suppress(Exception):  # a no-op for a connection already handed back
            await self.pool.release(conn)

    def _too_old(self, conn: asyncpg.Connection) -> bool:
        if self.max_connection_age is None or connection_gone(conn):
            return False
        opened_at = getattr(conn, "opened_at", None)
        if opened_at is None:
            return False
        limit = self.max_connection_age * (1 - 0.1 * conn.age_jitter)
        return time.monotonic() - opened_at >= limit

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
                reason = "conflict" if conflict else "connection_lost"
                log.info("%s (attempt %d), retrying", reason.replace("_", " "), attempt)
                if conflict:
                    telemetry.conflict_retry()
                if self.on_retry is not None:
                    self.on_retry(reason, attempt)
                await asyncio.sleep(self._backoff(attempt))
        raise AssertionError("unreachable")

    async def _attempt(self, work: Callable[[UnitOfWork], Awaitable[T]], owner: uuid.UUID | None) -> T:
        async with self._use() as conn:
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
            except (*CONNECTION_LOST, asyncpg.exceptions.InterfaceError, asyncpg.exceptions.InternalClientError) as exc:
                raise _CommitUncertain() from exc
            return result

    def _backoff(self, attempt: int) -> float:
        return random.uniform(0, min(self.retry_max_delay, self.retry_base_delay * 2**attempt))

    async def read(self, work: Callable[[UnitOfWork], Awaitable[T]], *, owner: uuid.UUID | None) -> T:
        """Run read-only `work` on a connection; single statements need no transaction.
        A read that lost its connection is tried once more."""
        for attempt in (1, 2):
            try:
                async with self._use() as conn:
                    return await work(UnitOfWork(conn, owner))
            except CONNECTION_LOST as exc:
                if attempt == 2:
                    raise DatabaseUnavailable("the database connection kept failing") from exc
                if self.on_retry is not None:
                    self.on_retry("connection_lost", attempt)
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
    retry_attempts: int = 8, statement_timeout: float = 10.0, max_connection_age: float | None = None,
) -> Database:
    """`statement_timeout` holds on both sides: the server cancels the statement, and asyncpg
    stops waiting (`command_timeout`) should the server not answer."""
    pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        init=on_connect,
        reset=keep_connection_state,
        connection_class=AgedConnection,
        command_timeout=statement_timeout + 1,
        server_settings={"statement_timeout": str(int(statement_timeout * 1000))},
    )
    return Database(pool, Dialect.POSTGRES, retry_attempts=retry_attempts, max_connection_age=max_connection_age)


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
    max_connection_age: float | None = 3000.0,
) -> Database:
    """A pool on Aurora DSQL: every new connection authenticates with a fresh IAM token.
    Statements are bounded on the client side (asyncpg cancels them past `statement_timeout`).
    DSQL ends a connection after 60 minutes ("Understanding connections in Aurora DSQL",
    docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-connections.html): connections
    retire at `max_connection_age`, below that, instead of failing under a request."""
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
        reset=keep_connection_state,
        connection_class=AgedConnection,
        command_timeout=statement_timeout,
    )
    return Database(pool, Dialect.DSQL, retry_attempts=retry_attempts, max_connection_age=max_connection_age)
