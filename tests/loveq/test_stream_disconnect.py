"""A client that leaves an SSE or multipart subscription mid-stream stops the generation: the
request to the model is closed (Bedrock stops generating) and nothing is stored."""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support import operations as ops
from tests.support import streams
from tests.support.client import GraphQLClient
from tests.support.coach import ANSWER, coach_room, pieces
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.standins.bedrock_server import BedrockStandIn, Stall


@pytest.fixture(scope="module")
def bedrock() -> Iterator[BedrockStandIn]:
    with BedrockStandIn(responder=lambda body: pieces(ANSWER)) as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def server(bedrock: BedrockStandIn, database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    settings = make_settings(
        tmp_path_factory.mktemp("streams"), database_dsn,
        AWS_REGION="us-east-1", LOVEQ_ENGINE="bedrock", LOVEQ_EMOTION="local",
        LOVEQ_BEDROCK_ENDPOINT_URL=bedrock.endpoint_url, LOVEQ_GENERATION_IDLE_TIMEOUT="30",
    )
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


async def _stored(client: GraphQLClient, room_id: str) -> int:
    query = 'query($id: ID!) { node(id: $id) { ... on ChatRoom { analyses(first: 1) { totalCount } } } }'
    return (await client.ok(query, {"id": room_id}))["node"]["analyses"]["totalCount"]


async def _first_chunk(response: httpx.Response, transport: str) -> dict:
    """Reads until the first ReplyChunk, the way each client reads, then returns it."""
    if transport == "sse":
        async for item in streams.sse_events(response):
            if isinstance(item, streams.SseEvent) and item.event == "next":
                event = item.json()["data"]["analyzeMessage"]
                if event["__typename"] == "ReplyChunk":
                    return event
    else:
        async for part in streams.multipart_parts(response.headers["content-type"], response.aiter_bytes()):
            event = (part.body.get("payload") or {}).get("data", {}).get("analyzeMessage") if part.body else None
            if event and event["__typename"] == "ReplyChunk":
                return event
    raise AssertionError("the stream ended before any chunk")


@pytest.mark.parametrize("transport", ["sse", "multipart"])
async def test_leaving_mid_stream_cancels_the_generation(server: LiveServer, bedrock: BedrockStandIn, transport: str) -> None:
    user = GraphQLClient(server.graphql_url, server.token())
    room_id = await coach_room(user)
    bedrock.reset()
    into_safe = ANSWER.index("<safe>") + len("<safe>") + 6
    bedrock.script(Stall(pieces(ANSWER[:into_safe]), seconds=None))  # a reply begun, then silence until hung up on
    accept = streams.SSE_ACCEPT if transport == "sse" else streams.APOLLO_MULTIPART_ACCEPT
    body = streams.request_body(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}})
    async with httpx.AsyncClient(timeout=30) as http:
        async with http.stream("POST", server.graphql_url, json=body, headers={"Accept": accept, **user.headers()}) as response:
            assert response.status_code == 200
            assert (await _first_chunk(response, transport))["delta"]
    # The client is gone: the service closes its request to the model, which stops generating.
    request = bedrock.requests[-1]
    assert await request.wait_ended(timeout=10) == "disconnected"
    assert await _stored(user, room_id) == 0
    # And the generation's slot is free again: the same user may analyse at once.
    bedrock.reset()
    bedrock.responder = lambda body: pieces(ANSWER)
    again = await streams.over_sse(server.graphql_url, ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}}, token=user.token)
    assert again.results[-1]["data"]["analyzeMessage"]["__typename"] == "AnalysisCompleted"
