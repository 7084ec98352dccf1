"""Building engines and analysers from settings, and the production wiring end to end:
Bedrock (stand-in) + Comprehend (stand-in) through the factory."""

from __future__ import annotations

import aioboto3
import pytest

from ai.coach.bedrock.bedrock_engine import BedrockCoachEngine
from ai.coach.engine import CoachEngine
from ai.coach.factory import build_emotion_analyzer, build_engine
from ai.coach.local.local_engine import LocalCoachEngine
from ai.coach.types import CoachRequest, CoachResult, PartnerProfile, ReplyDelta, Sentiment
from ai.emotion.comprehend import ComprehendAnalyzer
from ai.emotion.local_analyzer import LocalEmotionAnalyzer
from tests.support.bedrock_answers import answer, pieces
from tests.support.standins.bedrock_server import BedrockStandIn, Chunks
from tests.support.standins.comprehend_server import ComprehendStandIn

SESSION = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test")


def test_local_by_default_names():
    engine = build_engine("local")
    assert isinstance(engine, LocalCoachEngine) and isinstance(engine, CoachEngine)
    assert isinstance(build_emotion_analyzer("local"), LocalEmotionAnalyzer)


def test_bad_kinds_and_missing_regions_are_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        build_engine("gpt")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a region"):
        build_engine("bedrock")
    with pytest.raises(ValueError, match="unknown emotion analyser"):
        build_emotion_analyzer("vader")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a region"):
        build_emotion_analyzer("comprehend")


async def test_bedrock_with_comprehend_end_to_end():
    with BedrockStandIn() as bedrock, ComprehendStandIn() as comprehend:
        comprehend.sentiment = lambda text: ("POSITIVE", {"Positive": 0.8, "Negative": 0.0, "Neutral": 0.2, "Mixed": 0.0})
        comprehend.key_phrases = lambda text: ["주말"]
        bedrock.script(Chunks(pieces(answer())))
        analyzer = build_emotion_analyzer(
            "comprehend", session=SESSION, region="ap-northeast-2", endpoint_url=comprehend.endpoint_url
        )
        engine = build_engine(
            "bedrock", session=SESSION, region="ap-northeast-2", model_id="global.anthropic.claude-sonnet-4-6",
            endpoint_url=bedrock.endpoint_url, read_timeout=2.0, emotion=analyzer,
        )
        assert isinstance(analyzer, ComprehendAnalyzer) and isinstance(engine, BedrockCoachEngine)
        try:
            await engine.warm_up()
            request = CoachRequest(
                message="주말에 뭐 해요? 😊 제 번호는 010-2222-3333이에요",
                partner=PartnerProfile(name="지민", relationship="SOME"),
            )
            events = [event async for event in engine.generate(request)]
        finally:
            await engine.aclose()

        result = events[-1]
        assert isinstance(result, CoachResult)
        assert any(isinstance(e, ReplyDelta) for e in events)
        assert result.model == "global.anthropic.claude-sonnet-4-6"
        assert bedrock.requests[0].model_id == "global.anthropic.claude-sonnet-4-6"
        assert result.emotion.source == "comprehend+lexicon+model"
        assert result.emotion.sentiment is Sentiment.POSITIVE
        assert result.emotion.key_phrases[0] == "주말"
        for received in comprehend.requests:
            assert "010-2222-3333" not in received.text and "[전화번호]" in received.text
        assert "010-2222-3333" not in bedrock.requests[0].body_text
