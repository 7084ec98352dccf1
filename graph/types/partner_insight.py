from __future__ import annotations

from datetime import datetime

import strawberry

from ai.coach.types import PartnerInsight as InsightModel


@strawberry.type(description="What Love Q makes of a partner, from their profile and messages.")
class PartnerInsight:
    personality_traits: list[str]
    communication_style: str
    topics_that_work: list[str]
    cautions: list[str]
    engine: str
    model: str
    created_at: datetime | None

    @classmethod
    def from_model(cls, insight: InsightModel, created_at: datetime | None) -> PartnerInsight:
        return cls(
            personality_traits=list(insight.personality_traits),
            communication_style=insight.communication_style,
            topics_that_work=list(insight.topics_that_work),
            cautions=list(insight.cautions),
            engine=insight.engine,
            model=insight.model,
            created_at=created_at,
        )
