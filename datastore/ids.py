"""Keys made by the application (DSQL has no sequences), chosen for where writes land.

Aurora DSQL partitions every table and index by its key and asks that tables written often do
not use monotonically increasing keys, which send every insert to one partition; random keys
spread them ("Primary keys in Aurora DSQL", docs.aws.amazon.com/aurora-dsql/latest/userguide/
working-with-primary-keys.html). Many instances write rooms, imports and analyses at once, so:

- `new_id()` is a random UUID (version 4). The lists that show these rows sort by a time
  column (`created_at`); the id only breaks ties there, and any stable order does.
- `message_ids(room_id, n)` are ordered *within a room* and random across rooms: the first 32
  bits come from a hash of the room's id, then a UUIDv7-style millisecond clock and counter
  (RFC 9562 §5.8, version 8, "custom"). Messages sharing a minute in an export (KakaoTalk writes
  minutes only) keep their order, which is the tiebreak of `(sent_at, id)` in every message
  listing — and those listings are always within a room. Concurrent imports into different
  rooms write different parts of the key space; the one import a room may have at a time
  (its lease) appends to its own. The secondary indexes lead with the room's (now random) id.

Keys made earlier (UUIDv7, time-ordered across the whole table) stay as they are: ids are
opaque to clients, and messages of one room still sort correctly by `sent_at` first.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def new_id() -> uuid.UUID:
    """A random key (UUIDv4)."""
    return uuid.uuid4()


def _clock() -> tuple[int, int]:
    """Unix milliseconds and a 12-bit counter, increasing within this process."""
    global _last_ms, _counter
    with _lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms > _last_ms:
            _last_ms, _counter = now_ms, 0
        else:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms, _counter = _last_ms + 1, 0
        return _last_ms, _counter


def room_prefix(room_id: uuid.UUID) -> int:
    """The 32 bits every message key of the room starts with."""
    return int.from_bytes(hashlib.blake2b(room_id.bytes, digest_size=4).digest(), "big")


def message_ids(room_id: uuid.UUID, count: int) -> list[uuid.UUID]:
    """`count` keys for new messages of the room, increasing in the order asked for. RFC 9562
    fixes the version (bits 76–79) and the variant (bits 62–63); around them, from the top: 32
    bits of room hash, the 48-bit Unix millisecond split 16 | 12 | 20, a 12-bit counter within
    the millisecond and 30 random bits."""
    prefix = room_prefix(room_id) << 96
    ids = []
    for _ in range(count):
        ms, counter = _clock()
        ms &= (1 << 48) - 1
        rand = int.from_bytes(os.urandom(4), "big") & ((1 << 30) - 1)
        value = (
            prefix
            | (ms >> 32) << 80
            | 0x8 << 76
            | ((ms >> 20) & 0xFFF) << 64
            | 0b10 << 62
            | (ms & 0xFFFFF) << 42
            | counter << 30
            | rand
        )
        ids.append(uuid.UUID(int=value))
    return ids


def user_id_for(issuer: str, subject: str) -> uuid.UUID:
    """The user's key, derived from the token so that no lookup is needed to scope queries."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{issuer}#{subject}")
