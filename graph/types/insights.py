"""Conversation insights: the measures that made "연애의 과학" popular, per side."""

from __future__ import annotations

from datetime import date

import strawberry

from ai.insights import ConversationInsights as InsightsModel
from ai.insights import SideInsights as SideModel


@strawberry.type
class SideInsights:
    message_count: int
    median_reply_seconds: float | None = strawberry.field(
        description="Median time to answer the other side (gaps longer than a silence are new conversations)."
    )
    median_reply_to_question_seconds: float | None
    conversations_started: int = strawberry.field(description="Conversations this side opened after a silence.")
    average_length: float
    question_rate: float
    laughter_rate: float
    emoticon_rate: float
    late_night_share: float = strawberry.field(description="Share of messages sent 22:00–02:00 local time.")

    @classmethod
    def from_model(cls, side: SideModel) -> SideInsights:
        return cls(**{name: getattr(side, name) for name in SideModel.__dataclass_fields__})


@strawberry.type
class InterestFactor:
    name: str
    label: str
    effect: int = strawberry.field(description="Points this factor added to (or took from) the score.")
    detail: str


@strawberry.type
class WeeklyInterest:
    week_start: date
    score: int
    partner_messages: int
    my_messages: int


@strawberry.type(description="How the conversation goes, per side, and how interested the partner seems.")
class ConversationInsights:
    me: SideInsights
    partner: SideInsights
    other_message_count: int
    interest_score: int = strawberry.field(description="The partner's apparent interest, 0–100.")
    low_confidence: bool = strawberry.field(description="Too few messages for the score to mean much.")
    factors: list[InterestFactor]
    weekly: list[WeeklyInterest]

    @classmethod
    def from_model(cls, model: InsightsModel) -> ConversationInsights:
        return cls(
            me=SideInsights.from_model(model.me),
            partner=SideInsights.from_model(model.partner),
            other_message_count=model.other_message_count,
            interest_score=model.interest_score,
            low_confidence=model.low_confidence,
            factors=[InterestFactor(name=f.name, label=f.korean_label, effect=f.effect, detail=f.detail) for f in model.factors],
            weekly=[
                WeeklyInterest(week_start=w.week_start, score=w.score, partner_messages=w.partner_messages, my_messages=w.my_messages)
                for w in model.weekly
            ],
        )
