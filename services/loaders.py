"""One DataLoader per relation, created per operation so caches never cross users.

Each batch is one `= ANY($n)` (or LATERAL) statement; results come back in key order.

A batch runs in a task of its own (strawberry's DataLoader dispatches it), which nothing
cancels when the operation that asked for it is: timed out, its client gone, or a sibling
field failed. Such a batch went on running its statements for seconds after the answer
(10 s after a client hung up, bench/abuse.py). So every batch's task is known here, and
`cancel` (called when the operation's scope closes) stops those still running: asyncpg then
cancels the statement on the server.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from ai.insights import ConversationInsights, conversation_insights
from datastore.database import Database
from datastore.paging import Page, PageRequest
from datastore.records import AnalysisRecord, ChatImportRecord, ChatRoomRecord, MessageRecord, PartnerRecord, UserRecord
from datastore.stores import UnitOfWork
from datastore.stores.insights import RoomInsightRows

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SharedLoader(DataLoader[K, V]):
    """A DataLoader whose callers share one future per key without owning it.

    GraphQL execution cancels the pending siblings of a field that failed; a caller cancelled
    while awaiting the shared future must not cancel the future itself, or every other field
    waiting on the same key (another branch of the query) dies with it.
    """

    def load(self, key: K) -> Awaitable[V]:
        return asyncio.shield(super().load(key))


class Loaders:
    def __init__(self, db: Database, owner: uuid.UUID) -> None:
        self._db = db
        self._owner = owner
        self._running: set[asyncio.Task] = set()  # the batches' tasks, while they load
        self.user = SharedLoader[uuid.UUID, UserRecord | None](self._users)
        self.partner = SharedLoader[uuid.UUID, PartnerRecord | None](self._by_id(lambda uow, ids: uow.partners.get_many(ids)))
        self.chat_room = SharedLoader[uuid.UUID, ChatRoomRecord | None](self._by_id(lambda uow, ids: uow.chat_rooms.get_many(ids)))
        self.message = SharedLoader[uuid.UUID, MessageRecord | None](self._by_id(lambda uow, ids: uow.messages.get_many(ids)))
        self.analysis = SharedLoader[uuid.UUID, AnalysisRecord | None](self._by_id(lambda uow, ids: uow.analyses.get_many(ids)))
        self.chat_import = SharedLoader[uuid.UUID, ChatImportRecord | None](self._by_id(lambda uow, ids: uow.imports.get_many(ids)))
        self.partner_rooms = SharedLoader[tuple[uuid.UUID, PageRequest], Page[ChatRoomRecord]](
            self._pages(lambda uow, ids, page: uow.chat_rooms.pages_for_partners(ids, page))
        )
        self.partner_room_count = SharedLoader[uuid.UUID, int](
            self._counts(lambda uow, ids: uow.chat_rooms.counts_for_partners(ids))
        )
        self.room_messages = SharedLoader[tuple[uuid.UUID, PageRequest], Page[MessageRecord]](
            self._pages(lambda uow, ids, page: uow.messages.pages_for_rooms(ids, page))
        )
        self.room_analyses = SharedLoader[tuple[uuid.UUID, PageRequest], Page[AnalysisRecord]](
            self._pages(lambda uow, ids, page: uow.analyses.pages_for_rooms(ids, page))
        )
        self.room_analysis_count = SharedLoader[uuid.UUID, int](
            self._counts(lambda uow, ids: uow.analyses.counts_for_rooms(ids))
        )
        self.room_imports = SharedLoader[tuple[uuid.UUID, PageRequest], Page[ChatImportRecord]](
            self._pages(lambda uow, ids, page: uow.imports.pages_for_rooms(ids, page))
        )
        self.room_import_count = SharedLoader[uuid.UUID, int](
            self._counts(lambda uow, ids: uow.imports.counts_for_rooms(ids))
        )
        self.room_insights = SharedLoader[tuple[uuid.UUID, InsightWindow], ConversationInsights](
            self._pages(
                lambda uow, ids, window: _scored(
                    uow.insights.rooms_insights(ids, start=window.start, end=window.end, timezone=window.zone)
                )
            )
        )

    def cancel(self) -> None:
        """Stops the batches still loading: the operation that wanted them is over."""
        for task in list(self._running):
            task.cancel()

    async def _read(self, work: Callable[[UnitOfWork], Awaitable[V]]) -> V:
        task = asyncio.current_task()
        if task is None or task in self._running:
            return await self._db.read(work, owner=self._owner)
        self._running.add(task)
        try:
            return await self._db.read(work, owner=self._owner)
        finally:
            self._running.discard(task)

    async def _users(self, ids: Sequence[uuid.UUID]) -> list[UserRecord | None]:
        # Only the viewer's own row is ever visible.
        own = await self._read(lambda uow: uow.users.get(self._owner)) if self._owner in ids else None
        return [own if user_id == self._owner else None for user_id in ids]

    def _by_id(
        self, fetch: Callable[[UnitOfWork, list[uuid.UUID]], Awaitable[Sequence[Any]]]
    ) -> Callable[[Sequence[uuid.UUID]], Awaitable[list[Any]]]:
        async def load(ids: Sequence[uuid.UUID]) -> list[Any]:
            records = await self._read(lambda uow: fetch(uow, list(ids)))
            by_id = {record.id: record for record in records}
            return [by_id.get(key) for key in ids]

        return load

    def _pages(
        self,
        fetch: Callable[[UnitOfWork, list[uuid.UUID], Any], Awaitable[dict[uuid.UUID, Any]]],
    ) -> Callable[[Sequence[tuple[uuid.UUID, Any]]], Awaitable[list[Any]]]:
        """Batch per-parent requests of some shape (a page, a window): one statement per
        distinct shape (usually exactly one)."""

        async def load(keys: Sequence[tuple[uuid.UUID, Any]]) -> list[Any]:
            by_shape: dict[Any, list[uuid.UUID]] = defaultdict(list)
            for parent_id, page in keys:
                by_shape[page].append(parent_id)
            results: dict[tuple[uuid.UUID, Any], Any] = {}
            for page, parent_ids in by_shape.items():
                pages = await self._read(lambda uow, ids=parent_ids, p=page: fetch(uow, ids, p))
                results.update({(parent_id, page): found for parent_id, found in pages.items()})
            return [results[key] for key in keys]

        return load

    def _counts(
        self, fetch: Callable[[UnitOfWork, list[uuid.UUID]], Awaitable[dict[uuid.UUID, int]]]
    ) -> Callable[[Sequence[uuid.UUID]], Awaitable[list[int]]]:
        async def load(ids: Sequence[uuid.UUID]) -> list[int]:
            counts = await self._read(lambda uow: fetch(uow, list(ids)))
            return [counts[key] for key in ids]

        return load


@dataclass(frozen=True)
class InsightWindow:
    """What `ChatRoom.insights` was asked for: a window and the zone of its days and weeks."""

    start: datetime | None
    end: datetime | None
    zone: str


async def _scored(rows: Awaitable[dict[uuid.UUID, RoomInsightRows]]) -> dict[uuid.UUID, ConversationInsights]:
    return {room_id: conversation_insights(found) for room_id, found in (await rows).items()}
