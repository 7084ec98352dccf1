"""What of the user's `situation` a reply may say: sendable sentences, in the reply's register,
with the partner named as "you"; questions, wishes and worries to the coach stay out."""

from __future__ import annotations

import pytest

from ai.coach.local.facts import user_facts


@pytest.mark.parametrize(
    ("situation", "polite", "you", "expected"),
    [
        ("해산물만 빼면 다 잘 먹어요", True, "지현 씨", ("해산물만 빼면 다 잘 먹어요",)),
        ("해산물만 빼면 다 잘 먹어요", False, "너", ("해산물만 빼면 다 잘 먹어",)),
        ("나는 샐러드 먹었어. 다이어트 중 ㅋㅋ", True, "하영 씨", ("저는 샐러드 먹었어요.", "다이어트 중이에요 ㅋㅋ")),
        ("아니요 이 분만 만나고 있어요. 저도 이 분이 좋아요", True, "서하 씨",
         ("아니요 서하 씨만 만나고 있어요.", "저도 서하 씨가 좋아요")),
        ("진짜 야근 때문이었는데 이 사람은 안 믿어요", False, "너", ("진짜 야근 때문이었어",)),
    ],
)
def test_sendable_sentences_are_kept_in_the_replys_register(situation, polite, you, expected):
    assert user_facts(situation, polite=polite, you=you).sentences == expected


@pytest.mark.parametrize(
    "situation",
    [
        "고백하려고 했는데 어떡하죠?",
        "서운해할까 봐 걱정이에요",
        "한 번 더 만나고 싶은데 뭐라고 하죠?",
        "헤어지자는 건지 무서워요",
        "물건은 돌려주고 싶은데 얼굴 마주치긴 싫어요",
        "",
        None,
    ],
)
def test_questions_and_feelings_for_the_coach_are_not_sent(situation):
    assert not user_facts(situation, polite=True, you="지은 씨")


def test_first_is_the_gist_of_a_long_situation():
    facts = user_facts("금요일 저녁 8시 KTX 타고 가. 부산역 도착 10시 40분", polite=False, you="너")

    assert facts.first == "금요일 저녁 8시 KTX 타고 가."
    assert facts.mentioning(r"부산역") == "부산역 도착 10시 40분"
