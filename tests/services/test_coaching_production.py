"""Production mode is configuration only: Bedrock for the replies and Comprehend for sentiment
and key phrases, here both local stand-ins speaking the real wire protocols."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.coach import ANSWER, coach_room, pieces
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.standins.bedrock_server import BedrockStandIn
from tests.support.standins.comprehend_server import ComprehendStandIn


@pytest.fixture(scope="module")
def stand_ins() -> Iterator[tuple[BedrockStandIn, ComprehendStandIn]]:
    with BedrockStandIn(responder=lambda body: pieces(ANSWER)) as bedrock, ComprehendStandIn() as comprehend:
        comprehend.sentiment = lambda text: ("POSITIVE", {"Positive": 0.81, "Negative": 0.02, "Neutral": 0.15, "Mixed": 0.02})
        comprehend.key_phrases = lambda text: ["주말"]
        yield bedrock, comprehend


@pytest.fixture(scope="module")
def server(stand_ins, database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    bedrock, comprehend = stand_ins
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    settings = make_settings(
        tmp_path_factory.mktemp("production"), database_dsn,
        AWS_REGION="ap-northeast-2", LOVEQ_ENGINE="bedrock",
        LOVEQ_BEDROCK_ENDPOINT_URL=bedrock.endpoint_url, LOVEQ_COMPREHEND_ENDPOINT_URL=comprehend.endpoint_url,
    )
    assert settings.coach.emotion == "comprehend", "Comprehend is the default with Bedrock"
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


async def test_sentiment_from_comprehend_labels_from_the_lexicon(server: LiveServer, stand_ins) -> None:
    _, comprehend = stand_ins
    client = GraphQLClient(server.graphql_url, server.token())
    room_id = await coach_room(client)
    message = "주말에 시간 돼요? 제 번호 010-9876-5432로 연락 줘요 " + "ㅎ" * 3000  # ~9,000 bytes of UTF-8
    analysis = (await client.mutate(ops.ANALYZE_MESSAGE, {"roomId": room_id, "message": message}, "analyzeMessage"))["analysis"]
    emotion = analysis["emotion"]
    assert emotion["sentiment"] == "POSITIVE" and emotion["scores"]["positive"] == pytest.approx(0.81)
    assert emotion["source"].startswith("comprehend") and "주말" in emotion["keyPhrases"]
    sentiment_calls = [r for r in comprehend.requests if r.operation == "DetectSentiment"]
    assert sentiment_calls and all(len(r.text.encode("utf-8")) <= 5000 for r in sentiment_calls)
    assert all("010-9876-5432" not in r.text for r in comprehend.requests), "masked before it leaves"
    assert all(r.body.get("LanguageCode") == "ko" for r in comprehend.requests)
