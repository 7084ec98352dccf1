"""How quickly the partner answers, from the conversation history."""

from __future__ import annotations

from datetime import timedelta

from ai.coach.reply_timing import median_reply_delay
from ai.coach.types import ChatLine
from tests.support.chat_history import history


def test_median_reply_delay():
    assert median_reply_delay(history([10, 30, 200])) == timedelta(minutes=30)
    assert median_reply_delay(history([10, 30])) is None  # too few replies
    assert median_reply_delay((ChatLine("ME", "a"), ChatLine("PARTNER", "b"))) is None  # no times
