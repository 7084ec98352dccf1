from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import asyncpg

from datastore.ids import new_id
from datastore.paging import Listing, Page, PageRequest, count_of, counts_by_parent, page_of, pages_by_parent
from datastore.stores.sql import affected, set_clause
from datastore.records import ChatRoomRecord, chat_room_from_row

_COLUMNS = "id, partner_id, title, message_count, last_message_at, created_at, updated_at"
_LIVE = "user_id = $1 AND deleted_at IS NULL"
FIELDS = ("title", "partner_id")
ROOMS = Listing("chat_rooms", "c", _COLUMNS, "c.user_id = $1 AND c.deleted_at IS NULL", "created_at", newest_first=True)


class ChatRoomStore:
    """The owner's chat rooms. Every statement is scoped to the owner."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def get_many(self, ids: list[uuid.UUID]) -> list[ChatRoomRecord]:
        rows = await self._conn.fetch(
            f"SELECT {_COLUMNS} FROM chat_rooms WHERE {_LIVE} AND id = ANY($2::uuid[])",
            self._owner,
            ids,
        )
        return [chat_room_from_row(row) for row in rows]

    async def page(self, page: PageRequest, *, partner_id: uuid.UUID | None = None) -> Page[ChatRoomRecord]:
        filters = [("partner_id", partner_id)] if partner_id is not None else []
        return await page_of(self._conn, ROOMS, self._owner, page, chat_room_from_row, filters=filters)

    async def pages_for_partners(
        self, partner_ids: list[uuid.UUID], page: PageRequest
    ) -> dict[uuid.UUID, Page[ChatRoomRecord]]:
        return await pages_by_parent(self._conn, ROOMS, self._owner, "partner_id", partner_ids, page, chat_room_from_row)

    async def ids_for_partner(self, partner_id: uuid.UUID) -> list[uuid.UUID]:
        rows = await self._conn.fetch(
            f"SELECT id FROM chat_rooms WHERE {_LIVE} AND partner_id = $2", self._owner, partner_id
        )
        return [row["id"] for row in rows]

    async def count(self, *, partner_id: uuid.UUID | None = None) -> int:
        filters = [("partner_id", partner_id)] if partner_id is not None else []
        return await count_of(self._conn, ROOMS, self._owner, filters=filters)

    async def counts_for_partners(self, partner_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return await counts_by_parent(self._conn, ROOMS, self._owner, "partner_id", partner_ids)

    async def create(self, *, partner_id: uuid.UUID, title: str) -> ChatRoomRecord:
        row = await self._conn.fetchrow(
            f"""
            INSERT INTO chat_rooms (id, user_id, partner_id, title, message_count, created_at, updated_at)
            VALUES ($1, $2, $3, $4, 0, now(), now())
            RETURNING {_COLUMNS}
            """,
            new_id(),
            self._owner,
            partner_id,
            title,
        )
        return chat_room_from_row(row)

    async def update(self, room_id: uuid.UUID, changes: dict[str, Any]) -> ChatRoomRecord | None:
        assignments, values = set_clause(changes, FIELDS, first_param=3)
        row = await self._conn.fetchrow(
            f"UPDATE chat_rooms SET {assignments} WHERE {_LIVE} AND id = $2 RETURNING {_COLUMNS}",
            self._owner,
            room_id,
            *values,
        )
        return chat_room_from_row(row) if row else None

    async def record_messages(self, room_id: uuid.UUID, added: int, latest: datetime) -> ChatRoomRecord | None:
        row = await self._conn.fetchrow(
            f"""
            UPDATE chat_rooms
            SET message_count = message_count + $3,
                last_message_at = GREATEST(COALESCE(last_message_at, $4), $4),
                updated_at = now()
            WHERE {_LIVE} AND id = $2
            RETURNING {_COLUMNS}
            """,
            self._owner,
            room_id,
            added,
            latest,
        )
        return chat_room_from_row(row) if row else None

    async def mark_deleted(self, room_id: uuid.UUID) -> bool:
        status = await self._conn.execute(
            f"UPDATE chat_rooms SET deleted_at = now() WHERE {_LIVE} AND id = $2", self._owner, room_id
        )
        return status == "UPDATE 1"

    async def mark_deleted_for_partner(self, partner_id: uuid.UUID) -> int:
        status = await self._conn.execute(
            f"UPDATE chat_rooms SET deleted_at = now() WHERE {_LIVE} AND partner_id = $2",
            self._owner,
            partner_id,
        )
        return affected(status)

    async def mark_all_deleted(self) -> int:
        status = await self._conn.execute(
            f"UPDATE chat_rooms SET deleted_at = now() WHERE {_LIVE}", self._owner
        )
        return affected(status)

    # The import lease: one import per room at a time (see migration 0005). Every change to
    # it is a write of the room's row, so that two transactions racing for it conflict
    # (SQLSTATE 40001 on PostgreSQL at repeatable read; OC000 on Aurora DSQL, whose optimistic
    # concurrency control fails the later of two transactions that modify the same row:
    # docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-concurrency-control.html).
    # Times are the database's, so instances with skewed clocks agree on staleness.

    async def take_import_lease(self, room_id: uuid.UUID, holder: uuid.UUID, *, stale_after: timedelta) -> bool:
        """Takes the room's import lease for `holder`, if it is free or its heartbeat is older
        than `stale_after` (its holder died). False when a live holder has it."""
        status = await self._conn.execute(
            f"""
            UPDATE chat_rooms SET import_lease_id = $3, import_heartbeat_at = now()
            WHERE {_LIVE} AND id = $2
              AND (import_lease_id IS NULL OR import_heartbeat_at < now() - $4::interval)
            """,
            self._owner,
            room_id,
            holder,
            stale_after,
        )
        return affected(status) == 1

    async def touch_import_lease(self, room_id: uuid.UUID, holder: uuid.UUID) -> bool:
        """Renews `holder`'s heartbeat; False when it no longer holds the lease (reclaimed
        as stale, or the room was deleted)."""
        status = await self._conn.execute(
            f"UPDATE chat_rooms SET import_heartbeat_at = now() WHERE {_LIVE} AND id = $2 AND import_lease_id = $3",
            self._owner,
            room_id,
            holder,
        )
        return affected(status) == 1

    async def release_import_lease(self, room_id: uuid.UUID, holder: uuid.UUID) -> bool:
        """Frees the lease if `holder` still has it; False when it had lost it."""
        status = await self._conn.execute(
            "UPDATE chat_rooms SET import_lease_id = NULL, import_heartbeat_at = NULL"
            " WHERE user_id = $1 AND id = $2 AND import_lease_id = $3",
            self._owner,
            room_id,
            holder,
        )
        return affected(status) == 1
