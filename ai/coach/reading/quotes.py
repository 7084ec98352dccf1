"""Quoting the partner's words back without cutting a word in two."""

from __future__ import annotations

import re

from ai.coach.reading.model import Reading
from ai.coach.types import Signal
from ai.privacy import mask_personal_data

# A word that cannot end a quote: the negation or degree adverb needs the word after it.
_HANGING = ("안", "못", "좀", "잘", "너무", "더", "진짜", "정말")


def whole_words(line: str, found: str) -> str:
    """`found` (a pattern's match inside `line`) widened to the whole words it sits in:
    "월세 낼 돈이 좀 모자" -> "월세 낼 돈이 좀 모자라서", "만날 준비가 안" -> "만날 준비가 안 된"."""
    start = line.find(found)
    if start < 0:
        return found
    end = start + len(found)
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = _word_end(line, end)
    if line[start:end].split()[-1:] and line[start:end].split()[-1] in _HANGING and end < len(line):
        end = _word_end(line, end + 1)
    return line[start:end].strip()


def clause_around(line: str, found: str, limit: int = 30) -> str:
    """`found` in whole words, with the words that follow it while the quote stays within `limit`
    characters: "당분간은" -> "당분간은 시간 내기가 어려울 것 같아요"."""
    quote = whole_words(line, found)
    start = line.find(quote)
    if start < 0:
        return quote
    end = start + len(quote)
    while end < len(line) and line[end] not in ".!?~":
        following = _word_end(line, end + 1) if line[end].isspace() else _word_end(line, end)
        if following - start > limit:
            break
        end = following
    return line[start:end].strip()


def _word_end(line: str, end: int) -> int:
    while end < len(line) and not line[end].isspace() and line[end] not in ".,!?~":
        end += 1
    return end


def quote_of(reading: Reading, signal: Signal) -> str:
    """The partner's own words behind a signal, as a short quote: the line that carries them,
    or, when the line is long, the clause."""
    words = reading.evidence.get(signal) or ()
    first = next((w for w in words if w), None)
    if first is None:
        return ""
    line = next((l for l in reading.message.splitlines() if first in l), first).strip()
    if len(line) > 40:
        line = next((c.strip() for c in re.split(r"(?<=[.!?…~])\s+|\.{2,}\s*", line) if first in c), first)
    return f"'{mask_personal_data(line if len(line) <= 40 else clause_around(line, first))}'"


def said(quote: str) -> str:
    """"'당분간'이라는 말" / "'다음에 봐요'라는 말": the quote with the particle its end needs."""
    return f"{quote}{'이라는' if final_consonant(quote) else '라는'}"


def ira(quote: str) -> str:
    """"'응'이라" / "'자?'라": the copula a quote needs before 고 or 며."""
    return f"{quote}{'이라' if final_consonant(quote) else '라'}"


def final_consonant(text: str) -> bool:
    letters = [ch for ch in text if "가" <= ch <= "힣"]
    return bool(letters) and (ord(letters[-1]) - 0xAC00) % 28 != 0
