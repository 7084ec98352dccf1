"""What a Bedrock stream yields: text as it is generated, then one completion record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class StreamCompleted:
    stop_reason: str  # end_turn, max_tokens, stop_sequence, guardrail_intervened, ...
    input_tokens: int
    output_tokens: int
    latency_ms: int | None


StreamEvent = TextDelta | StreamCompleted
