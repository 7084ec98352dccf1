"""Rows as frozen dataclasses, built in one place from asyncpg records; JSON columns are
decoded here, once, into the domain values they hold (an analysis's on first use)."""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from ai.coach.types import Advice, EmotionResult, PartnerInsight, ReplyOption
from ai.korean.speech_style import SpeechStyle
from datastore.codecs import advice_from_json, emotion_from_json, insight_from_json, replies_from_json, style_from_json


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
    speech_style: SpeechStyle | None = None


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
    speech_style: SpeechStyle | None = None
    insight: PartnerInsight | None = None
    insight_at: datetime | None = None
    my_speech_style: SpeechStyle | None = None  # the user's own style with this partner


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
    emotion: EmotionResult
    intent: str
    replies: tuple[ReplyOption, ...]
    engine: str
    model: str
    input_tokens: int
    output_tokens: int
    latency_ms: int
    chosen_risk: str | None
    rating: int | None
    chosen_at: datetime | None
    created_at: datetime
    advice: Advice | None = None  # None for analyses made before the coach gave advice


def _decoded(row: Any, name: str, decode: Any, given: dict[str, Any]) -> Any:
    """A JSON column's value: the one the caller already has, else decoded from the row."""
    if name in given:
        return given[name]
    return decode(row[name]) if row[name] is not None else None


class _StoredAnalysis(AnalysisRecord):
    """An analysis read from its row: its JSON columns are decoded on first use, not up front
    (a page of 100 rooms' analyses asked for their intent decoded 30,000 JSON documents). It is
    an AnalysisRecord in every other way: equality, `replace` and `asdict` read the decoded values."""

    _json: dict[str, str | None]

    def _decode(self, name: str, decode: Callable[[str], Any]) -> Any:
        text = self._json.get(name)
        return decode(text) if text is not None else None

    @functools.cached_property
    def emotion(self) -> EmotionResult:  # type: ignore[override]
        return self._decode("emotion", emotion_from_json)

    @functools.cached_property
    def replies(self) -> tuple[ReplyOption, ...]:  # type: ignore[override]
        return self._decode("replies", replies_from_json)

    @functools.cached_property
    def advice(self) -> Advice | None:  # type: ignore[override]
        return self._decode("advice", advice_from_json)


_ANALYSIS_JSON = ("emotion", "replies", "advice")
_ANALYSIS_PLAIN = tuple(f.name for f in fields(AnalysisRecord) if f.name not in _ANALYSIS_JSON)


def analysis_from_row(row: Any, **given: Any) -> AnalysisRecord:
    """`given` holds values the caller just wrote (no need to decode what it encoded)."""
    record = object.__new__(_StoredAnalysis)
    values = record.__dict__  # frozen: filled in as the dataclass's own __init__ would
    for name in _ANALYSIS_PLAIN:
        values[name] = row[name]
    values["_json"] = {name: row[name] for name in _ANALYSIS_JSON if name not in given}
    values.update(given)  # a decoded value in the instance wins over its cached_property
    return record


def chat_import_from_row(row: Any) -> ChatImportRecord:
    return ChatImportRecord(**{name: row[name] for name in ChatImportRecord.__dataclass_fields__})


def user_from_row(row: Any, **given: Any) -> UserRecord:
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
        speech_style=_decoded(row, "speech_style", style_from_json, given),
    )


def partner_from_row(row: Any, **given: Any) -> PartnerRecord:
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
        speech_style=_decoded(row, "speech_style", style_from_json, given),
        insight=_decoded(row, "insight", insight_from_json, given),
        insight_at=row["insight_at"],
        my_speech_style=_decoded(row, "my_speech_style", style_from_json, given),
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
