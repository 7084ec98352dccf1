"""A request's work ends with it: a client that goes away cancels the work, its DataLoaders'
statements included; a request past its deadline answers REQUEST_TIMEOUT and stops them too."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest

from datastore.stores.partners import PartnerStore
from loveq.app import create_app
from loveq.auth import build_local_issuer
from loveq.http_limits import BodySizeLimit
from loveq.request_guard import RequestGuard
from loveq.settings import GuardSettings
from tests.support import factory
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer, ServerThread, make_settings


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


# Through the endpoint: a loader's batch runs in a task of its own, which the request's
# cancellation did not reach; its statement went on after the answer (services/loaders.py).

SLOW = "SELECT pg_sleep(25) /* slow partner batch */"
PARTNERS = "{ chatRooms(first: 5) { edges { node { partner { name } } } } }"


@pytest.fixture(scope="module")
def hasty_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = make_settings(
        tmp_path_factory.mktemp("hasty"), database_dsn, LOVEQ_REQUEST_TIMEOUT="1", LOVEQ_STATEMENT_TIMEOUT="30"
    )
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


def slow_partners(monkeypatch: pytest.MonkeyPatch) -> None:
    real = PartnerStore.get_many

    async def get_many(self: PartnerStore, ids: list[uuid.UUID]) -> Any:
        await self._conn.execute(SLOW)
        return await real(self, ids)

    monkeypatch.setattr(PartnerStore, "get_many", get_many)


async def _slow_statements(dsn: str) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE query = $1 AND state = 'active'", SLOW
        )
    finally:
        await conn.close()


async def _until(condition: Any, seconds: float) -> bool:
    """Whether `condition()` holds within `seconds` (well before the sleep would end alone)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await condition():
            return True
        await asyncio.sleep(0.1)
    return False


async def _room(client: GraphQLClient) -> None:
    partner = await factory.partner(client)
    await factory.room(client, partner["id"])


async def test_a_timed_out_request_stops_its_loaders_statements(hasty_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    client = GraphQLClient(hasty_server.graphql_url, hasty_server.token())
    await _room(client)
    slow_partners(monkeypatch)
    result = await client.execute(PARTNERS)
    assert result.codes == ["REQUEST_TIMEOUT"]
    assert await _until(lambda: _no_slow(hasty_server.dsn), 15), "the batch's statement went on after the answer"


async def test_a_client_that_hangs_up_stops_its_loaders_statements(hasty_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    client = GraphQLClient(hasty_server.graphql_url, hasty_server.token())
    await _room(client)
    slow_partners(monkeypatch)
    request = asyncio.create_task(client.execute(PARTNERS))
    assert await _until(lambda: _some_slow(hasty_server.dsn), 15)
    request.cancel()  # the client goes away while the batch's statement runs
    with contextlib.suppress(asyncio.CancelledError):
        await request
    assert await _until(lambda: _no_slow(hasty_server.dsn), 15), "the batch's statement went on after the hang-up"


async def _no_slow(dsn: str) -> bool:
    return await _slow_statements(dsn) == 0


async def _some_slow(dsn: str) -> bool:
    return await _slow_statements(dsn) > 0
