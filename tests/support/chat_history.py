"""Conversation histories with known reply delays, for tests of reply timing."""

from __future__ import annotations

from datetime import datetime, timedelta

from ai.coach.types import ChatLine


def history(delays_minutes: list[int]) -> tuple[ChatLine, ...]:
    start = datetime(2024, 5, 1, 9, 0)
    lines = []
    at = start
    for minutes in delays_minutes:
        lines.append(ChatLine("ME", "질문", at))
        lines.append(ChatLine("ME", "하나 더", at + timedelta(minutes=1)))  # a second ME line does not reset the wait
        at += timedelta(minutes=minutes)
        lines.append(ChatLine("PARTNER", "답", at))
        lines.append(ChatLine("PARTNER", "답 둘", at + timedelta(minutes=1)))
        at += timedelta(hours=5)
    return tuple(lines)
