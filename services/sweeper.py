"""The service's own sweeper, in every mode: it finishes deletions, deletes raw uploads once
their retention ends (S3's lifecycle rule does the same in production; the local store has
only this), cleans up imports whose process died, and removes orphaned raw files."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from blobs import BlobStore
from datastore.database import Database
from services.deletion import purge_deleted
from datastore.stores.messages import MAX_ROWS_PER_TRANSACTION
from services.chat_import import STALE_AFTER

log = logging.getLogger(__name__)

BATCH = 500


@dataclass
class SweepReport:
    raw_files_expired: int = 0
    stale_imports: int = 0
    orphans: int = 0


async def sweep_raw_files(db: Database, blobs: BlobStore, *, retention: timedelta, now: datetime | None = None) -> SweepReport:
    now = now or datetime.now(timezone.utc)
    report = SweepReport()
    while expired := await db.read(lambda uow: uow.cleanup.expired_raw_files(now, BATCH), owner=None):
        for _, key in expired:
            await blobs.delete(key)
        await db.run(lambda uow, ids=[i for i, _ in expired]: uow.cleanup.mark_raw_deleted(ids), owner=None)
        report.raw_files_expired += len(expired)
    for import_id, key in await db.read(lambda uow: uow.cleanup.stale_imports(now - STALE_AFTER, BATCH), owner=None):
        while await db.run(
            lambda uow, i=import_id: uow.cleanup.delete_import_messages(i, MAX_ROWS_PER_TRANSACTION), owner=None
        ) == MAX_ROWS_PER_TRANSACTION:
            pass
        if key:
            await blobs.delete(key)
        await db.run(lambda uow, i=import_id: uow.cleanup.delete_import(i), owner=None)
        report.stale_imports += 1
    report.orphans = await blobs.delete_older_than(now - retention)
    return report


async def sweep_forever(db: Database, blobs: BlobStore, *, interval: float, retention: timedelta) -> None:
    while True:
        try:
            await purge_deleted(db)
            report = await sweep_raw_files(db, blobs, retention=retention)
            if report.raw_files_expired or report.stale_imports or report.orphans:
                log.info("sweep: %s", report)
        except Exception:  # the sweeper must outlive a bad moment of the database or the store
            log.exception("sweep failed; retrying in %ss", interval)
        await asyncio.sleep(interval)
