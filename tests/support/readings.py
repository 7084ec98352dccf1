"""Readings of a situation made by hand, for tests of what the model engines do with them."""

from __future__ import annotations

from ai.coach.reading.model import Facts, Reading, Wish
from ai.coach.types import ReplyTiming, Signal, Stage


def reading(
    *signals: Signal,
    timing: ReplyTiming = ReplyTiming.NOW,
    polite: bool = True,
    stage: Stage = Stage.SOME,
    message: str = "주말에 뭐 해요? 😊",
    evidence: dict[Signal, tuple[str, ...]] | None = None,
    facts: Facts | None = None,
    wish: Wish | None = None,
) -> Reading:
    signals = signals or (Signal.SMALL_TALK,)
    return Reading(
        signals=signals,
        evidence=evidence if evidence is not None else {s: () for s in signals},
        timing=timing,
        polite=polite,
        stage=stage,
        message=message,
        facts=facts or Facts(),
        wish=wish or Wish(),
        partner_name="김지민",
    )
