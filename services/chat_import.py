"""Turning a KakaoTalk export into a room's conversation history, streaming.

The upload is read in chunks: each chunk goes to the raw-file store and through the parser,
and parsed messages are written in batches of at most 3,000 rows per transaction (DSQL's
limit). The import stays PENDING, and its messages invisible, until one final transaction
marks it COMPLETED; if anything fails on the way, its messages and raw file are removed and
the import row with them, so nothing of it remains.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from blobs import BlobStore, import_key
from datastore.database import Database
from datastore.ids import new_id
from datastore.records import ChatImportRecord, ChatRoomRecord, PartnerRecord
from datastore.stores import NewMessage, UnitOfWork
from datastore.stores.messages import MAX_ROWS_PER_TRANSACTION
from kakao import ExportReader, ParseStats, ParsedMessage
from kakao.errors import AmbiguousParticipantsError, KakaoExportError
from kakao.roles import RoleMap, resolve_roles
from services.errors import Conflict, Invalid, InvalidReason, NotFound, TooLarge
from services.speech import SpeechService

log = logging.getLogger(__name__)

# Messages held back while it is not yet clear who is who (the user may not have spoken yet).
MAX_UNRESOLVED = 3000
# An import still PENDING after this long belongs to a process that died: the sweeper removes it.
STALE_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class ImportRequest:
    owner: uuid.UUID
    room_id: uuid.UUID
    file_name: str | None
    keep_raw: bool
    my_name: str | None
    partner_name: str | None
    zone: ZoneInfo

    @property
    def source(self) -> str:
        """The input field the export came in: an uploaded file or pasted text."""
        return "file" if self.keep_raw else "text"


@dataclass(frozen=True)
class ImportLimits:
    max_bytes: int
    max_messages: int
    raw_retention: timedelta


class DedupeKeys:
    """A stable key per message: sender, minute, text and its occurrence within that minute.

    Two identical "ㅋㅋ" in one minute are two messages; the same message in a re-import or an
    overlapping later export gets the same key and is skipped.
    """

    def __init__(self) -> None:
        self._minute: datetime | None = None
        self._seen: dict[tuple[str, str], int] = {}

    def key(self, sender_name: str, sent_at: datetime, text: str) -> str:
        minute = sent_at.replace(second=0, microsecond=0)
        if minute != self._minute:
            self._minute, self._seen = minute, {}
        occurrence = self._seen.get((sender_name, text), 0)
        self._seen[(sender_name, text)] = occurrence + 1
        raw = f"{sender_name}\x1f{minute.astimezone(timezone.utc).isoformat()}\x1f{text}\x1f{occurrence}"
        return hashlib.sha256(raw.encode()).hexdigest()[:40]


class _Batches:
    """Resolves roles, keys and batches parsed messages, writing each batch in its own transaction."""

    def __init__(
        self, db: Database, request: ImportRequest, import_id: uuid.UUID, limits: ImportLimits, known_partner: str | None
    ) -> None:
        self.db = db
        self.request = request
        self.known_partner = known_partner
        self.import_id = import_id
        self.limits = limits
        self.roles: RoleMap | None = None
        self.pending: list[ParsedMessage] = []
        self.batch: list[NewMessage] = []
        self.keys = DedupeKeys()
        self.parsed = 0
        self.imported = 0
        self.first_at: datetime | None = None
        self.last_at: datetime | None = None
        self._writing: asyncio.Task[None] | None = None

    async def add(self, messages: list[ParsedMessage], reader: ExportReader, *, final: bool = False) -> None:
        self.parsed += len(messages)
        if self.parsed > self.limits.max_messages:
            raise TooLarge(
                f"the export has more than {self.limits.max_messages} messages", field=self.request.source, count=True
            )
        self.pending.extend(messages)
        if self.roles is None or self.roles.me is None:
            # A map without the user (only the partner has spoken so far) is refined as soon
            # as the user speaks; the messages written meanwhile are none of theirs.
            roles = self._try_resolve(reader, final=final or len(self.pending) >= MAX_UNRESOLVED)
            self.roles = roles or self.roles
            if self.roles is None:
                return
        for message in self.pending:
            await self._append(message)
        self.pending.clear()

    def _try_resolve(self, reader: ExportReader, *, final: bool) -> RoleMap | None:
        try:
            roles = resolve_roles(
                reader.header,
                reader.participants,
                self.request.my_name,
                self.request.partner_name,
                known_partner=self.known_partner,
            )
        except AmbiguousParticipantsError as exc:
            if not final:
                return None
            raise Invalid(str(exc), reason=InvalidReason.AMBIGUOUS_PARTICIPANTS, field=exc.missing) from None
        if not final and (roles.me is None or roles.partner is None):
            return None
        return roles

    async def _append(self, message: ParsedMessage) -> None:
        assert self.roles is not None
        sent_at = message.sent_at.replace(tzinfo=self.request.zone)
        self.first_at = sent_at if self.first_at is None else min(self.first_at, sent_at)
        self.last_at = sent_at if self.last_at is None else max(self.last_at, sent_at)
        self.batch.append(
            NewMessage(
                sender=self.roles.role_of(message.sender_name).value,
                text=message.text,
                sent_at=sent_at,
                kind=message.kind.value,
                sender_name=message.sender_name,
                dedupe_key=self.keys.key(message.sender_name, sent_at, message.text),
            )
        )
        if len(self.batch) >= MAX_ROWS_PER_TRANSACTION:
            await self.flush()

    async def flush(self) -> None:
        """Writes the batch while parsing goes on: at most one write is in flight at a time."""
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        await self.settle()
        self._writing = asyncio.create_task(self._write(batch))

    async def _write(self, batch: list[NewMessage]) -> None:
        self.imported += await self.db.run(
            lambda uow: uow.messages.import_batch(self.request.room_id, batch, import_id=self.import_id),
            owner=self.request.owner,
        )

    async def settle(self) -> None:
        """Waits for the write in flight; its failure surfaces here."""
        writing, self._writing = self._writing, None
        if writing is not None:
            await writing

    async def abandon(self) -> None:
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.cancel()
            with contextlib.suppress(BaseException):
                await writing


@dataclass(frozen=True)
class ImportOutcome:
    chat_import: ChatImportRecord
    room: ChatRoomRecord
    partner: PartnerRecord | None  # re-measured for its speech style, when it has spoken


class ChatImportService:
    def __init__(self, db: Database, blobs: BlobStore, speech: SpeechService, limits: ImportLimits) -> None:
        self.db = db
        self.blobs = blobs
        self.speech = speech
        self.limits = limits

    async def import_chat(self, request: ImportRequest, source: AsyncIterator[bytes]) -> ImportOutcome:
        """Imports the export, then re-measures the speech styles it brought."""
        record, room = await self._import(request, source)
        partner = await self.speech.refresh_after_import(request.owner, room.partner_id, room.id)
        return ImportOutcome(record, room, partner)

    async def _import(
        self, request: ImportRequest, source: AsyncIterator[bytes]
    ) -> tuple[ChatImportRecord, ChatRoomRecord]:
        """Streams the export into the room; on any failure nothing of it remains."""
        import_id = new_id()
        key = import_key(request.owner, import_id) if request.keep_raw else None
        partner_name = await self._start(request, import_id, key)
        batches = _Batches(self.db, request, import_id, self.limits, partner_name)
        try:
            reader = ExportReader()
            async with _raw_writer(self.blobs, key) as raw:
                async for chunk in source:
                    if reader.bytes_read + len(chunk) > self.limits.max_bytes:
                        raise TooLarge(f"the export is larger than {self.limits.max_bytes} bytes", field=request.source)
                    if raw is not None:
                        await raw.write(chunk)
                    await batches.add(reader.feed(chunk), reader)
                await batches.add(reader.close(), reader, final=True)
                await batches.flush()
                await batches.settle()
            if batches.parsed == 0:
                raise Invalid("the export holds no messages", reason=InvalidReason.EMPTY, field=request.source)
            return await self._complete(request, import_id, batches, reader.stats)
        except KakaoExportError as exc:
            await batches.abandon()
            await _discard(self.db, self.blobs, request.owner, import_id, key)
            raise Invalid(str(exc), reason=InvalidReason(exc.code), field=request.source) from None
        except BaseException:
            await batches.abandon()
            await _discard(self.db, self.blobs, request.owner, import_id, key)
            raise

    async def _start(self, request: ImportRequest, import_id: uuid.UUID, key: str | None) -> str | None:
        """Registers the import (one per room at a time); returns the room's partner's name."""
        expires = datetime.now(timezone.utc) + self.limits.raw_retention if key else None

        async def start(uow: UnitOfWork) -> str | None:
            rooms = await uow.chat_rooms.get_many([request.room_id])
            if not rooms:
                raise NotFound("chat room not found", field="room_id")
            # One import per room at a time: the duplicate check must not count the rows of an
            # import that may still fail and be removed.
            if await uow.imports.running_in_room(request.room_id, since=datetime.now(timezone.utc) - STALE_AFTER):
                raise Conflict("another import into this room is still running", field="room_id")
            await uow.imports.start(
                import_id, room_id=request.room_id, file_name=request.file_name, blob_key=key, raw_expires_at=expires
            )
            partners = await uow.partners.get_many([rooms[0].partner_id])
            return partners[0].name if partners else None

        return await self.db.run(start, owner=request.owner)

    async def _complete(
        self, request: ImportRequest, import_id: uuid.UUID, batches: _Batches, stats: ParseStats
    ) -> tuple[ChatImportRecord, ChatRoomRecord]:
        async def complete(uow: UnitOfWork) -> tuple[ChatImportRecord, ChatRoomRecord]:
            record = await uow.imports.complete(
                import_id,
                format=stats.format.value,
                imported=batches.imported,
                duplicates=batches.parsed - batches.imported,
                not_understood=stats.lines_not_understood,
                first_at=batches.first_at,
                last_at=batches.last_at,
            )
            room = await uow.chat_rooms.record_messages(request.room_id, batches.imported, batches.last_at)
            if room is None:
                raise NotFound("the chat room was deleted during the import", field="room_id")
            return record, room

        return await self.db.run(complete, owner=request.owner)


@contextlib.asynccontextmanager
async def _raw_writer(blobs: BlobStore, key: str | None):  # type: ignore[no-untyped-def]
    if key is None:
        yield None
        return
    async with blobs.writer(key) as writer:
        yield writer


async def _discard(db: Database, blobs: BlobStore, owner: uuid.UUID, import_id: uuid.UUID, key: str | None) -> None:
    """Removes every trace of a failed import: its messages (in chunks), raw file and row."""
    try:
        while await db.run(
            lambda uow: uow.messages.delete_imported(import_id, MAX_ROWS_PER_TRANSACTION), owner=owner
        ) == MAX_ROWS_PER_TRANSACTION:
            pass
        await db.run(lambda uow: uow.imports.discard(import_id), owner=owner)
        if key is not None:
            await blobs.delete(key)
    except Exception:  # the sweeper removes stale PENDING imports later
        log.exception("could not discard failed import %s; the sweeper will", import_id)
