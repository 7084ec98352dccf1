"""How both people text, as far as the reply composer mirrors it: their speech level and their
expressive habits (laughter, crying marks, emoji).

The composer depends only on :class:`StyleLike`, so `ai.korean.speech_style.SpeechStyle` (or any
object with these attributes) can be passed in; :class:`StyleSnapshot` is a plain
implementation for callers and tests. Where no measured style is at hand, the same signals are
read from the messages themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from ai.emotion import lexicon as lx


@runtime_checkable
class StyleLike(Protocol):
    """The speech-style fields the local engine reads. ``formality`` may be an enum (its name is
    used: FORMAL, SEMI_FORMAL, CASUAL) or a string. ``examples`` and ``emoticon_ratio`` are
    read when present."""

    formality: Any
    emoji_ratio: float
    laughter_ratio: float
    crying_ratio: float
    message_count: int


@dataclass(frozen=True, slots=True)
class StyleSnapshot:
    formality: str = "SEMI_FORMAL"
    emoji_ratio: float = 0.0
    emoticon_ratio: float = 0.0
    laughter_ratio: float = 0.0
    crying_ratio: float = 0.0
    question_ratio: float = 0.0
    average_length: float = 0.0
    message_count: int = 0
    examples: tuple[str, ...] = ()


def formality_is_polite(value: Any) -> bool | None:
    """FORMAL / SEMI_FORMAL (존댓말) -> True, CASUAL (반말) -> False, unknown -> None."""
    if value is None:
        return None
    name = str(getattr(value, "name", None) or getattr(value, "value", None) or value).upper()
    if name in ("FORMAL", "SEMI_FORMAL", "POLITE", "존댓말"):
        return True
    if name in ("CASUAL", "반말"):
        return False
    return None


def formality_is_formal(value: Any) -> bool:
    name = str(getattr(value, "name", None) or value or "").upper()
    return name == "FORMAL"


@dataclass(frozen=True, slots=True)
class Habits:
    """Expressive habits: how often (0..1) and with which tokens someone laughs, cries, uses emoji."""

    laughter: float = 0.0
    laugh_token: str = "ㅎㅎ"
    crying: float = 0.0
    cry_token: str = "ㅠㅠ"
    emoji: float = 0.0
    emoji_tokens: tuple[str, ...] = ()
    emoticon_token: str | None = None  # ^^ and the like, when used in text

    @property
    def any(self) -> bool:
        return self.laughter > 0 or self.crying > 0 or self.emoji > 0


_TEXT_EMOTICON = re.compile(r"\^\^|\^_\^|:\)")


def measure_habits(texts: Sequence[str], style: StyleLike | None = None) -> Habits:
    """Ratios from ``style`` when it was measured on messages, else from ``texts``; tokens
    (ㅋㅋ or ㅎㅎ, ㅠㅠ or ㅜㅜ, which emoji) always from what was actually written."""
    texts = [t for t in texts if t and t.strip()]
    examples = [str(x) for x in (getattr(style, "examples", None) or ())] if style is not None else []
    corpus = [*texts, *examples]
    n = len(texts)

    def share(pattern: re.Pattern[str]) -> float:
        return sum(1 for t in texts if pattern.search(t)) / n if n else 0.0

    laughter, crying, emoji = share(lx.LAUGHTER), share(lx.CRYING), share(lx.EMOJI_CHARS)
    emoticon = share(_TEXT_EMOTICON)
    if style is not None and (getattr(style, "message_count", 0) or 0) > 0:
        laughter, crying, emoji = float(style.laughter_ratio), float(style.crying_ratio), float(style.emoji_ratio)
        emoticon = float(getattr(style, "emoticon_ratio", 0.0) or 0.0)

    laughs = [m for t in corpus for m in lx.LAUGHTER.findall(t)]
    laugh_token = _typical_run(laughs, default="ㅎㅎ")
    emoticon_token = None
    seen_emoticons = [m for t in corpus for m in _TEXT_EMOTICON.findall(t)]
    if seen_emoticons and emoticon > 0:
        emoticon_token = Counter(seen_emoticons).most_common(1)[0][0]
        if not laughs:
            laugh_token, laughter = emoticon_token, max(laughter, emoticon)
    cries = [m for t in corpus for m in lx.CRYING.findall(t)]
    cry_token = _typical_run(cries, default="ㅠㅠ")
    emojis = [m for t in corpus for m in lx.EMOJI_CHARS.findall(t)]
    emoji_tokens = tuple(e for e, _ in Counter(emojis).most_common(3))
    return Habits(round(laughter, 3), laugh_token, round(crying, 3), cry_token, round(emoji, 3), emoji_tokens, emoticon_token)


def _typical_run(runs: list[str], *, default: str) -> str:
    if not runs:
        return default
    letter = Counter(r[0] for r in runs).most_common(1)[0][0]
    if letter not in "ㅋㅎㅠㅜ":
        return default
    lengths = sorted(len(r) for r in runs if r[0] == letter)
    typical = lengths[len(lengths) // 2]
    return letter * max(2, min(4, typical))


def blend(partner: Habits, mine: Habits | None) -> Habits:
    """Mirror the partner, tempered by the user's own habits when known. Nothing the partner
    never does is added."""
    if mine is None:
        return partner

    def mix(p: float, m: float) -> float:
        return round(0.65 * p + 0.35 * m, 3) if p > 0 else 0.0

    return Habits(
        mix(partner.laughter, mine.laughter), partner.laugh_token, mix(partner.crying, mine.crying),
        partner.cry_token, mix(partner.emoji, mine.emoji), partner.emoji_tokens, partner.emoticon_token,
    )
