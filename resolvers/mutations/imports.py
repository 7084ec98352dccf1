from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from strawberry.types import Info

from graph.context import Context
from graph.imports import ChatImport
from graph.inputs import ImportChatInput
from graph.payloads import ImportChatPayload
from graph.types import ChatRoom
from graph.user_errors import UserErrorCode
from loveq.importing import ImportLimits, ImportRequest, import_chat
from loveq.rejection import Rejected
from loveq.speech import measure, side_texts, store_user_style, refresh_partner_style
from resolvers import limits
from resolvers.validation import Problems

log = logging.getLogger(__name__)

CHUNK = 64 * 1024


async def _upload_chunks(upload) -> AsyncIterator[bytes]:  # type: ignore[no-untyped-def]
    while chunk := await upload.read(CHUNK):
        yield chunk


async def _text_chunks(text: str) -> AsyncIterator[bytes]:
    data = text.encode("utf-8")
    for start in range(0, len(data), CHUNK):
        yield data[start : start + CHUNK]


def _zone(problems: Problems, name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        problems.add(["timezone"], f"unknown time zone {name!r} (use an IANA name like Asia/Seoul)", UserErrorCode.INVALID_FORMAT)
        return None


async def import_chat_mutation(info: Info[Context, None], input: ImportChatInput) -> ImportChatPayload:
    """Imports a KakaoTalk export (uploaded file or pasted text) into a room, streaming."""
    ctx = info.context
    settings = ctx.services.settings
    problems = Problems()
    room_id = problems.node_id(["roomId"], input.room_id, "ChatRoom")
    if (input.file is None) == (input.text is None):
        problems.add(["file"], "give exactly one of file or text", UserErrorCode.REQUIRED)
    if input.text is not None and len(input.text.encode("utf-8")) > settings.import_max_bytes:
        problems.add(["text"], f"the text is larger than {settings.import_max_bytes} bytes", UserErrorCode.TOO_LARGE)
    size = getattr(input.file, "size", None)
    if size is not None and size > settings.import_max_bytes:
        problems.add(["file"], f"the file is larger than {settings.import_max_bytes} bytes", UserErrorCode.TOO_LARGE)
    my_name = problems.text(["myName"], input.my_name, max_length=limits.SENDER_NAME)
    partner_name = problems.text(["partnerName"], input.partner_name, max_length=limits.SENDER_NAME)
    zone = _zone(problems, input.timezone)
    file_name = problems.text(["file"], getattr(input.file, "filename", None), max_length=255) if input.file else None
    if problems:
        return ImportChatPayload(import_=None, chat_room=None, user_errors=problems.errors)

    request = ImportRequest(
        owner=ctx.viewer_id,
        room_id=room_id,
        file_name=file_name if input.file is not None else None,
        keep_raw=input.file is not None,
        my_name=my_name,
        partner_name=partner_name,
        zone=zone,
    )
    source = _upload_chunks(input.file) if input.file is not None else _text_chunks(input.text or "")
    try:
        record, room = await import_chat(
            ctx.services.db,
            ctx.services.blobs,
            request,
            source,
            ImportLimits(
                max_bytes=settings.import_max_bytes,
                max_messages=settings.import_max_messages,
                raw_retention=timedelta(days=settings.raw_retention_days),
            ),
        )
    except Rejected as rejected:
        problems.rejected(rejected)
        return ImportChatPayload(import_=None, chat_room=None, user_errors=problems.errors)
    await _refresh_styles(ctx, room.partner_id, room.id)
    ctx.loaders.chat_room.prime(room.id, room, force=True)
    return ImportChatPayload(import_=ChatImport.from_record(record), chat_room=ChatRoom.from_record(room), user_errors=[])


async def _refresh_styles(ctx: Context, partner_id, room_id) -> None:  # type: ignore[no-untyped-def]
    """The partner's style is re-measured after every import; the user's once, if never measured."""
    db, owner = ctx.services.db, ctx.viewer_id
    partner = await refresh_partner_style(db, owner, partner_id)
    if partner is not None:
        ctx.loaders.partner.prime(partner.id, partner, force=True)
    user = await db.read(lambda uow: uow.users.get(owner), owner=owner)
    if user is not None and user.speech_style is None:
        texts = await side_texts(db, owner, [room_id], "ME")
        if texts:
            await store_user_style(db, owner, await measure(texts))
