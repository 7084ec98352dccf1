"""The local engine on the whole evaluation set (tests/ai/coach/eval_cases): every property each
case requires holds, the advice streams before any reply, and the replies are not the same few
sentences everywhere. `python -m bench.coach_eval --show` prints what this grades."""

from __future__ import annotations

import pytest

from ai.coach.local.compose import SCENES
from ai.coach.local.local_engine import LocalCoachEngine
from ai.coach.types import Signal
from tests.support.coach_eval import check, reused_sentences
from tests.support.coach_harness import cases_in, outcome_of, run_case

CASES = cases_in("tests/ai/coach/eval_cases")
_FAMILY = {"ai.coach.local.scenes_hurt": "ai.coach.local.scenes_care", "ai.coach.local.scenes_news": "ai.coach.local.scenes_yes"}


@pytest.fixture(scope="module")
async def engine():
    engine = LocalCoachEngine()
    await engine.warm_up()
    yield engine
    await engine.aclose()


@pytest.fixture(scope="module")
async def outcomes(engine):
    results = {}
    for case in CASES:
        result, advice_first = await run_case(engine, case)
        results[case.id] = (outcome_of(result), advice_first)
    return results


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_case_passes(case, outcomes):
    outcome, advice_first = outcomes[case.id]
    failed = [f"{f.property}[{f.level}]: {f.why}" for f in check(case, outcome) if not f.passed]

    assert advice_first
    assert not failed, "\n".join(failed + [f"{r['risk']}: {r['text']}" for r in outcome["replies"]])


async def test_no_sentence_is_shared_by_unrelated_conversations(outcomes):
    """Two fights may both say "미안해, 변명 안 할게"; a fight and a joke must not share a line. Cases
    are related when the scenes that answer their lead signals are of one family: someone hurting
    (care, hurt), a no, a yes (yes, news), talk."""
    by_case = {case_id: outcome for case_id, (outcome, _) in outcomes.items()}
    family = {case_id: _FAMILY.get(module := SCENES[Signal(outcome["signals"][0])].__module__, module)
              for case_id, outcome in by_case.items()}

    unrelated = {sentence: ids for sentence, ids in reused_sentences(by_case).items() if len({family[i] for i in ids}) > 1}

    assert not unrelated
