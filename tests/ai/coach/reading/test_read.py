"""The reading on the evaluation set: the signals each case requires are found, the ones it
forbids are not, the timing is one it accepts, and the register is the one the user speaks in."""

from __future__ import annotations

import pytest

from ai.coach.reading.read import read_situation
from ai.coach.types import ReplyTiming, Signal
from ai.korean.kiwi import on_kiwi_thread
from tests.support.coach_harness import cases_in, request_for

CASES = cases_in("tests/ai/coach/eval_cases")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_reading_matches_the_case(case):
    reading = on_kiwi_thread(read_situation, request_for(case))
    found = {signal.value for signal in reading.signals}

    assert set(case.expect.signals) <= found
    assert not set(case.expect.not_signals) & found
    assert reading.timing.value in case.expect.timing
    assert ("존댓말" if reading.polite else "반말") == case.expect.register


def test_crisis_leads_and_is_answered_now():
    case = next(c for c in CASES if c.id == "crisis_disappear_laughing_some")
    reading = on_kiwi_thread(read_situation, request_for(case))

    assert reading.signals[0] is Signal.CRISIS
    assert reading.timing is ReplyTiming.NOW
    assert reading.hurting and reading.closed_door
