"""The domain as GraphQL types. Field resolvers only delegate to the per-operation loaders."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from datastore.paging import Key
from loveq.coaching_codec import insight_from_json
from datastore.records import ChatRoomRecord, MessageRecord, PartnerRecord, UserRecord
from graph.connection import Connection, build_connection, created_key, owned_connection
from graph.context import Context
from graph.enums import Gender, MessageKind, RelationshipStage, Sender
from graph.ids import encode_id
from graph.coach import Analysis, PartnerInsight
from graph.imports import ChatImport
from graph.insights import ConversationInsights
from graph.errors import BadUserInput
from loveq.insights import room_insights
from graph.node import Node
from graph.speech import SpeechStyle

PageSize = Annotated[int | None, strawberry.argument(description="At most the configured cap (100).")]


@strawberry.type
class Profile:
    nickname: str | None
    gender: Gender | None
    birth_year: int | None
    mbti: str | None
    bio: str | None


@strawberry.type
class User(Node):
    email: str | None
    profile: Profile
    created_at: datetime
    updated_at: datetime
    speech_style: SpeechStyle | None = strawberry.field(
        description="Your own texting style, as last measured by `analyzeSpeech` or an import."
    )

    @classmethod
    def from_record(cls, record: UserRecord) -> User:
        return cls(
            id=strawberry.ID(encode_id("User", record.id)),
            speech_style=SpeechStyle.from_json(record.speech_style),
            email=record.email,
            profile=Profile(
                nickname=record.nickname,
                gender=Gender(record.gender) if record.gender else None,
                birth_year=record.birth_year,
                mbti=record.mbti,
                bio=record.bio,
            ),
            created_at=record.created_at,
            updated_at=record.updated_at,
        )


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
    record_id: strawberry.Private[uuid.UUID]

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
            speech_style=SpeechStyle.from_json(record.speech_style),
            insight=PartnerInsight.from_model(insight_from_json(record.insight), record.insight_at)
            if record.insight
            else None,
        )

    @strawberry.field(description="This partner's chat rooms, newest first.")
    async def chat_rooms(
        self,
        info: Info[Context, None],
        first: PageSize = None,
        after: str | None = None,
        last: PageSize = None,
        before: str | None = None,
    ) -> Connection[ChatRoom]:
        ctx = info.context
        page = ctx.page_request(first=first, after=after, last=last, before=before)
        found = await ctx.loaders.partner_rooms.load((self.record_id, page))
        return build_connection(
            found,
            node=ChatRoom.from_record,
            key=created_key,
            count=lambda: ctx.loaders.partner_room_count.load(self.record_id),
        )


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
    async def chat_room(self, info: Info[Context, None]) -> ChatRoom:
        record = await info.context.loaders.chat_room.load(self.room_id)
        assert record is not None, "a visible message has a visible room"
        return ChatRoom.from_record(record)


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
    async def partner(self, info: Info[Context, None]) -> Partner:
        record = await info.context.loaders.partner.load(self.record.partner_id)
        assert record is not None, "a visible room has a visible partner"
        return Partner.from_record(record)

    @strawberry.field(description="The conversation, ordered by `sentAt` (oldest first).")
    async def messages(
        self,
        info: Info[Context, None],
        first: PageSize = None,
        after: str | None = None,
        last: PageSize = None,
        before: str | None = None,
    ) -> Connection[Message]:
        ctx = info.context
        page = ctx.page_request(first=first, after=after, last=last, before=before)
        found = await ctx.loaders.room_messages.load((self.record.id, page))
        count = self.record.message_count

        async def total() -> int:
            return count

        return build_connection(
            found,
            node=Message.from_record,
            key=lambda message: Key(message.sent_at, message.id),
            count=total,
        )

    @strawberry.field(description="Per-side measures and the partner's interest score, over [from, to).")
    async def insights(
        self,
        info: Info[Context, None],
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        timezone: Annotated[str, strawberry.argument(description="IANA zone for late night and weeks.")] = "Asia/Seoul",
    ) -> ConversationInsights:
        ctx = info.context
        try:
            model = await room_insights(ctx.services.db, ctx.viewer_id, self.record.id, start=from_, end=to, zone=timezone)
        except ValueError as exc:
            raise BadUserInput(str(exc), argument="timezone") from None
        return ConversationInsights.from_model(model)

    @strawberry.field(description="The coach's analyses of this room's messages, newest first.")
    async def analyses(
        self,
        info: Info[Context, None],
        first: PageSize = None,
        after: str | None = None,
        last: PageSize = None,
        before: str | None = None,
    ) -> Connection[Analysis]:
        page, room_id = info.context.page_request(first=first, after=after, last=last, before=before), self.record.id
        return await owned_connection(
            info.context,
            page,
            page=lambda uow: uow.analyses.page_for_room(room_id, page),
            count=lambda uow: uow.analyses.count_for_room(room_id),
            node=Analysis.from_record,
        )

    @strawberry.field(description="KakaoTalk exports imported into this room, newest first.")
    async def imports(
        self,
        info: Info[Context, None],
        first: PageSize = None,
        after: str | None = None,
        last: PageSize = None,
        before: str | None = None,
    ) -> Connection[ChatImport]:
        page, room_id = info.context.page_request(first=first, after=after, last=last, before=before), self.record.id
        return await owned_connection(
            info.context,
            page,
            page=lambda uow: uow.imports.page_for_room(room_id, page),
            count=lambda uow: uow.imports.count_for_room(room_id),
            node=ChatImport.from_record,
        )
