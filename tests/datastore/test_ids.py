"""Keys that spread writes (DSQL's key guidance) and still order a room's messages."""

from __future__ import annotations

import uuid
from collections import Counter

from datastore.ids import message_ids, new_id, room_prefix


def test_row_keys_are_random() -> None:
    keys = [new_id() for _ in range(1000)]
    assert {key.version for key in keys} == {4}
    # Time-ordered keys made in one burst share their leading bytes; random ones do not.
    assert len({key.bytes[0] for key in keys}) > 200


def test_a_rooms_message_keys_increase_in_the_order_they_are_made() -> None:
    room = uuid.uuid4()
    keys = [key for _ in range(50) for key in message_ids(room, 100)]  # several calls, many per millisecond
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(key.version == 8 and key.variant == uuid.RFC_4122 for key in keys)
    assert {key.int >> 96 for key in keys} == {room_prefix(room)}, "every key of the room starts alike"


def test_message_keys_of_different_rooms_land_apart() -> None:
    """A thousand rooms written at once: their keys start with a thousand different prefixes,
    spread over the whole key space (a time-ordered key would put them all at its end)."""
    prefixes = [message_ids(uuid.uuid4(), 1)[0].int >> 96 for _ in range(1000)]
    assert len(set(prefixes)) == 1000
    quarters = Counter(prefix >> 30 for prefix in prefixes)
    assert all(200 <= quarters[q] <= 300 for q in range(4)), quarters


def test_a_room_of_the_old_time_ordered_keys_gets_the_same_spread() -> None:
    old_rooms = [uuid.UUID(int=(0x019A << 112) | (i << 64) | (0x7 << 76)) for i in range(1000)]  # UUIDv7-like, one burst
    assert len({room_prefix(room) for room in old_rooms}) == 1000
