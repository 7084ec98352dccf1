from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from datastore.ids import new_id
from datastore.paging import Page, PageRequest, keyset_clause, to_page
from datastore.stores.sql import affected, prefixed
from datastore.records import MessageRecord, message_from_row

_COLUMNS = "id, room_id, sender, sender_name, body, kind, sent_at, created_at"

# DSQL refuses a transaction that changes more than 3,000 rows.
MAX_ROWS_PER_TRANSACTION = 3000


@dataclass(frozen=True)
class NewMessage:
    sender: str
    text: str
    sent_at: datetime
    kind: str = "TEXT"
    sender_name: str | None = None


class MessageStore:
    """Messages of the owner's rooms. Every statement is scoped to the owner."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def add_many(self, room_id: uuid.UUID, messages: Sequence[NewMessage]) -> list[MessageRecord]:
        if len(messages) > MAX_ROWS_PER_TRANSACTION:
            raise ValueError(f"at most {MAX_ROWS_PER_TRANSACTION} messages per transaction")
        if not messages:
            return []
        rows = await self._conn.fetch(
            f"""
            INSERT INTO messages (id, room_id, user_id, sender, sender_name, body, kind, sent_at, created_at)
            SELECT m.id, $1, $2, m.sender, m.sender_name, m.body, m.kind, m.sent_at, now()
            FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
                AS m(id, sender, sender_name, body, kind, sent_at)
            RETURNING {_COLUMNS}
            """,
            room_id,
            self._owner,
            [new_id() for _ in messages],
            [m.sender for m in messages],
            [m.sender_name for m in messages],
            [m.text for m in messages],
            [m.kind for m in messages],
            [m.sent_at for m in messages],
        )
        records = [message_from_row(row) for row in rows]
        records.sort(key=lambda r: (r.sent_at, r.id))
        return records

    async def get_many(self, ids: list[uuid.UUID]) -> list[MessageRecord]:
        rows = await self._conn.fetch(
            f"""
            SELECT {prefixed(_COLUMNS, 'm')} FROM messages m
            JOIN chat_rooms c ON c.id = m.room_id AND c.user_id = $1 AND c.deleted_at IS NULL
            WHERE m.user_id = $1 AND m.id = ANY($2::uuid[])
            """,
            self._owner,
            ids,
        )
        return [message_from_row(row) for row in rows]

    async def pages_for_rooms(
        self, room_ids: list[uuid.UUID], page: PageRequest
    ) -> dict[uuid.UUID, Page[MessageRecord]]:
        """One statement for the same page of many rooms, in `sentAt` order."""
        clause = keyset_clause(page, sort="m.sent_at", id_column="m.id", newest_first=False, first_param=3)
        rows = await self._conn.fetch(
            f"""
            SELECT x.* FROM unnest($2::uuid[]) AS r(room_id)
            CROSS JOIN LATERAL (
                SELECT {prefixed(_COLUMNS, 'm')} FROM messages m
                WHERE m.user_id = $1 AND m.room_id = r.room_id {clause.where}
                ORDER BY {clause.order_by} LIMIT {clause.limit}
            ) x
            """,
            self._owner,
            room_ids,
            *clause.params,
        )
        grouped: dict[uuid.UUID, list[MessageRecord]] = {rid: [] for rid in room_ids}
        for row in rows:
            grouped[row["room_id"]].append(message_from_row(row))
        return {rid: to_page(records, page) for rid, records in grouped.items()}

