"""`node` / `nodes`: the caller's own objects only; anything else answers null."""

from __future__ import annotations

from graph.context import Context
from graph.ids import decode_id
from graph.coach import Analysis
from graph.imports import ChatImport
from graph.node import Node
from graph.types import ChatRoom, Message, Partner, User


async def resolve_node(ctx: Context, raw: str) -> Node | None:
    decoded = decode_id(raw)
    if decoded is None:
        return None
    loaders = ctx.loaders
    if decoded.type_name == "User":
        user = await loaders.user.load(decoded.id)
        return User.from_record(user) if user else None
    if decoded.type_name == "Partner":
        partner = await loaders.partner.load(decoded.id)
        return Partner.from_record(partner) if partner else None
    if decoded.type_name == "ChatRoom":
        room = await loaders.chat_room.load(decoded.id)
        return ChatRoom.from_record(room) if room else None
    if decoded.type_name == "Message":
        message = await loaders.message.load(decoded.id)
        return Message.from_record(message) if message else None
    if decoded.type_name == "ChatImport":
        chat_import = await loaders.chat_import.load(decoded.id)
        return ChatImport.from_record(chat_import) if chat_import else None
    if decoded.type_name == "Analysis":
        analysis = await loaders.analysis.load(decoded.id)
        return Analysis.from_record(analysis) if analysis else None
    return None
