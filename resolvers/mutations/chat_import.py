from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from zoneinfo import ZoneInfo

from strawberry.types import Info

from graph.context import Context
from graph.inputs import ImportChatInput
from graph.payloads import ImportChatPayload
from graph.types.chat_import import ChatImport
from graph.types.chat_room import ChatRoom
from graph.user_errors import UserErrorCode
from resolvers import input_limits as limits
from resolvers.validation import Problems
from services.chat_import import ImportRequest
from services.errors import ServiceError
from services.time_zones import ZONE_HINT, known_zone

log = logging.getLogger(__name__)

CHUNK = 64 * 1024


def _upload_source(upload) -> Callable[[], AsyncIterator[bytes]]:  # type: ignore[no-untyped-def]
    """The upload (spooled by the multipart parser), from its start at every call."""

    async def chunks() -> AsyncIterator[bytes]:
        await upload.seek(0)
        while chunk := await upload.read(CHUNK):
            yield chunk

    return chunks


def _text_source(text: str) -> Callable[[], AsyncIterator[bytes]]:
    data = text.encode("utf-8")

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(data), CHUNK):
            yield data[start : start + CHUNK]

    return chunks


def _zone(problems: Problems, name: str) -> ZoneInfo | None:
    zone = known_zone(name)
    if zone is None:
        problems.add(["timezone"], f"unknown time zone ({ZONE_HINT})", UserErrorCode.INVALID_FORMAT)
    return zone


async def import_chat_mutation(info: Info[Context, None], input: ImportChatInput) -> ImportChatPayload:
    """Imports a KakaoTalk export (uploaded file or pasted text) into a room, streaming."""
    ctx = info.context
    max_bytes = ctx.services.limits.imports.max_bytes
    problems = Problems()
    room_id = problems.node_id(["roomId"], input.room_id, "ChatRoom")
    if (input.file is None) == (input.text is None):
        problems.add(["file"], "give exactly one of file or text", UserErrorCode.REQUIRED)
    pasted = input.text is not None and problems.unicode(["text"], input.text)
    if pasted and len(input.text.encode("utf-8")) > max_bytes:
        problems.add(["text"], f"the text is larger than {max_bytes} bytes", UserErrorCode.TOO_LARGE)
    size = getattr(input.file, "size", None)
    if size is not None and size > max_bytes:
        problems.add(["file"], f"the file is larger than {max_bytes} bytes", UserErrorCode.TOO_LARGE)
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
    source = _upload_source(input.file) if input.file is not None else _text_source(input.text or "")
    try:
        outcome = await ctx.services.chat_imports.import_chat(request, source)
    except ServiceError as refused:
        problems.refused(refused)
        return ImportChatPayload(import_=None, chat_room=None, user_errors=problems.errors)
    if outcome.partner is not None:
        ctx.loaders.partner.prime(outcome.partner.id, outcome.partner, force=True)
    ctx.loaders.chat_room.prime(outcome.room.id, outcome.room, force=True)
    return ImportChatPayload(
        import_=ChatImport.from_record(outcome.chat_import), chat_room=ChatRoom.from_record(outcome.room), user_errors=[]
    )
