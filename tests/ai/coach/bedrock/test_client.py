"""The Bedrock client against the ConverseStream stand-in, through real aioboto3 and HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import time

import aioboto3
import pytest
from botocore.eventstream import EventStreamBuffer

from ai.coach.bedrock.client import DEFAULT_MODEL_ID, BedrockConverseClient
from ai.coach.bedrock.errors import BedrockErrorCode, BedrockStreamError
from ai.coach.bedrock.events import StreamCompleted, TextDelta
from tests.support.standins.bedrock_server import (
    BedrockStandIn,
    Chunks,
    FailAfter,
    Stall,
    Throttle,
    Unavailable,
)
from tests.support.standins.eventstream import encode_event, encode_exception

READ_TIMEOUT = 0.4
SYSTEM = "너는 연애 대화 코치야. 세 가지 답장을 제안해."
MESSAGES = [
    {"role": "user", "content": [{"text": "상대: 주말에 뭐 해요? 😊"}]},
    {"role": "assistant", "content": [{"text": "{\"intent\": \"invitation\"}"}]},
    {"role": "user", "content": [{"text": "상황: 같이 영화 보자고 하고 싶어"}]},
]


@pytest.fixture(scope="module")
def standin():
    with BedrockStandIn() as server:
        yield server


@pytest.fixture
def bedrock(standin):
    standin.reset()
    yield standin
    standin.reset()


@pytest.fixture
async def client(bedrock):
    session = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    client = BedrockConverseClient(
        session=session,
        region="us-east-1",
        endpoint_url=bedrock.endpoint_url,
        connect_timeout=2.0,
        read_timeout=READ_TIMEOUT,
        max_attempts_before_first_chunk=3,
        backoff_base=0.01,
    )
    yield client
    await client.aclose()


async def collect(client, system=SYSTEM, messages=MESSAGES):
    return [event async for event in client.stream(system, messages, max_tokens=512, temperature=0.7)]


def texts(events):
    return [event.text for event in events if isinstance(event, TextDelta)]


async def test_chunks_arrive_in_order_and_usage_is_parsed(client, bedrock):
    bedrock.script(Chunks(["오늘 ", "영화 ", "어때요?"], input_tokens=321, output_tokens=17, latency_ms=842))

    events = await collect(client)

    assert texts(events) == ["오늘 ", "영화 ", "어때요?"]
    assert "".join(texts(events)) == "오늘 영화 어때요?"
    assert events[-1] == StreamCompleted(stop_reason="end_turn", input_tokens=321, output_tokens=17, latency_ms=842)
    assert [r.outcome for r in bedrock.requests] == ["completed"]


async def test_request_carries_system_and_messages_exactly_as_sent(client, bedrock):
    await collect(client)

    [request] = bedrock.requests
    assert request.method == "POST"
    assert request.model_id == DEFAULT_MODEL_ID == client.model_id
    assert request.path == f"/model/{DEFAULT_MODEL_ID}/converse-stream"
    assert request.headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=test/")
    assert request.body == {
        "system": [{"text": SYSTEM}],
        "messages": MESSAGES,
        "inferenceConfig": {"maxTokens": 512, "temperature": 0.7},
    }
    assert SYSTEM in request.body_text
    assert "상대: 주말에 뭐 해요? 😊" in request.body_text


async def test_plain_string_content_is_sent_as_one_text_block(client, bedrock):
    await collect(client, messages=[{"role": "user", "content": "안녕"}])

    assert bedrock.requests[0].body["messages"] == [{"role": "user", "content": [{"text": "안녕"}]}]


async def test_throttled_twice_then_success(client, bedrock):
    bedrock.script(Throttle(), Throttle(), Chunks(["됐다"]))

    events = await collect(client)

    assert texts(events) == ["됐다"]
    requests = bedrock.requests
    assert [r.outcome for r in requests] == ["http_error", "http_error", "completed"]
    # botocore's own retries are off: every attempt is ours, and each resends the same body.
    assert [r.headers["amz-sdk-request"] for r in requests] == ["attempt=1"] * 3
    assert requests[0].body == requests[1].body == requests[2].body


async def test_throttled_past_the_bound_fails_throttled(client, bedrock):
    bedrock.script(*[Throttle() for _ in range(5)])

    with pytest.raises(BedrockStreamError) as failure:
        await collect(client)

    assert failure.value.code is BedrockErrorCode.THROTTLED
    assert failure.value.aws_code == "ThrottlingException"
    assert failure.value.after_first_chunk is False
    assert len(bedrock.requests) == 3
    assert bedrock.pending == 2


async def test_service_unavailable_before_first_chunk_is_retried(client, bedrock):
    bedrock.script(Unavailable(), Chunks(["ok"]))

    assert texts(await collect(client)) == ["ok"]
    assert len(bedrock.requests) == 2


async def test_throttling_event_before_any_text_is_retried(client, bedrock):
    bedrock.script(FailAfter([], exception_type="throttlingException", message="slow down"), Chunks(["ok"]))

    assert texts(await collect(client)) == ["ok"]
    assert [r.outcome for r in bedrock.requests] == ["failed", "completed"]


async def test_failure_after_two_chunks_is_not_retried(client, bedrock):
    bedrock.script(FailAfter(["첫 ", "번째"], exception_type="internalServerException"), Chunks(["never"]))
    received = []

    with pytest.raises(BedrockStreamError) as failure:
        async for event in client.stream(SYSTEM, MESSAGES, max_tokens=64, temperature=0.5):
            received.append(event)

    assert received == [TextDelta("첫 "), TextDelta("번째")]
    assert failure.value.after_first_chunk is True
    assert failure.value.code is BedrockErrorCode.UNAVAILABLE
    assert failure.value.aws_code == "internalServerException"
    assert len(bedrock.requests) == 1


async def test_model_stream_error_after_chunks_is_a_model_error(client, bedrock):
    bedrock.script(FailAfter(["a"], exception_type="modelStreamErrorException"))

    with pytest.raises(BedrockStreamError) as failure:
        await collect(client)

    assert (failure.value.code, failure.value.after_first_chunk) == (BedrockErrorCode.MODEL_ERROR, True)


async def test_stall_after_a_chunk_times_out_within_the_idle_timeout(client, bedrock):
    bedrock.script(Stall(["하나"]))
    received = []
    started = time.monotonic()

    with pytest.raises(BedrockStreamError) as failure:
        async for event in client.stream(SYSTEM, MESSAGES, max_tokens=64, temperature=0.5):
            received.append(event)
    elapsed = time.monotonic() - started

    assert received == [TextDelta("하나")]
    assert (failure.value.code, failure.value.after_first_chunk) == (BedrockErrorCode.TIMEOUT, True)
    assert READ_TIMEOUT <= elapsed < READ_TIMEOUT + 1.0
    # The timed-out stream was closed: the stand-in saw the client hang up.
    assert await bedrock.requests[0].wait_ended(2) == "disconnected"


async def test_stall_before_any_text_times_out_without_retry(client, bedrock):
    bedrock.script(Stall())

    with pytest.raises(BedrockStreamError) as failure:
        await collect(client)

    assert (failure.value.code, failure.value.after_first_chunk) == (BedrockErrorCode.TIMEOUT, False)
    assert len(bedrock.requests) == 1


async def test_the_idle_timeout_is_per_event_not_per_stream(client, bedrock):
    # Five gaps of 0.25 s take longer than READ_TIMEOUT in total, but none is longer alone.
    bedrock.script(Chunks(["a", "b", "c", "d", "e", "f"], delay=0.25), Stall(["x"], seconds=0.25, then=["y"]))

    assert "".join(texts(await collect(client))) == "abcdef"
    assert "".join(texts(await collect(client))) == "xy"


async def test_cancelling_the_consumer_closes_the_connection(client, bedrock):
    bedrock.script(Stall(["first"]))
    first_chunk = asyncio.Event()

    async def consume():
        async for _event in client.stream(SYSTEM, MESSAGES, max_tokens=64, temperature=0.5):
            first_chunk.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(first_chunk.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    started = time.monotonic()
    assert await bedrock.requests[0].wait_ended(2) == "disconnected"
    assert time.monotonic() - started < 0.5


async def test_closing_the_generator_closes_the_connection(client, bedrock):
    bedrock.script(Stall(["first"]))

    async with contextlib.aclosing(client.stream(SYSTEM, MESSAGES, max_tokens=64, temperature=0.5)) as events:
        assert await anext(events) == TextDelta("first")

    assert await bedrock.requests[0].wait_ended(2) == "disconnected"


async def test_fifty_concurrent_streams_complete(client, bedrock):
    def echo(body):
        asked = body["messages"][0]["content"][0]["text"]
        return [asked, " → ", "답장"]

    bedrock.responder = echo

    async def one(i):
        messages = [{"role": "user", "content": [{"text": f"질문 {i}"}]}]
        events = await collect(client, messages=messages)
        return "".join(texts(events)), events[-1]

    results = await asyncio.gather(*(one(i) for i in range(50)))

    assert [text for text, _ in results] == [f"질문 {i} → 답장" for i in range(50)]
    assert all(isinstance(done, StreamCompleted) for _, done in results)
    assert len(bedrock.requests) == 50
    assert {r.outcome for r in bedrock.requests} == {"completed"}


def test_stand_in_frames_decode_with_botocore():
    buffer = EventStreamBuffer()
    buffer.add_data(encode_event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": "설렘"}}))
    buffer.add_data(encode_exception("throttlingException", "slow down"))

    event, exception = list(buffer)

    assert event.headers == {
        ":event-type": "contentBlockDelta",
        ":content-type": "application/json",
        ":message-type": "event",
    }
    assert '"text":"설렘"' in event.payload.decode("utf-8")
    assert exception.headers[":exception-type"] == "throttlingException"
    assert exception.to_response_dict()["status_code"] == 400
