"""Building engines and analysers from settings, and the production wiring end to end:
Bedrock (stand-in) + Comprehend (stand-in) through the factory; what reaches Comprehend and what
it echoes as key phrases carries no personal data."""

from __future__ import annotations

import aioboto3
import pytest

from ai.coach.llm.engine import ModelCoachEngine
from ai.coach.engine import CoachEngine
from ai.coach.factory import build_emotion_analyzer, build_engine
from ai.coach.local.local_engine import LocalCoachEngine
from ai.coach.types import CoachRequest, CoachResult, PartnerProfile, ReplyDelta, Sentiment
from ai.emotion.comprehend import ComprehendAnalyzer
from ai.emotion.local_analyzer import LocalEmotionAnalyzer
from tests.support.model_answers import answer, pieces
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
    with pytest.raises(ValueError, match="needs a base URL"):
        build_engine("openai")
    with pytest.raises(ValueError, match="needs a region"):
        build_engine("bedrock")
    with pytest.raises(ValueError, match="unknown emotion analyser"):
        build_emotion_analyzer("vader")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a region"):
        build_emotion_analyzer("comprehend")


async def test_bedrock_with_comprehend_end_to_end():
    with BedrockStandIn() as bedrock, ComprehendStandIn() as comprehend:
        comprehend.sentiment = lambda text: ("POSITIVE", {"Positive": 0.8, "Negative": 0.0, "Neutral": 0.2, "Mixed": 0.0})
        comprehend.key_phrases = lambda text: ["주말", *text.split()]  # echoes what it received
        bedrock.script(Chunks(pieces(answer())))
        analyzer = build_emotion_analyzer(
            "comprehend", session=SESSION, region="ap-northeast-2", endpoint_url=comprehend.endpoint_url
        )
        engine = build_engine(
            "bedrock", session=SESSION, region="ap-northeast-2", model_id="global.anthropic.claude-sonnet-5-5",
            endpoint_url=bedrock.endpoint_url, read_timeout=2.0, emotion=analyzer,
        )
        assert isinstance(analyzer, ComprehendAnalyzer) and isinstance(engine, ModelCoachEngine)
        try:
            await engine.warm_up()
            request = CoachRequest(
                message="주말에 뭐 해요? 😊 제 번호는 010-2222-3333이에요. 망원빌라 302호, 공동현관 비밀번호 1234* 예요",
                partner=PartnerProfile(name="지민", relationship="SOME"),
            )
            events = [event async for event in engine.generate(request)]
        finally:
            await engine.aclose()

        result = events[-1]
        assert isinstance(result, CoachResult)
        assert any(isinstance(e, ReplyDelta) for e in events)
        assert result.model == "global.anthropic.claude-sonnet-5-5"
        assert bedrock.requests[0].model_id == "global.anthropic.claude-sonnet-5-5"
        assert result.emotion.source == "comprehend+lexicon+model"
        assert result.emotion.sentiment is Sentiment.POSITIVE
        assert result.emotion.key_phrases[0] == "주말"
        secrets = ("010-2222-3333", "망원빌라", "302호", "1234*")
        for received in comprehend.requests:
            assert "[전화번호]" in received.text and "[주소]" in received.text and "[비밀번호]" in received.text
            assert not any(secret in received.text for secret in secrets)
        assert not any(secret in phrase for phrase in result.emotion.key_phrases for secret in secrets)
        assert not any(secret in bedrock.requests[0].body_text for secret in secrets)
