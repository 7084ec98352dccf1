from __future__ import annotations

import strawberry

from graph.payloads import (
    AddMessagesPayload,
    AnalyzeMessagePayload,
    AnalyzePartnerPayload,
    ChooseReplyPayload,
    AnalyzeSpeechPayload,
    ImportChatPayload,
    CreateChatRoomPayload,
    CreatePartnerPayload,
    DeleteAccountPayload,
    DeleteChatRoomPayload,
    DeletePartnerPayload,
    UpdateChatRoomPayload,
    UpdatePartnerPayload,
    UpdateProfilePayload,
)
from graph.permissions import IsAuthenticated
from resolvers.mutations import account, chat_import, chat_rooms, coaching, messages, partners, profile, speech

Authenticated = [IsAuthenticated]


@strawberry.type
class Mutation:
    update_profile: UpdateProfilePayload = strawberry.mutation(
        resolver=profile.update_profile, permission_classes=Authenticated
    )
    create_partner: CreatePartnerPayload = strawberry.mutation(
        resolver=partners.create_partner, permission_classes=Authenticated
    )
    update_partner: UpdatePartnerPayload = strawberry.mutation(
        resolver=partners.update_partner, permission_classes=Authenticated
    )
    delete_partner: DeletePartnerPayload = strawberry.mutation(
        resolver=partners.delete_partner,
        permission_classes=Authenticated,
        description="Deletes the partner with its chat rooms and their messages.",
    )
    create_chat_room: CreateChatRoomPayload = strawberry.mutation(
        resolver=chat_rooms.create_chat_room, permission_classes=Authenticated
    )
    update_chat_room: UpdateChatRoomPayload = strawberry.mutation(
        resolver=chat_rooms.update_chat_room, permission_classes=Authenticated
    )
    delete_chat_room: DeleteChatRoomPayload = strawberry.mutation(
        resolver=chat_rooms.delete_chat_room,
        permission_classes=Authenticated,
        description="Deletes the chat room with its messages.",
    )
    add_messages: AddMessagesPayload = strawberry.mutation(
        resolver=messages.add_messages,
        permission_classes=Authenticated,
        description="Appends messages to a room's conversation history, all or none.",
    )
    delete_account: DeleteAccountPayload = strawberry.mutation(
        resolver=account.delete_account,
        permission_classes=Authenticated,
        description="Removes the account and every row it owns.",
    )
    import_chat: ImportChatPayload = strawberry.mutation(
        resolver=chat_import.import_chat_mutation,
        permission_classes=Authenticated,
        description="Imports a KakaoTalk export (multipart upload) or pasted chat text into a room.",
    )
    analyze_speech: AnalyzeSpeechPayload = strawberry.mutation(
        resolver=speech.analyze_speech,
        permission_classes=Authenticated,
        description="Measures your texting style (말투) and stores it as `User.speechStyle`.",
    )
    analyze_message: AnalyzeMessagePayload = strawberry.mutation(
        resolver=coaching.analyze_message,
        permission_classes=Authenticated,
        description="What the partner's message likely means and three replies (SAFE, BALANCED, BOLD).",
    )
    choose_reply: ChooseReplyPayload = strawberry.mutation(
        resolver=coaching.choose_reply,
        permission_classes=Authenticated,
        description="Records which reply you took and how it went (1-5).",
    )
    analyze_partner: AnalyzePartnerPayload = strawberry.mutation(
        resolver=coaching.analyze_partner,
        permission_classes=Authenticated,
        description="Produces and stores `Partner.insight` from the profile and the partner's messages.",
    )
