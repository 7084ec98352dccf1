"""A local stand-in for Amazon Bedrock Runtime's InvokeModelWithResponseStream carrying the
Anthropic Messages API, over real HTTP.

It answers ``POST /model/{modelId}/invoke-with-response-stream`` with the real binary AWS
event-stream framing, each ``chunk`` event holding one Anthropic streaming event (base64 JSON,
as Bedrock sends them): ``message_start`` (usage, cache reads and writes), a text content block
(``content_block_start``, ``content_block_delta``/``text_delta`` per piece,
``content_block_stop``), ``message_delta`` (stop reason, output tokens) and ``message_stop``
(with Bedrock's ``amazon-bedrock-invocationMetrics``); scripted thinking comes first, as a
``thinking`` block. So the production client decodes real bytes through aioboto3/aiobotocore.
Errors are rest-json responses before the stream, or exception events inside it. The body must
be Anthropic's (``anthropic_version`` "bedrock-2023-05-31", ``max_tokens``, ``messages``, no
``model``), else 400 ValidationException, as Bedrock does. SigV4 signatures are accepted
unchecked. See `scripted_server` for scripting.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from tests.support.standins.eventstream import encode_event, encode_exception
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

__all__ = ["BedrockStandIn", "Chunks", "FailAfter", "HttpError", "ServerError", "Stall", "Throttle", "Unavailable", "chunk"]

_PATH = re.compile(r"/model/(?P<model_id>[^/]+)/invoke-with-response-stream")


def chunk(event: dict[str, Any]) -> bytes:
    """One ``chunk`` event of the response stream carrying one Anthropic event."""
    payload = base64.b64encode(json.dumps(event, ensure_ascii=False).encode("utf-8")).decode("ascii")
    return encode_event("chunk", {"bytes": payload})


class BedrockStandIn(ScriptedStandIn):
    name = "bedrock-standin"

    def route(self, method: str, path: str) -> tuple[bool, str | None]:
        match = _PATH.fullmatch(path)
        return method == "POST" and match is not None, match["model_id"] if match else None

    def malformed(self, body: Any) -> str | None:
        if (
            not isinstance(body, dict)
            or body.get("anthropic_version") != "bedrock-2023-05-31"
            or not isinstance(body.get("max_tokens"), int)
            or not isinstance(body.get("messages"), list)
            or "model" in body
        ):
            return "Malformed input request, please reformat your input and try again."
        return None

    async def send_error(self, send: Callable, error: HttpError) -> None:
        # rest-json errors: botocore takes the code from x-amzn-ErrorType (the part before ':')
        # and the message from the body's "message".
        body = json.dumps({"message": error.message}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"x-amzn-errortype", f"{error.error_type}:http://internal.amazon.com/coral/com.amazon.bedrock/".encode()),
                    (b"x-amzn-requestid", str(uuid.uuid4()).encode()),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body, "more_body": False})

    def content_type(self) -> bytes:
        return b"application/vnd.amazon.eventstream"

    def opening(self, step: Step, record: RecordedRequest) -> list[bytes]:
        chunks = step if isinstance(step, Chunks) else Chunks(())
        total = chunks.input_tokens if chunks.input_tokens is not None else _input_size(record.body)
        fresh = max(0, total - chunks.cache_read_tokens - chunks.cache_write_tokens)
        usage = {
            "input_tokens": fresh,
            "cache_creation_input_tokens": chunks.cache_write_tokens,
            "cache_read_input_tokens": chunks.cache_read_tokens,
            "output_tokens": 1,
        }
        message = {"id": f"msg_bdrk_{uuid.uuid4().hex[:20]}", "type": "message", "role": "assistant",
                   "model": record.model_id, "content": [], "stop_reason": None, "usage": usage}
        opening = [chunk({"type": "message_start", "message": message})]
        if not chunks.thinking:  # else the text block opens after the thinking block
            opening.append(chunk({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}))
        return opening

    def thinking_frames(self, pieces: Sequence[str], record: RecordedRequest) -> list[bytes]:
        if not pieces:
            return []
        return [
            chunk({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}}),
            *(chunk({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": p}}) for p in pieces),
            chunk({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "c2ln"}}),
            chunk({"type": "content_block_stop", "index": 0}),
            chunk({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}),
        ]

    def text_frame(self, piece: str, record: RecordedRequest) -> bytes:
        return chunk({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}})

    def closing(self, chunks: Chunks, record: RecordedRequest) -> list[bytes]:
        output_tokens = chunks.output_tokens if chunks.output_tokens is not None else len(chunks.pieces)
        input_tokens = chunks.input_tokens if chunks.input_tokens is not None else _input_size(record.body)
        return [
            chunk({"type": "content_block_stop", "index": 0}),
            chunk({"type": "message_delta", "delta": {"stop_reason": chunks.stop_reason, "stop_sequence": None},
                   "usage": {"output_tokens": output_tokens}}),
            chunk({"type": "message_stop", "amazon-bedrock-invocationMetrics": {
                "inputTokenCount": input_tokens, "outputTokenCount": output_tokens,
                "invocationLatency": 321, "firstByteLatency": 123}}),
        ]

    def failure(self, step: FailAfter) -> bytes:
        return encode_exception(step.exception_type, step.message)


def _input_size(body: Any) -> int:
    """Characters of text in an Anthropic request: a stand-in for the input token count."""
    if not isinstance(body, dict):
        return 0
    texts = [block.get("text", "") for block in body.get("system") or [] if isinstance(block, dict)]
    for message in body.get("messages") or []:
        content = message.get("content")
        if isinstance(content, str):
            texts.append(content)
        else:
            texts += [block.get("text", "") for block in content or [] if isinstance(block, dict)]
    return text_size(texts)
