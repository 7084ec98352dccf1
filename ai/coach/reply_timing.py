"""How quickly the partner answers the user, from the conversation: both engines' partner
analyses use it (the local rules to warn about a slow replier, Bedrock's prompt to say it)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import timedelta

from ai.coach.types import ChatLine, Sender


def median_reply_delay(history: Sequence[ChatLine], *, min_samples: int = 3) -> timedelta | None:
    """The median time the partner took to answer the user, from ``history`` (oldest first):
    each first PARTNER message after a ME message counts once. None with too few samples."""
    delays: list[float] = []
    waiting_since = None
    for line in history:
        if line.sent_at is None:
            continue
        if line.sender == Sender.ME:
            if waiting_since is None:
                waiting_since = line.sent_at
        elif line.sender == Sender.PARTNER and waiting_since is not None:
            delays.append((line.sent_at - waiting_since).total_seconds())
            waiting_since = None
    if len(delays) < min_samples:
        return None
    return timedelta(seconds=statistics.median(delays))
