"""The local engine on the whole evaluation set (tests/ai/coach/eval_cases): every property each
case requires holds, the advice streams before any reply, and the replies are not the same few
sentences everywhere. `python -m bench.coach_eval --show` prints what this grades."""

from __future__ import annotations

import pytest

from ai.coach.local.local_engine import LocalCoachEngine
from tests.support.coach_eval import check, reused_sentences
from tests.support.coach_harness import cases_in, outcome_of, run_case

CASES = cases_in("tests/ai/coach/eval_cases")
# Sentences a reply may share with other cases' replies (a warm "잘 자!" is fine anywhere); past
# this many distinct shared sentences the composer is falling back on stock lines.
MAX_REUSED = 40


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


async def test_replies_are_not_stock_sentences(outcomes):
    reused = reused_sentences({case_id: outcome for case_id, (outcome, _) in outcomes.items()})

    assert len(reused) <= MAX_REUSED, list(reused)
