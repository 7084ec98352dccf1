from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from datastore.paging import Key, PageRequest
from datastore.records import ChatRoomRecord
from graph.errors import BadUserInput
from graph.relay.connection import Connection, connection_of
from graph.relay.global_id import encode_id
from graph.relay.node import Node, node_type
from graph.relay.paging import connection_field
from graph.types.analysis import Analysis
from graph.types.chat_import import ChatImport
from graph.types.insights import ConversationInsights
from graph.types.message import Message
from graph.types.partner import Partner
from services.errors import ServiceError
from services.insights import check_window
from services.loaders import InsightWindow


async def _messages(root: ChatRoom, info: Info, page: PageRequest) -> Connection[Message]:
    found = await info.context.loaders.room_messages.load((root.record.id, page))
    room = root.record
    count = room.message_count

    async def total() -> int:
        return count

    return await connection_of(
        found,
        node=lambda message: Message.from_record(message, room),
        key=lambda message: Key(message.sent_at, message.id),
        count=total,
    )


async def _analyses(root: ChatRoom, info: Info, page: PageRequest) -> Connection[Analysis]:
    loaders, room_id = info.context.loaders, root.record.id
    found = await loaders.room_analyses.load((room_id, page))
    return await connection_of(found, node=Analysis.from_record, count=lambda: loaders.room_analysis_count.load(room_id))


async def _imports(root: ChatRoom, info: Info, page: PageRequest) -> Connection[ChatImport]:
    loaders, room_id = info.context.loaders, root.record.id
    found = await loaders.room_imports.load((room_id, page))
    return await connection_of(found, node=ChatImport.from_record, count=lambda: loaders.room_import_count.load(room_id))


@node_type(loader="chat_room")
@strawberry.type
class ChatRoom(Node):
    title: str
    last_message_at: datetime | None
    created_at: datetime
    updated_at: datetime
    record: strawberry.Private[ChatRoomRecord]

    @classmethod
    def from_record(cls, record: ChatRoomRecord) -> ChatRoom:
        return cls(
            id=strawberry.ID(encode_id("ChatRoom", record.id)),
            record=record,
            title=record.title,
            last_message_at=record.last_message_at,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )

    @strawberry.field
    async def partner(self, info: Info) -> Partner:
        record = await info.context.loaders.partner.load(self.record.partner_id)
        assert record is not None, "a visible room has a visible partner"
        return Partner.from_record(record)

    messages = connection_field(
        _messages, returns=Connection[Message], description="The conversation, ordered by `sentAt` (oldest first)."
    )

    @strawberry.field(description="Per-side measures and the partner's interest score, over [from, to).")
    async def insights(
        self,
        info: Info,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        timezone: Annotated[str, strawberry.argument(description="IANA zone for late night and weeks.")] = "Asia/Seoul",
    ) -> ConversationInsights:
        try:
            check_window(from_, to, timezone)
        except ServiceError as exc:
            raise BadUserInput(str(exc), argument=exc.field) from None
        model = await info.context.loaders.room_insights.load((self.record.id, InsightWindow(from_, to, timezone)))
        return ConversationInsights.from_model(model)

    analyses = connection_field(
        _analyses, returns=Connection[Analysis], description="The coach's analyses of this room's messages, newest first."
    )
    imports = connection_field(
        _imports, returns=Connection[ChatImport], description="KakaoTalk exports imported into this room, newest first."
    )
