"""The Anthropic Messages API as Bedrock's InvokeModelWithResponseStream carries it: the request
body, and the streaming events read back into `TextDelta` / `StreamCompleted`.

The body is Anthropic's, with ``anthropic_version: "bedrock-2023-05-31"`` instead of a ``model``
field (the model is in the URL). The system prompt is one text block marked
``cache_control: {"type": "ephemeral"}``: the stable prefix (rules, signals, answer format) is
the same for every request, so after the first request it is read from the prompt cache (a
tenth of the input price) instead of being paid in full. A prefix shorter than the model's
minimum cacheable length is simply not cached.

Each stream chunk holds one Anthropic event: ``message_start`` (input usage, cache reads and
writes), ``content_block_delta`` (``text_delta`` is ours; ``thinking_delta`` and
``signature_delta`` from models that think before answering are not shown), ``message_delta``
(stop reason, output usage), ``message_stop``; ``ping`` is ignored and ``error`` fails.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ai.coach.llm.client import ModelRequest
from ai.coach.llm.errors import ModelErrorCode, ModelStreamError
from ai.coach.llm.events import StreamCompleted, TextDelta

ANTHROPIC_VERSION = "bedrock-2023-05-31"
# Anthropic's streamed error types that say "try again" (overloaded, api_error) vs the rest.
_RETRYABLE_ERRORS = {"overloaded_error": ModelErrorCode.UNAVAILABLE, "api_error": ModelErrorCode.UNAVAILABLE,
                     "rate_limit_error": ModelErrorCode.THROTTLED}


def request_body(request: ModelRequest, *, effort: str | None = None) -> bytes:
    body: dict[str, Any] = {
        "anthropic_version": ANTHROPIC_VERSION,
        "max_tokens": request.max_tokens,
        "system": [{"type": "text", "text": request.system, "cache_control": {"type": "ephemeral"}}],
        "messages": [
            {"role": turn.role, "content": [{"type": "text", "text": turn.text}]} for turn in request.turns
        ],
    }
    if request.temperature is not None:
        body["temperature"] = request.temperature
    if effort:
        body["output_config"] = {"effort": effort}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


@dataclass
class MessageStream:
    """Reads one response's events in order; `completed()` once the message has stopped."""

    stop_reason: str | None = None
    stopped: bool = False
    usage: dict[str, int] = field(default_factory=dict)
    latency_ms: int | None = None

    def read(self, payload: bytes, *, sent_text: bool) -> TextDelta | None:
        try:
            event = json.loads(payload)
        except ValueError as exc:
            raise ModelStreamError(ModelErrorCode.INVALID_RESPONSE, "undecodable chunk", sent_text) from exc
        kind = event.get("type") if isinstance(event, dict) else None
        if kind == "content_block_delta":
            delta = event.get("delta") or {}
            if delta.get("type") == "text_delta" and delta.get("text"):
                return TextDelta(delta["text"])
        elif kind == "message_start":
            self._count((event.get("message") or {}).get("usage"))
        elif kind == "message_delta":
            self.stop_reason = (event.get("delta") or {}).get("stop_reason") or self.stop_reason
            self._count(event.get("usage"))
        elif kind == "message_stop":
            self.stopped = True
            metrics = event.get("amazon-bedrock-invocationMetrics") or {}
            self.latency_ms = metrics.get("invocationLatency")
        elif kind == "error":
            raise _stream_error(event.get("error") or {}, sent_text)
        return None

    def _count(self, usage: Any) -> None:
        if isinstance(usage, dict):
            for key, value in usage.items():
                if isinstance(value, int):
                    self.usage[key] = value  # cumulative counts: the latest stands

    def completed(self, *, sent_text: bool) -> StreamCompleted:
        if not self.stopped or self.stop_reason is None:
            raise ModelStreamError(ModelErrorCode.INVALID_RESPONSE, "the stream ended before message_stop", sent_text)
        read = self.usage.get("cache_read_input_tokens", 0)
        written = self.usage.get("cache_creation_input_tokens", 0)
        return StreamCompleted(
            stop_reason=self.stop_reason,
            input_tokens=self.usage.get("input_tokens", 0) + read + written,
            output_tokens=self.usage.get("output_tokens", 0),
            latency_ms=self.latency_ms,
            cache_read_tokens=read,
            cache_write_tokens=written,
        )


def _stream_error(error: dict[str, Any], sent_text: bool) -> ModelStreamError:
    kind = str(error.get("type") or "error")
    code = _RETRYABLE_ERRORS.get(kind, ModelErrorCode.MODEL_ERROR)
    return ModelStreamError(
        code, str(error.get("message") or kind), sent_text, retryable=kind in _RETRYABLE_ERRORS, provider_code=kind
    )
