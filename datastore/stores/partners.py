from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg

from ai.coach.types import PartnerInsight
from ai.korean.speech_style import SpeechStyle
from datastore.codecs import insight_to_json, style_to_json
from datastore.ids import new_id
from datastore.paging import Listing, Page, PageRequest, count_of, page_of
from datastore.stores.sql import affected, set_clause
from datastore.records import PartnerRecord, partner_from_row

_COLUMNS = (
    "id, name, relationship, age, mbti, description, interests, communication_style,"
    " created_at, updated_at, speech_style, insight, insight_at, my_speech_style"
)
FIELDS = ("name", "relationship", "age", "mbti", "description", "interests", "communication_style")
_LIVE = "user_id = $1 AND deleted_at IS NULL"
PARTNERS = Listing("partners", "p", _COLUMNS, "p.user_id = $1 AND p.deleted_at IS NULL", "created_at", newest_first=True)


def _column_value(name: str, value: Any) -> Any:
    return json.dumps(list(value), ensure_ascii=False) if name == "interests" else value


class PartnerStore:
    """The owner's partner profiles. Every statement is scoped to the owner."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def get_many(self, ids: list[uuid.UUID]) -> list[PartnerRecord]:
        rows = await self._conn.fetch(
            f"SELECT {_COLUMNS} FROM partners WHERE {_LIVE} AND id = ANY($2::uuid[])",
            self._owner,
            ids,
        )
        return [partner_from_row(row) for row in rows]

    async def page(self, page: PageRequest) -> Page[PartnerRecord]:
        return await page_of(self._conn, PARTNERS, self._owner, page, partner_from_row)

    async def count(self) -> int:
        return await count_of(self._conn, PARTNERS, self._owner)

    async def create(self, values: dict[str, Any]) -> PartnerRecord:
        row = await self._conn.fetchrow(
            f"""
            INSERT INTO partners (id, user_id, name, relationship, age, mbti, description,
                                  interests, communication_style, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), now())
            RETURNING {_COLUMNS}
            """,
            new_id(),
            self._owner,
            *(_column_value(name, values.get(name, [] if name == "interests" else None)) for name in FIELDS),
        )
        return partner_from_row(row)

    async def update(self, partner_id: uuid.UUID, changes: dict[str, Any]) -> PartnerRecord | None:
        stored = {name: _column_value(name, value) for name, value in changes.items()}
        assignments, values = set_clause(stored, FIELDS, first_param=3)
        row = await self._conn.fetchrow(
            f"UPDATE partners SET {assignments} WHERE {_LIVE} AND id = $2 RETURNING {_COLUMNS}",
            self._owner,
            partner_id,
            *values,
        )
        return partner_from_row(row) if row else None

    async def mark_deleted(self, partner_id: uuid.UUID) -> bool:
        status = await self._conn.execute(
            f"UPDATE partners SET deleted_at = now() WHERE {_LIVE} AND id = $2",
            self._owner,
            partner_id,
        )
        return status == "UPDATE 1"

    async def mark_all_deleted(self) -> int:
        status = await self._conn.execute(
            f"UPDATE partners SET deleted_at = now() WHERE {_LIVE}", self._owner
        )
        return affected(status)

    async def set_speech_style(self, partner_id: uuid.UUID, style: SpeechStyle) -> PartnerRecord | None:
        row = await self._conn.fetchrow(
            f"UPDATE partners SET speech_style = $3 WHERE {_LIVE} AND id = $2 RETURNING {_COLUMNS}",
            self._owner,
            partner_id,
            style_to_json(style),
        )
        return partner_from_row(row, speech_style=style) if row else None

    async def set_my_speech_style(self, partner_id: uuid.UUID, style: SpeechStyle) -> PartnerRecord | None:
        """The user's own style in this relationship."""
        row = await self._conn.fetchrow(
            f"UPDATE partners SET my_speech_style = $3 WHERE {_LIVE} AND id = $2 RETURNING {_COLUMNS}",
            self._owner,
            partner_id,
            style_to_json(style),
        )
        return partner_from_row(row, my_speech_style=style) if row else None

    async def set_insight(self, partner_id: uuid.UUID, insight: PartnerInsight) -> PartnerRecord | None:
        row = await self._conn.fetchrow(
            f"UPDATE partners SET insight = $3, insight_at = now() WHERE {_LIVE} AND id = $2 RETURNING {_COLUMNS}",
            self._owner,
            partner_id,
            insight_to_json(insight),
        )
        return partner_from_row(row, insight=insight) if row else None
