"""A room's conversation history, written by hand (imports are `services.chat_import`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from datastore.database import Database
from datastore.records import ChatRoomRecord, MessageRecord
from datastore.stores import NewMessage, UnitOfWork
from services.errors import NotFound


class MessageService:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(
        self, owner: uuid.UUID, room_id: uuid.UUID, messages: Sequence[NewMessage]
    ) -> tuple[ChatRoomRecord, list[MessageRecord]]:
        """All given messages are stored, or none."""

        async def work(uow: UnitOfWork) -> tuple[ChatRoomRecord, list[MessageRecord]]:
            if not await uow.chat_rooms.get_many([room_id]):
                raise NotFound("chat room not found", field="room_id")
            stored = await uow.messages.add_many(room_id, messages)
            room = await uow.chat_rooms.record_messages(room_id, len(stored), max(m.sent_at for m in stored))
            return room, stored

        return await self.db.run(work, owner=owner)
