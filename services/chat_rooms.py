"""Chat rooms: one conversation with one partner."""

from __future__ import annotations

import uuid
from typing import Any

from datastore.database import Database
from datastore.paging import Page, PageRequest
from datastore.records import ChatRoomRecord
from datastore.stores import UnitOfWork
from services.deletion import DeletionService
from services.errors import NotFound, QuotaExceeded

ROOMS_PER_USER = 500


async def _partner_exists(uow: UnitOfWork, partner_id: uuid.UUID) -> bool:
    return bool(await uow.partners.get_many([partner_id]))


class ChatRoomService:
    def __init__(self, db: Database, deletion: DeletionService) -> None:
        self.db = db
        self.deletion = deletion

    async def page(self, owner: uuid.UUID, page: PageRequest, *, partner_id: uuid.UUID | None) -> Page[ChatRoomRecord]:
        return await self.db.read(lambda uow: uow.chat_rooms.page(page, partner_id=partner_id), owner=owner)

    async def count(self, owner: uuid.UUID, *, partner_id: uuid.UUID | None) -> int:
        return await self.db.read(lambda uow: uow.chat_rooms.count(partner_id=partner_id), owner=owner)

    async def create(self, owner: uuid.UUID, *, partner_id: uuid.UUID, title: str) -> ChatRoomRecord:
        async def work(uow: UnitOfWork) -> ChatRoomRecord:
            if not await _partner_exists(uow, partner_id):
                raise NotFound("partner not found", field="partner_id")
            if await uow.chat_rooms.count() >= ROOMS_PER_USER:
                raise QuotaExceeded(f"at most {ROOMS_PER_USER} chat rooms")
            return await uow.chat_rooms.create(partner_id=partner_id, title=title)

        return await self.db.run(work, owner=owner)

    async def update(self, owner: uuid.UUID, room_id: uuid.UUID, changes: dict[str, Any]) -> ChatRoomRecord:
        async def work(uow: UnitOfWork) -> ChatRoomRecord:
            if "partner_id" in changes and not await _partner_exists(uow, changes["partner_id"]):
                raise NotFound("partner not found", field="partner_id")
            record = await uow.chat_rooms.update(room_id, changes)
            if record is None:
                raise NotFound("chat room not found", field="id")
            return record

        return await self.db.run(work, owner=owner)

    async def delete(self, owner: uuid.UUID, room_id: uuid.UUID) -> None:
        """Hides the room at once; its messages are then purged in chunks."""

        async def work(uow: UnitOfWork) -> list[str]:
            if not await uow.chat_rooms.mark_deleted(room_id):
                raise NotFound("chat room not found", field="id")
            return await uow.imports.take_raw_keys([room_id])

        raw_keys = await self.db.run(work, owner=owner)
        await self.deletion.finish(owner, raw_keys)
