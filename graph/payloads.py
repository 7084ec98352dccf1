from __future__ import annotations

import strawberry

from graph.types.analysis import Analysis
from graph.types.chat_import import ChatImport
from graph.types.chat_room import ChatRoom
from graph.types.message import Message
from graph.types.partner import Partner
from graph.types.partner_insight import PartnerInsight
from graph.types.speech import SpeechStyle
from graph.types.user import User
from graph.user_errors import UserError


@strawberry.type
class UpdateProfilePayload:
    user: User | None
    user_errors: list[UserError]


@strawberry.type
class CreatePartnerPayload:
    partner: Partner | None
    user_errors: list[UserError]


@strawberry.type
class UpdatePartnerPayload:
    partner: Partner | None
    user_errors: list[UserError]


@strawberry.type
class DeletePartnerPayload:
    deleted_partner_id: strawberry.ID | None
    user_errors: list[UserError]


@strawberry.type
class CreateChatRoomPayload:
    chat_room: ChatRoom | None
    user_errors: list[UserError]


@strawberry.type
class UpdateChatRoomPayload:
    chat_room: ChatRoom | None
    user_errors: list[UserError]


@strawberry.type
class DeleteChatRoomPayload:
    deleted_chat_room_id: strawberry.ID | None
    user_errors: list[UserError]


@strawberry.type
class AddMessagesPayload:
    chat_room: ChatRoom | None
    messages: list[Message]
    user_errors: list[UserError]


@strawberry.type
class DeleteAccountPayload:
    deleted_user_id: strawberry.ID | None
    user_errors: list[UserError]


@strawberry.type
class ImportChatPayload:
    import_: ChatImport | None = strawberry.field(name="import")
    chat_room: ChatRoom | None
    user_errors: list[UserError]


@strawberry.type
class AnalyzeSpeechPayload:
    speech_style: SpeechStyle | None
    user: User | None
    user_errors: list[UserError]


@strawberry.type
class AnalyzeMessagePayload:
    analysis: Analysis | None
    user_errors: list[UserError]


@strawberry.type
class ChooseReplyPayload:
    analysis: Analysis | None
    user_errors: list[UserError]


@strawberry.type
class AnalyzePartnerPayload:
    partner: Partner | None
    insight: PartnerInsight | None
    user_errors: list[UserError]
