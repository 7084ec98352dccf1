"""The prompt that asks for a partner insight, and the check of its JSON answer."""

from __future__ import annotations

import pytest

from ai.coach.llm.partner_prompt import InsightValidationError, build_partner_prompt, parse_insight
from ai.coach.types import PartnerProfile


def test_the_partner_prompt_keeps_the_newest_messages_masked():
    messages = [f"{i}번째 메시지 " + "가" * 40 for i in range(300)] + ["제 메일은 a@b.io 예요"]
    prompt = build_partner_prompt(PartnerProfile(name="지민", relationship="SOME"), messages, None, token_budget=400)

    assert "- 제 메일은 [이메일] 예요\n</partner_messages>" in prompt.user
    assert "- 299번째" in prompt.user and "- 0번째 메시지" not in prompt.user
    assert "a@b.io" not in prompt.user


@pytest.mark.parametrize(
    ("raw", "problems"),
    [
        ("성격이 좋아요", ("the answer contains no JSON object",)),
        ("[1]", ("the answer contains no JSON object",)),
        ('{"personality_traits": "밝음", "communication_style": "x", "topics_that_work": [], "cautions": []}',
         ('"personality_traits" must be a list of strings',)),
        ('{"personality_traits": ["밝음", 3], "communication_style": "x", "topics_that_work": [], "cautions": []}',
         ('"personality_traits" must contain only strings',)),
        ('{"personality_traits": ["a"], "communication_style": "  ", "topics_that_work": [], "cautions": []}',
         ('"communication_style" must be a non-empty string',)),
        ('{"personality_traits": ["a","b","c","d","e","f","g","h","i"], "communication_style": "x", "topics_that_work": [], "cautions": []}',
         ('"personality_traits" has 9 items; at most 8',)),
    ],
)
def test_insight_json_problems_are_precise(raw, problems):
    with pytest.raises(InsightValidationError) as failure:
        parse_insight(raw)
    assert failure.value.problems == problems


def test_insight_json_is_cleaned():
    fields = parse_insight(
        '```json\n{"personality_traits": [" 밝음 ", "밝음", ""], "communication_style": " 다정함 ",'
        ' "topics_that_work": ["영화"], "cautions": [], "extra": 1}\n```'
    )
    assert fields.personality_traits == ("밝음",)
    assert fields.communication_style == "다정함"
    assert fields.topics_that_work == ("영화",)
