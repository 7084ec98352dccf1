"""Rows as frozen dataclasses, built in one place from asyncpg records."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class UserRecord:
    id: uuid.UUID
    email: str | None
    nickname: str | None
    gender: str | None
    birth_year: int | None
    mbti: str | None
    bio: str | None
    created_at: datetime
    updated_at: datetime
    speech_style: str | None = None  # JSON


@dataclass(frozen=True)
class PartnerRecord:
    id: uuid.UUID
    name: str
    relationship: str
    age: int | None
    mbti: str | None
    description: str | None
    interests: tuple[str, ...]
    communication_style: str | None
    created_at: datetime
    updated_at: datetime
    speech_style: str | None = None  # JSON
    insight: str | None = None  # JSON
    insight_at: datetime | None = None


@dataclass(frozen=True)
class ChatRoomRecord:
    id: uuid.UUID
    partner_id: uuid.UUID
    title: str
    message_count: int
    last_message_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class MessageRecord:
    id: uuid.UUID
    room_id: uuid.UUID
    sender: str
    sender_name: str | None
    text: str
    kind: str
    sent_at: datetime
    created_at: datetime


@dataclass(frozen=True)
class ChatImportRecord:
    id: uuid.UUID
    room_id: uuid.UUID
    status: str
    format: str | None
    file_name: str | None
    blob_key: str | None
    messages_imported: int
    duplicates_skipped: int
    lines_not_understood: int
    first_message_at: datetime | None
    last_message_at: datetime | None
    raw_expires_at: datetime | None
    raw_deleted_at: datetime | None
    created_at: datetime
    completed_at: datetime | None
    nul_characters_removed: int | None  # NULL on imports older than the column


@dataclass(frozen=True)
class AnalysisRecord:
    id: uuid.UUID
    room_id: uuid.UUID
    message_id: uuid.UUID | None
    message: str
    situation: str | None
    emotion: str  # JSON
    intent: str
    replies: str  # JSON
    engine: str
    model: str
    input_tokens: int
    output_tokens: int
    latency_ms: int
    chosen_risk: str | None
    rating: int | None
    chosen_at: datetime | None
    created_at: datetime


def analysis_from_row(row: Any) -> AnalysisRecord:
    return AnalysisRecord(**{name: row[name] for name in AnalysisRecord.__dataclass_fields__})


def chat_import_from_row(row: Any) -> ChatImportRecord:
    return ChatImportRecord(**{name: row[name] for name in ChatImportRecord.__dataclass_fields__})


def user_from_row(row: Any) -> UserRecord:
    return UserRecord(
        id=row["id"],
        email=row["email"],
        nickname=row["nickname"],
        gender=row["gender"],
        birth_year=row["birth_year"],
        mbti=row["mbti"],
        bio=row["bio"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        speech_style=row["speech_style"],
    )


def partner_from_row(row: Any) -> PartnerRecord:
    return PartnerRecord(
        id=row["id"],
        name=row["name"],
        relationship=row["relationship"],
        age=row["age"],
        mbti=row["mbti"],
        description=row["description"],
        interests=tuple(json.loads(row["interests"])),
        communication_style=row["communication_style"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        speech_style=row["speech_style"],
        insight=row["insight"],
        insight_at=row["insight_at"],
    )


def chat_room_from_row(row: Any) -> ChatRoomRecord:
    return ChatRoomRecord(
        id=row["id"],
        partner_id=row["partner_id"],
        title=row["title"],
        message_count=row["message_count"],
        last_message_at=row["last_message_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def message_from_row(row: Any) -> MessageRecord:
    return MessageRecord(
        id=row["id"],
        room_id=row["room_id"],
        sender=row["sender"],
        sender_name=row["sender_name"],
        text=row["body"],
        kind=row["kind"],
        sent_at=row["sent_at"],
        created_at=row["created_at"],
    )
