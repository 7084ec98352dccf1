"""The coach on an OpenAI-compatible server, end to end: the service (LOVEQ_ENGINE=openai) talks
to a local stand-in that speaks the streaming chat-completions protocol (SSE chunks, [DONE]),
so the ``openai`` SDK decodes real bytes; failures before and after the first chunk, a stall,
a client that goes away, and what must never reach the server."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.coach import ANSWER, SUMMARY, coach_room, pieces
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.standins.openai_server import Chunks, FailAfter, OpenAIStandIn, ServerError, Stall, Throttle


@pytest.fixture(scope="module")
def openai_server() -> Iterator[OpenAIStandIn]:
    with OpenAIStandIn(responder=lambda body: pieces(ANSWER)) as stand_in:
        yield stand_in


@pytest.fixture(autouse=True)
def fresh_script(openai_server: OpenAIStandIn) -> None:
    openai_server.reset()
    openai_server.responder = lambda body: pieces(ANSWER)


@pytest.fixture(scope="module")
def server(openai_server: OpenAIStandIn, database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = make_settings(
        tmp_path_factory.mktemp("openai"), database_dsn,
        LOVEQ_ENGINE="openai", LOVEQ_OPENAI_BASE_URL=f"{openai_server.endpoint_url}/v1", LOVEQ_OPENAI_MODEL="qwen3:8b",
        LOVEQ_OPENAI_API_KEY="sk-local", LOVEQ_GENERATION_IDLE_TIMEOUT="1",
    )
    assert settings.coach.emotion == "local", "no AWS needed for a model of one's own"
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


@pytest.fixture
def user(server: LiveServer) -> GraphQLClient:
    return GraphQLClient(server.graphql_url, server.token())


async def _stream(server: LiveServer, client: GraphQLClient, room_id: str, **extra) -> list[dict]:
    async with WebSocketSession(server.ws_url, init_payload={"Authorization": f"Bearer {client.token}"}) as session:
        events = await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id, **extra}})
    return [event["data"]["analyzeMessage"] for event in events]


async def test_advice_then_each_option_streamed(server: LiveServer, user: GraphQLClient, openai_server: OpenAIStandIn) -> None:
    room_id = await coach_room(user)
    events = await _stream(server, user, room_id)
    assert events[0]["__typename"] == "AdviceReady"
    assert events[-1]["__typename"] == "AnalysisCompleted"
    analysis = events[-1]["analysis"]
    assert (analysis["engine"], analysis["model"]) == ("openai", "qwen3:8b")
    assert analysis["intent"] == SUMMARY
    chunks = [e for e in events if e["__typename"] == "ReplyChunk"]
    for reply in analysis["replies"]:
        assert "".join(c["delta"] for c in chunks if c["risk"] == reply["risk"]) == reply["text"]
    sent = openai_server.requests[-1]
    assert sent.headers["authorization"] == "Bearer sk-local"
    assert "이번 주말에 뭐 해요?" in sent.body_text and "<reading>" in sent.body_text


async def test_nothing_personal_reaches_the_server(server: LiveServer, user: GraphQLClient, openai_server: OpenAIStandIn) -> None:
    secrets = ["010-1234-5678", "망원빌라 302호", "1234*", "qwer1234!", "래미안 101동 1203호"]
    room_id = await coach_room(user, description=f"집은 {secrets[4]}")
    await factory.add_messages(user, room_id, [
        {"sender": "PARTNER", "text": f"우리 집 {secrets[1]}이야, 공동현관 비밀번호 {secrets[2]}", "sentAt": "2026-11-20T21:00:00+09:00"},
    ])
    events = await _stream(server, user, room_id, situation=f"넷플 비번은 {secrets[3]} 알려줘도 될까요? 제 번호 {secrets[0]}")
    assert events[-1]["__typename"] == "AnalysisCompleted"
    sent = "\n".join(request.body_text for request in openai_server.requests)
    for secret in secrets:
        assert secret not in sent, f"{secret!r} reached the model"
    assert "[주소]" in sent and "[비밀번호]" in sent and "[전화번호]" in sent


async def test_busy_server_before_the_first_chunk_is_retried(server: LiveServer, user: GraphQLClient, openai_server: OpenAIStandIn) -> None:
    room_id = await coach_room(user)
    openai_server.script(Throttle(), ServerError(), Chunks(pieces(ANSWER)))
    events = await _stream(server, user, room_id)
    assert events[-1]["__typename"] == "AnalysisCompleted"
    assert [r.outcome for r in openai_server.requests] == ["http_error", "http_error", "completed"]


async def test_a_stream_broken_after_chunks_fails_without_retry(server: LiveServer, user: GraphQLClient, openai_server: OpenAIStandIn) -> None:
    room_id = await coach_room(user)
    openai_server.script(FailAfter(pieces(ANSWER[: ANSWER.index("</balanced>")]), drop=True))
    events = await _stream(server, user, room_id)
    assert events[0]["__typename"] == "AdviceReady"
    assert events[-1]["__typename"] == "AnalysisFailed" and events[-1]["code"] == "UNAVAILABLE"
    assert len(openai_server.requests) == 1


async def test_a_stalled_model_times_out(server: LiveServer, user: GraphQLClient, openai_server: OpenAIStandIn) -> None:
    room_id = await coach_room(user)
    openai_server.script(Stall(pieces(ANSWER)[:5], seconds=10))
    events = await _stream(server, user, room_id)
    assert events[-1]["__typename"] == "AnalysisFailed" and events[-1]["code"] == "TIMEOUT"


async def test_disconnecting_cancels_the_generation(server: LiveServer, user: GraphQLClient, openai_server: OpenAIStandIn) -> None:
    room_id = await coach_room(user)
    openai_server.script(Stall(pieces(ANSWER)[:30], seconds=None))
    async with WebSocketSession(server.ws_url, init_payload={"Authorization": f"Bearer {user.token}"}) as session:
        op = await session.start(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}})
        first = json.loads(await session.ws.recv())
        assert first["id"] == op and first["type"] == "next"
    assert await openai_server.requests[-1].wait_ended(timeout=5) == "disconnected"
