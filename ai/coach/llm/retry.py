"""The one retry policy of the model clients: failures the provider calls transient are retried
while nothing has reached the user yet, with exponential backoff and jitter; anything after the
first chunk is final (the text already went out).

The backoff doubles from ``base`` up to ``cap``: with the defaults (0.5 s, four attempts) the
waits are about 0.25–0.5 s, 0.5–1 s and 1–2 s, so a burst of throttling or a passing server
fault has a few seconds to clear. AWS recommends exactly this for Bedrock's 500s, throttling and
stream errors ("retries with exponential backoff and random jitter":
https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html;
the SDKs' standard mode caps a wait at 20 s:
https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import telemetry
from ai.coach.llm.errors import ModelErrorCode, ModelStreamError
from ai.coach.llm.events import StreamEvent

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 4  # the first attempt included
    base: float = 0.5  # seconds: the first wait is between base/2 and base
    cap: float = 8.0  # no single wait is longer

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")

    def backoff(self, attempt: int) -> float:
        """The wait after failed attempt number ``attempt`` (1-based): exponential, with "equal
        jitter" (half fixed, half random), so concurrent streams spread out but never retry at
        once."""
        step = min(self.cap, self.base * 2 ** (attempt - 1))
        return step / 2 + random.uniform(0, step / 2)


async def with_retries(
    attempt: Callable[[], AsyncIterator[StreamEvent]], policy: RetryPolicy, *, provider: str
) -> AsyncIterator[StreamEvent]:
    """The events of ``attempt()``, called again after a retryable failure before its first
    event; every other failure propagates."""
    for number in range(1, policy.max_attempts + 1):
        try:
            # aclosing: if our consumer stops, the attempt's cleanup runs now, not at GC.
            async with contextlib.aclosing(attempt()) as events:
                async for event in events:
                    yield event
            return
        except ModelStreamError as exc:
            if provider == "bedrock" and exc.code in (ModelErrorCode.THROTTLED, ModelErrorCode.UNAVAILABLE):
                telemetry.bedrock_throttled()  # the BedrockThrottles alarm (docs/operations.md)
            if exc.after_first_chunk or not exc.retryable or number == policy.max_attempts:
                log.warning(
                    "%s stream failed: code=%s provider_code=%s after_first_chunk=%s attempt=%d request_id=%s",
                    provider, exc.code.value, exc.provider_code, exc.after_first_chunk, number, exc.request_id,
                )
                raise
            delay = policy.backoff(number)
            log.info(
                "%s %s before the first chunk (attempt %d/%d); retrying in %.2fs",
                provider, exc.provider_code or exc.code.value, number, policy.max_attempts, delay,
            )
            await asyncio.sleep(delay)
