from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from graph.context import Context
from graph.inputs import CreateChatRoomInput, DeleteChatRoomInput, UpdateChatRoomInput
from graph.payloads import CreateChatRoomPayload, DeleteChatRoomPayload, UpdateChatRoomPayload
from graph.relay.global_id import encode_id
from graph.types.chat_room import ChatRoom
from graph.user_errors import UserErrorCode
from resolvers import input_limits as limits
from resolvers.validation import Problems, is_unset
from services.errors import ServiceError


async def create_chat_room(info: Info[Context, None], input: CreateChatRoomInput) -> CreateChatRoomPayload:
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["partnerId"], input.partner_id, "Partner")
    title = problems.text(["title"], input.title, max_length=limits.ROOM_TITLE, required=True)
    if not problems:
        try:
            record = await ctx.services.chat_rooms.create(ctx.viewer_id, partner_id=partner_id, title=title)
            return CreateChatRoomPayload(chat_room=ChatRoom.from_record(record), user_errors=[])
        except ServiceError as refused:
            problems.refused(refused)
    return CreateChatRoomPayload(chat_room=None, user_errors=problems.errors)


def _changes(problems: Problems, input: UpdateChatRoomInput) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if not is_unset(input.title):
        changes["title"] = problems.text(["title"], input.title, max_length=limits.ROOM_TITLE, required=True)
    if not is_unset(input.partner_id):
        if input.partner_id is None:
            problems.add(["partnerId"], "partnerId cannot be null", UserErrorCode.REQUIRED)
        else:
            changes["partner_id"] = problems.node_id(["partnerId"], input.partner_id, "Partner")
    return changes


async def update_chat_room(info: Info[Context, None], input: UpdateChatRoomInput) -> UpdateChatRoomPayload:
    ctx = info.context
    problems = Problems()
    room_id = problems.node_id(["id"], input.id, "ChatRoom")
    changes = _changes(problems, input)
    if not problems:
        try:
            record = await ctx.services.chat_rooms.update(ctx.viewer_id, room_id, changes)
            ctx.loaders.chat_room.prime(record.id, record, force=True)
            return UpdateChatRoomPayload(chat_room=ChatRoom.from_record(record), user_errors=[])
        except ServiceError as refused:
            problems.refused(refused)
    return UpdateChatRoomPayload(chat_room=None, user_errors=problems.errors)


async def delete_chat_room(info: Info[Context, None], input: DeleteChatRoomInput) -> DeleteChatRoomPayload:
    ctx = info.context
    problems = Problems()
    room_id = problems.node_id(["id"], input.id, "ChatRoom")
    if not problems:
        try:
            await ctx.services.chat_rooms.delete(ctx.viewer_id, room_id)
            return DeleteChatRoomPayload(deleted_chat_room_id=strawberry.ID(encode_id("ChatRoom", room_id)), user_errors=[])
        except ServiceError as refused:
            problems.refused(refused)
    return DeleteChatRoomPayload(deleted_chat_room_id=None, user_errors=problems.errors)
