"""One pooled connection for all the statements of one request.

A GraphQL operation runs its reads through DataLoaders that fire side by side (a page of rooms,
then their partners, messages and counts at once); each `Database.read` used to check out a
connection of its own, so one nested query held several connections and paid a checkout per
statement. Inside `Database.session()` every `read` and `run` of the operation takes turns on
one connection instead, checked out when first needed.

The connection goes back to the pool as soon as the operation has not used it for `linger`
seconds (and when the operation ends), so an operation that waits on something else — a coach
generation of many seconds — does not pin a connection meanwhile; nor does one whose end was
never signalled. A `run` or `read` nested inside another one of the same task (never done
on purpose) gets a pooled connection of its own rather than waiting for itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncpg

from datastore.faults import CONNECTION_LOST, connection_gone, statement_errors

Checkout = Callable[[], Awaitable[Any]]
Checkin = Callable[[Any], Awaitable[None]]

_current: contextvars.ContextVar[Session | None] = contextvars.ContextVar("loveq_db_session", default=None)


class Session:
    def __init__(self, owner: object, checkout: Checkout, checkin: Checkin, *, linger: float) -> None:
        self.owner = owner
        self._checkout = checkout
        self._checkin = checkin
        self._linger = linger
        self._lock = asyncio.Lock()
        self._conn: Any = None
        self._holder: asyncio.Task | None = None
        self._closed = False
        self._uses = 0  # claims so far: an idle release is skipped when another came meanwhile
        self._timer: asyncio.TimerHandle | None = None
        self._idle_release: asyncio.Task | None = None

    @staticmethod
    def current() -> Session | None:
        return _current.get()

    def activate(self) -> contextvars.Token:
        return _current.set(self)

    @staticmethod
    def deactivate(token: contextvars.Token) -> None:
        _current.reset(token)

    def claim(self) -> contextlib.AbstractAsyncContextManager[Any] | None:
        """The session's connection for one unit of work, or None when the session is closed
        or the calling task already holds it (then the caller uses a pooled one)."""
        if self._closed or self._holder is asyncio.current_task():
            return None
        return self._claimed()

    @contextlib.asynccontextmanager
    async def _claimed(self) -> AsyncIterator[Any]:
        async with self._lock:
            self._holder = asyncio.current_task()
            self._uses += 1
            self._cancel_timer()
            try:
                if self._conn is None:
                    self._conn = await self._checkout()
                with statement_errors(self._conn):
                    yield self._conn
            except (*CONNECTION_LOST, asyncpg.exceptions.InterfaceError, asyncio.CancelledError):
                # Gone, or cancelled mid-statement: the pool's release waits out the
                # cancellation (or closes the connection) before anyone uses it again.
                await self._drop()
                raise
            finally:
                self._holder = None
                # A connection left mid-transaction (its unit of work was cancelled while rolling
                # back) is not reused as is: the pool's release rolls it back.
                conn = self._conn
                if self._closed or (conn is not None and (connection_gone(conn) or conn.is_in_transaction())):
                    await self._drop()
                else:
                    self._start_timer()

    async def close(self) -> None:
        """Gives the connection back; later units of work of this request use the pool."""
        self._closed = True
        self._cancel_timer()
        async with self._lock:
            await self._drop()

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            await self._checkin(conn)

    def _start_timer(self) -> None:
        if self._conn is not None:
            self._timer = asyncio.get_running_loop().call_later(self._linger, self._on_idle, self._uses)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _on_idle(self, uses: int) -> None:
        self._timer = None
        if uses == self._uses and not self._lock.locked():
            self._idle_release = asyncio.ensure_future(self._release_if_idle(uses))

    async def _release_if_idle(self, uses: int) -> None:
        async with self._lock:
            if uses == self._uses:
                await self._drop()
