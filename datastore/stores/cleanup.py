from __future__ import annotations

import uuid
from datetime import datetime

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

    async def stale_imports(self, started_before: datetime, limit: int) -> list[tuple[uuid.UUID, str | None]]:
        """Imports still PENDING long after they started: their process died mid-way."""
        rows = await self._conn.fetch(
            "SELECT id, blob_key FROM chat_imports WHERE status = 'PENDING' AND created_at < $1 LIMIT $2",
            started_before,
            limit,
        )
        return [(row["id"], row["blob_key"]) for row in rows]

    async def delete_import_messages(self, import_id: uuid.UUID, limit: int) -> int:
        return affected(
            await self._conn.execute(
                "DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE import_id = $1 LIMIT $2)",
                import_id,
                limit,
            )
        )

    async def delete_import(self, import_id: uuid.UUID) -> bool:
        status = await self._conn.execute(
            "DELETE FROM chat_imports WHERE id = $1 AND status = 'PENDING'"
            " AND NOT EXISTS (SELECT 1 FROM messages WHERE import_id = $1)",
            import_id,
        )
        return affected(status) == 1
