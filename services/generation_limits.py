"""How many generations may run at once: per user across every instance, and in this process.

``slot(user_id)`` either takes a slot at once or raises ``GenerationLimitExceeded``; nobody
waits in a queue (a person who asks twice gets a clear answer, not a growing delay).

Two guards, in this order:

- the process's own: its total (``LOVEQ_MAX_GENERATIONS``) and the user's count here, taken
  with no ``await`` so that on one event loop the check and the count cannot interleave — it
  refuses what this process alone already knows to be too much, without a database trip;
- the user's count over all instances (``LOVEQ_MAX_GENERATIONS_PER_USER``): a slot row in the
  database (datastore/stores/leases.py) with an expiry, renewed while the generation runs, so
  the slots of an instance that died lapse within one lease period.

A slot is given back in ``__aexit__``, which runs on normal exit, on error and on cancellation
alike (the database's part is best effort: a slot that could not be freed expires).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import Counter
from datetime import timedelta
from types import TracebackType
from typing import Literal

from datastore.database import Database
from datastore.ids import new_id

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(seconds=60)


class GenerationLimitExceeded(Exception):
    def __init__(self, scope: Literal["user", "global"], limit: int) -> None:
        who = "for this user" if scope == "user" else "on this server"
        super().__init__(f"at most {limit} generations may run at once {who}")
        self.scope = scope
        self.limit = limit


class GenerationLimiter:
    def __init__(
        self,
        per_user: int,
        global_limit: int,
        *,
        db: Database | None = None,
        lease: timedelta = DEFAULT_LEASE,
        holder: str = "",
    ) -> None:
        if per_user < 1 or global_limit < 1:
            raise ValueError("limits must be at least 1")
        self.per_user = per_user
        self.global_limit = global_limit
        self.db = db  # None: this process's count only (tests of the local guard)
        self.lease = lease
        self.holder = holder
        self._by_user: Counter[str] = Counter()
        self._total = 0

    @property
    def active(self) -> int:
        return self._total

    def active_for(self, user_id: object) -> int:
        return self._by_user[str(user_id)]

    def slot(self, user_id: object) -> _Slot:
        """``async with limiter.slot(user_id): ...`` — raises ``GenerationLimitExceeded`` on
        entry when the user's or the process's limit is reached."""
        return _Slot(self, str(user_id))

    def _acquire(self, user: str) -> None:
        # The user's own limit is checked first: someone over their share is told so even
        # when the server is also full.
        if self._by_user[user] >= self.per_user:
            raise GenerationLimitExceeded("user", self.per_user)
        if self._total >= self.global_limit:
            raise GenerationLimitExceeded("global", self.global_limit)
        self._by_user[user] += 1
        self._total += 1

    def _release(self, user: str) -> None:
        self._total -= 1
        self._by_user[user] -= 1
        if self._by_user[user] <= 0:
            del self._by_user[user]


class _SharedSlot:
    """The user's slot row in the database, renewed every third of the lease while held."""

    def __init__(self, limiter: GenerationLimiter, owner: uuid.UUID) -> None:
        self.db = limiter.db
        self.limiter = limiter
        self.owner = owner
        self.lease_id = new_id()
        self.slot: int | None = None
        self._renewing: asyncio.Task[None] | None = None

    async def take(self) -> bool:
        limiter = self.limiter
        self.slot = await self.db.run(
            lambda uow: uow.generation_slots.take(limiter.per_user, self.lease_id, limiter.holder, limiter.lease),
            owner=self.owner,
        )
        if self.slot is not None:
            self._renewing = asyncio.create_task(self._renew())
        return self.slot is not None

    async def _renew(self) -> None:
        period = self.limiter.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(period)
            try:
                held = await self.db.run(
                    lambda uow: uow.generation_slots.renew(self.slot, self.lease_id, self.limiter.lease), owner=self.owner
                )
            except Exception:  # the database may be back before the slot expires
                log.warning("could not renew a generation slot; retrying", exc_info=True)
                continue
            if not held:
                log.warning("a generation slot expired while its generation ran")
                return

    async def give_back(self) -> None:
        if self._renewing is not None:
            self._renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewing
        if self.slot is not None:
            with contextlib.suppress(Exception):  # it expires anyway
                await self.db.run(lambda uow: uow.generation_slots.release(self.slot, self.lease_id), owner=self.owner)


class _Slot:
    __slots__ = ("_limiter", "_user", "_held", "_shared")

    def __init__(self, limiter: GenerationLimiter, user: str) -> None:
        self._limiter = limiter
        self._user = user
        self._held = False
        self._shared: _SharedSlot | None = None

    async def __aenter__(self) -> None:
        if self._held:
            raise RuntimeError("a slot is entered once")
        self._limiter._acquire(self._user)
        self._held = True
        if self._limiter.db is None:
            return
        shared = _SharedSlot(self._limiter, uuid.UUID(self._user))
        try:
            taken = await shared.take()
        except BaseException:
            self._give_back_local()
            raise
        if not taken:
            self._give_back_local()
            raise GenerationLimitExceeded("user", self._limiter.per_user)
        self._shared = shared

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._shared is not None:
                shared, self._shared = self._shared, None
                await shared.give_back()
        finally:
            self._give_back_local()

    def _give_back_local(self) -> None:
        if self._held:
            self._held = False
            self._limiter._release(self._user)
