from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from datastore.records import ChatRoomRecord, MessageRecord
from graph.enums import MessageKind, Sender
from graph.relay.global_id import encode_id
from graph.relay.node import Node, build_node, node_type

ChatRoomRef = Annotated["ChatRoom", strawberry.lazy("graph.types.chat_room")]


@node_type(loader="message")
@strawberry.type
class Message(Node):
    sender: Sender
    sender_name: str | None
    text: str
    sent_at: datetime
    kind: MessageKind
    created_at: datetime
    room_id: strawberry.Private[uuid.UUID]
    # The room, when the message was reached through it (its `messages`): no need to load it.
    room: strawberry.Private[ChatRoomRecord | None] = None

    @classmethod
    def from_record(cls, record: MessageRecord, room: ChatRoomRecord | None = None) -> Message:
        return cls(
            id=strawberry.ID(encode_id("Message", record.id)),
            room_id=record.room_id,
            sender=Sender(record.sender),
            sender_name=record.sender_name,
            text=record.text,
            sent_at=record.sent_at,
            kind=MessageKind(record.kind),
            created_at=record.created_at,
            room=room if room is not None and room.id == record.room_id else None,
        )

    @strawberry.field(description="The chat room this message belongs to.")
    def chat_room(self, info: Info) -> ChatRoomRef:
        # Synchronous when the room is at hand: a page of 100 messages asking for their room
        # was 100 coroutines (and loader calls) for one room already loaded.
        if self.room is not None:
            return build_node("ChatRoom", self.room)
        return self._load_room(info)  # type: ignore[return-value]  # awaited by graphql-core

    async def _load_room(self, info: Info) -> Any:
        record = await info.context.loaders.chat_room.load(self.room_id)
        assert record is not None, "a visible message has a visible room"
        return build_node("ChatRoom", record)
