"""Strict JSON from a client (RFC 8259): UTF-8 (a byte order mark aside), no NaN or Infinity.

The standard decoder fails in several ways besides `JSONDecodeError`: `UnicodeDecodeError` for
bytes that are not UTF-8, `RecursionError` for deeply nested arrays, a bare `ValueError` for an
integer of more digits than Python converts. Strawberry's view (request bodies, query
parameters, WebSocket messages) catches only `JSONDecodeError`, so every failure here is an
`InvalidJSON`, which is one.
"""

from __future__ import annotations

import json
from typing import Any

from cross_web import HTTPException


class InvalidJSON(json.JSONDecodeError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason, "", 0)
        self.reason = reason


def _no_constant(name: str) -> object:
    raise InvalidJSON(f"uses {name}, which is not JSON")


def loads(data: str | bytes) -> Any:
    try:
        # RFC 8259 lets a parser ignore a byte order mark; other encodings are refused.
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(text, parse_constant=_no_constant)
    except InvalidJSON:
        raise
    except UnicodeDecodeError:
        raise InvalidJSON("is not valid UTF-8") from None
    except RecursionError:
        raise InvalidJSON("is nested too deeply") from None
    except ValueError:  # JSONDecodeError, or an integer too long to convert
        raise InvalidJSON("is not valid JSON") from None


def json_object(data: str | bytes, what: str) -> dict[str, Any]:
    """The JSON object in `data`; anything else is a 400 that names `what` was read."""
    try:
        decoded = loads(data)
    except InvalidJSON as exc:
        raise HTTPException(400, f"{what} {exc.reason}") from None
    if not isinstance(decoded, dict):
        raise HTTPException(400, f"{what} must be a JSON object")
    return decoded
