"""Claude on Amazon Bedrock through aioboto3 ``converse_stream``, as a stream of typed events.

One ``BedrockConverseClient`` owns one aiobotocore client (one connection pool) for its life;
concurrent ``stream()`` calls share it. The retry policy lives here and only here:

* throttling or unavailability before the first text chunk: bounded retries with exponential
  backoff and jitter (nothing has reached the user yet, so a retry is invisible);
* any failure after a chunk was yielded: ``BedrockStreamError(after_first_chunk=True)``, never
  retried, because the text already went out;
* no event within ``read_timeout``: ``TIMEOUT``;
* a consumer that stops listening (``aclose()``, task cancellation) closes the HTTP stream at
  once, which tells Bedrock to stop generating.

Prompt and reply text are never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any

import aioboto3
import aiohttp
from botocore.config import Config
from botocore.eventstream import ParserError
from botocore.exceptions import ClientError, ConnectTimeoutError, HTTPClientError, ReadTimeoutError
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from botocore.parsers import ResponseParserError

from ai.coach.bedrock.errors import BedrockErrorCode, BedrockStreamError, from_client_error
from ai.coach.bedrock.events import StreamCompleted, StreamEvent, TextDelta
import telemetry

log = logging.getLogger(__name__)

# Claude Sonnet 4.6 through the US cross-region inference profile. Sonnet 4.6 is the newest
# Sonnet that Bedrock serves through the Converse API (later models are on Bedrock's
# Messages-API endpoint, a different protocol); Claude 4.x models are invocable on demand only
# through an inference profile, not the bare ``anthropic.`` model id. Override per deployment:
# from Seoul (ap-northeast-2) use ``global.anthropic.claude-sonnet-4-6``, as the ``apac.``
# profile does not carry Sonnet 4.6.
DEFAULT_MODEL_ID = "us.anthropic.claude-sonnet-4-6"

_BACKOFF_CAP_SECONDS = 5.0


class BedrockConverseClient:
    def __init__(
        self,
        *,
        session: aioboto3.Session,
        region: str,
        model_id: str = DEFAULT_MODEL_ID,
        endpoint_url: str | None = None,
        connect_timeout: float,
        read_timeout: float,
        max_attempts_before_first_chunk: int = 3,
        backoff_base: float = 0.2,
        max_pool_connections: int = 256,
    ) -> None:
        if max_attempts_before_first_chunk < 1:
            raise ValueError("max_attempts_before_first_chunk must be at least 1")
        self.model_id = model_id
        self._session = session
        self._region = region
        self._endpoint_url = endpoint_url
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._max_attempts = max_attempts_before_first_chunk
        self._backoff_base = backoff_base
        self._config = Config(
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            # Our policy is the only retry policy: botocore's would retry throttling on its own
            # (standard mode: 3 attempts) on top of ours, multiplying attempts and hiding them
            # from our backoff, and it cannot tell "before the first chunk" from "after".
            # total_max_attempts counts the first call, so 1 means botocore never retries.
            retries={"mode": "standard", "total_max_attempts": 1},
            # 200+ concurrent streams share this one pool; a smaller pool would queue them.
            max_pool_connections=max_pool_connections,
        )
        self._client_context: Any = None
        self._client: Any = None
        self._client_lock = asyncio.Lock()

    # lifecycle

    async def _get_client(self) -> Any:
        if self._client is None:
            async with self._client_lock:
                if self._client is None:
                    context = self._session.client(
                        "bedrock-runtime",
                        region_name=self._region,
                        endpoint_url=self._endpoint_url,
                        config=self._config,
                    )
                    self._client = await context.__aenter__()
                    self._client_context = context
        return self._client

    async def aclose(self) -> None:
        """Close the connection pool. Streams still running will fail."""
        async with self._client_lock:
            context, self._client_context, self._client = self._client_context, None, None
            if context is not None:
                await context.__aexit__(None, None, None)

    async def __aenter__(self) -> BedrockConverseClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    # streaming

    async def stream(
        self,
        system: str,
        messages: list[dict[str, Any]],
        *,
        max_tokens: int,
        temperature: float,
    ) -> AsyncIterator[StreamEvent]:
        """Generate a reply: ``TextDelta`` events as text arrives, then one ``StreamCompleted``.

        ``messages`` are Converse messages (``{"role": "user", "content": [{"text": ...}]}``);
        a plain string ``content`` is accepted and sent as one text block. Raises
        ``BedrockStreamError``.
        """
        client = await self._get_client()
        request = {
            "modelId": self.model_id,
            "system": [{"text": system}],
            "messages": [_converse_message(message) for message in messages],
            "inferenceConfig": {"maxTokens": max_tokens, "temperature": temperature},
        }
        for attempt in range(1, self._max_attempts + 1):
            try:
                # aclosing: if our consumer stops, the attempt's finally runs now, not at GC.
                async with contextlib.aclosing(self._attempt(client, request)) as events:
                    async for event in events:
                        yield event
                return
            except BedrockStreamError as exc:
                if exc.code is BedrockErrorCode.THROTTLED or (exc.retryable and exc.code is BedrockErrorCode.UNAVAILABLE):
                    telemetry.bedrock_throttled()
                if exc.after_first_chunk or not exc.retryable or attempt == self._max_attempts:
                    log.warning(
                        "bedrock stream failed: code=%s aws_code=%s after_first_chunk=%s attempt=%d request_id=%s",
                        exc.code.value, exc.aws_code, exc.after_first_chunk, attempt, exc.request_id,
                    )
                    raise
                delay = self._backoff(attempt)
                log.info(
                    "bedrock %s before the first chunk (attempt %d/%d); retrying in %.2fs",
                    exc.aws_code or exc.code.value, attempt, self._max_attempts, delay,
                )
                await asyncio.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        # Exponential with "equal jitter": half the step is fixed, half random, so retries
        # from many concurrent streams spread out but never collapse to zero.
        step = min(_BACKOFF_CAP_SECONDS, self._backoff_base * 2 ** (attempt - 1))
        return step / 2 + random.uniform(0, step / 2)

    async def _attempt(self, client: Any, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        event_stream = None
        events = None
        sent_text = False
        try:
            response = await self._open(client, request)
            event_stream = response["stream"]
            events = aiter(event_stream)
            stop_reason: str | None = None
            usage: dict[str, Any] = {}
            latency_ms: int | None = None
            while (event := await self._next_event(events, sent_text)) is not None:
                if "contentBlockDelta" in event:
                    text = event["contentBlockDelta"].get("delta", {}).get("text")
                    if text:  # other deltas (tool use, reasoning) are not ours to show
                        sent_text = True
                        yield TextDelta(text)
                elif "messageStop" in event:
                    stop_reason = event["messageStop"].get("stopReason")
                elif "metadata" in event:
                    usage = event["metadata"].get("usage") or {}
                    latency_ms = (event["metadata"].get("metrics") or {}).get("latencyMs")

            if stop_reason is None:
                raise _failure(BedrockErrorCode.INVALID_RESPONSE, "the stream ended before messageStop", sent_text)
            yield StreamCompleted(
                stop_reason=stop_reason,
                input_tokens=int(usage.get("inputTokens") or 0),
                output_tokens=int(usage.get("outputTokens") or 0),
                latency_ms=latency_ms,
            )
        finally:
            if event_stream is not None:
                # Closes the HTTP response: after a complete stream the connection is already
                # back in the pool; mid-stream it is dropped, and Bedrock stops generating.
                event_stream.close()
            if events is not None:
                with contextlib.suppress(Exception):
                    await events.aclose()

    async def _open(self, client: Any, request: dict[str, Any]) -> dict[str, Any]:
        """The ConverseStream response, or the failure as a `BedrockStreamError` (no text was sent)."""
        try:
            async with asyncio.timeout(self._connect_timeout + self._read_timeout):
                return await client.converse_stream(**request)
        except TimeoutError as exc:
            raise _failure(BedrockErrorCode.TIMEOUT, "no response from Bedrock in time", False) from exc
        except ClientError as exc:
            raise from_client_error(exc, after_first_chunk=False) from exc
        except (ConnectTimeoutError, ReadTimeoutError) as exc:
            raise _failure(BedrockErrorCode.TIMEOUT, type(exc).__name__, False) from exc
        except (BotocoreConnectionError, HTTPClientError) as exc:
            # Connection refused or reset before the request was answered: nothing was
            # generated, so it is as safe to retry as throttling.
            raise _failure(BedrockErrorCode.UNAVAILABLE, type(exc).__name__, False, retryable=True) from exc
        except ResponseParserError as exc:
            raise _failure(BedrockErrorCode.INVALID_RESPONSE, "unreadable response", False) from exc

    async def _next_event(self, events: AsyncIterator[dict[str, Any]], sent_text: bool) -> dict[str, Any] | None:
        """The stream's next event within the read timeout; None at its end."""
        try:
            async with asyncio.timeout(self._read_timeout):
                return await anext(events)
        except StopAsyncIteration:
            return None
        except TimeoutError as exc:
            raise _failure(
                BedrockErrorCode.TIMEOUT, f"no event from Bedrock within {self._read_timeout}s", sent_text
            ) from exc
        except ClientError as exc:  # an exception event inside the stream
            raise from_client_error(exc, after_first_chunk=sent_text) from exc
        except ReadTimeoutError as exc:
            raise _failure(BedrockErrorCode.TIMEOUT, "ReadTimeoutError", sent_text) from exc
        except (ParserError, ResponseParserError, ValueError) as exc:
            raise _failure(BedrockErrorCode.INVALID_RESPONSE, f"undecodable event ({type(exc).__name__})", sent_text) from exc
        except (BotocoreConnectionError, HTTPClientError, aiohttp.ClientError, OSError) as exc:
            raise _failure(
                BedrockErrorCode.UNAVAILABLE, f"stream broken ({type(exc).__name__})", sent_text, retryable=True
            ) from exc


def _failure(code: BedrockErrorCode, message: str, sent_text: bool, *, retryable: bool = False) -> BedrockStreamError:
    """A failure of this attempt: retried only if ``retryable`` and no text had been yielded."""
    return BedrockStreamError(code, message, sent_text, retryable=retryable and not sent_text)


def _converse_message(message: dict[str, Any]) -> dict[str, Any]:
    content = message.get("content")
    if isinstance(content, str):
        return {**message, "content": [{"text": content}]}
    return message
