"""Any OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp's server, LM Studio,
or OpenAI itself) through the official ``openai`` SDK, streamed: server-sent
``chat.completion.chunk`` events ending with ``[DONE]``.

The same contract as the Bedrock client (`ai.coach.llm.client`): the SDK's own retries are off
(``max_retries=0``) so that `ai.coach.llm.retry` is the only policy and never retries after the
first chunk; no chunk within ``read_timeout`` is ``TIMEOUT``; a consumer that stops listening
closes the HTTP response, which stops the server's generation. The system prompt goes first
and unchanged in every request, which is what servers with prefix caching (vLLM, llama.cpp)
reuse. Usage is asked for in the last chunk (``stream_options.include_usage``); a server that
does not report it leaves the counts at 0.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import openai

from ai.coach.llm.client import ModelRequest
from ai.coach.llm.errors import ModelErrorCode, ModelStreamError
from ai.coach.llm.events import StreamCompleted, StreamEvent, TextDelta
from ai.coach.llm.retry import RetryPolicy, with_retries
from ai.coach.openai.errors import from_openai_error

# Local servers ignore the key, but the SDK insists on one: this placeholder is what it sends
# when none is configured.
NO_KEY = "not-needed"


class OpenAIChatClient:
    provider = "openai"

    def __init__(
        self,
        *,
        base_url: str,
        model_id: str,
        api_key: str | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        retry: RetryPolicy = RetryPolicy(),
    ) -> None:
        self.model_id = model_id
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._retry = retry
        self._client = openai.AsyncOpenAI(
            base_url=base_url,
            api_key=api_key or NO_KEY,
            max_retries=0,
            timeout=openai.Timeout(read_timeout, connect=connect_timeout),
        )

    async def aclose(self) -> None:
        await self._client.close()

    def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        arguments: dict[str, Any] = {
            "model": self.model_id,
            "messages": [
                {"role": "system", "content": request.system},
                *({"role": turn.role, "content": turn.text} for turn in request.turns),
            ],
            "max_tokens": request.max_tokens,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if request.temperature is not None:
            arguments["temperature"] = request.temperature
        return with_retries(lambda: self._attempt(arguments), self._retry, provider=self.provider)

    async def _attempt(self, arguments: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        started = asyncio.get_running_loop().time()
        try:
            async with asyncio.timeout(self._connect_timeout + self._read_timeout):
                stream = await self._client.chat.completions.create(**arguments)
        except TimeoutError as exc:
            raise ModelStreamError(ModelErrorCode.TIMEOUT, "no response from the server in time") from exc
        except openai.OpenAIError as exc:
            raise from_openai_error(exc, after_first_chunk=False) from exc
        sent_text = False
        finish: str | None = None
        usage: Any = None
        try:
            while (chunk := await self._next_chunk(stream, sent_text)) is not None:
                usage = chunk.usage or usage
                for choice in chunk.choices[:1]:
                    finish = choice.finish_reason or finish
                    if choice.delta is not None and choice.delta.content:
                        sent_text = True
                        yield TextDelta(choice.delta.content)
            if finish is None:
                raise ModelStreamError(ModelErrorCode.INVALID_RESPONSE, "the stream ended without a finish reason", sent_text)
            yield _completed(finish, usage, started)
        finally:
            # Closes the HTTP response: mid-stream, the server sees us go and stops generating.
            await stream.close()

    async def _next_chunk(self, stream: Any, sent_text: bool) -> Any:
        try:
            async with asyncio.timeout(self._read_timeout):
                return await anext(stream)
        except StopAsyncIteration:
            return None
        except TimeoutError as exc:
            raise ModelStreamError(
                ModelErrorCode.TIMEOUT, f"no chunk from the server within {self._read_timeout}s", sent_text
            ) from exc
        except openai.OpenAIError as exc:
            raise from_openai_error(exc, after_first_chunk=sent_text) from exc
        except ValueError as exc:  # a chunk that is not JSON
            raise ModelStreamError(ModelErrorCode.INVALID_RESPONSE, "undecodable chunk", sent_text) from exc


def _completed(finish: str, usage: Any, started: float) -> StreamCompleted:
    details = getattr(usage, "prompt_tokens_details", None)
    return StreamCompleted(
        stop_reason=finish,
        input_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        output_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        latency_ms=round((asyncio.get_running_loop().time() - started) * 1000),
        cache_read_tokens=int(getattr(details, "cached_tokens", 0) or 0),
    )
