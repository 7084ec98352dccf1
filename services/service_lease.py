"""Work that one instance does for all (the sweeper): whoever holds the lease row does it, the
others poll and stand by.

With a lease period P, the holder renews every P/3 and each renewal runs until P·2/3 from
then; the others try to take the row every P/3. So when the holder dies, its lease expires at
most P·2/3 later and another instance holds it at most P/3 after that: within one lease period
of the death. A holder that stalls past its expiry loses the row to the next poller and learns
it at its next renewal (`LeaseLost`), then stands by in turn.

The expiry written is the database's transaction start plus P·2/3, and the holder counts its
lease valid only until its own clock's reading *before* it asked plus P·2/3 — never later than
the row says. A renewal that took longer than that (a stalled event loop, a slow database)
counts as lost, so a stalled holder cannot go on working after another instance took over.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from datetime import timedelta

from datastore.database import Database

log = logging.getLogger(__name__)


class LeaseLost(Exception):
    """Another instance holds the lease now."""


class ServiceLease:
    def __init__(self, db: Database, name: str, *, holder: str, period: timedelta) -> None:
        self.db = db
        self.name = name
        self.holder = holder
        self.period = period
        self._valid_until = 0.0  # time.monotonic() until which this instance surely holds it

    @property
    def held(self) -> bool:
        return time.monotonic() < self._valid_until

    @property
    def poll_interval(self) -> float:
        return self.period.total_seconds() / 3

    @property
    def ttl(self) -> timedelta:
        return self.period * 2 / 3

    async def hold(self) -> bool:
        """Takes the lease, or renews it if held; whether this instance holds it now."""
        was, asked = self.held, time.monotonic()
        taken = await self.db.run(lambda uow: uow.service_leases.take(self.name, self.holder, self.ttl), owner=None)
        self._valid_until = asked + self.ttl.total_seconds() if taken else 0.0
        held = self.held  # False as well when the answer came too late to be relied on
        if held != was:
            log.info("%s lease %s by %s", self.name, "taken" if held else "lost", self.holder)
        return held

    def check(self) -> None:
        if not self.held:
            raise LeaseLost

    async def record_run(self) -> None:
        if not await self.db.run(lambda uow: uow.service_leases.record_run(self.name, self.holder), owner=None):
            self._valid_until = 0.0
            raise LeaseLost
        self.check()

    async def release(self) -> None:
        if self._valid_until:
            self._valid_until = 0.0
            await self.db.run(lambda uow: uow.service_leases.release(self.name, self.holder), owner=None)

    @contextlib.asynccontextmanager
    async def kept(self) -> AsyncIterator[None]:
        """Renews the lease in the background while the work runs (`check()` tells whether
        it is still held)."""
        renewing = asyncio.create_task(self._renew())
        try:
            yield
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing

    async def _renew(self) -> None:
        while self.held:
            await asyncio.sleep(self.poll_interval)
            try:
                await self.hold()
            except Exception:  # a failed renewal is retried; the lease outlives one miss
                log.warning("could not renew the %s lease; retrying", self.name, exc_info=True)
