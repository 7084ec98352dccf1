"""A request's work ends with it: a client that goes away cancels the work; a request past its
deadline answers REQUEST_TIMEOUT."""

from __future__ import annotations

import asyncio
from typing import Any

from loveq.http_limits import BodySizeLimit
from loveq.request_guard import RequestGuard
from loveq.settings import GuardSettings


async def test_a_client_that_goes_away_cancels_the_work() -> None:
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def slow_app(scope: Any, receive: Any, send: Any) -> None:
        assert (await receive())["body"] == b'{"query":"{ viewer { id } }"}'
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await incoming.put({"type": "http.request", "body": b'{"query":"{ viewer { id } }"}', "more_body": False})
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "headers": [(b"content-type", b"application/json")]}
    middleware = BodySizeLimit(slow_app, max_bytes=10_000, max_upload_bytes=10_000)
    request = asyncio.create_task(middleware(scope, incoming.get, send))
    await asyncio.wait_for(started.wait(), 5)
    await incoming.put({"type": "http.disconnect"})
    await asyncio.wait_for(request, 5)
    assert cancelled.is_set() and sent == []


async def test_a_finished_request_is_not_cancelled() -> None:
    async def quick_app(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await incoming.put({"type": "http.request", "body": b"{}", "more_body": False})
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    middleware = BodySizeLimit(quick_app, max_bytes=10_000, max_upload_bytes=10_000)
    await asyncio.wait_for(middleware({"type": "http", "headers": []}, incoming.get, send), 5)
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]


async def test_a_request_past_its_deadline_answers_request_timeout() -> None:
    guard = RequestGuard(GuardSettings(request_timeout_seconds=0.1), introspection=True)
    finished = asyncio.Event()

    async def slow() -> str:
        await asyncio.sleep(5)
        finished.set()
        return "never"

    result = await guard.within_deadline(slow)
    assert [e.extensions["code"] for e in result.errors] == ["REQUEST_TIMEOUT"] and not finished.is_set()


async def test_a_streaming_answer_is_cancelled_when_the_client_goes_away() -> None:
    """SSE and multipart answers are long: the buffered-body path still watches the connection
    while the stream is being sent, and cancels the stream (and what feeds it) on disconnect."""
    chunks_sent, cancelled = asyncio.Event(), asyncio.Event()

    async def streaming_app(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/event-stream")]})
        try:
            for number in range(1000):
                await send({"type": "http.response.body", "body": b"event: next\r\ndata: {}\r\n\r\n", "more_body": True})
                if number == 2:
                    chunks_sent.set()
                await asyncio.sleep(0.05)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await incoming.put({"type": "http.request", "body": b'{"query":"subscription { x }"}', "more_body": False})
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "headers": [(b"content-type", b"application/json")]}
    middleware = BodySizeLimit(streaming_app, max_bytes=10_000, max_upload_bytes=10_000)
    request = asyncio.create_task(middleware(scope, incoming.get, send))
    await asyncio.wait_for(chunks_sent.wait(), 5)
    await incoming.put({"type": "http.disconnect"})
    await asyncio.wait_for(request, 5)
    assert cancelled.is_set() and 3 <= len(sent) < 50
