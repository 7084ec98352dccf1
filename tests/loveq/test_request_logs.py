"""With LOVEQ_LOG_FORMAT=json, the service writes one JSON line per request (HTTP, SSE, multipart)
and per WebSocket operation, with the request id it echoes, the operation, timings, status,
error codes and the caller as a salted hash — and never message text, tokens or headers."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from loveq.log_format import handler
from tests.support import factory
from tests.support import operations as ops
from tests.support import streams
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.coach import coach_room
from tests.support.server import LiveServer, ServerThread, make_settings

SALT = "test-salt-7d1f"
MARKER = "로그비밀-Q7"  # Korean text that must never reach a log line


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """Everything the process logs from INFO up, as the service writes it with LOVEQ_LOG_FORMAT=json."""
    out = io.StringIO()
    root = logging.getLogger()
    installed, level = handler("json", out), root.level
    root.addHandler(installed)
    root.setLevel(logging.INFO)
    try:
        yield out
    finally:
        root.removeHandler(installed)
        root.setLevel(level)


@pytest.fixture
def server(tmp_path: Path, database_dsn: str) -> Iterator[LiveServer]:
    settings = make_settings(tmp_path, database_dsn, LOVEQ_LOG_FORMAT="json", LOVEQ_LOG_SALT=SALT)
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


def _lines(out: io.StringIO) -> list[dict]:
    text = out.getvalue()
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _request_line(lines: list[dict], request_id: str) -> dict:
    found = [line for line in lines if line.get("request_id") == request_id and line["logger"] == "loveq.request"]
    assert len(found) == 1, found
    return found[0]


async def _logged(out: io.StringIO, *markers: str) -> list[dict]:
    """The lines, once each marker is in them: a request's line is written after its answer was
    sent, so the client can be a moment ahead of it."""
    for _ in range(100):
        if all(marker in out.getvalue() for marker in markers):
            break
        await asyncio.sleep(0.05)
    return _lines(out)


def _user_hash(user_id: uuid.UUID) -> str:
    return hmac.new(SALT.encode(), user_id.bytes, hashlib.sha256).hexdigest()[:16]


async def _viewer_id(client: GraphQLClient) -> uuid.UUID:
    from graph.relay.global_id import decode_id_of

    user_id = decode_id_of((await client.ok("{ viewer { id } }"))["viewer"]["id"], "User")
    assert user_id is not None
    return user_id


async def test_one_line_per_request_over_every_transport(server: LiveServer, json_logs: io.StringIO) -> None:
    token = server.token()
    user = GraphQLClient(server.graphql_url, token)
    room_id = await coach_room(user)
    user_id = await _viewer_id(user)
    stream = {"input": {"roomId": room_id, "message": f"{MARKER} 주말에 뭐 해요?", "situation": f"{MARKER} 상황"}}
    async with httpx.AsyncClient(timeout=60) as http:
        # A query with the client's request id, echoed back.
        asked = await http.post(server.graphql_url, json={"query": "query Me { viewer { id } }", "operationName": "Me"},
                                headers={**user.headers(), "X-Request-Id": "req-query-1"})
        assert asked.headers["x-request-id"] == "req-query-1"
        # A mutation answered with HTTP 200 and a user error, and another without the id header.
        created = await http.post(server.graphql_url, headers={**user.headers(), "X-Request-Id": "req-mutation-1"}, json={
            "query": 'mutation { createPartner(input: {name: "", relationship: SOME}) { userErrors { code } } }'})
        refused = await http.post(server.graphql_url, json={"query": "{ viewer { id } }"},
                                  headers={"Authorization": "Bearer not-a-token"})
        generated_id = refused.headers["x-request-id"]
        # The analysis as a mutation, over SSE and over multipart.
        analysed = await http.post(server.graphql_url, json={"query": ops.ANALYZE_MESSAGE, "variables": stream},
                                   headers={**user.headers(), "X-Request-Id": "req-analyze-1"})
        assert analysed.status_code == 200 and not analysed.json().get("errors")
    sse = await streams.over_sse(server.graphql_url, ops.ANALYZE_MESSAGE_STREAM, stream, token=token,
                                 headers={"X-Request-Id": "req-sse-1"})
    multipart = await streams.over_multipart(server.graphql_url, ops.ANALYZE_MESSAGE_STREAM, stream, token=token,
                                             headers={"X-Request-Id": "req-multipart-1"})
    assert sse.completed and multipart.completed
    # A WebSocket: a subscription and a query, each its own line under the connection's id.
    async with WebSocketSession(server.ws_url, init_payload={"Authorization": f"Bearer {token}"}) as session:
        await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, stream)
        await session.execute("{ viewer { id } }")
    lines = await _logged(json_logs, "websocket closed", "req-query-1", "req-mutation-1", generated_id, "req-analyze-1",
                          "req-sse-1", "req-multipart-1")

    query = _request_line(lines, "req-query-1")
    assert query["message"] == "graphql http" and query["transport"] == "http"
    assert (query["operation"], query["operation_type"], query["field"]) == ("Me", "query", "viewer")
    assert query["status"] == 200 and query["error_codes"] == [] and query["duration_ms"] >= 0
    assert query["user"] == _user_hash(user_id) and query["level"] == "INFO" and query["time"].endswith("+00:00")
    mutation = _request_line(lines, "req-mutation-1")
    assert mutation["operation_type"] == "mutation" and mutation["field"] == "createPartner"
    assert mutation["status"] == 200 and mutation["error_codes"] in (["REQUIRED"], ["TOO_SHORT"])
    unauthenticated = _request_line(lines, generated_id)
    assert len(generated_id) == 32 and unauthenticated["error_codes"] == ["UNAUTHENTICATED"]
    assert unauthenticated["user"] is None
    assert _request_line(lines, "req-analyze-1")["field"] == "analyzeMessage"
    for request_id, transport in (("req-sse-1", "sse"), ("req-multipart-1", "multipart")):
        line = _request_line(lines, request_id)
        assert (line["transport"], line["operation_type"], line["field"]) == (transport, "subscription", "analyzeMessage")
        assert line["status"] == 200 and line["user"] == _user_hash(user_id)
    ws_lines = [line for line in lines if line.get("transport") == "ws"]
    assert [(line["operation_type"], line["field"]) for line in ws_lines] == [
        ("subscription", "analyzeMessage"), ("query", "viewer")]
    assert len({line["request_id"] for line in ws_lines}) == 1 and ws_lines[0]["user"] == _user_hash(user_id)
    closed = [line for line in lines if line["message"] == "websocket closed"]
    assert closed and closed[0]["request_id"] == ws_lines[0]["request_id"]

    text = json_logs.getvalue()
    for secret in (MARKER, "주말에 뭐 해요", token, token.split(".")[2], str(user_id), "Bearer"):
        assert secret not in text, f"{secret[:20]!r} reached the logs"


async def test_a_traceback_is_one_line(server: LiveServer, json_logs: io.StringIO, monkeypatch: pytest.MonkeyPatch) -> None:
    from datastore.stores.messages import MessageStore

    async def explode(self, *args, **kwargs):
        raise RuntimeError(f"failed on {MARKER}")

    user = GraphQLClient(server.graphql_url, server.token())
    room_id = await coach_room(user)
    monkeypatch.setattr(MessageStore, "latest_in_room", explode)
    async with httpx.AsyncClient(timeout=60) as http:
        failed = await http.post(server.graphql_url, headers={**user.headers(), "X-Request-Id": "req-boom-1"}, json={
            "query": ops.ANALYZE_MESSAGE, "variables": {"input": {"roomId": room_id, "message": f"{MARKER}?"}}})
    assert failed.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    lines = await _logged(json_logs, '"request_id":"req-boom-1","transport"')  # every line parses as one JSON object
    errors = [line for line in lines if line["level"] == "ERROR"]
    assert errors and errors[0]["request_id"] == "req-boom-1"
    assert "explode" in errors[0]["message"]  # the frames, in the one line's message
    assert _request_line(lines, "req-boom-1")["error_codes"] == ["INTERNAL_SERVER_ERROR"]
    assert MARKER not in json_logs.getvalue()


async def test_a_failed_stream_logs_no_text(server: LiveServer, json_logs: io.StringIO, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected failure inside a streamed analysis is logged by type and frames, never by
    its message (which may quote the user's text)."""
    from ai.coach.local.local_engine import LocalCoachEngine

    async def explode(self, request):
        raise RuntimeError(f"engine failed on {request.message}")
        yield  # an async generator, like the engine's

    user = GraphQLClient(server.graphql_url, server.token())
    room_id = await coach_room(user)
    monkeypatch.setattr(LocalCoachEngine, "generate", explode)
    streamed = await streams.over_sse(server.graphql_url, ops.ANALYZE_MESSAGE_STREAM,
                                      {"input": {"roomId": room_id, "message": f"{MARKER}?"}}, token=user.token,
                                      headers={"X-Request-Id": "req-stream-boom"})
    assert streamed.results[-1]["data"]["analyzeMessage"]["code"] == "INTERNAL"
    lines = await _logged(json_logs, '"request_id":"req-stream-boom","transport"')
    failure = [line for line in lines if line["level"] == "ERROR" and line.get("request_id") == "req-stream-boom"]
    assert failure and "RuntimeError" in failure[0]["message"] and "explode" in failure[0]["message"]
    assert _request_line(lines, "req-stream-boom")["error_codes"] == ["INTERNAL"]
    assert MARKER not in json_logs.getvalue()


def test_text_stays_the_local_default(tmp_path: Path, database_dsn: str) -> None:
    settings = make_settings(tmp_path, database_dsn)
    assert settings.log_format == "text" and settings.service_name is None
