"""Stores: small classes over one connection. They never commit; the unit of work does."""

from __future__ import annotations

import uuid
from functools import cached_property

import asyncpg

from datastore.stores.analyses import AnalysisStore
from datastore.stores.chat_rooms import ChatRoomStore
from datastore.stores.imports import ChatImportStore
from datastore.stores.insights import InsightStore
from datastore.stores.leases import GenerationSlotStore, ServiceLeaseStore
from datastore.stores.messages import MessageStore, NewMessage
from datastore.stores.partners import PartnerStore
from datastore.stores.cleanup import CleanupStore
from datastore.stores.users import UserStore

__all__ = ["UnitOfWork", "NewMessage"]


class UnitOfWork:
    """The stores of one connection (and, in `Database.run`, of one transaction)."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID | None) -> None:
        self.conn = conn
        self.owner = owner

    def _owner(self) -> uuid.UUID:
        if self.owner is None:
            raise PermissionError("this unit of work has no owner")
        return self.owner

    @cached_property
    def users(self) -> UserStore:
        return UserStore(self.conn)

    @cached_property
    def partners(self) -> PartnerStore:
        return PartnerStore(self.conn, self._owner())

    @cached_property
    def chat_rooms(self) -> ChatRoomStore:
        return ChatRoomStore(self.conn, self._owner())

    @cached_property
    def messages(self) -> MessageStore:
        return MessageStore(self.conn, self._owner())

    @cached_property
    def imports(self) -> ChatImportStore:
        return ChatImportStore(self.conn, self._owner())

    @cached_property
    def analyses(self) -> AnalysisStore:
        return AnalysisStore(self.conn, self._owner())

    @cached_property
    def insights(self) -> InsightStore:
        return InsightStore(self.conn, self._owner())

    @cached_property
    def cleanup(self) -> CleanupStore:
        return CleanupStore(self.conn)

    @cached_property
    def service_leases(self) -> ServiceLeaseStore:
        return ServiceLeaseStore(self.conn)

    @cached_property
    def generation_slots(self) -> GenerationSlotStore:
        return GenerationSlotStore(self.conn, self._owner())
