"""The coach on the Bedrock path, end to end: the service talks to a local stand-in that speaks
the Anthropic Messages API inside Bedrock's InvokeModelWithResponseStream, so aioboto3 decodes real
event-stream bytes."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator

import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.coach import ANSWER, coach_room, pieces
from tests.support.standins.bedrock_server import BedrockStandIn, Chunks, FailAfter, Stall, Throttle

@pytest.fixture(scope="module")
def bedrock() -> Iterator[BedrockStandIn]:
    with BedrockStandIn(responder=lambda body: pieces(ANSWER)) as stand_in:
        yield stand_in


@pytest.fixture(autouse=True)
def fresh_script(bedrock: BedrockStandIn) -> None:
    bedrock.reset()
    bedrock.responder = lambda body: pieces(ANSWER)


@pytest.fixture(scope="module")
def server(bedrock: BedrockStandIn, database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    settings = make_settings(
        tmp_path_factory.mktemp("bedrock"), database_dsn,
        AWS_REGION="us-east-1", LOVEQ_ENGINE="bedrock", LOVEQ_EMOTION="local",
        LOVEQ_BEDROCK_ENDPOINT_URL=bedrock.endpoint_url, LOVEQ_GENERATION_IDLE_TIMEOUT="1",
        LOVEQ_MAX_GENERATIONS_PER_USER="1",
    )
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


@pytest.fixture
def user(server: LiveServer) -> GraphQLClient:
    return GraphQLClient(server.graphql_url, server.token())


async def _stream(server: LiveServer, client: GraphQLClient, room_id: str, **extra) -> list[dict]:
    async with WebSocketSession(server.ws_url, init_payload={"Authorization": f"Bearer {client.token}"}) as session:
        events = await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id, **extra}})
    return [event["data"]["analyzeMessage"] for event in events]


async def _stored(client: GraphQLClient, room_id: str) -> int:
    query = 'query($id: ID!) { node(id: $id) { ... on ChatRoom { analyses(first: 1) { totalCount } } } }'
    return (await client.ok(query, {"id": room_id}))["node"]["analyses"]["totalCount"]


async def test_streams_each_option_as_it_is_generated(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    room_id = await coach_room(user)
    events = await _stream(server, user, room_id)
    assert events[-1]["__typename"] == "AnalysisCompleted"
    analysis = events[-1]["analysis"]
    assert analysis["engine"] == "bedrock" and analysis["model"].startswith(("us.", "global.", "anthropic."))
    assert [r["text"] for r in analysis["replies"]] == [
        "아직 계획 없어요! 지민씨는요?", "아직 비어 있어요 ㅎㅎ 같이 러닝할래요?", "토요일에 시간 되면 저랑 카페 투어 가요!"]
    chunks = [e for e in events if e["__typename"] == "ReplyChunk"]
    assert len(chunks) > 6
    for reply in analysis["replies"]:
        assert "".join(c["delta"] for c in chunks if c["risk"] == reply["risk"]) == reply["text"]
    assert analysis["intent"] == "주말에 만나자고 돌려 말하고 있어요."
    assert analysis["usage"]["inputTokens"] > 0 and analysis["usage"]["outputTokens"] > 0
    assert await _stored(user, room_id) == 1
    sent = bedrock.requests[-1]
    assert "이번 주말에 뭐 해요?" in sent.body_text and "러닝" in sent.body_text  # the prompt carries the room
    assert "관심도 점수" in sent.body_text  # and the room's insights


async def test_personal_data_is_masked_before_it_leaves(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    secrets = ["010-1234-5678", "jimin.kim@example.com", "900101-1234567", "4111 1111 1111 1111",
               "110-123-456789", "서울특별시 마포구 양화로 45"]
    room_id = await coach_room(user, description=f"회사 메일 {secrets[1]}, 집은 {secrets[5]}")
    await factory.add_messages(user, room_id, [
        {"sender": "PARTNER", "text": f"제 번호 {secrets[0]} 이에요", "sentAt": "2026-11-20T21:00:00+09:00"},
    ])
    situation = f"주민번호 {secrets[2]} 카드 {secrets[3]} 계좌 {secrets[4]} 로 보내래요"
    events = await _stream(server, user, room_id, message=f"여기로 연락 줘요 {secrets[0]}", situation=situation)
    assert events[-1]["__typename"] == "AnalysisCompleted"
    sent = "\n".join(request.body_text for request in bedrock.requests)
    for secret in secrets:
        assert secret not in sent, f"{secret!r} reached the model"
        assert secret.replace(" ", "") not in sent.replace(" ", "")
    assert "[전화번호]" in sent and "[이메일]" in sent and "[주민번호]" in sent


async def test_throttling_before_the_first_chunk_is_retried(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    room_id = await coach_room(user)
    bedrock.script(Throttle(), Throttle(), Chunks(pieces(ANSWER)))
    events = await _stream(server, user, room_id)
    assert events[-1]["__typename"] == "AnalysisCompleted"
    assert len(bedrock.requests) == 3


async def test_failure_after_chunks_stores_nothing(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    room_id = await coach_room(user)
    into_balanced = ANSWER.index("<balanced>") + len("<balanced>") + 6
    bedrock.script(FailAfter(pieces(ANSWER[:into_balanced])))
    events = await _stream(server, user, room_id)
    safe_text = "".join(e["delta"] for e in events if e["__typename"] == "ReplyChunk" and e["risk"] == "SAFE")
    assert safe_text == "아직 계획 없어요! 지민씨는요?"
    assert events[-1] == {"__typename": "AnalysisFailed", "code": "MODEL_ERROR", "message": events[-1]["message"]}
    assert await _stored(user, room_id) == 0
    assert len(bedrock.requests) == 1, "text already went to the user: no retry"


async def test_a_stalled_model_times_out(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    room_id = await coach_room(user)
    bedrock.script(Stall(pieces(ANSWER)[:5], seconds=10))
    events = await _stream(server, user, room_id)
    assert events[-1]["__typename"] == "AnalysisFailed" and events[-1]["code"] == "TIMEOUT"
    assert await _stored(user, room_id) == 0


async def test_invalid_answer_gets_one_repair(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    room_id = await coach_room(user)
    broken = ANSWER.replace("<bold>토요일에 시간 되면 저랑 카페 투어 가요!</bold>", "")
    bedrock.script(Chunks(pieces(broken)), Chunks(pieces(ANSWER)))
    events = await _stream(server, user, room_id)
    assert events[-1]["__typename"] == "AnalysisCompleted" and len(bedrock.requests) == 2
    bedrock.script(Chunks(pieces(broken)), Chunks(pieces(broken)))
    events = await _stream(server, user, room_id)
    assert events[-1]["__typename"] == "AnalysisFailed" and events[-1]["code"] == "INVALID_OUTPUT"


async def test_disconnecting_cancels_the_generation(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    room_id = await coach_room(user)
    bedrock.script(Stall(pieces(ANSWER)[:8], seconds=None))
    async with WebSocketSession(server.ws_url, init_payload={"Authorization": f"Bearer {user.token}"}) as session:
        op = await session.start(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}})
        first = json.loads(await session.ws.recv())
        assert first["id"] == op and first["type"] == "next"
    request = bedrock.requests[-1]
    assert await request.wait_ended(timeout=5) == "disconnected"
    assert await _stored(user, room_id) == 0


async def test_concurrent_generations_are_limited(server: LiveServer, user: GraphQLClient, bedrock: BedrockStandIn) -> None:
    room_id = await coach_room(user)
    bedrock.script(Chunks(pieces(ANSWER), delay=0.3))  # a slow generation, well within the idle timeout
    async with WebSocketSession(server.ws_url, init_payload={"Authorization": f"Bearer {user.token}"}) as session:
        op = await session.start(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}})
        first = json.loads(await session.ws.recv())
        assert first["id"] == op and first["payload"]["data"]["analyzeMessage"]["__typename"] == "AdviceReady"
        second_event = json.loads(await session.ws.recv())
        assert second_event["payload"]["data"]["analyzeMessage"]["__typename"] == "ReplyChunk"
        result = await user.execute(ops.ANALYZE_MESSAGE, {"input": {"roomId": room_id}})
        assert result.codes == ["RATE_LIMITED"]
        second = await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}})
        assert second[-1]["data"]["analyzeMessage"]["code"] == "RATE_LIMITED"
        await session.stop(op)
    await asyncio.sleep(0.2)
    other = GraphQLClient(server.graphql_url, server.token())
    other_room = await coach_room(other)
    assert (await other.ok(ops.ANALYZE_MESSAGE, {"input": {"roomId": other_room}}))["analyzeMessage"]["analysis"]
