from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from datastore.records import ChatRoomRecord
from datastore.stores import UnitOfWork
from graph.context import Context
from graph.ids import encode_id
from graph.inputs import CreateChatRoomInput, DeleteChatRoomInput, UpdateChatRoomInput
from graph.payloads import CreateChatRoomPayload, DeleteChatRoomPayload, UpdateChatRoomPayload
from graph.types import ChatRoom
from graph.user_errors import UserErrorCode
from resolvers import limits
from resolvers.validation import Problems, is_unset


async def _partner_exists(uow: UnitOfWork, partner_id: uuid.UUID) -> bool:
    return bool(await uow.partners.get_many([partner_id]))


async def create_chat_room(info: Info[Context, None], input: CreateChatRoomInput) -> CreateChatRoomPayload:
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["partnerId"], input.partner_id, "Partner")
    title = problems.text(["title"], input.title, max_length=limits.ROOM_TITLE, required=True)
    if problems:
        return CreateChatRoomPayload(chat_room=None, user_errors=problems.errors)

    async def work(uow: UnitOfWork) -> ChatRoomRecord | UserErrorCode:
        if not await _partner_exists(uow, partner_id):
            return UserErrorCode.NOT_FOUND
        if await uow.chat_rooms.count() >= limits.ROOMS_PER_USER:
            return UserErrorCode.LIMIT_EXCEEDED
        return await uow.chat_rooms.create(partner_id=partner_id, title=title)

    outcome = await ctx.services.db.run(work, owner=ctx.viewer_id)
    if outcome is UserErrorCode.NOT_FOUND:
        problems.not_found(["partnerId"], "partner")
    elif outcome is UserErrorCode.LIMIT_EXCEEDED:
        problems.add([], f"at most {limits.ROOMS_PER_USER} chat rooms", UserErrorCode.LIMIT_EXCEEDED)
    else:
        return CreateChatRoomPayload(chat_room=ChatRoom.from_record(outcome), user_errors=[])
    return CreateChatRoomPayload(chat_room=None, user_errors=problems.errors)


async def update_chat_room(info: Info[Context, None], input: UpdateChatRoomInput) -> UpdateChatRoomPayload:
    ctx = info.context
    problems = Problems()
    room_id = problems.node_id(["id"], input.id, "ChatRoom")
    changes: dict[str, Any] = {}
    if not is_unset(input.title):
        changes["title"] = problems.text(["title"], input.title, max_length=limits.ROOM_TITLE, required=True)
    if not is_unset(input.partner_id):
        if input.partner_id is None:
            problems.add(["partnerId"], "partnerId cannot be null", UserErrorCode.REQUIRED)
        else:
            changes["partner_id"] = problems.node_id(["partnerId"], input.partner_id, "Partner")
    if problems:
        return UpdateChatRoomPayload(chat_room=None, user_errors=problems.errors)

    async def work(uow: UnitOfWork) -> ChatRoomRecord | list[str]:
        if "partner_id" in changes and not await _partner_exists(uow, changes["partner_id"]):
            return ["partnerId"]
        return await uow.chat_rooms.update(room_id, changes) or ["id"]

    outcome = await ctx.services.db.run(work, owner=ctx.viewer_id)
    if isinstance(outcome, list):
        problems.not_found(outcome, "partner" if outcome == ["partnerId"] else "chat room")
        return UpdateChatRoomPayload(chat_room=None, user_errors=problems.errors)
    ctx.loaders.chat_room.prime(outcome.id, outcome, force=True)
    return UpdateChatRoomPayload(chat_room=ChatRoom.from_record(outcome), user_errors=[])


async def delete_chat_room(info: Info[Context, None], input: DeleteChatRoomInput) -> DeleteChatRoomPayload:
    """Hides the room at once; its messages are then purged in chunks."""
    ctx = info.context
    problems = Problems()
    room_id = problems.node_id(["id"], input.id, "ChatRoom")
    if problems:
        return DeleteChatRoomPayload(deleted_chat_room_id=None, user_errors=problems.errors)

    async def work(uow: UnitOfWork) -> list[str] | None:
        if not await uow.chat_rooms.mark_deleted(room_id):
            return None
        return await uow.imports.take_raw_keys([room_id])

    raw_keys = await ctx.services.db.run(work, owner=ctx.viewer_id)
    if raw_keys is None:
        problems.not_found(["id"], "chat room")
        return DeleteChatRoomPayload(deleted_chat_room_id=None, user_errors=problems.errors)
    await ctx.services.finish_deletion(ctx.viewer_id, raw_keys)
    return DeleteChatRoomPayload(
        deleted_chat_room_id=strawberry.ID(encode_id("ChatRoom", room_id)), user_errors=[]
    )
