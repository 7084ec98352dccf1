"""The AWS binary event-stream framing (``application/vnd.amazon.eventstream``), encoder side.

One message on the wire::

    [total length: u32][headers length: u32][prelude CRC32: u32]
    [headers ...][payload ...]
    [message CRC32: u32]

All integers are big-endian. The prelude CRC covers the first 8 bytes; the message CRC covers
every byte before it (prelude and its CRC included). Each header is a 1-byte name length, the
name, a 1-byte value type (7 = UTF-8 string) and, for strings, a 2-byte length and the value.
This mirrors what ``botocore.eventstream.EventStreamBuffer`` decodes.
"""

from __future__ import annotations

import json
import secrets
import string
import struct
from binascii import crc32
from typing import Any

_STRING_HEADER = 7
_PADDING_ALPHABET = string.ascii_letters + string.digits


def _crc(data: bytes) -> int:
    return crc32(data) & 0xFFFFFFFF


def _header(name: str, value: str) -> bytes:
    raw_name = name.encode("utf-8")
    raw_value = value.encode("utf-8")
    return (
        struct.pack("!B", len(raw_name))
        + raw_name
        + struct.pack("!BH", _STRING_HEADER, len(raw_value))
        + raw_value
    )


def encode_message(headers: dict[str, str], payload: bytes) -> bytes:
    """Frame one event-stream message with string headers."""
    raw_headers = b"".join(_header(name, value) for name, value in headers.items())
    total_length = 12 + len(raw_headers) + len(payload) + 4
    prelude = struct.pack("!II", total_length, len(raw_headers))
    prelude += struct.pack("!I", _crc(prelude))
    message = prelude + raw_headers + payload
    return message + struct.pack("!I", _crc(message))


def _padding() -> str:
    # Bedrock pads every event with a "p" field of random length so that the size of an
    # encrypted frame does not reveal the size of the text in it; clients must ignore it.
    return "".join(secrets.choice(_PADDING_ALPHABET) for _ in range(secrets.randbelow(24) + 1))


def encode_event(event_type: str, body: dict[str, Any], *, pad: bool = True) -> bytes:
    """An ``:message-type: event`` message carrying ``body`` as JSON."""
    if pad:
        body = {**body, "p": _padding()}
    return encode_message(
        {
            ":event-type": event_type,
            ":content-type": "application/json",
            ":message-type": "event",
        },
        json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
    )


def encode_exception(exception_type: str, message: str, **fields: Any) -> bytes:
    """An ``:message-type: exception`` message, as Bedrock sends a modelled error mid-stream.

    ``exception_type`` is the member name in the ConverseStreamOutput union, lower camel case
    (``throttlingException``, ``internalServerException``, ``modelStreamErrorException``,
    ``validationException``, ``serviceUnavailableException``).
    """
    return encode_message(
        {
            ":exception-type": exception_type,
            ":content-type": "application/json",
            ":message-type": "exception",
        },
        json.dumps({"message": message, **fields}, ensure_ascii=False).encode("utf-8"),
    )
