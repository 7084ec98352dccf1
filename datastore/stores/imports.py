from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

from datastore.paging import Listing, Page, PageRequest, counts_by_parent, pages_by_parent
from datastore.records import ChatImportRecord, chat_import_from_row
from datastore.stores.sql import affected

_COLUMNS = (
    "id, room_id, status, format, file_name, blob_key, messages_imported, duplicates_skipped,"
    " lines_not_understood, first_message_at, last_message_at, raw_expires_at, raw_deleted_at,"
    " created_at, completed_at, nul_characters_removed"
)

PENDING, COMPLETED = "PENDING", "COMPLETED"
COMPLETED_IMPORTS = Listing(
    "chat_imports", "i", _COLUMNS, "i.user_id = $1 AND i.status = 'COMPLETED'", "created_at", newest_first=True
)


class ChatImportStore:
    """The owner's chat imports. Only COMPLETED imports are visible to readers."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def start(
        self,
        import_id: uuid.UUID,
        *,
        room_id: uuid.UUID,
        file_name: str | None,
        blob_key: str | None,
        raw_expires_at: datetime | None,
    ) -> None:
        await self._conn.execute(
            """
            INSERT INTO chat_imports (id, user_id, room_id, status, file_name, blob_key, messages_imported,
                                      duplicates_skipped, lines_not_understood, raw_expires_at, created_at)
            VALUES ($1, $2, $3, 'PENDING', $4, $5, 0, 0, 0, $6, now())
            """,
            import_id,
            self._owner,
            room_id,
            file_name,
            blob_key,
            raw_expires_at,
        )

    async def complete(
        self,
        import_id: uuid.UUID,
        *,
        format: str,
        imported: int,
        duplicates: int,
        not_understood: int,
        nul_removed: int,
        first_at: datetime | None,
        last_at: datetime | None,
    ) -> ChatImportRecord:
        row = await self._conn.fetchrow(
            f"""
            UPDATE chat_imports
            SET status = 'COMPLETED', format = $3, messages_imported = $4, duplicates_skipped = $5,
                lines_not_understood = $6, first_message_at = $7, last_message_at = $8, completed_at = now(),
                nul_characters_removed = $9
            WHERE user_id = $1 AND id = $2 AND status = 'PENDING'
            RETURNING {_COLUMNS}
            """,
            self._owner,
            import_id,
            format,
            imported,
            duplicates,
            not_understood,
            first_at,
            last_at,
            nul_removed,
        )
        if row is None:
            raise LookupError("the import is no longer pending")
        return chat_import_from_row(row)

    async def pending_in_room(self, room_id: uuid.UUID) -> list[tuple[uuid.UUID, str | None]]:
        """The room's PENDING imports with their raw-file keys. Under the room's import lease
        every one of them but the holder's belongs to an import that died."""
        rows = await self._conn.fetch(
            "SELECT id, blob_key FROM chat_imports WHERE user_id = $1 AND room_id = $2 AND status = 'PENDING'",
            self._owner,
            room_id,
        )
        return [(row["id"], row["blob_key"]) for row in rows]

    async def discard(self, import_id: uuid.UUID) -> bool:
        """Removes an import that never completed (its messages first: see MessageStore)."""
        status = await self._conn.execute(
            "DELETE FROM chat_imports WHERE user_id = $1 AND id = $2 AND status = 'PENDING'", self._owner, import_id
        )
        return affected(status) == 1

    async def get_many(self, ids: list[uuid.UUID]) -> list[ChatImportRecord]:
        rows = await self._conn.fetch(
            f"""
            SELECT {_COLUMNS} FROM chat_imports i
            WHERE user_id = $1 AND id = ANY($2::uuid[]) AND status = 'COMPLETED'
              AND EXISTS (SELECT 1 FROM chat_rooms c WHERE c.id = i.room_id AND c.deleted_at IS NULL)
            """,
            self._owner,
            ids,
        )
        return [chat_import_from_row(row) for row in rows]

    async def pages_for_rooms(self, room_ids: list[uuid.UUID], page: PageRequest) -> dict[uuid.UUID, Page[ChatImportRecord]]:
        return await pages_by_parent(self._conn, COMPLETED_IMPORTS, self._owner, "room_id", room_ids, page, chat_import_from_row)

    async def counts_for_rooms(self, room_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return await counts_by_parent(self._conn, COMPLETED_IMPORTS, self._owner, "room_id", room_ids)

    async def take_raw_keys(self, room_ids: list[uuid.UUID]) -> list[str]:
        """The raw files still kept for these rooms, marked deleted (the caller deletes them)."""
        rows = await self._conn.fetch(
            "UPDATE chat_imports SET raw_deleted_at = now() WHERE user_id = $1 AND room_id = ANY($2::uuid[])"
            " AND blob_key IS NOT NULL AND raw_deleted_at IS NULL RETURNING blob_key",
            self._owner,
            room_ids,
        )
        return [row["blob_key"] for row in rows]
