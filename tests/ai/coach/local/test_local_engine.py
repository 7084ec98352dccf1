"""The local engine behind the coach interface: same events as Bedrock, deterministic, off-loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from datetime import datetime, timedelta

import pytest

from ai.coach.engine import CoachEngine
from ai.coach.local import local_engine
from ai.coach.local.local_engine import LOCAL_MODEL, LocalCoachEngine
from ai.coach.types import (
    AdviceReady,
    RISK_ORDER,
    ChatLine,
    CoachRequest,
    CoachResult,
    PartnerProfile,
    ReplyDelta,
    RiskLevel,
    Sentiment,
)
from ai.korean.politeness import detect_polite
from ai.korean.speech_style import analyze_speech

POLITE_PARTNER = ["오늘 회사 너무 바빴어요 ㅠㅠ", "ㅋㅋㅋ 진짜요? 저도 그 영화 보고 싶었어요", "주말에 뭐 해요? 😊"]
CASUAL_PARTNER = ["오늘 회사 완전 바빴어 ㅠㅠ", "ㅋㅋㅋ 진짜? 나도 그 영화 보고 싶었는데", "주말에 뭐 해?"]


def request(message: str, partner_lines: list[str], *, relationship: str = "SOME", **changes) -> CoachRequest:
    start = datetime(2024, 5, 3, 19, 0)
    recent = []
    for i, line in enumerate(partner_lines[:-1]):
        # The user's lines show no register, so the replies take the partner's.
        recent.append(ChatLine("ME", "ㅋㅋㅋ" if i == 0 else "헐 대박", start + timedelta(minutes=2 * i)))
        recent.append(ChatLine("PARTNER", line, start + timedelta(minutes=2 * i + 1)))
    fields = dict(
        message=message,
        message_sent_at=start + timedelta(minutes=30),
        partner=PartnerProfile(name="김지민", relationship=relationship, interests=("영화", "러닝"), mbti="ENFP"),
        partner_style=analyze_speech(partner_lines),
        recent_messages=tuple(recent),
    )
    fields.update(changes)
    return CoachRequest(**fields)


@pytest.fixture(scope="module")
async def engine():
    engine = LocalCoachEngine()
    await engine.warm_up()
    yield engine
    await engine.aclose()


async def collect(engine, req):
    return [event async for event in engine.generate(req)]


def text_of(events, risk):
    return "".join(e.text for e in events if isinstance(e, ReplyDelta) and e.risk is risk)


async def test_it_is_a_coach_engine(engine):
    assert isinstance(engine, CoachEngine)
    assert (engine.name, engine.model) == ("local", LOCAL_MODEL)


async def test_three_distinct_options_streamed_through_the_same_events(engine):
    events = await collect(engine, request("주말에 뭐 해요? 😊", POLITE_PARTNER, situation="애프터 신청하고 싶어"))

    deltas = [e for e in events if isinstance(e, ReplyDelta)]
    result = events[-1]
    assert isinstance(result, CoachResult)
    assert isinstance(events[0], AdviceReady) and events[0].advice == result.advice
    assert all(isinstance(e, ReplyDelta) for e in events[1:-1])
    risks = [d.risk for d in deltas]
    assert risks == sorted(risks, key=RISK_ORDER.index) and set(risks) == set(RISK_ORDER)
    for option in result.replies:
        assert text_of(events, option.risk) == option.text
        assert sum(d.risk is option.risk for d in deltas) >= 2  # streamed in pieces, not at once
        assert option.explanation and 0 <= option.confidence <= 1
    texts = [r.text for r in result.replies]
    assert len(set(texts)) == 3
    assert (result.engine, result.model) == ("local", LOCAL_MODEL)
    assert (result.input_tokens, result.output_tokens) == (0, 0)
    assert result.intent and result.intent_tags
    assert result.emotion.source == "lexicon"
    assert set(result.emotion.scores) == set(Sentiment)


async def test_results_are_deterministic(engine):
    req = request("오늘 야근해서 너무 피곤해 ㅠㅠ", CASUAL_PARTNER, relationship="DATING")
    first = await collect(engine, req)
    second = await collect(engine, req)

    assert first[:-1] == second[:-1]
    assert first[-1].replies == second[-1].replies
    assert first[-1].emotion == second[-1].emotion
    assert first[-1].intent == second[-1].intent


async def test_replies_follow_the_partners_speech_level(engine):
    polite = (await collect(engine, request("주말에 뭐 해요? 😊", POLITE_PARTNER)))[-1]
    casual = (await collect(engine, request("주말에 뭐 해?", CASUAL_PARTNER, recent_messages=())))[-1]

    assert all(detect_polite([r.text]) is not False for r in polite.replies)
    assert any(detect_polite([r.text]) is True for r in polite.replies)
    assert all(detect_polite([r.text]) is not True for r in casual.replies)


async def test_readings_make_sense_on_real_messages(engine):
    tired = (await collect(engine, request("오늘 야근해서 너무 피곤해 ㅠㅠ", CASUAL_PARTNER, relationship="DATING")))[-1]
    hurt = (await collect(engine, request("답장이 왜 이렇게 늦어? 좀 서운하다", CASUAL_PARTNER, relationship="DATING")))[-1]

    assert tired.emotion.sentiment is Sentiment.NEGATIVE
    assert tired.emotion.labels[0].korean == "피곤함"
    assert "야근" in tired.emotion.key_phrases
    assert hurt.emotion.labels[0].korean == "서운함"
    assert hurt.intent_tags[0] == "CONFLICT"


async def test_the_analysed_message_is_not_read_twice_from_the_history(engine):
    req = request("주말에 뭐 해요? 😊", POLITE_PARTNER)
    doubled = request(
        "주말에 뭐 해요? 😊", POLITE_PARTNER,
        recent_messages=(*req.recent_messages, ChatLine("PARTNER", "주말에 뭐 해요? 😊")),
    )
    assert doubled.history() == req.recent_messages
    assert (await collect(engine, doubled))[-1].replies == (await collect(engine, req))[-1].replies


async def test_the_work_runs_off_the_loop(engine, monkeypatch):
    threads: list[str] = []
    real = local_engine._compose

    def slow_compose(request):
        threads.append(threading.current_thread().name)
        time.sleep(0.3)  # blocking, as Kiwi is
        return real(request)

    monkeypatch.setattr(local_engine, "_compose", slow_compose)
    gaps: list[float] = []
    stop = asyncio.Event()

    async def ticker():
        last = time.monotonic()
        while not stop.is_set():
            await asyncio.sleep(0.005)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    tick = asyncio.create_task(ticker())
    events = await collect(engine, request("자니?", CASUAL_PARTNER))
    stop.set()
    await tick

    assert isinstance(events[-1], CoachResult)
    assert threads and all(name.startswith("loveq-local-ai") for name in threads)
    assert len(gaps) > 20 and max(gaps) < 0.2  # the loop kept ticking through 0.3 s of blocking work


async def test_many_concurrent_generations_complete(engine):
    messages = ["주말에 뭐 해요? 😊", "오늘 야근해서 너무 피곤해 ㅠㅠ", "자니?", "답장이 왜 이렇게 늦어?", "고마워요! 덕분에 잘 끝났어요"]
    results = await asyncio.gather(*(collect(engine, request(m, POLITE_PARTNER)) for m in messages * 10))
    assert all(isinstance(events[-1], CoachResult) for events in results)
    assert results[0][-1].replies == results[5][-1].replies


async def test_closing_the_stream_early_is_clean(engine):
    async with contextlib.aclosing(engine.generate(request("자니?", CASUAL_PARTNER))) as events:
        first = await anext(events)
        second = await anext(events)
    assert isinstance(first, AdviceReady)
    assert isinstance(second, ReplyDelta) and second.risk is RiskLevel.SAFE
