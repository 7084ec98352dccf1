"""Quoting the partner's words back without cutting a word in two."""

from __future__ import annotations

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
