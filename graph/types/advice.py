"""The coach's advice: what is probably going on, and what to do, before any reply."""

from __future__ import annotations

import strawberry

from ai.coach.types import Advice as AdviceModel
from ai.coach.types import ReplyTiming as ReplyTimingModel
from ai.coach.types import Signal as SignalModel

Signal = strawberry.enum(SignalModel, description="What is going on in the partner's message, read in its context.")
ReplyTiming = strawberry.enum(
    ReplyTimingModel, description="When to answer: now, a little later, or better not now (or not at all)."
)


@strawberry.type(description="What is probably going on, and what to do.")
class Advice:
    summary: str = strawberry.field(description="What is probably going on, in Korean.")
    signals: list[Signal]
    timing: ReplyTiming
    recommendation: str = strawberry.field(
        description="What to do, in Korean; it answers your own question when `situation` asked one."
    )
    cautions: list[str]

    @classmethod
    def from_model(cls, advice: AdviceModel) -> Advice:
        return cls(
            summary=advice.summary,
            signals=list(advice.signals),
            timing=advice.timing,
            recommendation=advice.recommendation,
            cautions=list(advice.cautions),
        )

    @classmethod
    def before_advice(cls, intent: str) -> Advice:
        """For an analysis stored before the coach gave advice: its reading of the intent."""
        return cls(summary=intent, signals=[], timing=ReplyTimingModel.NOW, recommendation="", cautions=[])
