"""Measuring speech styles from stored messages (the original POST /analyze-speech)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

from ai.speech_codec import style_to_json
from ai.korean.speech_style import MORPH_SAMPLE_SIZE, SpeechStyle, analyze_speech
from datastore.database import Database
from datastore.records import PartnerRecord, UserRecord


async def measure(texts: Sequence[str]) -> SpeechStyle:
    # Kiwi's analysis is CPU-bound and holds the GIL for a while: keep it off the event loop.
    return await asyncio.to_thread(analyze_speech, list(texts))


async def side_texts(db: Database, owner: uuid.UUID, room_ids: list[uuid.UUID], sender: str) -> list[str]:
    return await db.read(lambda uow: uow.messages.latest_texts(room_ids, sender, MORPH_SAMPLE_SIZE), owner=owner)


async def store_user_style(db: Database, owner: uuid.UUID, style: SpeechStyle) -> UserRecord | None:
    encoded = style_to_json(style)
    return await db.run(lambda uow: uow.users.set_speech_style(owner, encoded), owner=owner)


async def refresh_partner_style(db: Database, owner: uuid.UUID, partner_id: uuid.UUID) -> PartnerRecord | None:
    """Re-measures a partner from their messages in all of their rooms."""
    rooms = await db.read(lambda uow: uow.chat_rooms.ids_for_partner(partner_id), owner=owner)
    texts = await side_texts(db, owner, rooms, "PARTNER")
    if not texts:
        return None
    encoded = style_to_json(await measure(texts))
    return await db.run(lambda uow: uow.partners.set_speech_style(partner_id, encoded), owner=owner)
