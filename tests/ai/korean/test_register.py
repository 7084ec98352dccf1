"""Putting a sentence in 존댓말 or 반말 (the user's own words, sent in the register they use
with this person)."""

from __future__ import annotations

import pytest

from ai.korean.register import is_polite, to_register


@pytest.mark.parametrize(
    ("casual", "polite"),
    [
        ("나는 샐러드 먹었어", "저는 샐러드 먹었어요"),
        ("금요일 알바 빼고 하루 종일 비울 수 있어!", "금요일 알바 빼고 하루 종일 비울 수 있어요!"),
        ("야근 때문이었어", "야근 때문이었어요"),
        ("점심 뭐 먹었어?", "점심 뭐 먹었어요?"),
    ],
)
def test_casual_to_polite(casual, polite):
    assert to_register(casual, polite=True) == polite


@pytest.mark.parametrize(
    ("polite", "casual"),
    [
        ("해산물만 빼면 다 잘 먹어요", "해산물만 빼면 다 잘 먹어"),
        ("저도 좋아요", "나도 좋아"),
        ("수요일이나 목요일 저녁이 좋아요", "수요일이나 목요일 저녁이 좋아"),
        ("요즘 무슨 책 읽어요?", "요즘 무슨 책 읽어?"),
    ],
)
def test_polite_to_casual(polite, casual):
    assert to_register(polite, polite=False) == casual


@pytest.mark.parametrize("sentence", ["오늘 완전 가능!", "ㅋㅋㅋ", "난바 vs 우메다 어디가 나음?"])
def test_sentences_without_a_register_are_left_alone(sentence):
    assert to_register(sentence, polite=True) == sentence
    assert to_register(sentence, polite=False) == sentence


def test_is_polite():
    assert is_polite("저도 좋아요") is True
    assert is_polite("나는 샐러드 먹었어") is False
    assert is_polite("오늘 완전 가능!") is None
