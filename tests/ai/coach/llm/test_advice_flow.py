"""The model engine's advice and rules, over the Bedrock stand-in: the advice goes out before
any reply; bad advice is replaced by the local advice at once and repaired; a crisis without
109, or laughter to someone grieving, is repaired; a reply the reading forbids twice fails."""

from __future__ import annotations

from datetime import datetime

import aioboto3
import pytest

from ai.coach.bedrock.client import BedrockMessagesClient
from ai.coach.llm.engine import ModelCoachEngine
from ai.coach.llm.retry import RetryPolicy
from ai.coach.reading.advice import advise
from ai.coach.reading.read import read_situation
from ai.coach.types import (
    AdviceReady,
    ChatLine,
    CoachError,
    CoachErrorCode,
    CoachRequest,
    CoachResult,
    PartnerProfile,
    ReplyDelta,
    Signal,
)
from ai.emotion.local_analyzer import LocalEmotionAnalyzer
from tests.support.model_answers import SUMMARY, answer, pieces
from tests.support.standins.bedrock_server import BedrockStandIn, Chunks

NIGHT = datetime(2026, 11, 20, 23, 40)
REQUEST = CoachRequest(
    message="주말에 뭐 해요? 😊",
    message_sent_at=datetime(2026, 11, 20, 20, 15),
    partner=PartnerProfile(name="김지민", relationship="SOME"),
)
GRIEF = CoachRequest(
    message="할머니가 돌아가셨어… 지금 장례식장이야",
    message_sent_at=NIGHT,
    partner=PartnerProfile(name="서준", relationship="DATING"),
    recent_messages=(ChatLine("ME", "오늘 많이 바빴어?", datetime(2026, 11, 20, 19, 0)),),
)
CRISIS = CoachRequest(
    message="요즘 다 그만하고 싶다는 생각만 들어. 사라지고 싶어",
    message_sent_at=NIGHT,
    partner=PartnerProfile(name="하린", relationship="SOME"),
)
GENTLE = dict(safe="얼마나 힘들었어. 내가 곁에 있을게", balanced="말해 줘서 고마워. 지금 어디야?", bold="걱정돼. 지금 전화해도 될까?")


@pytest.fixture(scope="module")
def standin():
    with BedrockStandIn() as server:
        yield server


@pytest.fixture
def bedrock(standin):
    standin.reset()
    yield standin
    standin.reset()


@pytest.fixture
async def engine(bedrock):
    session = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    client = BedrockMessagesClient(
        session=session, region="us-east-1", endpoint_url=bedrock.endpoint_url, connect_timeout=2.0, read_timeout=5.0,
        retry=RetryPolicy(max_attempts=2, base=0.01),
    )
    engine = ModelCoachEngine(client, LocalEmotionAnalyzer(), total_timeout=10.0)
    yield engine
    await engine.aclose()


async def collect(engine, request=REQUEST):
    return [event async for event in engine.generate(request)]


def instruction(bedrock, number: int = 1) -> str:
    return bedrock.requests[number].body["messages"][2]["content"][0]["text"]


async def test_the_models_advice_goes_out_before_any_reply(engine, bedrock):
    bedrock.script(Chunks(pieces(answer(), 3)))
    events = await collect(engine)
    kinds = [type(e).__name__ for e in events]
    assert kinds[0] == "AdviceReady" and kinds.count("AdviceReady") == 1
    assert kinds.index("AdviceReady") < kinds.index("ReplyDelta")
    assert events[0].advice.summary == SUMMARY == events[-1].advice.summary


async def test_bad_advice_is_replaced_by_the_local_one_at_once_and_repaired(engine, bedrock):
    bedrock.script(Chunks(pieces(answer(signals="FLIRTING"))), Chunks(pieces(answer(summary="다시 읽어 보니 데이트 신청이에요."))))
    events = await collect(engine)
    local = advise(read_situation(REQUEST))
    assert events[0] == AdviceReady(local)  # the replies could stream behind it
    result = events[-1]
    assert result.advice.summary == "다시 읽어 보니 데이트 신청이에요."  # the repair's, valid: authoritative
    assert "<signals> holds 1 name(s) outside the list" in instruction(bedrock)
    assert sum(isinstance(e, AdviceReady) for e in events) == 1
    assert all(len("".join(e.text for e in events if isinstance(e, ReplyDelta) and e.risk is r.risk)) == len(r.text)
               for r in result.replies)  # nothing streamed twice


async def test_advice_bad_twice_falls_back_on_the_local_advice(engine, bedrock):
    bedrock.script(Chunks([answer(timing="SOON")]), Chunks([answer(timing="SOON")]))
    events = await collect(engine)
    result = events[-1]
    assert isinstance(result, CoachResult)
    assert result.advice == advise(read_situation(REQUEST)) == events[0].advice
    assert result.intent == result.advice.summary
    assert len(bedrock.requests) == 2


async def test_an_answer_without_any_advice_still_sends_advice_first(engine, bedrock):
    no_advice = answer()[answer().index("<safe>") :]
    bedrock.script(Chunks(pieces(no_advice)), Chunks(pieces(answer())))
    events = await collect(engine)
    assert isinstance(events[0], AdviceReady)
    assert "<summary> is missing" in instruction(bedrock)


async def test_a_crisis_without_109_is_repaired(engine, bedrock):
    without = answer(signals="DISTRESS", timing="NOW", summary="많이 지쳐 있어요.", recommendation="곁에 있어 주세요.",
                     cautions=(), **GENTLE)
    with_109 = answer(signals="CRISIS,DISTRESS", timing="NOW", summary="많이 지쳐 있어요.",
                      recommendation="곁에 있다고 말하고, 자살예방상담전화 109에 함께 연락해 보세요.", cautions=(), **GENTLE)
    bedrock.script(Chunks(pieces(without)), Chunks(pieces(with_109)))
    events = await collect(engine, CRISIS)
    result = events[-1]
    assert "109" in result.advice.recommendation and result.advice.signals[0] is Signal.CRISIS
    assert "자살예방상담전화 109" in instruction(bedrock)
    assert "109" in events[0].advice.recommendation + " ".join(events[0].advice.cautions)  # the local advice shown first


async def test_laughter_to_someone_grieving_is_repaired(engine, bedrock):
    laughing = answer(signals="GRIEF", safe="헐 ㅋㅋ 괜찮아?", balanced="많이 놀랐겠다", bold="필요하면 언제든 연락해")
    bedrock.script(Chunks(pieces(laughing)), Chunks(pieces(answer(signals="GRIEF", **GENTLE))))
    events = await collect(engine, GRIEF)
    result = events[-1]
    assert "ㅋ" not in result.replies[0].text
    assert "<safe> laughs (ㅋㅋ, ㅎㅎ or a playful emoji) although the partner is hurting" in instruction(bedrock)


async def test_a_forbidden_reply_twice_fails(engine, bedrock):
    laughing = answer(signals="GRIEF", safe="ㅋㅋ 힘내", balanced="많이 놀랐겠다", bold="필요하면 언제든 연락해")
    bedrock.script(Chunks([laughing]), Chunks([laughing]))
    with pytest.raises(CoachError) as failure:
        await collect(engine, GRIEF)
    assert failure.value.code is CoachErrorCode.INVALID_OUTPUT
    assert "laughs" in failure.value.message and "ㅋㅋ 힘내" not in failure.value.message


async def test_thinking_is_never_shown_and_cache_reads_are_counted(engine, bedrock, caplog):
    bedrock.script(Chunks(pieces(answer()), thinking=["상대가 주말을 묻는다. ", "<safe>이건 생각</safe>"],
                          input_tokens=3000, cache_read_tokens=2000, output_tokens=300))
    with caplog.at_level("INFO", logger="ai"):
        events = await collect(engine)
    result = events[-1]
    assert "이건 생각" not in "".join(e.text for e in events if isinstance(e, ReplyDelta))
    assert (result.input_tokens, result.output_tokens) == (3000, 300)
    assert any("cache_read_tokens=2000" in r.getMessage() for r in caplog.records)


async def test_replies_shown_valid_stand_when_only_the_advice_is_repaired(engine, bedrock):
    bedrock.script(Chunks(pieces(answer(timing="SOON"))), Chunks(pieces(answer(safe="완전히 다른 답장이에요"))))
    events = await collect(engine)
    result = events[-1]
    assert result.replies[0].text == "아직 계획 없어요! 지민 씨는요? 😊"  # what the user saw
    assert result.advice.timing.value == "NOW"  # the repair's advice
