"""One import per room at a time, across every instance: a lease on the room's row.

An import takes the lease in the transaction that registers it, renews it with a heartbeat
(every quarter of the lease period, in short transactions of its own, and in every batch it
writes), and frees it in the transaction that completes it. Every step writes the room's row,
so two transactions that race for the lease conflict and one of them retries (SQLSTATE 40001;
Aurora DSQL's OC000: "Concurrency control in Aurora DSQL",
docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-concurrency-control.html). A
batch written after its import lost the lease fails the same way, so an import that stalled
and was given up cannot slip rows in behind its reclaimer.

A lease whose heartbeat is older than the period belongs to an import that died. Whoever takes
it next — the next import into the room at once, or the sweeper — removes every PENDING import
of the room but its own: messages, partial raw file and row.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

from blobs import BlobStore
from datastore.database import Database
from datastore.ids import new_id
from datastore.stores import UnitOfWork
from datastore.stores.messages import MAX_ROWS_PER_TRANSACTION

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(minutes=2)
BATCH = 100


class LeaseLost(Exception):
    """The import no longer holds its room's lease (given up as stale, or the room deleted)."""


class ImportLease:
    """`holder`'s lease on one room: renewed in the background while `heartbeat()` is open."""

    def __init__(self, db: Database, owner: uuid.UUID, room_id: uuid.UUID, holder: uuid.UUID, period: timedelta) -> None:
        self.db = db
        self.owner = owner
        self.room_id = room_id
        self.holder = holder
        self.period = period
        self.lost = False
        self._touched = time.monotonic()

    @property
    def interval(self) -> float:
        return self.period.total_seconds() / 4

    async def take(self, uow: UnitOfWork) -> bool:
        taken = await uow.chat_rooms.take_import_lease(self.room_id, self.holder, stale_after=self.period)
        self._touched = time.monotonic()
        return taken

    async def touch(self, uow: UnitOfWork) -> None:
        """Renews the lease inside `uow`'s transaction; raises LeaseLost when it is gone."""
        if not await uow.chat_rooms.touch_import_lease(self.room_id, self.holder):
            self.lost = True
            raise LeaseLost
        self._touched = time.monotonic()

    async def release(self, uow: UnitOfWork) -> bool:
        return await uow.chat_rooms.release_import_lease(self.room_id, self.holder)

    def check(self) -> None:
        if self.lost:
            raise LeaseLost

    @contextlib.asynccontextmanager
    async def heartbeat(self) -> AsyncIterator[None]:
        beating = asyncio.create_task(self._beat())
        try:
            yield
        finally:
            beating.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beating

    async def _beat(self) -> None:
        while True:
            # Batches renew the lease as they are written: beat only when none has for a while
            # (fewer transactions on the room's row, so fewer conflicts with the batches).
            await asyncio.sleep(max(0.0, self._touched + self.interval - time.monotonic()))
            if time.monotonic() - self._touched < self.interval:
                continue
            try:
                await self.db.run(self.touch, owner=self.owner)
            except LeaseLost:
                return
            except Exception:  # the database may be back before the lease goes stale
                log.warning("could not renew the import lease of room %s; retrying", self.room_id, exc_info=True)
                await asyncio.sleep(self.interval / 4)


async def purge_import(
    db: Database,
    blobs: BlobStore,
    owner: uuid.UUID,
    import_id: uuid.UUID,
    key: str | None,
    *,
    lease: ImportLease | None = None,
) -> None:
    """Removes an import that did not complete: its messages (in chunks DSQL accepts), its raw
    file, whole or partial, then its row. Under `lease`, each chunk also renews it."""

    async def chunk(uow: UnitOfWork) -> int:
        if lease is not None:
            await lease.touch(uow)
        return await uow.messages.delete_imported(import_id, MAX_ROWS_PER_TRANSACTION)

    while await db.run(chunk, owner=owner) == MAX_ROWS_PER_TRANSACTION:
        pass
    if key is not None:
        await blobs.delete_partial(key)
        await blobs.delete(key)
    await db.run(lambda uow: uow.imports.discard(import_id), owner=owner)


async def purge_dead_imports(
    db: Database, blobs: BlobStore, lease: ImportLease, dead: list[tuple[uuid.UUID, str | None]]
) -> None:
    for import_id, key in dead:
        if import_id != lease.holder:
            log.info("removing import %s of room %s, whose process died", import_id, lease.room_id)
            await purge_import(db, blobs, lease.owner, import_id, key, lease=lease)


async def reclaim_stale_leases(db: Database, blobs: BlobStore, *, stale_after: timedelta = DEFAULT_LEASE) -> int:
    """The sweeper's part: rooms whose import died get the lease taken, the dead imports
    removed and the lease freed. Returns how many rooms were reclaimed."""
    reclaimed = 0
    for room_id, owner in await db.read(lambda uow: uow.cleanup.rooms_with_dead_imports(stale_after, BATCH), owner=None):
        lease = ImportLease(db, owner, room_id, new_id(), stale_after)
        if not await db.run(lease.take, owner=owner):
            continue  # alive after all, or reclaimed by the next import meanwhile
        async with lease.heartbeat():
            dead = await db.read(lambda uow, r=room_id: uow.imports.pending_in_room(r), owner=owner)
            await purge_dead_imports(db, blobs, lease, dead)
            await db.run(lease.release, owner=owner)
        reclaimed += 1
    return reclaimed
