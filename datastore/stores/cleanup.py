from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import asyncpg

from datastore.stores.sql import affected


class CleanupStore:
    """Physically removes what users deleted and what expired. Not owner-scoped: it serves the
    deletion purge and the sweeper."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self._conn = conn

    async def deleted_rooms(self, limit: int, owner: uuid.UUID | None) -> list[uuid.UUID]:
        rows = await self._conn.fetch(
            "SELECT id FROM chat_rooms WHERE deleted_at IS NOT NULL"
            " AND ($2::uuid IS NULL OR user_id = $2) LIMIT $1",
            limit,
            owner,
        )
        return [row["id"] for row in rows]

    async def delete_messages(self, room_id: uuid.UUID, limit: int) -> int:
        return affected(
            await self._conn.execute(
                "DELETE FROM messages WHERE id IN"
                " (SELECT id FROM messages WHERE room_id = $1 LIMIT $2)",
                room_id,
                limit,
            )
        )

    async def delete_analyses(self, room_id: uuid.UUID, limit: int) -> int:
        return affected(
            await self._conn.execute(
                "DELETE FROM analyses WHERE id IN (SELECT id FROM analyses WHERE room_id = $1 LIMIT $2)"
                " AND EXISTS (SELECT 1 FROM chat_rooms WHERE id = $1 AND deleted_at IS NOT NULL)",
                room_id,
                limit,
            )
        )

    async def delete_room(self, room_id: uuid.UUID) -> bool:
        await self._conn.execute(
            "DELETE FROM chat_imports WHERE room_id = $1"
            " AND EXISTS (SELECT 1 FROM chat_rooms WHERE id = $1 AND deleted_at IS NOT NULL)"
            " AND NOT EXISTS (SELECT 1 FROM messages WHERE room_id = $1)",
            room_id,
        )
        status = await self._conn.execute(
            "DELETE FROM chat_rooms WHERE id = $1 AND deleted_at IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM messages WHERE room_id = $1)"
            " AND NOT EXISTS (SELECT 1 FROM analyses WHERE room_id = $1)",
            room_id,
        )
        return affected(status) == 1

    async def delete_partners(self, limit: int, owner: uuid.UUID | None) -> int:
        return affected(
            await self._conn.execute(
                """
                DELETE FROM partners WHERE id IN (
                    SELECT p.id FROM partners p
                    WHERE p.deleted_at IS NOT NULL AND ($2::uuid IS NULL OR p.user_id = $2)
                      AND NOT EXISTS (SELECT 1 FROM chat_rooms c WHERE c.partner_id = p.id)
                    LIMIT $1)
                """,
                limit,
                owner,
            )
        )

    async def expired_raw_files(self, now: datetime, limit: int) -> list[tuple[uuid.UUID, str]]:
        rows = await self._conn.fetch(
            "SELECT id, blob_key FROM chat_imports WHERE raw_expires_at <= $1"
            " AND blob_key IS NOT NULL AND raw_deleted_at IS NULL LIMIT $2",
            now,
            limit,
        )
        return [(row["id"], row["blob_key"]) for row in rows]

    async def mark_raw_deleted(self, import_ids: list[uuid.UUID]) -> int:
        return affected(
            await self._conn.execute(
                "UPDATE chat_imports SET raw_deleted_at = now() WHERE id = ANY($1::uuid[])", import_ids
            )
        )

    async def rooms_with_dead_imports(self, stale_after: timedelta, limit: int) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(room, owner) of live rooms whose import died: its lease's heartbeat is older than
        `stale_after`, or a PENDING import that old sits in a room nobody holds the lease of
        (UNION and LIMIT are in DSQL's supported SELECT clauses: "Supported SQL for Aurora
        DSQL", docs.aws.amazon.com/aurora-dsql/latest/userguide/
        working-with-postgresql-compatibility-supported-sql-features.html)."""
        rows = await self._conn.fetch(
            """
            SELECT id, user_id FROM chat_rooms
            WHERE deleted_at IS NULL AND import_heartbeat_at < now() - $1::interval
            UNION
            SELECT c.id, c.user_id FROM chat_imports i JOIN chat_rooms c ON c.id = i.room_id
            WHERE i.status = 'PENDING' AND i.created_at < now() - $1::interval
              AND c.deleted_at IS NULL AND c.import_lease_id IS NULL
            LIMIT $2
            """,
            stale_after,
            limit,
        )
        return [(row["id"], row["user_id"]) for row in rows]

    async def delete_expired_generation_slots(self, expired_for: timedelta, limit: int) -> int:
        """Slots of generations that ended without freeing them (their instance died), once
        expired for `expired_for`: a slot still there is taken over anyway, this only keeps
        the table small."""
        return affected(
            await self._conn.execute(
                "DELETE FROM generation_slots WHERE (user_id, slot) IN"
                " (SELECT user_id, slot FROM generation_slots WHERE expires_at < now() - $1::interval LIMIT $2)",
                expired_for,
                limit,
            )
        )
