"""The Bedrock client against the Messages-API stand-in, through real aioboto3 and HTTP: the
Anthropic body, the streamed events, the retry policy before the first chunk (issue 10:
InternalServerException and ModelStreamErrorException are retried like throttling), stalls,
and a consumer that goes away."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import time

import aioboto3
import pytest
from botocore.eventstream import EventStreamBuffer

from ai.coach.bedrock.client import DEFAULT_MODEL_ID, BedrockMessagesClient
from ai.coach.llm.client import ModelRequest, Turn
from ai.coach.llm.errors import ModelErrorCode, ModelStreamError
from ai.coach.llm.events import StreamCompleted, TextDelta
from ai.coach.llm.retry import RetryPolicy
from tests.support.standins.bedrock_server import (
    BedrockStandIn,
    Chunks,
    FailAfter,
    HttpError,
    ServerError,
    Stall,
    Throttle,
    Unavailable,
    chunk,
)
from tests.support.standins.eventstream import encode_exception

READ_TIMEOUT = 1.0  # long enough for a loaded CI machine to answer; the stall tests wait this long
REQUEST = ModelRequest(
    system="너는 연애 대화 코치야. 세 가지 답장을 제안해.",
    turns=(Turn("user", "상대: 주말에 뭐 해요? 😊"), Turn("assistant", "<summary>…</summary>"), Turn("user", "다시 써 줘")),
    max_tokens=512,
)


@pytest.fixture(scope="module")
def standin():
    with BedrockStandIn() as server:
        yield server


@pytest.fixture
def bedrock(standin):
    standin.reset()
    yield standin
    standin.reset()


def make_client(bedrock, **options) -> BedrockMessagesClient:
    session = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    settings = dict(connect_timeout=2.0, read_timeout=READ_TIMEOUT, retry=RetryPolicy(max_attempts=3, base=0.01))
    settings.update(options)
    return BedrockMessagesClient(session=session, region="us-east-1", endpoint_url=bedrock.endpoint_url, **settings)


@pytest.fixture
async def client(bedrock):
    client = make_client(bedrock)
    yield client
    await client.aclose()


async def collect(client, request=REQUEST):
    return [event async for event in client.stream(request)]


def texts(events):
    return [event.text for event in events if isinstance(event, TextDelta)]


async def test_chunks_arrive_in_order_and_usage_is_read(client, bedrock):
    bedrock.script(Chunks(["오늘 ", "영화 ", "어때요?"], input_tokens=3210, cache_read_tokens=2000, cache_write_tokens=10, output_tokens=17))

    events = await collect(client)

    assert texts(events) == ["오늘 ", "영화 ", "어때요?"]
    assert events[-1] == StreamCompleted(
        stop_reason="end_turn", input_tokens=3210, output_tokens=17, latency_ms=321, cache_read_tokens=2000, cache_write_tokens=10
    )
    assert [r.outcome for r in bedrock.requests] == ["completed"]


async def test_the_request_is_the_anthropic_messages_body(client, bedrock):
    await collect(client)

    [request] = bedrock.requests
    assert request.method == "POST"
    assert request.model_id == DEFAULT_MODEL_ID == client.model_id
    assert request.path == f"/model/{DEFAULT_MODEL_ID}/invoke-with-response-stream"
    assert request.headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=test/")
    assert request.headers["content-type"] == "application/json"
    assert request.body == {
        "anthropic_version": "bedrock-2023-05-31",
        "max_tokens": 512,
        "system": [{"type": "text", "text": REQUEST.system, "cache_control": {"type": "ephemeral"}}],
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "상대: 주말에 뭐 해요? 😊"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "<summary>…</summary>"}]},
            {"role": "user", "content": [{"type": "text", "text": "다시 써 줘"}]},
        ],
    }


async def test_temperature_and_effort_are_sent_only_when_configured(bedrock):
    client = make_client(bedrock, effort="low")
    try:
        await collect(client, ModelRequest("시스템", (Turn("user", "안녕"),), 64, temperature=0.3))
    finally:
        await client.aclose()
    body = bedrock.requests[0].body
    assert (body["temperature"], body["output_config"]) == (0.3, {"effort": "low"})


async def test_thinking_blocks_are_not_text(client, bedrock):
    bedrock.script(Chunks(["답"], thinking=["생각 ", "중"]))
    assert texts(await collect(client)) == ["답"]


@pytest.mark.parametrize(
    "failure",
    [Throttle(), Unavailable(), ServerError(), HttpError(424, "ModelStreamErrorException", "stream error"),
     HttpError(429, "ModelNotReadyException", "not ready"), HttpError(502, "BadGateway", "upstream")],
    ids=["throttling", "unavailable", "internal-server", "model-stream-error", "model-not-ready", "any-5xx"],
)
async def test_transient_refusals_before_the_first_chunk_are_retried(client, bedrock, failure):
    bedrock.script(failure, failure, Chunks(["됐다"]))

    assert texts(await collect(client)) == ["됐다"]
    requests = bedrock.requests
    assert [r.outcome for r in requests] == ["http_error", "http_error", "completed"]
    # botocore's own retries are off: every attempt is ours, and each resends the same body.
    assert [r.headers["amz-sdk-request"] for r in requests] == ["attempt=1"] * 3
    assert requests[0].body == requests[1].body == requests[2].body


@pytest.mark.parametrize("event", ["internalServerException", "modelStreamErrorException", "throttlingException",
                                   "serviceUnavailableException"])
async def test_transient_stream_errors_before_any_text_are_retried(client, bedrock, event):
    bedrock.script(FailAfter([], exception_type=event, message="Retry your request."), Chunks(["ok"]))

    assert texts(await collect(client)) == ["ok"]
    assert [r.outcome for r in bedrock.requests] == ["failed", "completed"]


async def test_retries_have_a_bound(client, bedrock):
    bedrock.script(*[ServerError() for _ in range(5)])

    with pytest.raises(ModelStreamError) as failure:
        await collect(client)

    assert (failure.value.code, failure.value.provider_code) == (ModelErrorCode.UNAVAILABLE, "InternalServerException")
    assert failure.value.after_first_chunk is False
    assert len(bedrock.requests) == 3 and bedrock.pending == 2


@pytest.mark.parametrize(
    "refusal",
    [HttpError(400, "ValidationException", "bad"), HttpError(403, "AccessDeniedException", "no"),
     HttpError(400, "ServiceQuotaExceededException", "quota"), HttpError(408, "ModelTimeoutException", "slow")],
)
async def test_permanent_refusals_are_not_retried(client, bedrock, refusal):
    bedrock.script(refusal, Chunks(["never"]))

    with pytest.raises(ModelStreamError):
        await collect(client)

    assert len(bedrock.requests) == 1


async def test_a_failure_after_text_is_not_retried(client, bedrock):
    bedrock.script(FailAfter(["첫 ", "번째"], exception_type="internalServerException"), Chunks(["never"]))
    received = []

    with pytest.raises(ModelStreamError) as failure:
        async for event in client.stream(REQUEST):
            received.append(event)

    assert received == [TextDelta("첫 "), TextDelta("번째")]
    assert (failure.value.after_first_chunk, failure.value.retryable) == (True, False)
    assert (failure.value.code, failure.value.provider_code) == (ModelErrorCode.UNAVAILABLE, "internalServerException")
    assert len(bedrock.requests) == 1


async def test_a_connection_cut_mid_stream_fails_after_the_first_chunk(client, bedrock):
    bedrock.script(FailAfter(["반쯤"], drop=True), Chunks(["never"]))

    with pytest.raises(ModelStreamError) as failure:
        await collect(client)

    assert (failure.value.after_first_chunk, failure.value.retryable) == (True, False)
    assert failure.value.code in (ModelErrorCode.UNAVAILABLE, ModelErrorCode.INVALID_RESPONSE)
    assert [r.outcome for r in bedrock.requests] == ["dropped"]


async def test_stall_after_a_chunk_times_out_within_the_idle_timeout(client, bedrock):
    bedrock.script(Stall(["하나"]))
    received = []
    started = time.monotonic()

    with pytest.raises(ModelStreamError) as failure:
        async for event in client.stream(REQUEST):
            received.append(event)

    assert received == [TextDelta("하나")]
    assert (failure.value.code, failure.value.after_first_chunk) == (ModelErrorCode.TIMEOUT, True)
    assert READ_TIMEOUT <= time.monotonic() - started < READ_TIMEOUT + 3.0  # not hanging; a busy machine may add a second
    assert await bedrock.requests[0].wait_ended(2) == "disconnected"


async def test_stall_before_any_text_times_out_without_retry(client, bedrock):
    bedrock.script(Stall())

    with pytest.raises(ModelStreamError) as failure:
        await collect(client)

    assert (failure.value.code, failure.value.after_first_chunk) == (ModelErrorCode.TIMEOUT, False)
    assert len(bedrock.requests) == 1


async def test_the_idle_timeout_is_per_event_not_per_stream(client, bedrock):
    bedrock.script(Chunks(["a", "b", "c", "d", "e", "f"], delay=0.25), Stall(["x"], seconds=0.25, then=["y"]))

    assert "".join(texts(await collect(client))) == "abcdef"
    assert "".join(texts(await collect(client))) == "xy"


async def test_cancelling_the_consumer_closes_the_connection(client, bedrock):
    bedrock.script(Stall(["first"]))
    first_chunk = asyncio.Event()

    async def consume():
        async for _event in client.stream(REQUEST):
            first_chunk.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(first_chunk.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    started = time.monotonic()
    assert await bedrock.requests[0].wait_ended(2) == "disconnected"
    assert time.monotonic() - started < 1.5  # at once, give or take a busy machine


async def test_closing_the_generator_closes_the_connection(client, bedrock):
    bedrock.script(Stall(["first"]))

    async with contextlib.aclosing(client.stream(REQUEST)) as events:
        assert await anext(events) == TextDelta("first")

    assert await bedrock.requests[0].wait_ended(2) == "disconnected"


async def test_fifty_concurrent_streams_complete(bedrock):
    def echo(body):
        return [body["messages"][0]["content"][0]["text"], " → ", "답장"]

    bedrock.responder = echo
    # A generous idle timeout: fifty streams on a busy machine may pause longer than 0.4 s.
    client = make_client(bedrock, read_timeout=10.0, connect_timeout=10.0)

    async def one(i):
        events = await collect(client, ModelRequest("s", (Turn("user", f"질문 {i}"),), 64))
        return "".join(texts(events)), events[-1]

    try:
        results = await asyncio.gather(*(one(i) for i in range(50)))
    finally:
        await client.aclose()

    assert [text for text, _ in results] == [f"질문 {i} → 답장" for i in range(50)]
    assert all(isinstance(done, StreamCompleted) for _, done in results)
    assert {r.outcome for r in bedrock.requests} == {"completed"}


def test_stand_in_frames_decode_with_botocore():
    buffer = EventStreamBuffer()
    buffer.add_data(chunk({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "설렘"}}))
    buffer.add_data(encode_exception("modelStreamErrorException", "Retry your request."))

    event, exception = list(buffer)

    assert event.headers == {":event-type": "chunk", ":content-type": "application/json", ":message-type": "event"}
    inner = json.loads(base64.b64decode(json.loads(event.payload)["bytes"]))
    assert inner["delta"]["text"] == "설렘"
    assert exception.headers[":exception-type"] == "modelStreamErrorException"


def test_the_backoff_grows_past_one_second():
    policy = RetryPolicy()  # the production defaults
    waits = [policy.backoff(attempt) for attempt in range(1, policy.max_attempts)]
    assert policy.max_attempts == 4
    assert 0.25 <= waits[0] <= 0.5 and 0.5 <= waits[1] <= 1.0 and 1.0 <= waits[2] <= 2.0
    assert 4.0 <= RetryPolicy(base=0.5, cap=8.0).backoff(5) <= 8.0
    assert RetryPolicy(base=0.5, cap=8.0).backoff(30) <= 8.0  # capped
