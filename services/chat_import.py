"""Turning a KakaoTalk export into a room's conversation history, streaming.

An export over the limits is refused first, having been read but not stored. Then the upload
is read in chunks: each chunk goes to the raw-file store and through the parser,
and parsed messages are written in batches of at most 3,000 rows per transaction (DSQL's
limit). The import stays PENDING, and its messages invisible, until one final transaction
marks it COMPLETED; if anything fails on the way, its messages and raw file are removed and
the import row with them, so nothing of it remains. One import per room runs at a time: it
holds the room's import lease (services/import_lease.py) from start to end.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timezone

from blobs import BlobStore, import_key
from datastore.database import Database
from datastore.ids import new_id
from datastore.records import ChatImportRecord, ChatRoomRecord, PartnerRecord
from datastore.stores import UnitOfWork
from kakao import ExportReader
from kakao.errors import KakaoExportError
from services.errors import Conflict, Invalid, InvalidReason, NotFound, TooLarge
from services.import_batches import Batches, DedupeKeys
from services.import_lease import ImportLease, LeaseLost, purge_dead_imports, purge_import
from services.import_precheck import SourceOpener, check_limits
from services.import_request import ImportLimits, ImportRequest
from services.speech import SpeechService
import telemetry

__all__ = ["ChatImportService", "DedupeKeys", "ImportLimits", "ImportOutcome", "ImportRequest"]

log = logging.getLogger(__name__)


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

    async def import_chat(self, request: ImportRequest, open_source: SourceOpener) -> ImportOutcome:
        """Imports the export, then re-measures the speech styles it brought. An export over the
        limits is refused before anything of it is written (services/import_precheck.py)."""
        try:
            await check_limits(open_source, self.limits, field=request.source)
        except KakaoExportError as exc:
            raise Invalid(str(exc), reason=InvalidReason(exc.code), field=request.source) from None
        record, room = await self._import(request, open_source())
        telemetry.imported_rows(record.messages_imported)
        partner = await self.speech.refresh_after_import(request.owner, room.partner_id, room.id)
        return ImportOutcome(record, room, partner)

    async def _import(
        self, request: ImportRequest, source: AsyncIterator[bytes]
    ) -> tuple[ChatImportRecord, ChatRoomRecord]:
        """Streams the export into the room under its import lease; on any failure nothing of
        it remains."""
        lease = ImportLease(self.db, request.owner, request.room_id, new_id(), self.limits.lease)
        key = import_key(request.owner, lease.holder) if request.keep_raw else None
        partner_name, dead = await self._start(request, lease, key)
        async with lease.heartbeat():
            batches = Batches(self.db, request, lease, self.limits, partner_name)
            try:
                # A lease taken over from a dead import: its rows go before ours are written,
                # lest they pass for duplicates of ours.
                await purge_dead_imports(self.db, self.blobs, lease, dead)
                reader = await self._stream(request, source, key, batches)
                return await self._complete(request, lease, batches, reader)
            except KakaoExportError as exc:
                await self._discard(batches, key)
                raise Invalid(str(exc), reason=InvalidReason(exc.code), field=request.source) from None
            except LeaseLost:
                await self._discard(batches, key)
                raise await self._lost(request) from None
            except BaseException:
                await self._discard(batches, key)
                raise

    async def _stream(
        self, request: ImportRequest, source: AsyncIterator[bytes], key: str | None, batches: Batches
    ) -> ExportReader:
        reader = ExportReader()
        async with _raw_writer(self.blobs, key) as raw:
            async for chunk in source:
                batches.lease.check()
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
        return reader

    async def _start(
        self, request: ImportRequest, lease: ImportLease, key: str | None
    ) -> tuple[str | None, list[tuple[uuid.UUID, str | None]]]:
        """Takes the room's import lease and registers the import; returns the room's partner's
        name and the PENDING imports of the room that died (to remove before writing)."""
        expires = datetime.now(timezone.utc) + self.limits.raw_retention if key else None

        async def start(uow: UnitOfWork) -> tuple[str | None, list[tuple[uuid.UUID, str | None]]]:
            rooms = await uow.chat_rooms.get_many([request.room_id])
            if not rooms:
                raise NotFound("chat room not found", field="room_id")
            # One import per room at a time: the duplicate check must not count the rows of an
            # import that may still fail and be removed. Two starts racing here both write the
            # room's row; the one that retries finds the lease taken.
            if not await lease.take(uow):
                raise Conflict("another import into this room is still running", field="room_id")
            dead = await uow.imports.pending_in_room(request.room_id)
            await uow.imports.start(
                lease.holder, room_id=request.room_id, file_name=request.file_name, blob_key=key, raw_expires_at=expires
            )
            partners = await uow.partners.get_many([rooms[0].partner_id])
            return (partners[0].name if partners else None), dead

        return await self.db.run(start, owner=request.owner)

    async def _complete(
        self, request: ImportRequest, lease: ImportLease, batches: Batches, reader: ExportReader
    ) -> tuple[ChatImportRecord, ChatRoomRecord]:
        stats = reader.stats

        async def complete(uow: UnitOfWork) -> tuple[ChatImportRecord, ChatRoomRecord]:
            if not await lease.release(uow):
                raise LeaseLost
            record = await uow.imports.complete(
                lease.holder,
                format=stats.format.value,
                imported=batches.imported,
                duplicates=batches.parsed - batches.imported,
                not_understood=stats.lines_not_understood,
                nul_removed=reader.nul_removed,
                first_at=batches.first_at,
                last_at=batches.last_at,
            )
            room = await uow.chat_rooms.record_messages(request.room_id, batches.imported, batches.last_at)
            if room is None:
                raise NotFound("the chat room was deleted during the import", field="room_id")
            return record, room

        return await self.db.run(complete, owner=request.owner)

    async def _discard(self, batches: Batches, key: str | None) -> None:
        """Removes every trace of a failed import (messages, raw file, row), then frees the lease."""
        await batches.abandon()
        lease = batches.lease
        try:
            await purge_import(self.db, self.blobs, lease.owner, lease.holder, key)
            await self.db.run(lease.release, owner=lease.owner)
        except Exception:  # its lease goes stale; the next import into the room or the sweeper cleans up
            log.exception("could not discard failed import %s", lease.holder)

    async def _lost(self, request: ImportRequest) -> Exception:
        """Why an import lost its lease: its room was deleted, or it stalled for longer than
        the lease period and was given up."""
        rooms = await self.db.read(lambda uow: uow.chat_rooms.get_many([request.room_id]), owner=request.owner)
        if not rooms:
            return NotFound("the chat room was deleted during the import", field="room_id")
        return Conflict("the import stalled and was given up; please try again", field="room_id")


@contextlib.asynccontextmanager
async def _raw_writer(blobs: BlobStore, key: str | None):  # type: ignore[no-untyped-def]
    if key is None:
        yield None
        return
    async with blobs.writer(key) as writer:
        yield writer
