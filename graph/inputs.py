"""Mutation inputs. In update inputs an omitted field keeps its value and `null` clears it."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.file_uploads import Upload

from graph.types.analysis import RiskLevel
from graph.enums import Gender, MessageKind, RelationshipStage, Sender


@strawberry.input
class UpdateProfileInput:
    nickname: str | None = strawberry.UNSET
    gender: Gender | None = strawberry.UNSET
    birth_year: int | None = strawberry.UNSET
    mbti: str | None = strawberry.UNSET
    bio: str | None = strawberry.UNSET


@strawberry.input
class CreatePartnerInput:
    name: str
    relationship: RelationshipStage
    age: int | None = None
    mbti: str | None = None
    description: str | None = None
    interests: list[str] = strawberry.field(default_factory=list)
    communication_style: str | None = None


@strawberry.input
class UpdatePartnerInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    relationship: RelationshipStage | None = strawberry.UNSET
    age: int | None = strawberry.UNSET
    mbti: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    interests: list[str] | None = strawberry.UNSET
    communication_style: str | None = strawberry.UNSET


@strawberry.input
class DeletePartnerInput:
    id: strawberry.ID


@strawberry.input
class CreateChatRoomInput:
    partner_id: strawberry.ID
    title: str


@strawberry.input
class UpdateChatRoomInput:
    id: strawberry.ID
    title: str | None = strawberry.UNSET
    partner_id: strawberry.ID | None = strawberry.UNSET


@strawberry.input
class DeleteChatRoomInput:
    id: strawberry.ID


@strawberry.input
class MessageInput:
    sender: Sender
    text: str
    sent_at: datetime
    kind: MessageKind = MessageKind.TEXT
    sender_name: str | None = None


@strawberry.input
class AddMessagesInput:
    room_id: strawberry.ID
    messages: list[MessageInput]


@strawberry.input
class DeleteAccountInput:
    confirm: bool = strawberry.field(description="Must be true: the account and all its data go.")


@strawberry.input(description="Exactly one of `file` (a KakaoTalk export, multipart upload) or `text`.")
class ImportChatInput:
    room_id: strawberry.ID
    file: Upload | None = None
    text: str | None = None
    my_name: str | None = strawberry.field(
        default=None, description="Your name as the export writes it; inferred from the export when omitted."
    )
    partner_name: str | None = strawberry.field(
        default=None, description="The partner's name in a group chat export."
    )
    timezone: str = strawberry.field(
        default="Asia/Seoul", description="IANA zone the export's times are in (exports carry none)."
    )


@strawberry.input(description="Measure your texting style from `texts`, or from your messages in a room.")
class AnalyzeSpeechInput:
    room_id: strawberry.ID | None = None
    texts: list[str] | None = None


@strawberry.input
class AnalyzeMessageInput:
    room_id: strawberry.ID
    message: str | None = strawberry.field(
        default=None, description="The partner's message; the room's latest partner message when omitted."
    )
    situation: str | None = strawberry.field(
        default=None, description="Your own words about what is going on or what you want."
    )


@strawberry.input
class ChooseReplyInput:
    analysis_id: strawberry.ID
    risk: RiskLevel
    rating: int | None = strawberry.field(default=None, description="How it went, 1 to 5.")


@strawberry.input
class AnalyzePartnerInput:
    partner_id: strawberry.ID
