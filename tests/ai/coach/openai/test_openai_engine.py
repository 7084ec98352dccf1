"""The model engine on an OpenAI-compatible server end to end: the same prompt, parser, checks,
repair and events as on Bedrock, through the ``openai`` SDK and the SSE stand-in."""

from __future__ import annotations

from datetime import datetime

import pytest

from ai.coach.factory import build_engine
from ai.coach.llm.engine import ModelCoachEngine
from ai.coach.llm.prompt.system import SYSTEM
from ai.coach.types import (
    AdviceReady,
    ChatLine,
    CoachError,
    CoachErrorCode,
    CoachRequest,
    CoachResult,
    PartnerProfile,
    ReplyDelta,
    RiskLevel,
)
from tests.support.model_answers import BOLD, SAFE, SUMMARY, answer, pieces
from tests.support.standins.openai_server import Chunks, FailAfter, OpenAIStandIn, Stall, Throttle

REQUEST = CoachRequest(
    message="주말에 뭐 해요? 😊 저 망원빌라 302호로 이사했어요",
    message_sent_at=datetime(2026, 11, 20, 20, 15),
    situation="애프터 신청해도 될까요? 참고로 제 비번은 qwer1234!",
    partner=PartnerProfile(name="김지민", relationship="SOME"),
    recent_messages=(ChatLine("ME", "오늘 하루 어땠어요?", datetime(2026, 11, 20, 20, 1)),),
)


@pytest.fixture(scope="module")
def standin():
    with OpenAIStandIn() as server:
        yield server


@pytest.fixture
def server(standin):
    standin.reset()
    yield standin
    standin.reset()


@pytest.fixture
async def engine(server):
    engine = build_engine(
        "openai", base_url=f"{server.endpoint_url}/v1", model_id="qwen3:8b", read_timeout=0.5, total_timeout=5.0,
        max_attempts_before_first_chunk=2,
    )
    yield engine
    await engine.aclose()


async def collect(engine, request=REQUEST):
    return [event async for event in engine.generate(request)]


def streamed(events, risk):
    return "".join(e.text for e in events if isinstance(e, ReplyDelta) and e.risk is risk)


async def test_advice_first_then_each_reply_streamed(engine, server):
    server.script(Chunks(pieces(answer(), 5), delay=0.002))

    events = await collect(engine)

    assert isinstance(engine, ModelCoachEngine) and (engine.name, engine.model) == ("openai", "qwen3:8b")
    assert isinstance(events[0], AdviceReady) and events[0].advice.summary == SUMMARY
    result = events[-1]
    assert isinstance(result, CoachResult) and (result.engine, result.model) == ("openai", "qwen3:8b")
    assert result.replies[0].text == SAFE == streamed(events, RiskLevel.SAFE)
    assert streamed(events, RiskLevel.BOLD) == BOLD
    assert result.input_tokens > 0 and result.output_tokens > 0
    messages = server.requests[0].body["messages"]
    assert messages[0] == {"role": "system", "content": SYSTEM}  # the same prompt as on Bedrock
    assert "<reading>" in messages[1]["content"] and "사용자의 질문에 직접 답할 것" in messages[1]["content"]


async def test_nothing_personal_reaches_the_server(engine, server):
    server.script(Chunks([answer()]))
    await collect(engine)
    sent = server.requests[0].body_text
    for secret in ("망원빌라", "302호", "qwer1234!"):
        assert secret not in sent
    assert "[주소]" in sent and "[비밀번호]" in sent


async def test_an_invalid_answer_is_repaired_once(engine, server):
    first = answer(bold=None)
    server.script(Chunks(pieces(first)), Chunks(pieces(answer())))

    events = await collect(engine)

    assert events[-1].replies[2].text == BOLD == streamed(events, RiskLevel.BOLD)
    repair = server.requests[1].body["messages"]
    assert [m["role"] for m in repair] == ["system", "user", "assistant", "user"]
    assert "- <bold> is missing" in repair[3]["content"]


async def test_throttled_before_the_first_chunk_then_served(engine, server):
    server.script(Throttle(), Chunks(pieces(answer())))
    assert isinstance((await collect(engine))[-1], CoachResult)
    assert [r.outcome for r in server.requests] == ["http_error", "completed"]


async def test_a_broken_stream_after_replies_fails_after_the_first_chunk(engine, server):
    full = answer()
    server.script(FailAfter(pieces(full[: full.index("</balanced>")]), drop=True))
    events = []
    with pytest.raises(CoachError) as failure:
        async for event in engine.generate(REQUEST):
            events.append(event)
    assert (failure.value.code, failure.value.after_first_chunk) == (CoachErrorCode.UNAVAILABLE, True)
    assert streamed(events, RiskLevel.SAFE) == SAFE
    assert len(server.requests) == 1


async def test_a_stall_times_out_and_hangs_up(engine, server):
    full = answer()
    server.script(Stall(pieces(full[: full.index("지민 씨")])))
    with pytest.raises(CoachError) as failure:
        await collect(engine)
    assert (failure.value.code, failure.value.after_first_chunk) == (CoachErrorCode.TIMEOUT, True)
    assert await server.requests[0].wait_ended(2) == "disconnected"


async def test_partner_analysis(engine, server):
    insight = ('{"personality_traits": ["다정한 편"], "communication_style": "해요체로 말해요.", '
               '"topics_that_work": ["영화"], "cautions": []}')
    server.script(Chunks([insight]))
    result = await engine.analyze_partner(REQUEST.partner, ["안녕하세요"], None)
    assert (result.engine, result.model, result.personality_traits) == ("openai", "qwen3:8b", ("다정한 편",))


def test_the_factory_needs_a_url_and_a_model():
    with pytest.raises(ValueError, match="needs a base URL and a model"):
        build_engine("openai", model_id="qwen3:8b")
    with pytest.raises(ValueError, match="needs a base URL and a model"):
        build_engine("openai", base_url="http://localhost:11434/v1")
