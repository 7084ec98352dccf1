"""Subscriptions over plain HTTP, where API Gateway and Lambda carry no WebSocket: GraphQL over
SSE (graphql-sse, distinct connections mode) and Apollo's multipart subscriptions, on /graphql,
with the WebSocket's AnalysisEvent stream and HTTP's authentication, guards and error shape.
The wire formats are read as the clients read them (tests/support/streams.py)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.loveq.test_authentication import bad_tokens
from tests.support import operations as ops
from tests.support import streams
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.coach import coach_room
from tests.support.server import LiveServer, ServerThread, make_settings

TRANSPORTS = {"sse": streams.over_sse, "multipart": streams.over_multipart}


def _events(streamed: streams.Streamed) -> list[dict]:
    return [result["data"]["analyzeMessage"] for result in streamed.results]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_analysis_streams_as_over_a_websocket(live_server: LiveServer, alice: GraphQLClient, transport: str) -> None:
    room_id = await coach_room(alice)
    variables = {"input": {"roomId": room_id}}
    streamed = await TRANSPORTS[transport](live_server.graphql_url, ops.ANALYZE_MESSAGE_STREAM, variables, token=alice.token)
    assert streamed.status == 200 and streamed.completed
    events = _events(streamed)
    kinds = [event["__typename"] for event in events]
    assert kinds[0] == "AdviceReady" and kinds[-1] == "AnalysisCompleted"
    assert set(kinds[1:-1]) == {"ReplyChunk"} and len(kinds) > 4
    for reply in events[-1]["analysis"]["replies"]:
        assert "".join(e["delta"] for e in events if e["__typename"] == "ReplyChunk" and e["risk"] == reply["risk"]) == reply["text"]
    # The same events as the WebSocket sends, in the same order.
    async with WebSocketSession(live_server.ws_url, init_payload={"Authorization": f"Bearer {alice.token}"}) as session:
        over_ws = [e["data"]["analyzeMessage"]["__typename"] for e in await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, variables)]
    assert over_ws[0] == "AdviceReady" and over_ws[-1] == "AnalysisCompleted" and set(over_ws[1:-1]) == {"ReplyChunk"}


async def test_sse_headers_and_framing(live_server: LiveServer, alice: GraphQLClient) -> None:
    """text/event-stream, not cached or buffered by proxies; `event: next` with one JSON line of
    data per result, then `event: complete` with an empty data line."""
    body = streams.request_body("{ viewer { id } }", None)
    headers = {"Accept": streams.SSE_ACCEPT, **alice.headers(), "X-Request-Id": "client-chosen-42"}
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(live_server.graphql_url, json=body, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/event-stream"
    assert response.headers["cache-control"] == "no-cache, no-transform"
    assert response.headers["x-request-id"] == "client-chosen-42"
    frames = response.text.split("\r\n\r\n")
    assert frames[0].startswith("event: next\r\ndata: {") and "\n" not in frames[0].split("data: ", 1)[1]
    assert frames[1] == "event: complete\r\ndata: " and frames[2:] == [""]


async def test_multipart_headers_and_framing(live_server: LiveServer, alice: GraphQLClient) -> None:
    """multipart/mixed with the `graphql` boundary and subscriptionSpec 1.0; each part JSON with
    its byte length (Korean text is longer in bytes than in characters); the closing boundary."""
    room_id = await coach_room(alice)
    body = streams.request_body(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}})
    headers = {"Accept": streams.APOLLO_MULTIPART_ACCEPT, **alice.headers()}
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(live_server.graphql_url, json=body, headers=headers)
    content_type, raw = response.headers["content-type"], response.content

    async def whole() -> AsyncIterator[bytes]:
        yield raw

    parts = [part async for part in streams.multipart_parts(content_type, whole())]
    assert raw.startswith(b"--graphql\r\n") and raw.endswith(b"\r\n--graphql--\r\n")
    assert content_type.startswith("multipart/mixed") and streams.boundary_of(content_type) == "graphql"
    assert "subscriptionSpec=1.0" in content_type
    assert all(part.headers["content-type"] == "application/json; charset=utf-8" for part in parts)
    payloads = [part.body["payload"] for part in parts if part.body]
    assert payloads[-1]["data"]["analyzeMessage"]["__typename"] == "AnalysisCompleted"
    hangul = [c for payload in payloads for c in json.dumps(payload, ensure_ascii=False) if "가" <= c <= "힣"]
    assert hangul, "Korean text in the parts, so their Content-Length must count bytes"


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("case", ["missing", "garbage", "expired", "wrong_audience"])
async def test_bad_credentials_are_refused_with_the_http_error_shape(
    live_server: LiveServer, transport: str, case: str
) -> None:
    token = None if case == "missing" else bad_tokens(live_server)[case]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    over_http = await GraphQLClient(live_server.graphql_url).execute(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": "x"}}, headers=headers)
    streamed = await TRANSPORTS[transport](
        live_server.graphql_url, ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": "x"}}, headers=headers
    )
    # Accepted as a stream (an EventSource would drop a 401 without a word), one result, then the end.
    assert streamed.status == over_http.status == 200 and streamed.completed
    assert streamed.results == [over_http.body]
    assert over_http.codes == ["UNAUTHENTICATED"] and over_http.data is None


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_room_of_someone_else_fails_as_an_event(
    live_server: LiveServer, alice: GraphQLClient, bob: GraphQLClient, transport: str
) -> None:
    room_id = await coach_room(alice)
    streamed = await TRANSPORTS[transport](live_server.graphql_url, ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}}, token=bob.token)
    assert streamed.completed and [e["__typename"] for e in _events(streamed)] == ["AnalysisFailed"]
    assert _events(streamed)[0]["code"] == "NOT_FOUND"


async def test_queries_and_mutations_also_run_over_sse(live_server: LiveServer, alice: GraphQLClient) -> None:
    viewer = await streams.over_sse(live_server.graphql_url, "{ viewer { id } }", token=alice.token)
    assert viewer.completed and viewer.results[0]["data"]["viewer"]["id"]
    created = await streams.over_sse(
        live_server.graphql_url, 'mutation { createPartner(input: {name: "", relationship: SOME}) { userErrors { code } } }',
        token=alice.token,
    )
    assert created.completed and created.results[0]["data"]["createPartner"]["userErrors"][0]["code"]


async def test_multipart_carries_subscriptions_only(live_server: LiveServer, alice: GraphQLClient) -> None:
    """Apollo Client asks for multipart on subscriptions only; a query sent so is refused in the
    stream (GraphQL over HTTP sends queries as JSON)."""
    streamed = await streams.over_multipart(live_server.graphql_url, "{ viewer { id } }", token=alice.token)
    assert streamed.completed and streamed.results[0]["data"] is None and streamed.results[0]["errors"]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_streams_are_rate_limited_like_http(tmp_path: Path, database_dsn: str, transport: str) -> None:
    """The per-caller request rate counts stream requests like any other: past it, 429 with
    Retry-After, and the refusal in the stream's own format."""
    settings = make_settings(tmp_path, database_dsn, LOVEQ_RATE_LIMIT="1", LOVEQ_RATE_LIMIT_BURST="1")
    with ServerThread(create_app(settings)) as url:
        token = build_local_issuer(settings).issue("rate@example.com")
        first = await TRANSPORTS[transport](f"{url}/graphql", ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": "x"}}, token=token)
        refused = await TRANSPORTS[transport](f"{url}/graphql", ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": "x"}}, token=token)
    assert first.status == 200 and first.results[0]["data"]["analyzeMessage"]["__typename"] == "AnalysisFailed"
    assert refused.status == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.completed and refused.results[0]["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
