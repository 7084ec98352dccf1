"""Partner profiles: the people the user talks to."""

from __future__ import annotations

import uuid
from typing import Any

from datastore.database import Database
from datastore.paging import Page, PageRequest
from datastore.records import PartnerRecord
from datastore.stores import UnitOfWork
from services.deletion import DeletionService
from services.errors import NotFound, QuotaExceeded

PARTNERS_PER_USER = 100


class PartnerService:
    def __init__(self, db: Database, deletion: DeletionService) -> None:
        self.db = db
        self.deletion = deletion

    async def page(self, owner: uuid.UUID, page: PageRequest) -> Page[PartnerRecord]:
        return await self.db.read(lambda uow: uow.partners.page(page), owner=owner)

    async def count(self, owner: uuid.UUID) -> int:
        return await self.db.read(lambda uow: uow.partners.count(), owner=owner)

    async def create(self, owner: uuid.UUID, values: dict[str, Any]) -> PartnerRecord:
        async def work(uow: UnitOfWork) -> PartnerRecord | None:
            if await uow.partners.count() >= PARTNERS_PER_USER:
                return None
            return await uow.partners.create(values)

        record = await self.db.run(work, owner=owner)
        if record is None:
            raise QuotaExceeded(f"at most {PARTNERS_PER_USER} partners")
        return record

    async def update(self, owner: uuid.UUID, partner_id: uuid.UUID, changes: dict[str, Any]) -> PartnerRecord:
        record = await self.db.run(lambda uow: uow.partners.update(partner_id, changes), owner=owner)
        if record is None:
            raise NotFound("partner not found", field="id")
        return record

    async def delete(self, owner: uuid.UUID, partner_id: uuid.UUID) -> None:
        """Hides the partner and its rooms at once; their rows are then purged in chunks."""

        async def work(uow: UnitOfWork) -> list[str] | None:
            if not await uow.partners.mark_deleted(partner_id):
                return None
            room_ids = await uow.chat_rooms.ids_for_partner(partner_id)
            await uow.chat_rooms.mark_deleted_for_partner(partner_id)
            return await uow.imports.take_raw_keys(room_ids)

        raw_keys = await self.db.run(work, owner=owner)
        if raw_keys is None:
            raise NotFound("partner not found", field="id")
        await self.deletion.finish(owner, raw_keys)
