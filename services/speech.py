"""Speech styles (말투), measured from stored messages or from texts given."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from ai.korean.kiwi import run_on_kiwi_thread
from ai.korean.speech_style import MORPH_SAMPLE_SIZE, SpeechStyle, analyze_speech
from datastore.database import Database
from datastore.records import PartnerRecord, UserRecord
from services.accounts import AccountService
from services.errors import Invalid, InvalidReason, NotFound
from services.identity import Principal


async def measure(texts: Sequence[str]) -> SpeechStyle:
    # Kiwi's analysis is CPU-bound and holds the GIL for a while: keep it off the event loop.
    return await run_on_kiwi_thread(analyze_speech, list(texts))


class SpeechService:
    def __init__(self, db: Database, accounts: AccountService) -> None:
        self.db = db
        self.accounts = accounts

    async def side_texts(self, owner: uuid.UUID, room_ids: list[uuid.UUID], sender: str) -> list[str]:
        return await self.db.read(lambda uow: uow.messages.latest_texts(room_ids, sender, MORPH_SAMPLE_SIZE), owner=owner)

    async def analyze_mine(
        self, principal: Principal, *, texts: list[str] | None, room_id: uuid.UUID | None
    ) -> tuple[SpeechStyle, UserRecord]:
        """Measures the user's own style from `texts`, or from their messages in a room, and
        stores it on the user."""
        owner = principal.user_id
        from_room = texts is None
        if texts is None:
            rooms = await self.db.read(lambda uow: uow.chat_rooms.get_many([room_id]), owner=owner)
            if not rooms:
                raise NotFound("chat room not found", field="room_id")
            texts = await self.side_texts(owner, [room_id], "ME")
        if not texts:
            field = "room_id" if from_room else "texts"
            raise Invalid("there are no messages of yours to measure", reason=InvalidReason.EMPTY, field=field)
        style = await measure(texts)
        user = await self._store_user_style(owner, style)
        if user is None:  # the account went away meanwhile
            await self.accounts.recreate_user(principal)
            user = await self._store_user_style(owner, style)
        return style, user

    async def _store_user_style(self, owner: uuid.UUID, style: SpeechStyle) -> UserRecord | None:
        return await self.db.run(lambda uow: uow.users.set_speech_style(owner, style), owner=owner)

    async def refresh_after_import(
        self, owner: uuid.UUID, partner_id: uuid.UUID, room_id: uuid.UUID
    ) -> PartnerRecord | None:
        """After an import: both sides' styles in this relationship are measured again (the
        partner's, and the user's own with this partner); the account-wide style once, if never
        measured. Returns the partner when re-measured."""
        rooms = await self.db.read(lambda uow: uow.chat_rooms.ids_for_partner(partner_id), owner=owner)
        partner = await self._remeasure(owner, partner_id, rooms, "PARTNER")
        partner = await self._remeasure(owner, partner_id, rooms, "ME") or partner
        user = await self.db.read(lambda uow: uow.users.get(owner), owner=owner)
        if user is not None and user.speech_style is None:
            texts = await self.side_texts(owner, [room_id], "ME")
            if texts:
                await self._store_user_style(owner, await measure(texts))
        return partner

    async def _remeasure(
        self, owner: uuid.UUID, partner_id: uuid.UUID, rooms: list[uuid.UUID], side: str
    ) -> PartnerRecord | None:
        """One side's style in all of the partner's rooms, stored on the partner."""
        texts = await self.side_texts(owner, rooms, side)
        if not texts:
            return None
        style = await measure(texts)
        if side == "PARTNER":
            return await self.db.run(lambda uow: uow.partners.set_speech_style(partner_id, style), owner=owner)
        return await self.db.run(lambda uow: uow.partners.set_my_speech_style(partner_id, style), owner=owner)
