"""What the engine asks of a model client, whichever wire it speaks.

A client owns its connection pool for its life and serves concurrent ``stream()`` calls. It
retries what may be retried before the first chunk (`ai.coach.llm.retry`), times out a stall
between events with ``TIMEOUT``, and closes the upstream request when its consumer stops
listening (``aclose()`` or cancellation), so the server stops generating.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Literal, Protocol

from ai.coach.llm.events import StreamEvent

Role = Literal["user", "assistant"]


@dataclass(frozen=True, slots=True)
class Turn:
    role: Role
    text: str


@dataclass(frozen=True, slots=True)
class ModelRequest:
    """One generation: the system prompt (the stable prefix, cached where the wire allows),
    the conversation turns, and the output cap. ``temperature`` None leaves the model's
    default (newer Claude models refuse any other)."""

    system: str
    turns: tuple[Turn, ...]
    max_tokens: int
    temperature: float | None = None


class StreamingModel(Protocol):
    provider: str  # "bedrock" | "openai": the engine's name
    model_id: str

    def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        """``TextDelta``s as text arrives, then one ``StreamCompleted``. Raises
        `ai.coach.llm.errors.ModelStreamError`."""
        ...

    async def aclose(self) -> None: ...
