from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from datastore.records import MessageRecord
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

    @classmethod
    def from_record(cls, record: MessageRecord) -> Message:
        return cls(
            id=strawberry.ID(encode_id("Message", record.id)),
            room_id=record.room_id,
            sender=Sender(record.sender),
            sender_name=record.sender_name,
            text=record.text,
            sent_at=record.sent_at,
            kind=MessageKind(record.kind),
            created_at=record.created_at,
        )

    @strawberry.field(description="The chat room this message belongs to.")
    async def chat_room(self, info: Info) -> ChatRoomRef:
        record = await info.context.loaders.chat_room.load(self.room_id)
        assert record is not None, "a visible message has a visible room"
        return build_node("ChatRoom", record)
