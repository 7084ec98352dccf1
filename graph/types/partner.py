from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from datastore.paging import PageRequest
from datastore.records import PartnerRecord
from graph.enums import RelationshipStage
from graph.relay.connection import Connection, connection_of
from graph.relay.global_id import encode_id
from graph.relay.node import Node, build_node, node_type
from graph.relay.paging import connection_field
from graph.types.partner_insight import PartnerInsight
from graph.types.speech import SpeechStyle

ChatRoomRef = Annotated["ChatRoom", strawberry.lazy("graph.types.chat_room")]


async def _chat_rooms(root: Partner, info: Info, page: PageRequest) -> Connection[Any]:
    loaders = info.context.loaders
    found = await loaders.partner_rooms.load((root.record_id, page))
    return await connection_of(
        found,
        node=lambda record: build_node("ChatRoom", record),
        count=lambda: loaders.partner_room_count.load(root.record_id),
    )


@node_type(loader="partner")
@strawberry.type
class Partner(Node):
    name: str
    relationship: RelationshipStage
    age: int | None
    mbti: str | None
    description: str | None
    interests: list[str]
    communication_style: str | None
    created_at: datetime
    updated_at: datetime
    speech_style: SpeechStyle | None = strawberry.field(
        description="Their texting style, measured from their messages; refreshed after an import."
    )
    insight: PartnerInsight | None = strawberry.field(description="The last `analyzePartner` result.")
    my_speech_style: SpeechStyle | None = strawberry.field(
        description="Your own texting style with this partner, measured from your messages in their rooms."
    )
    record_id: strawberry.Private[uuid.UUID]

    chat_rooms = connection_field(
        _chat_rooms, returns=Connection[ChatRoomRef], description="This partner's chat rooms, newest first."
    )

    @classmethod
    def from_record(cls, record: PartnerRecord) -> Partner:
        return cls(
            id=strawberry.ID(encode_id("Partner", record.id)),
            record_id=record.id,
            name=record.name,
            relationship=RelationshipStage(record.relationship),
            age=record.age,
            mbti=record.mbti,
            description=record.description,
            interests=list(record.interests),
            communication_style=record.communication_style,
            created_at=record.created_at,
            updated_at=record.updated_at,
            speech_style=SpeechStyle.from_model(record.speech_style),
            insight=PartnerInsight.from_model(record.insight, record.insight_at) if record.insight else None,
            my_speech_style=SpeechStyle.from_model(record.my_speech_style),
        )
