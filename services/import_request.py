"""What an import is asked to do, and within which limits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from services.import_lease import DEFAULT_LEASE


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
    # An import whose heartbeat is older than this has died: its room's lease is reclaimed.
    lease: timedelta = DEFAULT_LEASE
