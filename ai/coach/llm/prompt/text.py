"""User text as it may enter a prompt, and rough token estimates.

Token estimates are deliberately rough and on the high side (there is no tokenizer offline):
Hangul counts one token per 1.5 characters, ASCII one per 3 characters, and anything else
(emoji, symbols, other scripts) two tokens per character, since such characters often split
into several byte-level tokens.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ai.coach.llm.answer.format import KNOWN_TAGS
from ai.privacy import mask_personal_data

MAX_FIELD_CHARS = 500

INPUT_TAGS = (
    "partner", "partner_insight", "me", "styles", "reading", "conversation_insights", "history",
    "situation", "message", "partner_messages", "partner_profile", "partner_style",
)
_TAG_LIKE = re.compile(r"<(?=/?\s*(?:" + "|".join((*INPUT_TAGS, *KNOWN_TAGS)) + r")\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Prompt:
    system: str  # the stable prefix
    user: str  # this request's part


def estimate_tokens(text: str) -> int:
    """A conservative token estimate (see the module docstring)."""
    hangul = ascii_ = other = 0
    for char in text:
        code = ord(char)
        if code < 128:
            ascii_ += 1
        elif 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            hangul += 1
        else:
            other += 1
    return math.ceil(hangul / 1.5 + ascii_ / 3 + other * 2)


def data(text: str | None, limit: int = MAX_FIELD_CHARS) -> str:
    """User-provided text as it may enter a prompt: masked, defused, cut to ``limit``."""
    if not text:
        return ""
    text = _TAG_LIKE.sub("‹", mask_personal_data(text.strip()))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def section(tag: str, body: str) -> str:
    return f"<{tag}>\n{body}\n</{tag}>"
