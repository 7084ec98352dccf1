"""Partner analysis by rules (the local engine)."""

from __future__ import annotations

import pytest

from ai.coach.local.local_engine import LocalCoachEngine
from ai.coach.types import PartnerInsight, PartnerProfile
from ai.korean.speech_style import analyze_speech
from tests.support.chat_history import history

FORMAL_MESSAGES = [
    "안녕하세요, 오늘 만나서 반가웠습니다.",
    "전시 정말 좋았습니다. 다음에도 같이 가시죠.",
    "저는 주말에 보통 전시를 보러 갑니다.",
    "베이킹도 좋아합니다. 지난주에는 마들렌을 구웠습니다.",
    "네, 알겠습니다.",
    "전시 추천해 주셔서 감사합니다.",
    "다음 주 전시 일정 확인해 보겠습니다.",
]


@pytest.fixture(scope="module")
async def engine():
    engine = LocalCoachEngine()
    await engine.warm_up()
    return engine


async def test_rules_read_mbti_style_topics_and_cautions(engine):
    profile = PartnerProfile(name="이서연", relationship="BLIND_DATE", mbti="ISTJ", interests=("전시",), communication_style="말이 적은 편")

    insight = await engine.analyze_partner(
        profile, FORMAL_MESSAGES, analyze_speech(FORMAL_MESSAGES), history=history([90, 120, 150])
    )

    assert isinstance(insight, PartnerInsight)
    assert (insight.engine, insight.model) == ("local", "loveq-local-1")
    assert insight.personality_traits[:4] == (
        "혼자만의 시간도 소중히 여기는 차분한 편",
        "현실적이고 구체적인 이야기를 좋아하는 편",
        "논리적이고 솔직하게 말하는 편",
        "계획을 세우고 약속을 잘 지키는 편",
    )
    assert "예의와 격식을 중요하게 여기는 편" in insight.personality_traits
    assert insight.communication_style.startswith("합쇼체(…습니다)를 주로 쓰는 정중한 말투로, 이모지는 거의 쓰지 않고")
    assert insight.communication_style.endswith("사용자가 본 모습: 말이 적은 편")
    assert insight.topics_that_work[0] == "전시"  # the interest first, then their frequent nouns
    assert "일정" not in insight.topics_that_work  # said once only
    cautions = " ".join(insight.cautions)
    assert "존댓말을 꾸준히" in cautions
    assert "이모지를 거의 쓰지 않아요" in cautions
    assert "답장이 느린 편이에요(보통 2시간 뒤)" in cautions
    assert "소개팅" not in cautions and "알아가는 단계" in cautions


async def test_rules_with_little_to_go_on(engine):
    insight = await engine.analyze_partner(PartnerProfile(name="지민", relationship="SOME"), [], None)

    assert insight.personality_traits == ("아직 대화가 적어 성격을 판단하기 이른 편",)
    assert insight.communication_style == "아직 분석할 메시지가 적어 말투를 판단하기 어려워요."
    assert insight.topics_that_work == ()
    assert insight.cautions == ()


async def test_dry_casual_partner(engine):
    messages = ["ㅇㅇ", "응", "ㅇㅋ", "그래", "웅", "오늘 야구 봤어? ㅋㅋ", "야구 재밌더라 ㅋㅋㅋ"]
    insight = await engine.analyze_partner(PartnerProfile(name="민호", relationship="FRIEND"), messages, analyze_speech(messages))

    assert any("단답이 잦은" in c for c in insight.cautions)
    assert not any("존댓말" in c for c in insight.cautions)
    assert "야구" in insight.topics_that_work
