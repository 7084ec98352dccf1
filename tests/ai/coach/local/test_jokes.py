"""A playful complaint is answered in kind, about what it is about."""

from __future__ import annotations

import pytest

from ai.coach.local.jokes import lines_for
from ai.coach.local.voice import voice_for

CASUAL = voice_for(False, "민서", seed="s")
POLITE = voice_for(True, "보은", seed="s")


def test_a_craving_after_overtime_gets_the_food_and_a_treat():
    laugh, middle, bold = lines_for(CASUAL, "나 오늘 야근 확정 😭😭\n치킨 먹고 싶다 진짜")

    assert laugh == "ㅋㅋㅋ 야근엔 치킨이지"
    assert "치킨" in middle
    assert bold == "야근 끝나면 치킨은 내가 쏠게!"


def test_a_treat_eaten_on_a_diet_is_not_body_talk():
    replies = " ".join(lines_for(POLITE, "다이어트 3일 차에 케이크 한 판 먹었어요 😭\n의지 박약 인정합니다.."))

    assert "케이크" in replies
    assert not any(word in replies for word in ("살", "칼로리", "몸무게", "다이어트는 내일부터"))


@pytest.mark.parametrize(("message", "streak"), [("오늘 롤 10연패 실화냐 ㅋㅋㅋㅋ", "10연패"), ("아니 또 졌어 😭", None)])
def test_a_losing_streak(message, streak):
    laugh, _, bold = lines_for(CASUAL, message)

    assert (streak in laugh) if streak else laugh.startswith("ㅋㅋㅋ")
    assert "캐리" in bold
