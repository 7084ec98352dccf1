from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from datastore.codecs import advice_to_json, emotion_to_json, replies_to_json
from datastore.ids import new_id
from datastore.paging import Listing, Page, PageRequest, counts_by_parent, pages_by_parent
from datastore.records import AnalysisRecord, analysis_from_row

_COLUMNS = (
    "id, room_id, message_id, message, situation, emotion, intent, replies, engine, model, input_tokens,"
    " output_tokens, latency_ms, chosen_risk, rating, chosen_at, created_at, advice"
)
ANALYSES = Listing("analyses", "a", _COLUMNS, "a.user_id = $1", "created_at", newest_first=True)
_LIVE_ROOM = "EXISTS (SELECT 1 FROM chat_rooms c WHERE c.id = a.room_id AND c.deleted_at IS NULL)"


class AnalysisStore:
    """The owner's stored analyses (what a message meant, three replies, the choice made)."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def create(self, *, room_id: uuid.UUID, values: dict[str, Any]) -> AnalysisRecord:
        row = await self._conn.fetchrow(
            f"""
            INSERT INTO analyses (id, user_id, room_id, message_id, message, situation, emotion, intent, replies,
                                  engine, model, input_tokens, output_tokens, latency_ms, advice, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())
            RETURNING {_COLUMNS}
            """,
            new_id(),
            self._owner,
            room_id,
            values.get("message_id"),
            values["message"],
            values.get("situation"),
            emotion_to_json(values["emotion"]),
            values["intent"],
            replies_to_json(values["replies"]),
            values["engine"],
            values["model"],
            values["input_tokens"],
            values["output_tokens"],
            values["latency_ms"],
            advice_to_json(values["advice"]),
        )
        return analysis_from_row(row, emotion=values["emotion"], replies=values["replies"], advice=values["advice"])

    async def get_many(self, ids: list[uuid.UUID]) -> list[AnalysisRecord]:
        rows = await self._conn.fetch(
            f"SELECT {_COLUMNS} FROM analyses a WHERE user_id = $1 AND id = ANY($2::uuid[]) AND {_LIVE_ROOM}",
            self._owner,
            ids,
        )
        return [analysis_from_row(row) for row in rows]

    async def pages_for_rooms(self, room_ids: list[uuid.UUID], page: PageRequest) -> dict[uuid.UUID, Page[AnalysisRecord]]:
        return await pages_by_parent(self._conn, ANALYSES, self._owner, "room_id", room_ids, page, analysis_from_row)

    async def counts_for_rooms(self, room_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return await counts_by_parent(self._conn, ANALYSES, self._owner, "room_id", room_ids)

    async def choose(self, analysis_id: uuid.UUID, *, risk: str, rating: int | None) -> AnalysisRecord | None:
        row = await self._conn.fetchrow(
            f"""
            UPDATE analyses a SET chosen_risk = $3, rating = $4, chosen_at = now()
            WHERE user_id = $1 AND id = $2 AND {_LIVE_ROOM}
            RETURNING {_COLUMNS}
            """,
            self._owner,
            analysis_id,
            risk,
            rating,
        )
        return analysis_from_row(row) if row else None
