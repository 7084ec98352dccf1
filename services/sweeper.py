"""The service's own sweeper, in every mode: it finishes deletions, deletes raw uploads once
their retention ends (S3's lifecycle rule does the same in production; the local store has
only this), reclaims the rooms of imports whose process died (their lease went stale: see
services/import_lease.py), removes orphaned raw files and long-expired generation slots.

Every instance runs the loop, but only the holder of the "sweeper" lease (services/
service_lease.py) sweeps; the others stand by and one of them takes over within a lease period
of the holder's death. Sweeps do not collide on the same deletes, and the bucket prefix is
listed by one instance, not by all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from blobs import BlobStore
from datastore.database import Database
from services.deletion import purge_deleted
from services.import_lease import DEFAULT_LEASE, reclaim_stale_leases
from services.service_lease import LeaseLost, ServiceLease

log = logging.getLogger(__name__)

BATCH = 500
SWEEPER = "sweeper"
DEFAULT_SWEEPER_LEASE = timedelta(seconds=60)
# A generation slot expired this long ago belongs to no one: its row can go.
SLOT_GRACE = timedelta(hours=1)


@dataclass
class SweepReport:
    raw_files_expired: int = 0
    stale_imports: int = 0
    orphans: int = 0


async def sweep_raw_files(
    db: Database,
    blobs: BlobStore,
    *,
    retention: timedelta,
    now: datetime | None = None,
    stale_after: timedelta = DEFAULT_LEASE,
) -> SweepReport:
    now = now or datetime.now(timezone.utc)
    report = SweepReport()
    while expired := await db.read(lambda uow: uow.cleanup.expired_raw_files(now, BATCH), owner=None):
        for _, key in expired:
            await blobs.delete(key)
        await db.run(lambda uow, ids=[i for i, _ in expired]: uow.cleanup.mark_raw_deleted(ids), owner=None)
        report.raw_files_expired += len(expired)
    report.stale_imports = await reclaim_stale_leases(db, blobs, stale_after=stale_after)
    report.orphans = await blobs.delete_older_than(now - retention)
    return report


async def sweep_once(
    db: Database, blobs: BlobStore, *, retention: timedelta, stale_after: timedelta, lease: ServiceLease | None = None
) -> SweepReport:
    """One sweep; under `lease`, it stops between steps once the lease is lost."""
    check = lease.check if lease is not None else (lambda: None)
    await purge_deleted(db)
    check()
    report = await sweep_raw_files(db, blobs, retention=retention, stale_after=stale_after)
    check()
    await db.run(lambda uow: uow.cleanup.delete_expired_generation_slots(SLOT_GRACE, BATCH), owner=None)
    if lease is not None:
        await lease.record_run()
    return report


async def sweep_forever(
    db: Database,
    blobs: BlobStore,
    *,
    interval: float,
    retention: timedelta,
    stale_after: timedelta = DEFAULT_LEASE,
    holder: str,
    lease_period: timedelta = DEFAULT_SWEEPER_LEASE,
    lease_name: str = SWEEPER,
) -> None:
    """Sweeps every `interval` seconds while this instance holds the sweeper's lease."""
    lease = ServiceLease(db, lease_name, holder=holder, period=lease_period)
    next_sweep = 0.0
    try:
        while True:
            try:
                if await lease.hold() and time.monotonic() >= next_sweep:
                    next_sweep = time.monotonic() + interval  # a failed sweep waits its turn too
                    log.info("sweep started by %s", holder)
                    async with lease.kept():
                        report = await sweep_once(db, blobs, retention=retention, stale_after=stale_after, lease=lease)
                    log.info("sweep finished by %s: %s", holder, report)
            except LeaseLost:
                log.info("sweep stopped: %s no longer holds the sweeper's lease", holder)
            except Exception:  # the sweeper must outlive a bad moment of the database or the store
                log.exception("sweep failed; retrying in %ss", lease.poll_interval)
            await asyncio.sleep(lease.poll_interval)
    finally:
        with contextlib.suppress(Exception):  # shutting down: let another instance take over now
            await asyncio.shield(lease.release())
