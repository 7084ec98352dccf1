"""The voice of the user's replies: how they call the partner, finished sentences, stable choices."""

from __future__ import annotations

from ai.coach.local.voice import Line, join, voice_for


def test_join_finishes_every_sentence_but_the_last():
    assert join("저는 INFJ예요", "가윤 씨는요?") == "저는 INFJ예요. 가윤 씨는요?"
    assert join("좋아!", "", "내일 7시 이후면 돼 ㅎㅎ", "그날 보자!") == "좋아! 내일 7시 이후면 돼 ㅎㅎ 그날 보자!"


def test_the_partner_is_called_as_the_user_calls_them():
    by_name = voice_for(True, "김지은", seed="s")
    by_title = voice_for(True, "박우석", seed="s", my_lines=["선배 자료 보내 드렸어요!"])
    casual = voice_for(False, "최민지", seed="s")

    assert (by_name.name, by_name.you, by_name.call) == ("지은", "지은 씨", "지은 씨, ")
    assert (by_title.you, by_title.call) == ("선배", "선배, ")
    assert (casual.you, casual.yours, casual.call) == ("너", "네", "민지야, ")


def test_choices_are_stable_per_conversation_and_vary_across_them():
    lines = [Line(f"{i}요", f"{i}") for i in range(8)]
    first = voice_for(True, "지은", seed="conversation one")

    assert first.one("k", lines) == voice_for(True, "지은", seed="conversation one").one("k", lines)
    assert len({voice_for(True, "지은", seed=f"conversation {i}").one("k", lines) for i in range(20)}) > 1
