"""Time-ordered UUIDs (version 7) generated in the application.

DSQL has no sequences, so keys come from the client. UUIDv7 keeps insertion order within
one process, which is what orders messages that share the same minute in an export.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def new_id() -> uuid.UUID:
    """A UUIDv7: 48-bit Unix milliseconds, a 12-bit counter within the millisecond, random bits."""
    global _last_ms, _counter
    with _lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms > _last_ms:
            _last_ms, _counter = now_ms, 0
        else:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms, _counter = _last_ms + 1, 0
        ms, counter = _last_ms, _counter
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand
    return uuid.UUID(int=value)


def user_id_for(issuer: str, subject: str) -> uuid.UUID:
    """The user's key, derived from the token so that no lookup is needed to scope queries."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{issuer}#{subject}")
