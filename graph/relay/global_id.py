"""Opaque global IDs: base64url of 'Type:uuid'. Clients must treat them as strings."""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass

NODE_TYPES = frozenset({"User", "Partner", "ChatRoom", "Message", "ChatImport", "Analysis"})


@dataclass(frozen=True)
class GlobalId:
    type_name: str
    id: uuid.UUID


def encode_id(type_name: str, value: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{value}".encode()).decode().rstrip("=")


def decode_id(raw: str) -> GlobalId | None:
    """The decoded ID, or None when `raw` is not an ID this API issued."""
    if not isinstance(raw, str) or not 0 < len(raw) <= 100:
        return None
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        type_name, _, value = text.partition(":")
        parsed = uuid.UUID(value)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if type_name not in NODE_TYPES or encode_id(type_name, parsed) != raw:
        return None
    return GlobalId(type_name, parsed)


def decode_id_of(raw: str, type_name: str) -> uuid.UUID | None:
    decoded = decode_id(raw)
    return decoded.id if decoded and decoded.type_name == type_name else None
