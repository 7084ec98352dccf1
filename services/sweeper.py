"""The service's own sweeper, in every mode: it finishes deletions, deletes raw uploads once
their retention ends (S3's lifecycle rule does the same in production; the local store has
only this), reclaims the rooms of imports whose process died (their lease went stale: see
services/import_lease.py), and removes orphaned raw files."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from blobs import BlobStore
from datastore.database import Database
from services.deletion import purge_deleted
from services.import_lease import DEFAULT_LEASE, reclaim_stale_leases

log = logging.getLogger(__name__)

BATCH = 500


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


async def sweep_forever(
    db: Database, blobs: BlobStore, *, interval: float, retention: timedelta, stale_after: timedelta = DEFAULT_LEASE
) -> None:
    while True:
        try:
            await purge_deleted(db)
            report = await sweep_raw_files(db, blobs, retention=retention, stale_after=stale_after)
            if report.raw_files_expired or report.stale_imports or report.orphans:
                log.info("sweep: %s", report)
        except Exception:  # the sweeper must outlive a bad moment of the database or the store
            log.exception("sweep failed; retrying in %ss", interval)
        await asyncio.sleep(interval)
