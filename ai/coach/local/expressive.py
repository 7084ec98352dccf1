"""Laughter, crying marks and emoji: added to drafts only as much as the partner uses them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.coach.local.style_mirror import Habits
from ai.emotion import lexicon as lx

_MOOD_ORDER = {"playful": 0, "warm": 1, "sweet": 2, "caring": 3, "serious": 4}
_DEFAULT_EMOJI = {"warm": "😊", "playful": "😆", "sweet": "😊", "caring": "🥺"}
_NEGATIVE_EMOJI = set("😡😠🤬😤🙄😴🥱😪")
_SAD_EMOJI = set("😢😭🥲🥺")


@dataclass(frozen=True, slots=True)
class Decoration:
    text: str
    added: tuple[str, ...]  # tokens added, e.g. ("ㅋㅋ",)


def decorate(texts: list[str], moods: list[str], habits: Habits, message: str) -> list[Decoration]:
    """Add expressive tokens to the drafts (in risk order) according to the partner's habits.

    How many drafts get laughter follows the partner's laughter ratio (about every draft for
    someone who laughs in most messages, one for an occasional laugher, none for someone who
    never does); laughter goes to light moods only, crying marks to caring ones, never to a
    serious apology.
    """
    n = len(texts)
    out = list(texts)
    added: list[list[str]] = [[] for _ in texts]
    laughs_now = bool(lx.LAUGHTER.search(message) or (habits.emoticon_token and habits.emoticon_token in message))
    cries_now = bool(lx.CRYING.search(message))
    emoji_now = bool(lx.EMOJI_CHARS.search(message))

    light = sorted((i for i in range(n) if moods[i] in ("playful", "warm", "sweet")), key=lambda i: (_MOOD_ORDER[moods[i]], i))
    n_laugh = _count(habits.laughter, laughs_now, n)
    for i in light[:n_laugh]:
        out[i] = _append(out[i], habits.laugh_token)
        added[i].append(habits.laugh_token)

    if habits.crying >= 0.15 or cries_now:
        caring = [i for i in range(n) if moods[i] == "caring" or (moods[i] == "serious" and cries_now)]
        caring.sort(key=lambda i: (_BOUNDARY.search(out[i]) is None, i))  # ㅠㅠ after a statement, not a question
        for i in caring[:2]:
            out[i] = _after_first_sentence(out[i], habits.cry_token[:2] if moods[i] == "serious" else habits.cry_token)
            added[i].append(habits.cry_token)

    n_emoji = _count(habits.emoji, emoji_now, n)
    if n_emoji:
        order = sorted(
            (i for i in range(n) if moods[i] != "serious"), key=lambda i: (bool(added[i]), _MOOD_ORDER[moods[i]], i)
        )
        for i in order[:n_emoji]:
            emoji = _pick_emoji(habits.emoji_tokens, moods[i])
            if emoji:
                out[i] = _append(out[i], emoji)
                added[i].append(emoji)
    return [Decoration(out[i], tuple(added[i])) for i in range(n)]


def _count(ratio: float, now: bool, n: int) -> int:
    if ratio <= 0 and not now:
        return 0
    count = round(n * min(1.0, ratio * 1.3))
    return max(count, 1) if now else min(count, n)


def _pick_emoji(seen: tuple[str, ...], mood: str) -> str | None:
    """One of the partner's own emoji that suits the mood; a default only when we know how often
    they use emoji but not which ones."""
    for e in seen:
        base = e.rstrip("\ufe0f")
        if base in _NEGATIVE_EMOJI:
            continue
        if mood == "caring" and base not in _SAD_EMOJI:
            continue
        if mood != "caring" and base in _SAD_EMOJI:
            continue
        return e
    return None if seen else _DEFAULT_EMOJI.get(mood)


def _append(text: str, token: str) -> str:
    text = text.rstrip()
    if text.endswith(".") or (text.endswith("!") and token[0] in "ㅋㅎ"):
        text = text[:-1]
    if token[0] in "ㅠㅜ":
        return text + token
    return f"{text} {token}"


_BOUNDARY = re.compile(r"[.,!](?=\s)")


def _after_first_sentence(text: str, token: str) -> str:
    m = _BOUNDARY.search(text)
    if m is None or m.start() > len(text) * 0.7:
        return _append(text, token)
    return f"{text[: m.start()]}{token}{text[m.end():]}"
