"""A model call under the engine's deadline, with the client's failures as `CoachError`s."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

from ai.coach.llm.client import ModelRequest, StreamingModel
from ai.coach.llm.errors import ModelErrorCode, ModelStreamError
from ai.coach.llm.events import StreamEvent, TextDelta
from ai.coach.types import CoachError, CoachErrorCode

_CODES = {
    ModelErrorCode.THROTTLED: CoachErrorCode.THROTTLED,
    ModelErrorCode.TIMEOUT: CoachErrorCode.TIMEOUT,
    ModelErrorCode.MODEL_ERROR: CoachErrorCode.MODEL_ERROR,
    ModelErrorCode.UNAVAILABLE: CoachErrorCode.UNAVAILABLE,
    ModelErrorCode.INVALID_RESPONSE: CoachErrorCode.MODEL_ERROR,
}


async def model_events(
    client: StreamingModel,
    request: ModelRequest,
    *,
    total_timeout: float | None,
    shown: Callable[[], bool] = lambda: False,
) -> AsyncIterator[StreamEvent]:
    """The client's events, the whole call bounded by ``total_timeout`` (on top of the client's
    idle timeout). ``shown()`` says whether the consumer already received something from an
    earlier attempt, which makes any failure one "after the first chunk"."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + total_timeout if total_timeout else None
    text_seen = False
    async with contextlib.aclosing(client.stream(request)) as events:
        while True:
            try:
                async with asyncio.timeout_at(deadline):
                    event = await anext(events)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise CoachError(
                    CoachErrorCode.TIMEOUT, f"no complete answer within {total_timeout}s", text_seen or shown()
                ) from None
            except ModelStreamError as exc:
                provider = f" [{exc.provider_code}]" if exc.provider_code else ""
                after = exc.after_first_chunk or text_seen or shown()
                raise CoachError(_CODES[exc.code], f"{exc.message}{provider}", after) from exc
            if isinstance(event, TextDelta):
                text_seen = True
            yield event
