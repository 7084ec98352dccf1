"""Claude on Amazon Bedrock through the Anthropic Messages API: aioboto3's
``invoke_model_with_response_stream`` with an Anthropic request body (`messages`), SigV4 by
botocore, the response an AWS event stream of Anthropic events.

Why this call and not ConverseStream: Anthropic documents InvokeModel/Converse with ARN-versioned
model ids as its legacy Bedrock integration; the current models have no ARN-versioned id and
speak the Messages API, which InvokeModel carries as it is (the same body and events as
Anthropic's own API, prompt caching included). Why aioboto3 and not the ``anthropic`` SDK's
Bedrock client: this one is already the service's AWS client (aiohttp, the same credential
chain refreshed without blocking the loop, one connection pool, botocore's event-stream decoder
and error types), and the retry policy stays ours alone.

One ``BedrockMessagesClient`` owns one aiobotocore client (one connection pool) for its life;
concurrent ``stream()`` calls share it. Failures before the first text chunk that AWS calls
transient are retried (`ai.coach.llm.retry`, `ai.coach.bedrock.errors`); no event within
``read_timeout`` is ``TIMEOUT``; a consumer that stops listening closes the HTTP stream at once,
which tells Bedrock to stop generating. Prompt and reply text are never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import aioboto3
import aiohttp
from botocore.config import Config
from botocore.eventstream import ParserError
from botocore.exceptions import ClientError, ConnectTimeoutError, HTTPClientError, ReadTimeoutError
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from botocore.parsers import ResponseParserError

from ai.coach.bedrock.errors import from_client_error
from ai.coach.bedrock.messages import MessageStream, request_body
from ai.coach.llm.client import ModelRequest
from ai.coach.llm.errors import ModelErrorCode, ModelStreamError
from ai.coach.llm.events import StreamEvent
from ai.coach.llm.retry import RetryPolicy, with_retries

# Claude Sonnet 5.5 through the global cross-region inference profile: Anthropic's current
# Sonnet ("the best combination of speed and intelligence"; $2 / $10 per million input / output
# tokens, below Sonnet 4.6's $3 / $15), served by Bedrock on the Messages API. Global, because
# the service runs in Seoul (ap-northeast-2), which the geographic profiles do not all cover.
# Claude 5 models refuse non-default sampling parameters, so no temperature is sent unless one
# is configured. Override per deployment with LOVEQ_BEDROCK_MODEL_ID.
DEFAULT_MODEL_ID = "global.anthropic.claude-sonnet-5-5"


class BedrockMessagesClient:
    provider = "bedrock"

    def __init__(
        self,
        *,
        session: aioboto3.Session,
        region: str,
        model_id: str = DEFAULT_MODEL_ID,
        endpoint_url: str | None = None,
        connect_timeout: float,
        read_timeout: float,
        retry: RetryPolicy = RetryPolicy(),
        effort: str | None = None,
        max_pool_connections: int = 256,
    ) -> None:
        self.model_id = model_id
        self._session = session
        self._region = region
        self._endpoint_url = endpoint_url
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._retry = retry
        self._effort = effort
        self._config = Config(
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            # Our policy is the only retry policy: botocore's would retry throttling on its own
            # on top of ours, multiplying attempts and hiding them from our backoff, and it
            # cannot tell "before the first chunk" from "after". 1 attempt: botocore never retries.
            retries={"mode": "standard", "total_max_attempts": 1},
            # 200+ concurrent streams share this one pool; a smaller pool would queue them.
            max_pool_connections=max_pool_connections,
        )
        self._client_context: Any = None
        self._client: Any = None
        self._client_lock = asyncio.Lock()

    async def _get_client(self) -> Any:
        if self._client is None:
            async with self._client_lock:
                if self._client is None:
                    context = self._session.client(
                        "bedrock-runtime", region_name=self._region, endpoint_url=self._endpoint_url, config=self._config
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

    def stream(self, request: ModelRequest) -> AsyncIterator[StreamEvent]:
        body = request_body(request, effort=self._effort)
        return with_retries(lambda: self._attempt(body), self._retry, provider=self.provider)

    async def _attempt(self, body: bytes) -> AsyncIterator[StreamEvent]:
        client = await self._get_client()
        event_stream = None
        events = None
        message = MessageStream()
        sent_text = False
        try:
            response = await self._open(client, body)
            event_stream = response["body"]
            events = aiter(event_stream)
            while (event := await self._next_event(events, sent_text)) is not None:
                chunk = event.get("chunk")
                if chunk is None:
                    continue
                delta = message.read(chunk.get("bytes") or b"", sent_text=sent_text)
                if delta is not None:
                    sent_text = True
                    yield delta
            yield message.completed(sent_text=sent_text)
        finally:
            if event_stream is not None:
                # Closes the HTTP response: after a complete stream the connection is already
                # back in the pool; mid-stream it is dropped, and Bedrock stops generating.
                event_stream.close()
            if events is not None:
                with contextlib.suppress(Exception):
                    await events.aclose()

    async def _open(self, client: Any, body: bytes) -> dict[str, Any]:
        """The response, or the failure as a `ModelStreamError` (no text was sent)."""
        try:
            async with asyncio.timeout(self._connect_timeout + self._read_timeout):
                return await client.invoke_model_with_response_stream(
                    modelId=self.model_id, body=body, contentType="application/json", accept="application/json"
                )
        except TimeoutError as exc:
            raise ModelStreamError(ModelErrorCode.TIMEOUT, "no response from Bedrock in time") from exc
        except ClientError as exc:
            raise from_client_error(exc, after_first_chunk=False) from exc
        except (ConnectTimeoutError, ReadTimeoutError) as exc:
            raise ModelStreamError(ModelErrorCode.TIMEOUT, type(exc).__name__) from exc
        except (BotocoreConnectionError, HTTPClientError) as exc:
            # Refused or reset before the request was answered: nothing was generated, so it is
            # as safe to retry as throttling.
            raise ModelStreamError(ModelErrorCode.UNAVAILABLE, type(exc).__name__, retryable=True) from exc
        except ResponseParserError as exc:
            raise ModelStreamError(ModelErrorCode.INVALID_RESPONSE, "unreadable response") from exc

    async def _next_event(self, events: AsyncIterator[dict[str, Any]], sent_text: bool) -> dict[str, Any] | None:
        """The stream's next event within the read timeout; None at its end."""
        try:
            async with asyncio.timeout(self._read_timeout):
                return await anext(events)
        except StopAsyncIteration:
            return None
        except TimeoutError as exc:
            raise ModelStreamError(
                ModelErrorCode.TIMEOUT, f"no event from Bedrock within {self._read_timeout}s", sent_text
            ) from exc
        except ClientError as exc:  # an exception event inside the stream
            raise from_client_error(exc, after_first_chunk=sent_text) from exc
        except ReadTimeoutError as exc:
            raise ModelStreamError(ModelErrorCode.TIMEOUT, "ReadTimeoutError", sent_text) from exc
        except (ParserError, ResponseParserError, ValueError) as exc:
            raise ModelStreamError(
                ModelErrorCode.INVALID_RESPONSE, f"undecodable event ({type(exc).__name__})", sent_text
            ) from exc
        except (BotocoreConnectionError, HTTPClientError, aiohttp.ClientError, OSError) as exc:
            raise ModelStreamError(
                ModelErrorCode.UNAVAILABLE, f"stream broken ({type(exc).__name__})", sent_text, retryable=True
            ) from exc
