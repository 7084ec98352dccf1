"""A local stand-in for an OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp's
server, LM Studio) with streaming, over real HTTP.

It answers ``POST …/chat/completions`` with ``stream: true`` as those servers do: server-sent
events, each ``data:`` line one ``chat.completion.chunk`` (the role first, then a
``delta.content`` per piece, then the ``finish_reason``), the usage in a last chunk with no
choices when ``stream_options.include_usage`` asks for it, then ``data: [DONE]``. Scripted
thinking streams first as ``delta.reasoning_content`` (what reasoning models served by vLLM or
llama.cpp send). Errors are JSON ``{"error": {...}}`` responses with their HTTP status before
the stream, an ``{"error": …}`` event inside it, or the connection cut (``FailAfter(drop=True)``).
A body without ``model``, ``messages`` or ``stream: true`` is refused with 400. So the
production client decodes real bytes through the ``openai`` SDK. See `scripted_server`.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from tests.support.standins.scripted_server import (
    Chunks,
    FailAfter,
    HttpError,
    RecordedRequest,
    ScriptedStandIn,
    ServerError,
    Stall,
    Step,
    Throttle,
    Unavailable,
    text_size,
)

__all__ = ["OpenAIStandIn", "Chunks", "FailAfter", "HttpError", "ServerError", "Stall", "Throttle", "Unavailable"]

_FINISH = {"end_turn": "stop", "max_tokens": "length"}


def sse(data: Any) -> bytes:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"data: {text}\n\n".encode()


class OpenAIStandIn(ScriptedStandIn):
    name = "openai-standin"

    def route(self, method: str, path: str) -> tuple[bool, str | None]:
        return method == "POST" and path.endswith("/chat/completions"), None

    def malformed(self, body: Any) -> str | None:
        if not isinstance(body, dict) or not body.get("model") or not isinstance(body.get("messages"), list):
            return "model and messages are required"
        if body.get("stream") is not True:
            return "this stand-in only streams"
        return None

    async def send_error(self, send: Callable, error: HttpError) -> None:
        body = json.dumps({"error": {"message": error.message, "type": error.error_type, "code": None}}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body, "more_body": False})

    def content_type(self) -> bytes:
        return b"text/event-stream"

    def _chunk(self, record: RecordedRequest, delta: dict[str, Any], finish: str | None = None) -> bytes:
        model = record.body.get("model") if isinstance(record.body, dict) else None
        return sse({
            "id": f"chatcmpl-{id(record):x}", "object": "chat.completion.chunk", "created": int(time.time()),
            "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        })

    def opening(self, step: Step, record: RecordedRequest) -> list[bytes]:
        return [self._chunk(record, {"role": "assistant", "content": ""})]

    def thinking_frames(self, pieces: Sequence[str], record: RecordedRequest) -> list[bytes]:
        return [self._chunk(record, {"reasoning_content": piece}) for piece in pieces]

    def text_frame(self, piece: str, record: RecordedRequest) -> bytes:
        return self._chunk(record, {"content": piece})

    def closing(self, chunks: Chunks, record: RecordedRequest) -> list[bytes]:
        frames = [self._chunk(record, {}, _FINISH.get(chunks.stop_reason, chunks.stop_reason))]
        if (record.body.get("stream_options") or {}).get("include_usage"):
            prompt = chunks.input_tokens if chunks.input_tokens is not None else _input_size(record.body)
            output = chunks.output_tokens if chunks.output_tokens is not None else len(chunks.pieces)
            frames.append(sse({
                "id": f"chatcmpl-{uuid.uuid4().hex[:8]}", "object": "chat.completion.chunk", "created": int(time.time()),
                "model": record.body.get("model"), "choices": [],
                "usage": {"prompt_tokens": prompt, "completion_tokens": output, "total_tokens": prompt + output,
                          "prompt_tokens_details": {"cached_tokens": chunks.cache_read_tokens}},
            }))
        frames.append(sse("[DONE]"))
        return frames

    def failure(self, step: FailAfter) -> bytes:
        return sse({"error": {"message": step.message, "type": step.exception_type, "code": None}})


def _input_size(body: Any) -> int:
    return text_size([m.get("content", "") for m in body.get("messages") or [] if isinstance(m.get("content"), str)])
