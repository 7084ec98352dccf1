"""The OpenAI-compatible client against a stand-in speaking the streaming chat-completions
protocol (SSE ``chat.completion.chunk`` events, ``[DONE]``), through the real ``openai`` SDK:
the request, the chunks and usage, retries before the first chunk only, a broken stream, an
error event, stalls, and a consumer that goes away."""

from __future__ import annotations

import asyncio
import contextlib
import time

import pytest

from ai.coach.llm.client import ModelRequest, Turn
from ai.coach.llm.errors import ModelErrorCode, ModelStreamError
from ai.coach.llm.events import StreamCompleted, TextDelta
from ai.coach.llm.retry import RetryPolicy
from ai.coach.openai.client import OpenAIChatClient
from tests.support.standins.openai_server import (
    Chunks,
    FailAfter,
    HttpError,
    OpenAIStandIn,
    ServerError,
    Stall,
    Throttle,
    Unavailable,
)

READ_TIMEOUT = 1.0  # long enough for a loaded CI machine to answer; the stall tests wait this long
REQUEST = ModelRequest(
    system="너는 연애 대화 코치야.",
    turns=(Turn("user", "상대: 주말에 뭐 해요? 😊"), Turn("assistant", "<summary>…"), Turn("user", "다시")),
    max_tokens=512,
)


@pytest.fixture(scope="module")
def standin():
    with OpenAIStandIn() as server:
        yield server


@pytest.fixture
def server(standin):
    standin.reset()
    yield standin
    standin.reset()


def make_client(server, **options) -> OpenAIChatClient:
    settings = dict(model_id="qwen3:8b", connect_timeout=2.0, read_timeout=READ_TIMEOUT,
                    retry=RetryPolicy(max_attempts=3, base=0.01))
    settings.update(options)
    return OpenAIChatClient(base_url=f"{server.endpoint_url}/v1", **settings)


@pytest.fixture
async def client(server):
    client = make_client(server)
    yield client
    await client.aclose()


async def collect(client, request=REQUEST):
    return [event async for event in client.stream(request)]


def texts(events):
    return [event.text for event in events if isinstance(event, TextDelta)]


async def test_chunks_arrive_in_order_and_usage_is_read(client, server):
    server.script(Chunks(["오늘 ", "영화 ", "어때요?"], input_tokens=900, output_tokens=17, cache_read_tokens=512))

    events = await collect(client)

    assert texts(events) == ["오늘 ", "영화 ", "어때요?"]
    done = events[-1]
    assert isinstance(done, StreamCompleted)
    assert (done.stop_reason, done.input_tokens, done.output_tokens, done.cache_read_tokens) == ("stop", 900, 17, 512)
    assert [r.outcome for r in server.requests] == ["completed"]


async def test_the_request_is_a_streamed_chat_completion(client, server):
    await collect(client)

    [request] = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer not-needed"  # local servers ignore it; the SDK wants one
    assert request.body == {
        "model": "qwen3:8b",
        "messages": [
            {"role": "system", "content": "너는 연애 대화 코치야."},
            {"role": "user", "content": "상대: 주말에 뭐 해요? 😊"},
            {"role": "assistant", "content": "<summary>…"},
            {"role": "user", "content": "다시"},
        ],
        "max_tokens": 512,
        "stream": True,
        "stream_options": {"include_usage": True},
    }


async def test_a_key_and_a_temperature_are_sent_when_configured(server):
    client = make_client(server, api_key="sk-local-123")
    try:
        await collect(client, ModelRequest("s", (Turn("user", "안녕"),), 64, temperature=0.7))
    finally:
        await client.aclose()
    request = server.requests[0]
    assert request.headers["authorization"] == "Bearer sk-local-123"
    assert request.body["temperature"] == 0.7


async def test_reasoning_is_not_text_and_length_is_a_cut_off(client, server):
    server.script(Chunks(["답"], thinking=["생각 중"], stop_reason="max_tokens"))
    events = await collect(client)
    assert texts(events) == ["답"]
    assert events[-1].stop_reason == "length" and events[-1].cut_off


@pytest.mark.parametrize("failure", [Throttle(), ServerError(), Unavailable(), HttpError(502, "bad_gateway", "upstream")],
                         ids=["429", "500", "503", "502"])
async def test_busy_or_failing_servers_are_retried_before_the_first_chunk(client, server, failure):
    server.script(failure, failure, Chunks(["됐다"]))

    assert texts(await collect(client)) == ["됐다"]
    assert [r.outcome for r in server.requests] == ["http_error", "http_error", "completed"]
    assert server.requests[0].body == server.requests[2].body


async def test_retries_have_a_bound(client, server):
    server.script(*[Throttle() for _ in range(4)])

    with pytest.raises(ModelStreamError) as failure:
        await collect(client)

    assert (failure.value.code, failure.value.after_first_chunk) == (ModelErrorCode.THROTTLED, False)
    assert len(server.requests) == 3


@pytest.mark.parametrize(("status", "code"), [(400, ModelErrorCode.MODEL_ERROR), (401, ModelErrorCode.UNAVAILABLE),
                                              (404, ModelErrorCode.UNAVAILABLE)])
async def test_refusals_are_not_retried(client, server, status, code):
    server.script(HttpError(status, "invalid_request_error", "model 'x' not found"), Chunks(["never"]))

    with pytest.raises(ModelStreamError) as failure:
        await collect(client)

    assert failure.value.code is code and failure.value.provider_code == str(status)
    assert len(server.requests) == 1


async def test_a_stream_broken_after_chunks_is_not_retried(client, server):
    server.script(FailAfter(["첫 ", "번째"], drop=True), Chunks(["never"]))
    received = []

    with pytest.raises(ModelStreamError) as failure:
        async for event in client.stream(REQUEST):
            received.append(event)

    assert received == [TextDelta("첫 "), TextDelta("번째")]
    assert (failure.value.code, failure.value.after_first_chunk, failure.value.retryable) == (
        ModelErrorCode.UNAVAILABLE, True, False
    )
    assert [r.outcome for r in server.requests] == ["dropped"]


async def test_a_connection_cut_before_any_text_is_retried(client, server):
    server.script(FailAfter([], drop=True), Chunks(["ok"]))
    assert texts(await collect(client)) == ["ok"]
    assert [r.outcome for r in server.requests] == ["dropped", "completed"]


async def test_an_error_event_in_the_stream_fails(client, server):
    server.script(FailAfter(["반"], exception_type="server_error", message="the model crashed"), Chunks(["never"]))

    with pytest.raises(ModelStreamError) as failure:
        await collect(client)

    assert (failure.value.code, failure.value.after_first_chunk) == (ModelErrorCode.MODEL_ERROR, True)
    assert len(server.requests) == 1


async def test_stall_after_a_chunk_times_out_and_hangs_up(client, server):
    server.script(Stall(["하나"]))
    received = []
    started = time.monotonic()

    with pytest.raises(ModelStreamError) as failure:
        async for event in client.stream(REQUEST):
            received.append(event)

    assert received == [TextDelta("하나")]
    assert (failure.value.code, failure.value.after_first_chunk) == (ModelErrorCode.TIMEOUT, True)
    assert time.monotonic() - started < READ_TIMEOUT + 3.0  # not hanging; a busy machine may add a second
    assert await server.requests[0].wait_ended(2) == "disconnected"


async def test_stall_before_any_text_times_out_without_retry(client, server):
    server.script(Stall())

    with pytest.raises(ModelStreamError) as failure:
        await collect(client)

    assert (failure.value.code, failure.value.after_first_chunk) == (ModelErrorCode.TIMEOUT, False)
    assert len(server.requests) == 1


async def test_cancelling_the_consumer_closes_the_connection(client, server):
    server.script(Stall(["first"]))
    first_chunk = asyncio.Event()

    async def consume():
        async for _event in client.stream(REQUEST):
            first_chunk.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(first_chunk.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert await server.requests[0].wait_ended(2) == "disconnected"


async def test_closing_the_generator_closes_the_connection(client, server):
    server.script(Stall(["first"]))

    async with contextlib.aclosing(client.stream(REQUEST)) as events:
        assert await anext(events) == TextDelta("first")

    assert await server.requests[0].wait_ended(2) == "disconnected"


async def test_fifty_concurrent_streams_complete(server):
    server.responder = lambda body: [body["messages"][1]["content"], " → ", "답장"]
    # Generous timeouts: fifty connections at once on a busy machine may be slow to open.
    client = make_client(server, read_timeout=10.0, connect_timeout=10.0)

    async def one(i):
        events = await collect(client, ModelRequest("s", (Turn("user", f"질문 {i}"),), 64))
        return "".join(texts(events))

    try:
        results = await asyncio.gather(*(one(i) for i in range(50)))
    finally:
        await client.aclose()

    assert results == [f"질문 {i} → 답장" for i in range(50)]
    assert {r.outcome for r in server.requests} == {"completed"}
