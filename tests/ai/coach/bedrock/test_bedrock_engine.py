"""The model engine on Bedrock end to end: reading and prompt -> aioboto3
``invoke_model_with_response_stream`` -> the Messages-API stand-in over real HTTP -> incremental
parsing -> the advice first, the replies streamed, checks, repair and failures."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import datetime

import aioboto3
import pytest

from ai.coach.bedrock.client import DEFAULT_MODEL_ID, BedrockMessagesClient
from ai.coach.llm.engine import ModelCoachEngine
from ai.coach.llm.retry import RetryPolicy
from ai.coach.reading.advice import advise
from ai.coach.reading.read import read_situation
from ai.coach.types import (
    AdviceReady,
    RISK_ORDER,
    ChatLine,
    CoachError,
    CoachErrorCode,
    CoachRequest,
    CoachResult,
    EmotionLabelScore,
    EmotionResult,
    PartnerInsight,
    PartnerProfile,
    ReplyDelta,
    RiskLevel,
    Sentiment,
    Signal,
)
from ai.korean.speech_style import analyze_speech
from tests.support.model_answers import BALANCED, BOLD, SAFE, SUMMARY, answer, pieces
from tests.support.standins.bedrock_server import BedrockStandIn, Chunks, FailAfter, Stall, Throttle

READ_TIMEOUT = 1.0  # long enough for a loaded CI machine to answer; the stall tests wait this long

class FixedEmotion:
    name = "fixed"

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.seen: list[str] = []
        self.closed = False

    async def analyze(self, text: str) -> EmotionResult:
        self.seen.append(text)
        if self.fail:
            raise RuntimeError("analyser down")
        return EmotionResult(
            sentiment=Sentiment.POSITIVE,
            scores={Sentiment.POSITIVE: 0.7, Sentiment.NEGATIVE: 0.0, Sentiment.NEUTRAL: 0.3, Sentiment.MIXED: 0.0},
            labels=(EmotionLabelScore("JOY", "기쁨", 1.0),),
            intensity=0.5,
            key_phrases=("주말",),
            source="lexicon",
        )

    async def warm_up(self) -> None:
        return None

    async def aclose(self) -> None:
        self.closed = True


REQUEST = CoachRequest(
    message="주말에 뭐 해요? 😊",
    message_sent_at=datetime(2024, 5, 3, 20, 15),
    situation="애프터 신청하고 싶은데 너무 들이대는 건 싫어",
    partner=PartnerProfile(name="김지민", relationship="SOME", age=29, mbti="ENFP", interests=("영화", "러닝")),
    partner_style=analyze_speech(["오늘 회사 너무 바빴어요 ㅠㅠ", "ㅋㅋㅋ 진짜요? 저도 그 영화 보고 싶었어요", "주말에 뭐 해요? 😊"]),
    recent_messages=(
        ChatLine("ME", "오늘 하루 어땠어요?", datetime(2024, 5, 3, 20, 1)),
        ChatLine("PARTNER", "오늘 회사 너무 바빴어요 ㅠㅠ", datetime(2024, 5, 3, 20, 10)),
        ChatLine("PARTNER", "주말에 뭐 해요? 😊", datetime(2024, 5, 3, 20, 15)),
    ),
)


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
async def client(bedrock):
    session = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    client = BedrockMessagesClient(
        session=session,
        region="us-east-1",
        endpoint_url=bedrock.endpoint_url,
        connect_timeout=2.0,
        read_timeout=READ_TIMEOUT,
        retry=RetryPolicy(max_attempts=3, base=0.01),
    )
    yield client
    await client.aclose()


@pytest.fixture
def emotion():
    return FixedEmotion()


@pytest.fixture
def engine(client, emotion):
    return ModelCoachEngine(client, emotion, total_timeout=5.0)


async def collect(engine, request=REQUEST):
    return [event async for event in engine.generate(request)]


def streamed(events, risk: RiskLevel) -> str:
    return "".join(e.text for e in events if isinstance(e, ReplyDelta) and e.risk is risk)


# --- the happy path --------------------------------------------------------------------------


async def test_deltas_arrive_per_option_in_order_and_before_the_stream_ends(engine, bedrock):
    bedrock.script(Chunks(pieces(answer()), delay=0.01))  # ~0.7 s of pieces after SAFE's first
    events = []
    ended_at_first_delta = None

    async for event in engine.generate(REQUEST):
        if isinstance(event, ReplyDelta) and ended_at_first_delta is None:
            ended_at_first_delta = bedrock.requests[0].ended
        events.append(event)

    assert ended_at_first_delta is False  # streamed while Bedrock was still generating
    deltas = [e for e in events if isinstance(e, ReplyDelta)]
    assert len(deltas) > 10
    risks = [d.risk for d in deltas]
    assert risks == sorted(risks, key=RISK_ORDER.index)
    assert set(risks) == set(RISK_ORDER)
    result = events[-1]
    assert isinstance(result, CoachResult)
    assert sum(isinstance(e, CoachResult) for e in events) == 1
    assert [r.text for r in result.replies] == [SAFE, BALANCED, BOLD]
    for option in result.replies:
        assert streamed(events, option.risk) == option.text
    assert [r.confidence for r in result.replies] == [0.82, 0.7, 0.55]
    assert result.replies[1].explanation == "balanced 이유를 한 문장으로 써요."
    assert result.intent == result.advice.summary == SUMMARY
    assert isinstance(events[0], AdviceReady) and events[0].advice == result.advice
    assert result.advice.signals == (Signal.INVITATION, Signal.QUESTION)
    assert result.intent_tags == ("INVITATION", "QUESTION")
    assert (result.engine, result.model) == ("bedrock", DEFAULT_MODEL_ID)
    assert result.input_tokens > 0 and result.output_tokens == len(pieces(answer()))
    assert result.latency_ms >= 0


async def test_the_request_carries_the_korean_prompt(engine, bedrock):
    bedrock.script(Chunks([answer()]))
    await collect(engine)

    [request] = bedrock.requests
    assert request.model_id == DEFAULT_MODEL_ID == "global.anthropic.claude-sonnet-5-5"
    assert request.path == f"/model/{DEFAULT_MODEL_ID}/invoke-with-response-stream"
    assert request.headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=test/")
    body = request.body
    assert set(body) == {"anthropic_version", "max_tokens", "system", "messages"}  # no temperature: Claude 5 refuses it
    assert (body["anthropic_version"], body["max_tokens"]) == ("bedrock-2023-05-31", 2500)
    [system] = body["system"]
    assert system["cache_control"] == {"type": "ephemeral"}  # the stable prefix is cached
    assert "자살예방상담전화 109" in system["text"] and "<balanced_conf>" in system["text"]
    [message] = body["messages"]
    user = message["content"][0]["text"]
    assert message["role"] == "user" and message["content"][0]["type"] == "text"
    for expected in ("이름: 김지민", "관계: 썸 타는 사이", "관심사: 영화, 러닝", "김지민님의 말투:", "<reading>\n신호:",
                     "— 2024-05-03(금) —\n[20:01] 나: 오늘 하루 어땠어요?\n[20:10] 김지민: 오늘 회사 너무 바빴어요 ㅠㅠ",
                     "애프터 신청하고 싶은데", '<message sent_at="2024-05-03(금) 20:15">\n주말에 뭐 해요? 😊\n</message>'):
        assert expected in user, expected
    assert "MBTI" not in user and "ENFP" not in user
    # The analysed message is not repeated as the last line of the history.
    assert "[20:15] 김지민: 주말에 뭐 해요?" not in user


async def test_emotion_combines_the_analyser_and_the_model(engine, bedrock, emotion):
    bedrock.script(Chunks([answer()]))
    result = (await collect(engine))[-1]

    assert emotion.seen == ["주말에 뭐 해요? 😊"]
    assert result.emotion.source == "lexicon+model"
    assert result.emotion.sentiment is Sentiment.POSITIVE
    assert [(label.key, label.korean) for label in result.emotion.labels] == [("JOY", "기쁨"), ("EXCITEMENT", "설렘")]
    assert result.emotion.labels[0].score == 0.6 and result.emotion.labels[1].score == 0.4
    assert result.emotion.intensity == 0.6
    assert result.emotion.key_phrases == ("주말",)


async def test_a_failing_analyser_leaves_the_models_reading(client, bedrock):
    engine = ModelCoachEngine(client, FixedEmotion(fail=True))
    bedrock.script(Chunks([answer()]))
    result = (await collect(engine))[-1]

    assert result.emotion.source == "model"
    assert result.emotion.labels[0].korean == "설렘"


async def test_fifty_concurrent_generations(bedrock):
    bedrock.responder = lambda body: pieces(answer(), 20)
    # Its own client: the shared one's 0.4 s idle timeout is for the stall tests, and fifty
    # streams on a busy machine may well pause longer than that.
    session = aioboto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    client = BedrockMessagesClient(
        session=session, region="us-east-1", endpoint_url=bedrock.endpoint_url, connect_timeout=5.0, read_timeout=10.0
    )
    engine = ModelCoachEngine(client, FixedEmotion())
    try:
        results = await asyncio.gather(*(collect(engine) for _ in range(50)))
    finally:
        await engine.aclose()

    assert all(isinstance(events[-1], CoachResult) for events in results)
    assert all(streamed(events, RiskLevel.BOLD) == BOLD for events in results)
    assert {r.outcome for r in bedrock.requests} == {"completed"}


# --- repair ----------------------------------------------------------------------------------


async def test_an_invalid_answer_is_repaired_once(engine, bedrock):
    first = answer(bold=None)  # the answer stops after BALANCED
    bedrock.script(Chunks(pieces(first), input_tokens=100, output_tokens=40), Chunks(pieces(answer()), input_tokens=150, output_tokens=60))

    events = await collect(engine)

    result = events[-1]
    assert [r.text for r in result.replies] == [SAFE, BALANCED, BOLD]
    # Nothing is streamed twice: SAFE and BALANCED came from the first answer, BOLD from the repair.
    for option in result.replies:
        assert streamed(events, option.risk) == option.text
    assert (result.input_tokens, result.output_tokens) == (250, 100)
    first_request, repair = bedrock.requests
    messages = repair.body["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "user"]
    assert messages[0] == first_request.body["messages"][0]
    assert messages[1]["content"][0]["text"] == first.strip()
    instruction = messages[2]["content"][0]["text"]
    assert "- <bold> is missing" in instruction and "- <bold_why> is missing" in instruction
    assert "<summary>부터 <emotion>까지 완전한 답변" in instruction


async def test_a_repair_that_rewrites_a_streamed_option_stops_that_stream(engine, bedrock):
    rewritten = "아직 정한 건 없어요! 왜요?"
    bedrock.script(Chunks([answer(bold_conf="높음")]), Chunks([answer(safe=rewritten)]))

    events = await collect(engine)

    result = events[-1]
    assert result.reply(RiskLevel.SAFE).text == rewritten  # the result is authoritative
    assert streamed(events, RiskLevel.SAFE) == SAFE  # what went out earlier, not repeated or mixed
    assert streamed(events, RiskLevel.BALANCED) == BALANCED
    assert streamed(events, RiskLevel.BOLD) == BOLD
    assert "must be a number between 0 and 1" in bedrock.requests[1].body["messages"][2]["content"][0]["text"]


async def test_an_answer_cut_off_by_max_tokens_is_repaired_and_continues_the_stream(engine, bedrock):
    full = answer()
    cut = full[: full.index("한강에서") + 2]
    bedrock.script(Chunks(pieces(cut), stop_reason="max_tokens"), Chunks(pieces(full)))

    events = await collect(engine)

    assert streamed(events, RiskLevel.BOLD) == BOLD  # "토요일에 저랑 한강" then the rest, once
    instruction = bedrock.requests[1].body["messages"][2]["content"][0]["text"]
    assert "<bold> was not closed (the answer was cut off)" in instruction
    assert "중간에 끊겼으니" in instruction


async def test_an_invalid_repair_fails_with_invalid_output(engine, bedrock):
    bedrock.script(Chunks([answer(bold=None)]), Chunks([answer(bold=None)]), Chunks([answer()]))

    events = []
    with pytest.raises(CoachError) as failure:
        async for event in engine.generate(REQUEST):
            events.append(event)

    assert failure.value.code is CoachErrorCode.INVALID_OUTPUT
    assert failure.value.after_first_chunk is True  # SAFE and BALANCED had been streamed
    assert "<bold> is missing" in failure.value.message
    assert not any(isinstance(e, CoachResult) for e in events)
    assert len(bedrock.requests) == 2  # one repair, not more
    assert bedrock.pending == 1


async def test_a_refusal_twice_fails_before_anything_was_shown(engine, bedrock):
    bedrock.script(Chunks(["죄송하지만 ", "도와드릴 수 없어요."]), Chunks(["정말 죄송해요."]))

    with pytest.raises(CoachError) as failure:
        await collect(engine)

    assert (failure.value.code, failure.value.after_first_chunk) == (CoachErrorCode.INVALID_OUTPUT, False)


# --- faults ----------------------------------------------------------------------------------


async def test_throttling_before_the_first_chunk_is_retried(engine, bedrock):
    bedrock.script(Throttle(), Throttle(), Chunks(pieces(answer())))

    events = await collect(engine)

    assert isinstance(events[-1], CoachResult)
    assert [r.outcome for r in bedrock.requests] == ["http_error", "http_error", "completed"]


async def test_throttling_past_the_bound_is_throttled_before_the_first_chunk(engine, bedrock):
    bedrock.script(Throttle(), Throttle(), Throttle())

    with pytest.raises(CoachError) as failure:
        await collect(engine)

    assert (failure.value.code, failure.value.after_first_chunk) == (CoachErrorCode.THROTTLED, False)


async def test_a_failure_after_chunks_is_reported_after_the_first_chunk(engine, bedrock):
    full = answer()
    bedrock.script(FailAfter(pieces(full[: full.index("</balanced>")])))
    events = []

    with pytest.raises(CoachError) as failure:
        async for event in engine.generate(REQUEST):
            events.append(event)

    assert (failure.value.code, failure.value.after_first_chunk) == (CoachErrorCode.MODEL_ERROR, True)
    assert streamed(events, RiskLevel.SAFE) == SAFE
    assert not any(isinstance(e, CoachResult) for e in events)
    assert len(bedrock.requests) == 1  # never retried once text went out


async def test_logs_carry_no_message_or_reply_text(engine, bedrock, caplog):
    bedrock.script(Chunks([answer(bold=None)]), Chunks(pieces(answer())))

    with caplog.at_level(logging.DEBUG, logger="ai"):
        await collect(engine)

    ours = [r for r in caplog.records if r.name.startswith("ai.")]
    assert any("coach answer invalid" in r.getMessage() for r in ours)
    assert any("coach generation done" in r.getMessage() for r in ours)
    logged = "\n".join(r.getMessage() for r in ours)
    for text in (REQUEST.message, REQUEST.situation, SAFE, BALANCED, BOLD, "주말 계획을 물으며"):
        assert text not in logged


async def test_a_failure_after_model_text_but_before_any_reply_text(engine, bedrock):
    bedrock.script(FailAfter(["<summary>주말", "에 만나자는"], exception_type="internalServerException"))

    with pytest.raises(CoachError) as failure:
        await collect(engine)

    assert (failure.value.code, failure.value.after_first_chunk) == (CoachErrorCode.UNAVAILABLE, True)
    assert str(failure.value) == (
        "UNAVAILABLE after the first chunk: The model stream was interrupted. [internalServerException]"
    )


async def test_a_stall_times_out(engine, bedrock):
    full = answer()
    bedrock.script(Stall(pieces(full[: full.index("지민 씨")])))
    started = time.monotonic()

    with pytest.raises(CoachError) as failure:
        await collect(engine)

    assert (failure.value.code, failure.value.after_first_chunk) == (CoachErrorCode.TIMEOUT, True)
    assert time.monotonic() - started < READ_TIMEOUT + 3.0  # the reading and a busy machine included
    assert await bedrock.requests[0].wait_ended(2) == "disconnected"


async def test_the_total_timeout_bounds_a_slow_trickle(client, bedrock):
    engine = ModelCoachEngine(client, FixedEmotion(), total_timeout=1.5)
    bedrock.script(Chunks(pieces(answer(), 4), delay=0.1))  # each gap is fine, the whole (~18 s) is not

    with pytest.raises(CoachError) as failure:
        await collect(engine)

    assert failure.value.code is CoachErrorCode.TIMEOUT
    assert failure.value.after_first_chunk is True
    assert await bedrock.requests[0].wait_ended(2) == "disconnected"


async def test_cancelling_the_consumer_closes_the_upstream_request(engine, bedrock, emotion):
    full = answer()
    bedrock.script(Stall(pieces(full[: full.index("지민 씨")])))
    first = asyncio.Event()

    async def consume():
        async for event in engine.generate(REQUEST):
            if isinstance(event, ReplyDelta):
                first.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(first.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    started = time.monotonic()
    assert await bedrock.requests[0].wait_ended(2) == "disconnected"
    assert time.monotonic() - started < 1.5  # at once, give or take a busy machine


async def test_closing_the_stream_early_closes_the_upstream_request(engine, bedrock):
    full = answer()
    bedrock.script(Stall(pieces(full[: full.index("지민 씨")])))

    async with contextlib.aclosing(engine.generate(REQUEST)) as events:
        async for event in events:
            if isinstance(event, AdviceReady):
                continue
            assert isinstance(event, ReplyDelta)
            break

    assert await bedrock.requests[0].wait_ended(2) == "disconnected"


# --- privacy ---------------------------------------------------------------------------------

SECRETS = {
    "phone": "010-9876-5432",
    "landline": "02-345-6789",
    "email": "jimin.kim@gmail.com",
    "rrn": "950505-2123456",
    "card": "5555 5555 5555 4444",
    "account": "110-234-567890",
    "address": "서울시 마포구 월드컵북로 396",
    "lot": "신림동 1234번지",
}
MASKS = ("[전화번호]", "[이메일]", "[주민번호]", "[카드번호]", "[계좌번호]", "[주소]")


async def test_personal_data_never_reaches_bedrock(engine, bedrock):
    s = SECRETS
    request = CoachRequest(
        message=f"내일 {s['lot']} 앞에서 볼래? 연락은 {s['landline']}로 줘",
        situation=f"상대가 내 번호 {s['phone']} 물어봤고, 카드 {s['card']} 로 선물 샀어. 주소는 {s['address']}",
        partner=PartnerProfile(
            name="김지민",
            relationship="DATING",
            description=f"메일 {s['email']}, 주민번호 {s['rrn']} 실수로 보내줌",
            interests=("러닝",),
            communication_style=f"계좌 {s['account']} 알려줄 정도로 편함",
            insight=PartnerInsight(("다정함",), f"전화 {s['phone']} 자주 함", ("러닝",), (), "bedrock", "m"),
        ),
        partner_style=analyze_speech([f"내 번호 {s['phone']}", "ㅋㅋ 좋아", f"여기로 와 {s['address']}"]),
        recent_messages=(
            ChatLine("ME", f"입금은 {s['account']} 맞지?"),
            ChatLine("PARTNER", f"응 그리고 메일 {s['email']} 확인해줘"),
            ChatLine("OTHER", f"카드 {s['card']} 누구 거야"),
        ),
        insights_summary=f"상대는 {s['address']} 근처에 살고 {s['rrn']} 같은 걸 쉽게 보내요",
    )
    bedrock.script(Chunks([answer()]))

    await collect(engine, request)

    sent = bedrock.requests[0].body_text
    for name, secret in SECRETS.items():
        assert secret not in sent, name
    for mask in MASKS:
        assert mask in sent
    assert "김지민" in sent and "러닝" in sent


async def test_a_repair_sends_no_personal_data_either(engine, bedrock):
    request = CoachRequest(
        message="내 번호 010-9876-5432로 연락해",
        partner=PartnerProfile(name="지민", relationship="SOME"),
    )
    echoed = answer(bold=None).replace(SAFE, "010-9876-5432로 할게요!")
    bedrock.script(Chunks([echoed]), Chunks([answer()]))

    await collect(engine, request)

    for recorded in bedrock.requests:
        assert "010-9876-5432" not in recorded.body_text
    assert "[전화번호]로 할게요!" in bedrock.requests[1].body_text


# --- partner analysis ------------------------------------------------------------------------

INSIGHT = (
    '{"personality_traits": ["밝고 사교적인 편", "공감을 잘하는 편"], '
    '"communication_style": "해요체로 부드럽게 말하고 ㅋㅋ를 자주 써요.", '
    '"topics_that_work": ["영화", "러닝"], "cautions": ["답장을 재촉하지 마세요."]}'
)


async def test_analyze_partner_returns_a_validated_insight(engine, bedrock):
    bedrock.script(Chunks(["```json\n", INSIGHT[:30], INSIGHT[30:], "\n```"]))

    insight = await engine.analyze_partner(
        REQUEST.partner,
        ["오늘 회사 너무 바빴어요 ㅠㅠ", "제 번호 010-1111-2222예요"],
        REQUEST.partner_style,
        history=(
            ChatLine("ME", "뭐 해요?", datetime(2024, 5, 1, 10, 0)),
            ChatLine("PARTNER", "일해요", datetime(2024, 5, 1, 12, 0)),
            ChatLine("ME", "점심은요?", datetime(2024, 5, 1, 13, 0)),
            ChatLine("PARTNER", "먹었어요", datetime(2024, 5, 1, 15, 0)),
            ChatLine("ME", "퇴근했어요?", datetime(2024, 5, 1, 19, 0)),
            ChatLine("PARTNER", "네!", datetime(2024, 5, 1, 21, 0)),
        ),
    )

    assert insight == PartnerInsight(
        personality_traits=("밝고 사교적인 편", "공감을 잘하는 편"),
        communication_style="해요체로 부드럽게 말하고 ㅋㅋ를 자주 써요.",
        topics_that_work=("영화", "러닝"),
        cautions=("답장을 재촉하지 마세요.",),
        engine="bedrock",
        model=DEFAULT_MODEL_ID,
    )
    sent = bedrock.requests[0].body_text
    assert "010-1111-2222" not in sent and "[전화번호]" in sent
    assert "- 오늘 회사 너무 바빴어요 ㅠㅠ" in sent
    assert "답하기까지 걸린 시간(중앙값): 약 120분" in sent


async def test_analyze_partner_repairs_once_then_fails(engine, bedrock):
    bedrock.script(Chunks(['{"personality_traits": [], "communication_style": ""}']), Chunks([INSIGHT]))
    insight = await engine.analyze_partner(REQUEST.partner, ["안녕하세요"], None)
    assert insight.topics_that_work == ("영화", "러닝")
    repair = bedrock.requests[1].body["messages"][2]["content"][0]["text"]
    assert '"personality_traits" needs at least 1 non-empty item(s)' in repair
    assert '"topics_that_work" must be a list of strings' in repair

    bedrock.script(Chunks(["성격이 좋아 보여요."]), Chunks(["{broken}"]))
    with pytest.raises(CoachError) as failure:
        await engine.analyze_partner(REQUEST.partner, ["안녕하세요"], None)
    assert failure.value.code is CoachErrorCode.INVALID_OUTPUT
    assert "does not parse" in failure.value.message


async def test_closing_the_engine_closes_the_analyser(client, emotion):
    engine = ModelCoachEngine(client, emotion)
    await engine.aclose()
    assert emotion.closed
