from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from datastore.ids import message_ids
from datastore.paging import Listing, Page, PageRequest, pages_by_parent
from datastore.stores.insights import signals_sql
from datastore.stores.sql import affected, prefixed
from datastore.records import MessageRecord, message_from_row

_COLUMNS = "id, room_id, sender, sender_name, body, kind, sent_at, created_at"

# Signals (question, laughter, emoticon) are computed here, once, for conversation insights.
_INSERT = f"""
    INSERT INTO messages (id, room_id, user_id, sender, sender_name, body, kind, sent_at,
                          import_id, dedupe_key, signals, created_at)
    SELECT m.id, $1, $2, m.sender, m.sender_name, m.body, m.kind, m.sent_at, $3, m.dedupe_key,
           {signals_sql('m')}, now()
    FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
        AS m(id, sender, sender_name, body, kind, sent_at, dedupe_key)
    ON CONFLICT (room_id, dedupe_key) DO NOTHING
"""

# Aurora DSQL refuses a write transaction that modifies more than 3,000 rows or 10 MiB of data,
# and a column value (outside an index) over 1 MiB ("Cluster quotas and database limits in
# Amazon Aurora DSQL", docs.aws.amazon.com/aurora-dsql/latest/userguide/CHAP_quotas.html).
DSQL_MAX_ROWS = 3000
DSQL_MAX_BYTES = 10 * 1024 * 1024
# What one transaction of ours writes, with a margin: an import's batch also renews the room's
# lease (one row more), and a row's size is an estimate (`stored_size`).
MAX_ROWS_PER_TRANSACTION = 2500
MAX_BYTES_PER_TRANSACTION = 8 * 1024 * 1024
# The largest message stored: half of DSQL's 1 MiB column limit.
MAX_MESSAGE_BYTES = 512 * 1024
# Per row beyond its texts: three UUIDs, two timestamps, the short columns, the 40-character
# dedupe key and the entries of the table's three secondary indexes (about 250 bytes), doubled.
ROW_OVERHEAD_BYTES = 512


@dataclass(frozen=True)
class NewMessage:
    sender: str
    text: str
    sent_at: datetime
    kind: str = "TEXT"
    sender_name: str | None = None
    dedupe_key: str | None = None  # set for imported messages: the same message is stored once


def stored_size(message: NewMessage) -> int:
    """An upper estimate of the bytes a message's row adds to its transaction."""
    return len(message.text.encode()) + len((message.sender_name or "").encode()) + ROW_OVERHEAD_BYTES


# Messages of an import in progress (or one that failed) stay invisible until it completes.
VISIBLE = (
    "(m.import_id IS NULL OR EXISTS (SELECT 1 FROM chat_imports i"
    " WHERE i.id = m.import_id AND i.status = 'COMPLETED'))"
)
MESSAGES = Listing("messages", "m", _COLUMNS, f"m.user_id = $1 AND {VISIBLE}", "sent_at", newest_first=False)


class MessageStore:
    """Messages of the owner's rooms. Every statement is scoped to the owner."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def add_many(
        self, room_id: uuid.UUID, messages: Sequence[NewMessage], *, import_id: uuid.UUID | None = None
    ) -> list[MessageRecord]:
        """Stores the messages and returns them; those whose dedupe key the room has are skipped."""
        rows = await self._conn.fetch(f"{self._insert_sql()} RETURNING {_COLUMNS}", *self._params(room_id, messages, import_id))
        records = [message_from_row(row) for row in rows]
        records.sort(key=lambda r: (r.sent_at, r.id))
        return records

    async def import_batch(self, room_id: uuid.UUID, messages: Sequence[NewMessage], *, import_id: uuid.UUID) -> int:
        """Like `add_many` for an import: only how many were new comes back, not the rows."""
        if not messages:
            return 0
        return affected(await self._conn.execute(self._insert_sql(), *self._params(room_id, messages, import_id)))

    def _params(self, room_id: uuid.UUID, messages: Sequence[NewMessage], import_id: uuid.UUID | None) -> list:
        if len(messages) > MAX_ROWS_PER_TRANSACTION:
            raise ValueError(f"at most {MAX_ROWS_PER_TRANSACTION} messages per transaction")
        if sum(stored_size(m) for m in messages) > MAX_BYTES_PER_TRANSACTION:
            raise ValueError(f"at most {MAX_BYTES_PER_TRANSACTION} bytes of messages per transaction")
        return [
            room_id,
            self._owner,
            import_id,
            message_ids(room_id, len(messages)),
            [m.sender for m in messages],
            [m.sender_name for m in messages],
            [m.text for m in messages],
            [m.kind for m in messages],
            [m.sent_at for m in messages],
            [m.dedupe_key for m in messages],
        ]

    @staticmethod
    def _insert_sql() -> str:
        return _INSERT

    async def get_many(self, ids: list[uuid.UUID]) -> list[MessageRecord]:
        rows = await self._conn.fetch(
            f"""
            SELECT {prefixed(_COLUMNS, 'm')} FROM messages m
            JOIN chat_rooms c ON c.id = m.room_id AND c.user_id = $1 AND c.deleted_at IS NULL
            WHERE m.user_id = $1 AND m.id = ANY($2::uuid[]) AND {VISIBLE}
            """,
            self._owner,
            ids,
        )
        return [message_from_row(row) for row in rows]

    async def pages_for_rooms(
        self, room_ids: list[uuid.UUID], page: PageRequest
    ) -> dict[uuid.UUID, Page[MessageRecord]]:
        """One statement for the same page of many rooms, in `sentAt` order."""
        return await pages_by_parent(self._conn, MESSAGES, self._owner, "room_id", room_ids, page, message_from_row)

    async def delete_imported(self, import_id: uuid.UUID, limit: int) -> int:
        """Removes up to `limit` messages of one import (a failed import leaves none behind)."""
        return affected(
            await self._conn.execute(
                "DELETE FROM messages WHERE id IN"
                " (SELECT id FROM messages WHERE user_id = $1 AND import_id = $2 LIMIT $3)",
                self._owner,
                import_id,
                limit,
            )
        )

    async def latest_texts(self, room_ids: list[uuid.UUID], sender: str, limit: int) -> list[str]:
        """The newest `limit` texts one side wrote in these rooms, oldest first."""
        rows = await self._conn.fetch(
            f"""
            SELECT body FROM (
                SELECT m.body, m.sent_at, m.id FROM messages m
                WHERE m.user_id = $1 AND m.room_id = ANY($2::uuid[]) AND m.sender = $3 AND {VISIBLE}
                ORDER BY m.sent_at DESC, m.id DESC LIMIT $4
            ) latest ORDER BY sent_at, id
            """,
            self._owner,
            room_ids,
            sender,
            limit,
        )
        return [row["body"] for row in rows]

    async def latest_in_room(self, room_id: uuid.UUID, limit: int, *, sender: str | None = None) -> list[MessageRecord]:
        """The room's newest `limit` messages (of one side, if given), oldest first."""
        rows = await self._conn.fetch(
            f"""
            SELECT * FROM (
                SELECT {prefixed(_COLUMNS, 'm')} FROM messages m
                WHERE m.user_id = $1 AND m.room_id = $2 AND ($3::text IS NULL OR m.sender = $3) AND {VISIBLE}
                ORDER BY m.sent_at DESC, m.id DESC LIMIT $4
            ) latest ORDER BY sent_at, id
            """,
            self._owner,
            room_id,
            sender,
            limit,
        )
        return [message_from_row(row) for row in rows]
