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
            for rid in await db.read(lambda uow: uow.purge.deleted_rooms(100 + len(stuck), owner), owner=None)
            if rid not in stuck
        ]
        if not room_ids:
            break
        for room_id in room_ids:
            while True:
                removed = await db.run(
                    lambda uow, rid=room_id: uow.purge.delete_messages(rid, chunk), owner=None
                )
                report.messages += removed
                if removed < chunk:
                    break
            while await db.run(lambda uow, rid=room_id: uow.purge.delete_analyses(rid, chunk), owner=None) == chunk:
                pass
            if await db.run(lambda uow, rid=room_id: uow.purge.delete_room(rid), owner=None):
                report.rooms += 1
            else:  # a message slipped in; the next sweep retries rather than looping here
                stuck.add(room_id)
    while removed_partners := await db.run(lambda uow: uow.purge.delete_partners(chunk, owner), owner=None):
        report.partners += removed_partners
    if report.rooms or report.partners:
        log.info("purged %d rooms, %d messages, %d partners", report.rooms, report.messages, report.partners)
    return report
