"""Opaque keyset cursors: base64url of 'time|uuid'."""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import datetime

from datastore.paging import Key
from graph.errors import BadUserInput
from graph.scalars import fits_utc

# Our cursors are under 100 characters; anything much longer is not one of ours.
MAX_CURSOR = 200


def encode_cursor(key: Key) -> str:
    raw = f"{key.at.isoformat()}|{key.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, argument: str) -> Key:
    try:
        if len(cursor) > MAX_CURSOR:
            raise ValueError("too long")
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, key_id = text.partition("|")
        key = Key(datetime.fromisoformat(at), uuid.UUID(key_id))
        if key.at.tzinfo is None or not fits_utc(key.at):
            raise ValueError("not an instant the database can hold")
        return key
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadUserInput(f"`{argument}` is not a valid cursor", argument=argument) from None
