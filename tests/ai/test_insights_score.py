"""The interest score and the insights, on constructed figures with scores worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ai.insights import (
    ConversationInsights,
    InterestFactor,
    SideInsights,
    WeeklyInterest,
    conversation_insights,
    score_interest,
)
from datastore.stores.insights import InsightRow, RoomInsightRows


def side(sender: str, week_start: date | None = None, **figures) -> InsightRow:
    base = dict(
        message_count=0, text_count=0, average_length=None, question_count=0, laughter_count=0,
        emoticon_count=0, late_night_count=0, conversations_started=0, reply_count=0,
        median_reply_seconds=None, question_reply_count=0, median_reply_to_question_seconds=None,
    )
    return InsightRow(sender=sender, week_start=week_start, **{**base, **figures})


def effects(factors: tuple[InterestFactor, ...]) -> dict[str, int]:
    return {f.name: f.effect for f in factors}


# A partner who answers in 45 s to the user's 10 min, starts most talks, writes twice as long,
# asks and laughs more and stays up late: every factor is at or near its bound.
EAGER = side(
    "PARTNER", message_count=200, text_count=190, average_length=20.0, question_count=50,
    laughter_count=80, emoticon_count=40, late_night_count=60, conversations_started=30,
    reply_count=90, median_reply_seconds=45.0, question_reply_count=30, median_reply_to_question_seconds=30.0,
)
ME_WITH_EAGER = side(
    "ME", message_count=150, text_count=145, average_length=10.0, question_count=15,
    laughter_count=30, emoticon_count=10, late_night_count=15, conversations_started=10,
    reply_count=80, median_reply_seconds=600.0, question_reply_count=20, median_reply_to_question_seconds=400.0,
)
# A partner who answers in an hour, almost never starts, writes four characters, never laughs.
DRY = side(
    "PARTNER", message_count=60, text_count=60, average_length=4.0, question_count=1,
    conversations_started=1, reply_count=30, median_reply_seconds=3600.0,
    question_reply_count=10, median_reply_to_question_seconds=5400.0,
)
ME_WITH_DRY = side(
    "ME", message_count=140, text_count=135, average_length=18.0, question_count=35,
    laughter_count=40, emoticon_count=20, late_night_count=28, conversations_started=14,
    reply_count=30, median_reply_seconds=60.0, question_reply_count=15, median_reply_to_question_seconds=45.0,
)
EVEN = dict(
    message_count=100, text_count=100, average_length=12.0, question_count=20, laughter_count=30,
    emoticon_count=10, late_night_count=10, reply_count=50, question_reply_count=10,
    median_reply_to_question_seconds=120.0,
)


def test_eager_partner_scores_high_and_clamps_at_100() -> None:
    result = score_interest(EAGER, ME_WITH_EAGER)
    assert effects(result.factors) == {
        "reply_speed": 12,  # 6·log2(660/105) = 15.9, bounded
        "question_reply": 6,  # 3·log2(460/90) = 7.1, bounded
        "initiation": 8,  # 30·(30/40 − 0.5) = 7.5, half to even
        "length": 6,  # 6·log2(20/10)
        "questions": 6,  # 40·(50/190 − 15/145) = 6.4
        "warmth": 5,  # 15·(0.621 − 0.274) = 5.2
        "late_night": 5,  # round(3) + round(2)
        "balance": 3,  # 40·(200/350 − 0.5) = 2.9
    }
    assert sum(f.effect for f in result.factors) == 51
    assert result.score == 100  # 50 + 51, clamped
    assert not result.low_confidence
    assert all(f.effect > 0 for f in result.factors)


def test_dry_slow_partner_scores_low_and_clamps_at_0() -> None:
    result = score_interest(DRY, ME_WITH_DRY)
    assert effects(result.factors) == {
        "reply_speed": -12,
        "question_reply": -6,
        "initiation": -13,  # 30·(1/15 − 0.5)
        "length": -8,
        "questions": -8,
        "warmth": -6,  # 15·(0 − 0.439) = −6.6
        "late_night": -2,  # round(0) + round(−2)
        "balance": -8,  # 40·(60/200 − 0.5)
    }
    assert result.score == 0  # 50 − 63, clamped
    assert all(f.effect < 0 for f in result.factors)


def test_a_slightly_keener_partner_and_the_factor_order() -> None:
    partner = side("PARTNER", **EVEN, conversations_started=6, median_reply_seconds=120.0)
    me = side("ME", **EVEN, conversations_started=4, median_reply_seconds=240.0)
    result = score_interest(partner, me)
    assert result.score == 58
    # Largest effects first, then the model's order among equals.
    assert [(f.name, f.effect) for f in result.factors] == [
        ("reply_speed", 4),  # 6·log2(300/180) = 4.4
        ("initiation", 3),  # 30·(6/10 − 0.5)
        ("late_night", 1),  # round(10·0.1) + round(0)
        ("question_reply", 0),
        ("length", 0),
        ("questions", 0),
        ("warmth", 0),
        ("balance", 0),
    ]
    details = {f.name: f.detail for f in result.factors}
    assert details["reply_speed"] == "상대는 보통 2분 만에 답장해요 (나는 4분 만에). 상대가 더 빨라요."
    assert details["initiation"] == "대화 10번 중 6번을 상대가 먼저 시작했어요."
    assert details["length"] == "상대 메시지는 평균 12자, 내 메시지는 12자예요. 길이가 비슷해요."
    assert {f.korean_label for f in result.factors} >= {"답장 속도", "먼저 연락", "늦은 밤 대화"}


def test_identical_sides_score_50_and_shared_late_nights_add_a_little() -> None:
    both = dict(EVEN, late_night_count=0, conversations_started=5, median_reply_seconds=90.0)
    result = score_interest(side("PARTNER", **both), side("ME", **both))
    assert result.score == 50
    assert set(effects(result.factors).values()) == {0}
    assert {f.name: f.detail for f in result.factors}["reply_speed"].endswith("속도가 비슷해요.")

    # Talking late at night is a sign of its own, even when both do it as much.
    both["late_night_count"] = 30
    result = score_interest(side("PARTNER", **both), side("ME", **both))
    assert effects(result.factors)["late_night"] == 3  # round(10·0.3) + round(0)
    assert result.score == 53


def test_durations_read_naturally() -> None:
    slow = side("PARTNER", **EVEN, median_reply_seconds=5400.0)
    quick = side("ME", **EVEN, median_reply_seconds=0.0)
    detail = {f.name: f.detail for f in score_interest(slow, quick).factors}["reply_speed"]
    assert detail == "상대는 보통 1시간 30분 만에 답장해요 (나는 바로). 상대가 더 느려요."
    slow = side("PARTNER", **EVEN, median_reply_seconds=45.0)
    quick = side("ME", **EVEN, median_reply_seconds=3600.0)
    detail = {f.name: f.detail for f in score_interest(slow, quick).factors}["reply_speed"]
    assert detail == "상대는 보통 45초 만에 답장해요 (나는 1시간 만에). 상대가 더 빨라요."


def test_low_data_shrinks_towards_50_and_says_so() -> None:
    partner = side(
        "PARTNER", message_count=10, text_count=10, average_length=10.0, question_count=2,
        conversations_started=2, reply_count=5, median_reply_seconds=60.0,
    )
    me = side(
        "ME", message_count=10, text_count=10, average_length=10.0, question_count=2,
        conversations_started=2, reply_count=5, median_reply_seconds=420.0,
    )
    result = score_interest(partner, me)
    assert result.low_confidence
    assert effects(result.factors)["reply_speed"] == 12  # 6·log2(480/120)
    assert "question_reply" not in effects(result.factors)  # no replies to questions: left out
    low = result.factors[-1]
    assert (low.name, low.korean_label, low.effect) == ("low_data", "데이터 부족", -6)  # 12·20/40 = 6 kept
    assert low.detail == (
        "상대 메시지가 10개뿐이라 점수가 정확하지 않을 수 있어요. "
        "주고받은 메시지가 20개뿐이라 점수를 50점 쪽으로 당겼어요 (40개부터 그대로 반영해요)."
    )
    assert result.score == 56 == 50 + sum(f.effect for f in result.factors)


def test_unanswered_messages_are_evidence_too() -> None:
    me = side("ME", message_count=30, text_count=30, average_length=8.0, conversations_started=5)
    result = score_interest(side("PARTNER"), me)
    assert result.low_confidence
    assert [(f.name, f.effect) for f in result.factors] == [
        ("initiation", -15),  # the user started all 5 conversations
        ("balance", -10),  # 40·(0 − 0.5), bounded
        ("low_data", 6),  # 30 of 40 messages: round(−25·30/40) = −19 kept
    ]
    assert result.factors[-1].detail.startswith("상대 메시지가 아직 없어요. 주고받은 메시지가 30개뿐이라")
    assert result.score == 31


def test_no_message_at_all() -> None:
    result = score_interest(side("PARTNER"), side("ME"))
    assert result.score == 50 and result.low_confidence
    assert [(f.name, f.effect, f.detail) for f in result.factors] == [
        ("low_data", 0, "아직 주고받은 메시지가 없어요.")
    ]


def test_a_confident_score_needs_20_partner_and_40_messages() -> None:
    partner = side("PARTNER", message_count=20, text_count=20, average_length=10.0)
    me = side("ME", message_count=20, text_count=20, average_length=10.0)
    result = score_interest(partner, me)
    assert not result.low_confidence
    assert "low_data" not in effects(result.factors)
    # Many messages of the user's do not make up for a quiet partner: flagged, not shrunk.
    result = score_interest(replace(partner, message_count=19, text_count=19), replace(me, message_count=100))
    assert result.low_confidence
    assert result.factors[-1].name == "low_data" and result.factors[-1].effect == 0


def test_conversation_insights_sides_rates_and_weekly_trend() -> None:
    week_1, week_2, week_3 = date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)
    rows = RoomInsightRows(
        totals=(
            side("ME", message_count=290, text_count=280, average_length=14.0, question_count=50,
                 laughter_count=70, emoticon_count=29, late_night_count=58, conversations_started=24,
                 reply_count=110, median_reply_seconds=300.0, question_reply_count=35,
                 median_reply_to_question_seconds=200.0),
            side("OTHER", message_count=3, text_count=3, average_length=5.0),
            side("PARTNER", message_count=260, text_count=250, average_length=12.0, question_count=25,
                 laughter_count=50, emoticon_count=26, late_night_count=13, conversations_started=31,
                 reply_count=120, median_reply_seconds=600.0, question_reply_count=30,
                 median_reply_to_question_seconds=900.0),
        ),
        # Weeks in storage order; a week with only a third person's message is not scored.
        weeks=(
            replace(ME_WITH_EAGER, week_start=week_1),
            replace(EAGER, week_start=week_1),
            side("OTHER", week_2, message_count=3, text_count=3, average_length=5.0),
            replace(ME_WITH_DRY, week_start=week_3),
            replace(DRY, week_start=week_3),
        ),
    )
    insights = conversation_insights(rows)
    assert isinstance(insights, ConversationInsights)
    assert insights.me == SideInsights(
        message_count=290, median_reply_seconds=300.0, median_reply_to_question_seconds=200.0,
        conversations_started=24, average_length=14.0, question_rate=pytest.approx(50 / 280, abs=1e-4),
        laughter_rate=0.25, emoticon_rate=0.1, late_night_share=0.2,
    )
    assert insights.partner.question_rate == 0.1 and insights.partner.late_night_share == 0.05
    assert insights.other_message_count == 3
    assert insights.interest_score == 50 + sum(f.effect for f in insights.factors)
    # reply_speed −5, question_reply −6, initiation +2, length −1, questions −3, warmth −1,
    # late_night −2 (round(0.5) is 0, round(−1.5) is −2), balance −1
    assert insights.interest_score == 33
    assert insights.weekly == (
        WeeklyInterest(week_1, 100, partner_messages=200, my_messages=150),
        WeeklyInterest(week_3, 0, partner_messages=60, my_messages=140),
    )


def test_a_room_without_messages() -> None:
    insights = conversation_insights(RoomInsightRows(totals=(), weeks=()))
    assert insights.interest_score == 50 and insights.low_confidence
    assert insights.weekly == ()
    assert insights.me == SideInsights(0, None, None, 0, 0.0, 0.0, 0.0, 0.0, 0.0)
