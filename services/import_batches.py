"""Parsed messages to stored rows: roles resolved, a dedupe key each, written in batches cut
by rows and by bytes under Aurora DSQL's per-transaction limits (3,000 rows, 10 MiB; see
datastore/stores/messages.py for the margins), one write in flight while parsing goes on."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from datetime import datetime, timezone

from datastore.database import Database
from datastore.stores import NewMessage, UnitOfWork
from datastore.stores.messages import (
    MAX_BYTES_PER_TRANSACTION,
    MAX_MESSAGE_BYTES,
    MAX_ROWS_PER_TRANSACTION,
    ROW_OVERHEAD_BYTES,
    stored_size,
)
from kakao import ExportReader, ParsedMessage
from kakao.errors import AmbiguousParticipantsError
from kakao.roles import RoleMap, resolve_roles
from services.errors import Invalid, InvalidReason, TooLarge
from services.import_lease import ImportLease
from services.import_request import ImportLimits, ImportRequest

# Messages held back while it is not yet clear who is who (the user may not have spoken yet).
MAX_UNRESOLVED = 3000


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


class Batches:
    """Resolves roles, keys and batches parsed messages, writing each batch in its own transaction."""

    def __init__(self, db: Database, request: ImportRequest, lease: ImportLease, limits: ImportLimits, known_partner: str | None) -> None:
        self.db = db
        self.request = request
        self.known_partner = known_partner
        self.lease = lease
        self.limits = limits
        self.roles: RoleMap | None = None
        self.pending: list[ParsedMessage] = []
        self.batch: list[NewMessage] = []
        self.batch_bytes = 0
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
        new = NewMessage(
            sender=self.roles.role_of(message.sender_name).value,
            text=message.text,
            sent_at=sent_at,
            kind=message.kind.value,
            sender_name=message.sender_name,
            dedupe_key=self.keys.key(message.sender_name, sent_at, message.text),
        )
        size = stored_size(new)
        if size > MAX_MESSAGE_BYTES + ROW_OVERHEAD_BYTES:
            raise TooLarge(
                f"the export holds a message longer than {MAX_MESSAGE_BYTES // 1024} KiB", field=self.request.source
            )
        if self.batch and self.batch_bytes + size > MAX_BYTES_PER_TRANSACTION:
            await self.flush()
        self.batch.append(new)
        self.batch_bytes += size
        if len(self.batch) >= MAX_ROWS_PER_TRANSACTION:
            await self.flush()

    async def flush(self) -> None:
        """Writes the batch while parsing goes on: at most one write is in flight at a time."""
        if not self.batch:
            return
        batch, self.batch, self.batch_bytes = self.batch, [], 0
        await self.settle()
        self._writing = asyncio.create_task(self._write(batch))

    async def _write(self, batch: list[NewMessage]) -> None:
        async def write(uow: UnitOfWork) -> int:
            # Renewing the lease in the batch's own transaction makes a batch of an import that
            # lost its lease conflict with (or fail after) whoever took it over.
            await self.lease.touch(uow)
            return await uow.messages.import_batch(self.request.room_id, batch, import_id=self.lease.holder)

        self.imported += await self.db.run(write, owner=self.request.owner)

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
