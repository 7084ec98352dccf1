"""Requests per caller: a token bucket per key (the user, or the address of an anonymous
caller), refilled at a steady rate up to a burst.

This is the process's own guard. Across instances the limit is enforced at the edge: AWS WAF
rate-based rules in front of every instance (deploy/templates/shared.yaml says why there and
not in the database); a bucket here keeps one worker from being flooded by one caller, and
bounds the bursts a one-minute window cannot.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(
        self, *, per_minute: int, burst: int, max_keys: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, key: str) -> float | None:
        """Takes one request's token: None when allowed, else the seconds until one is free."""
        now = self.clock()
        bucket = self._buckets.pop(key, None) or _Bucket(tokens=self.burst, at=now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        self._buckets[key] = bucket  # most recently used last
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return None
        return (1 - bucket.tokens) / self.rate


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
