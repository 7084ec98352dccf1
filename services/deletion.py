"""Finishing deletions in chunks.

Deleting a room, a partner or an account marks rows deleted in the mutation's own unit of
work, which hides them at once. The rows themselves (possibly 100,000 messages) go here, in
transactions of at most 3,000 rows each, because DSQL refuses larger ones. A crash half-way
leaves marked rows that the next sweep finishes.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from blobs import BlobStore
from datastore.database import Database
from datastore.stores.messages import MAX_ROWS_PER_TRANSACTION

log = logging.getLogger(__name__)


@dataclass
class PurgeReport:
    rooms: int = 0
    messages: int = 0
    partners: int = 0


async def purge_deleted(
    db: Database, *, owner: uuid.UUID | None = None, chunk: int = MAX_ROWS_PER_TRANSACTION
) -> PurgeReport:
    """Remove the rows of deleted rooms and partners: one owner's, or everyone's (the sweeper)."""
    report = PurgeReport()
    stuck: set[uuid.UUID] = set()
    while True:
        room_ids = [
            rid
            for rid in await db.read(lambda uow: uow.cleanup.deleted_rooms(100 + len(stuck), owner), owner=None)
            if rid not in stuck
        ]
        if not room_ids:
            break
        for room_id in room_ids:
            if await _purge_room(db, room_id, chunk, report):
                report.rooms += 1
            else:  # a message slipped in; the next sweep retries rather than looping here
                stuck.add(room_id)
    while removed_partners := await db.run(lambda uow: uow.cleanup.delete_partners(chunk, owner), owner=None):
        report.partners += removed_partners
    if report.rooms or report.partners:
        log.info("purged %d rooms, %d messages, %d partners", report.rooms, report.messages, report.partners)
    return report


async def _purge_room(db: Database, room_id: uuid.UUID, chunk: int, report: PurgeReport) -> bool:
    while True:
        removed = await db.run(lambda uow: uow.cleanup.delete_messages(room_id, chunk), owner=None)
        report.messages += removed
        if removed < chunk:
            break
    while await db.run(lambda uow: uow.cleanup.delete_analyses(room_id, chunk), owner=None) == chunk:
        pass
    return await db.run(lambda uow: uow.cleanup.delete_room(room_id), owner=None)


class DeletionService:
    def __init__(self, db: Database, blobs: BlobStore) -> None:
        self.db = db
        self.blobs = blobs

    async def finish(self, owner: uuid.UUID, raw_keys: list[str]) -> None:
        """After a delete committed: raw uploads go at once (not at the end of their retention),
        then the hidden rows are purged in chunks."""
        for key in raw_keys:
            await self.blobs.delete(key)
            await self.blobs.delete_partial(key)  # an import of the room that died mid-upload
        await purge_deleted(self.db, owner=owner)
