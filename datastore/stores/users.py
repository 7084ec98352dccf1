from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from ai.korean.speech_style import SpeechStyle
from datastore.codecs import style_to_json
from datastore.records import UserRecord, user_from_row
from datastore.stores.sql import set_clause

_COLUMNS = "id, email, nickname, gender, birth_year, mbti, bio, created_at, updated_at, speech_style"
PROFILE_FIELDS = ("nickname", "gender", "birth_year", "mbti", "bio")


class UserStore:
    def __init__(self, conn: asyncpg.Connection) -> None:
        self._conn = conn

    async def ensure(
        self, user_id: uuid.UUID, *, issuer: str, subject: str, email: str | None
    ) -> UserRecord:
        """Create the user on first authenticated use; keep the newest e-mail the token carries."""
        row = await self._conn.fetchrow(
            f"""
            INSERT INTO users (id, issuer, subject, email, created_at, updated_at)
            VALUES ($1, $2, $3, $4, now(), now())
            ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, updated_at = now()
                WHERE EXCLUDED.email IS NOT NULL AND users.email IS DISTINCT FROM EXCLUDED.email
            RETURNING {_COLUMNS}
            """,
            user_id,
            issuer,
            subject,
            email,
        )
        if row is None:  # conflict without a change: the row is as it was
            row = await self._conn.fetchrow(f"SELECT {_COLUMNS} FROM users WHERE id = $1", user_id)
        return user_from_row(row)

    async def get(self, user_id: uuid.UUID) -> UserRecord | None:
        row = await self._conn.fetchrow(f"SELECT {_COLUMNS} FROM users WHERE id = $1", user_id)
        return user_from_row(row) if row else None

    async def update_profile(self, user_id: uuid.UUID, changes: dict[str, Any]) -> UserRecord | None:
        if not changes:
            return await self.get(user_id)
        assignments, values = set_clause(changes, PROFILE_FIELDS, first_param=2)
        row = await self._conn.fetchrow(
            f"UPDATE users SET {assignments} WHERE id = $1 RETURNING {_COLUMNS}", user_id, *values
        )
        return user_from_row(row) if row else None

    async def delete(self, user_id: uuid.UUID) -> bool:
        return await self._conn.execute("DELETE FROM users WHERE id = $1", user_id) == "DELETE 1"

    async def bury(self, user_id: uuid.UUID) -> None:
        """Records that the account was deleted now (the latest deletion counts)."""
        await self._conn.execute("DELETE FROM account_tombstones WHERE user_id = $1", user_id)
        await self._conn.execute("INSERT INTO account_tombstones (user_id, deleted_at) VALUES ($1, now())", user_id)

    async def deleted_at(self, user_id: uuid.UUID) -> datetime | None:
        return await self._conn.fetchval("SELECT deleted_at FROM account_tombstones WHERE user_id = $1", user_id)

    async def admission(self, user_id: uuid.UUID) -> tuple[bool, str | None, datetime | None]:
        """In one read: whether the user's row exists, its e-mail, and when the account was last
        deleted (None if never)."""
        row = await self._conn.fetchrow(
            """
            SELECT EXISTS (SELECT 1 FROM users WHERE id = $1) AS present,
                   (SELECT email FROM users WHERE id = $1) AS email,
                   (SELECT deleted_at FROM account_tombstones WHERE user_id = $1) AS deleted_at
            """,
            user_id,
        )
        return row["present"], row["email"], row["deleted_at"]

    async def set_speech_style(self, user_id: uuid.UUID, style: SpeechStyle) -> UserRecord | None:
        row = await self._conn.fetchrow(
            f"UPDATE users SET speech_style = $2, updated_at = now() WHERE id = $1 RETURNING {_COLUMNS}",
            user_id,
            style_to_json(style),
        )
        return user_from_row(row, speech_style=style) if row else None
