"""JSON text for responses: compact, UTF-8 readable, and always encodable.

A request may carry lone surrogates ("\\ud800" is valid JSON, but no UTF-8 character); when an
error message quotes such a value, a plain `json.dumps(ensure_ascii=False)` yields text that
cannot be encoded and the response fails as a plain-text 500. Lone surrogates are written as
`\\uXXXX` escapes instead, which is the JSON they arrived as.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Outside strings JSON is ASCII, so any surrogate found is inside a string literal.
    return _LONE_SURROGATE.sub(_escape, text)


_PIECE = json.encoder.encode_basestring  # C: a str as a JSON string literal, non-ASCII kept
_YIELD_EVERY = 256 * 1024  # characters written between two turns of the event loop


def _string(value: str) -> tuple[str, int]:
    """A JSON string literal and its size in UTF-8 bytes."""
    text = _PIECE(value)
    if text.isascii():
        return text, len(text)
    text = _LONE_SURROGATE.sub(_escape, text)
    return text, len(text.encode())


async def dumps_within(data: object, max_bytes: int) -> str | None:
    """`dumps(data)`, or None as soon as the text passes `max_bytes` (UTF-8) — written piece by
    piece and handing the event loop back every few hundred kilobytes, so that neither a large
    answer nor one that will be refused for its size holds the worker in one piece (one
    `json.dumps` of a 150 MB answer, before it was refused, stalled it for 0.8 s)."""
    parts: list[str] = []
    size = 0
    pending = 0
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, _Raw):
            piece = item.text
            length = len(piece) if piece.isascii() else len(piece.encode())
        elif isinstance(item, str):
            piece, length = _string(item)
        elif isinstance(item, dict):
            if not item:
                piece, length = "{}", 2
            else:
                entries: list[Any] = []
                for index, (key, value) in enumerate(item.items()):
                    key_text, _ = _string(str(key))
                    entries.append(_Raw(("{" if index == 0 else ",") + key_text + ":"))
                    entries.append(value)
                entries.append(_CLOSE_OBJECT)
                stack.extend(reversed(entries))
                continue
        elif isinstance(item, (list, tuple)):
            if not item:
                piece, length = "[]", 2
            else:
                stack.append(_CLOSE_ARRAY)
                for index in range(len(item) - 1, -1, -1):
                    stack.append(item[index])
                    stack.append(_OPEN_ARRAY if index == 0 else _COMMA)
                continue
        else:
            piece = dumps(item)  # numbers, booleans, null (and anything json.dumps takes)
            length = len(piece.encode()) if not piece.isascii() else len(piece)
        parts.append(piece)
        size += length
        if size > max_bytes:
            return None
        pending += len(piece)
        if pending >= _YIELD_EVERY:
            pending = 0
            await asyncio.sleep(0)
    return "".join(parts)


class _Raw:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


_CLOSE_OBJECT, _CLOSE_ARRAY, _OPEN_ARRAY, _COMMA = _Raw("}"), _Raw("]"), _Raw("["), _Raw(",")
