"""What a model stream yields: text as it is generated, then one completion record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class StreamCompleted:
    stop_reason: str  # end_turn / stop, max_tokens / length, refusal, ...
    input_tokens: int  # every prompt token, cached or not
    output_tokens: int
    latency_ms: int | None = None
    cache_read_tokens: int = 0  # of input_tokens, read from the prompt cache
    cache_write_tokens: int = 0  # of input_tokens, written to the prompt cache

    @property
    def cut_off(self) -> bool:
        """The answer stopped at the output cap, not because it was complete."""
        return self.stop_reason in ("max_tokens", "length")


StreamEvent = TextDelta | StreamCompleted
