"""The checks of a model's answer: the advice against the closed sets and the reading (crisis:
109), the replies' shape, and the reading's rules (no laughter to someone hurting, no new ask
after a no)."""

from __future__ import annotations

import pytest

from ai.coach.llm.answer.advice import check_advice
from ai.coach.llm.answer.check import check_answer
from ai.coach.llm.answer.parser import AnswerParser
from ai.coach.types import Signal
from tests.support.model_answers import answer
from tests.support.readings import reading


def check(text: str, the_reading=None):
    parser = AnswerParser()
    parser.feed(text)
    return check_answer(parser.finish(), the_reading or reading())


# --- advice ----------------------------------------------------------------------------------


def test_signals_outside_the_enum_and_a_bad_timing_are_named():
    result = check(answer(signals="INVITATION, FLIRTING, 회피형", timing="SOON"))
    assert result.advice is None
    assert result.advice_problems == (
        "<signals> holds 2 name(s) outside the list; use only: " + ", ".join(Signal.__members__),
        "<timing> must be one of NOW, LATER, NOT_NOW",
    )
    assert result.reply_problems == ()


def test_advice_text_must_be_korean_and_present():
    result = check(answer(summary="Probably a polite no.", recommendation=""))
    assert result.advice_problems == ("<summary> must be written in Korean", "<recommendation> is empty")
    assert check(answer(summary=None)).advice_problems == ("<summary> is missing",)


def test_signals_and_timing_are_read_leniently():
    advice, problems = check_advice(
        {"summary": "거절이에요.", "signals": "decline\nquestion,DECLINE", "timing": " not now ", "recommendation": "기다리세요."},
        reading(),
    )
    assert problems == []
    assert advice is not None and advice.signals == (Signal.DECLINE, Signal.QUESTION)
    assert advice.timing.value == "NOT_NOW" and advice.cautions == ()


def test_in_a_crisis_the_advice_must_point_to_109():
    crisis = reading(Signal.CRISIS, Signal.DISTRESS, message="다 그만하고 싶어")
    missing = check(answer(signals="DISTRESS", summary="많이 힘든 상태예요."), crisis)
    assert missing.advice is None
    assert missing.advice_problems[0].startswith("the partner's message speaks of self-harm: the advice must point to 자살예방상담전화 109")

    given = check(answer(signals="DISTRESS", recommendation="곁에 있다고 말하고 자살예방상담전화 109에 함께 연락해 보세요.",
                         safe="많이 힘들었구나. 내가 옆에 있을게", balanced="얘기해 줘서 고마워. 지금 어디야?",
                         bold="걱정돼. 지금 전화해도 될까?"), crisis)
    assert given.problems == ()
    assert given.advice is not None and given.advice.signals[0] is Signal.CRISIS  # safety first, whatever the model read


# --- replies ---------------------------------------------------------------------------------


def test_a_missing_option_and_a_bad_confidence_are_named():
    text = answer(bold=None).replace("<safe_conf>0.82<", "<safe_conf>1.4<")
    assert check(text).reply_problems == (
        "<safe_conf> must be between 0 and 1, got 1.4",
        "<bold> is missing",
        "<bold_why> is missing",
        "<bold_conf> is missing",
    )


def test_identical_options_and_empty_ones_are_named():
    assert check(answer(bold="아직 계획 없어요! 지민 씨는요? 😊")).reply_problems == (
        "<safe> and <bold> are the same reply; the three options must differ",
    )
    assert check(answer(balanced="  ")).reply_problems == ("<balanced> is empty",)


def test_an_answer_cut_off_inside_an_option():
    text = answer()
    problems = check(text[: text.index("치킨")]).reply_problems
    assert problems[0] == "<bold> was not closed (the answer was cut off)"
    assert "<bold_why> is missing" in problems


def test_a_refusal_lists_every_missing_element():
    result = check("죄송하지만 도와드릴 수 없어요.")
    assert result.advice_problems[0] == "<summary> is missing"
    assert len(result.reply_problems) == 3 * 3


@pytest.mark.parametrize("laugh", ["ㅋㅋ 힘내", "괜찮아 ㅎㅎ", "힘내 😂", "하하 별일 아니야", "다 잘될 거야 🥳"])
def test_no_laughter_to_someone_hurting(laugh):
    grieving = reading(Signal.GRIEF, message="할머니가 돌아가셨어")
    result = check(answer(safe=laugh, balanced="많이 놀랐겠다", bold="필요하면 언제든 연락해", signals="GRIEF"), grieving)
    assert result.reply_problems == (
        "<safe> laughs (ㅋㅋ, ㅎㅎ or a playful emoji) although the partner is hurting; no laughter here",
    )
    assert check(answer(safe=laugh)).reply_problems == ()  # small talk may laugh


def test_no_new_invitation_after_a_no():
    declined = reading(Signal.DECLINE, message="당분간은 시간 내기가 어려울 것 같아요")
    result = check(answer(safe="네 알겠어요, 응원할게요", balanced="말해 줘서 고마워요. 바쁜 일 잘 마무리하세요",
                          bold="그래도 다음 주에 커피 한잔 어때요?", signals="DECLINE"), declined)
    assert result.reply_problems == (
        "<bold> proposes to meet or do something although the partner said no or is grieving; every reply stays "
        "gentle and asks for nothing (BOLD: more honesty or support)",
    )
