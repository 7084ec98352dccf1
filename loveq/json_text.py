"""JSON text for responses: compact, UTF-8 readable, and always encodable.

A request may carry lone surrogates ("\\ud800" is valid JSON, but no UTF-8 character); when an
error message quotes such a value, a plain `json.dumps(ensure_ascii=False)` yields text that
cannot be encoded and the response fails as a plain-text 500. Lone surrogates are written as
`\\uXXXX` escapes instead, which is the JSON they arrived as.
"""

from __future__ import annotations

import json
import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Outside strings JSON is ASCII, so any surrogate found is inside a string literal.
    return _LONE_SURROGATE.sub(_escape, text)
