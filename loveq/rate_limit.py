"""Requests per caller: a token bucket per key (the user, or the address of an anonymous
caller), refilled at a steady rate up to a burst. The same bucket counts query cost per user
when a take is worth the document's cost rather than one request (loveq/request_guard.py).

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

    def take(self, key: str, amount: float = 1) -> float | None:
        """Takes `amount` tokens (one request's, by default): None when allowed, else the
        seconds until that many are free (nothing is taken then)."""
        bucket = self._refilled(key)
        if bucket.tokens >= amount:
            bucket.tokens -= amount
            return None
        return (amount - bucket.tokens) / self.rate

    def wait(self, key: str, amount: float = 1) -> float | None:
        """Like `take`, without taking anything: None when `amount` tokens are there."""
        bucket = self._refilled(key)
        return None if bucket.tokens >= amount else (amount - bucket.tokens) / self.rate

    def _refilled(self, key: str) -> _Bucket:
        now = self.clock()
        bucket = self._buckets.pop(key, None) or _Bucket(tokens=self.burst, at=now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        self._buckets[key] = bucket  # most recently used last
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return bucket


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
