"""Cut text to a number of UTF-8 bytes without splitting a character.

Comprehend's DetectSentiment accepts at most 5,000 bytes of UTF-8. Korean syllables take three
bytes (5,000 bytes hold 1,666 of them), emoji four, ASCII one, so a character count says little
about the size: we cut the encoded bytes and drop a trailing partial character. A zero-width
joiner left dangling at the end (the cut fell inside a sequence such as 👩‍❤️‍👨) is dropped
too, so the text never ends in a joiner that joins nothing.
"""

from __future__ import annotations

DETECT_SENTIMENT_MAX_BYTES = 5000
_ZWJ = "\u200d"


def truncate_utf8(text: str, max_bytes: int = DETECT_SENTIMENT_MAX_BYTES) -> str:
    """The longest prefix of ``text`` whose UTF-8 encoding fits in ``max_bytes``."""
    if max_bytes < 0:
        raise ValueError("max_bytes must not be negative")
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    # errors="ignore" drops only the incomplete sequence at the cut: the prefix is valid UTF-8
    # up to there, because it was cut from a valid encoding.
    cut = encoded[:max_bytes].decode("utf-8", errors="ignore")
    return cut.rstrip(_ZWJ)
