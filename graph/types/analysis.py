"""An analysis: what a partner's message likely means, its emotion and three replies."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from ai.coach.types import EmotionResult
from datastore.records import AnalysisRecord
from graph.relay.global_id import encode_id
from graph.relay.node import Node, build_node, node_type
from graph.types.advice import Advice
from graph.types.message import Message

ChatRoomRef = Annotated["ChatRoom", strawberry.lazy("graph.types.chat_room")]


@strawberry.enum(description="How far a reply goes: 안전형, 균형형, 대담형.")
class RiskLevel(enum.Enum):
    SAFE = strawberry.enum_value("SAFE", description="안전형: warm, keeps things light")
    BALANCED = strawberry.enum_value("BALANCED", description="균형형: answers and keeps the talk going")
    BOLD = strawberry.enum_value("BOLD", description="대담형: a clear step forward")


@strawberry.enum
class Sentiment(enum.Enum):
    POSITIVE = "POSITIVE"
    NEGATIVE = "NEGATIVE"
    NEUTRAL = "NEUTRAL"
    MIXED = "MIXED"


@strawberry.type
class SentimentScores:
    positive: float
    negative: float
    neutral: float
    mixed: float


@strawberry.type(description="An emotion that means something in dating talk (설렘, 서운함, 피곤함, …).")
class EmotionLabel:
    key: str
    label: str
    score: float


@strawberry.type
class Emotion:
    sentiment: Sentiment
    scores: SentimentScores
    labels: list[EmotionLabel]
    intensity: float
    key_phrases: list[str]
    source: str = strawberry.field(description="What measured it, e.g. lexicon or comprehend+lexicon.")

    @classmethod
    def from_result(cls, result: EmotionResult) -> Emotion:
        score = {sentiment.value: value for sentiment, value in result.scores.items()}
        return cls(
            sentiment=Sentiment(result.sentiment.value),
            scores=SentimentScores(
                positive=score.get("POSITIVE", 0.0),
                negative=score.get("NEGATIVE", 0.0),
                neutral=score.get("NEUTRAL", 0.0),
                mixed=score.get("MIXED", 0.0),
            ),
            labels=[EmotionLabel(key=key, label=korean, score=value) for key, korean, value in result.labels],
            intensity=result.intensity,
            key_phrases=list(result.key_phrases),
            source=result.source,
        )


@strawberry.type
class ReplyOption:
    risk: RiskLevel
    text: str
    explanation: str
    confidence: float


@strawberry.type
class TokenUsage:
    input_tokens: int
    output_tokens: int


@strawberry.type(description="The reply the user took, and how it went (1–5).")
class ReplyChoice:
    risk: RiskLevel
    rating: int | None
    chosen_at: datetime


# The nested parts of an analysis are built when they are asked for: a page of analyses asked
# for `id intent` built some fifteen objects for each, unused.
def _emotion(root: Analysis) -> Emotion:
    return Emotion.from_result(root.record.emotion)


def _advice(root: Analysis) -> Advice:
    record = root.record
    return Advice.from_model(record.advice) if record.advice else Advice.before_advice(record.intent)


def _replies(root: Analysis) -> list[ReplyOption]:
    return [
        ReplyOption(risk=RiskLevel(r.risk.value), text=r.text, explanation=r.explanation, confidence=r.confidence)
        for r in root.record.replies
    ]


def _usage(root: Analysis) -> TokenUsage:
    return TokenUsage(input_tokens=root.record.input_tokens, output_tokens=root.record.output_tokens)


def _choice(root: Analysis) -> ReplyChoice | None:
    record = root.record
    if record.chosen_risk and record.chosen_at:
        return ReplyChoice(risk=RiskLevel(record.chosen_risk), rating=record.rating, chosen_at=record.chosen_at)
    return None


@node_type(loader="analysis")
@strawberry.type(description="What a partner's message likely means, and three replies.")
class Analysis(Node):
    message: str
    situation: str | None
    emotion: Emotion = strawberry.field(resolver=_emotion)
    intent: str
    advice: Advice = strawberry.field(
        resolver=_advice, description="What is probably going on and what to do, before any reply."
    )
    replies: list[ReplyOption] = strawberry.field(resolver=_replies)
    engine: str
    model: str
    usage: TokenUsage = strawberry.field(resolver=_usage)
    latency_ms: int
    created_at: datetime
    choice: ReplyChoice | None = strawberry.field(resolver=_choice)
    record: strawberry.Private[AnalysisRecord]

    @classmethod
    def from_record(cls, record: AnalysisRecord) -> Analysis:
        return cls(
            id=strawberry.ID(encode_id("Analysis", record.id)),
            record=record,
            message=record.message,
            situation=record.situation,
            intent=record.intent,
            engine=record.engine,
            model=record.model,
            latency_ms=record.latency_ms,
            created_at=record.created_at,
        )

    @strawberry.field
    async def chat_room(self, info: Info) -> ChatRoomRef:
        room = await info.context.loaders.chat_room.load(self.record.room_id)
        assert room is not None, "a visible analysis has a visible room"
        return build_node("ChatRoom", room)

    @strawberry.field(description="The room's message that was analysed, when it came from the room.")
    async def source_message(self, info: Info) -> Message | None:
        if self.record.message_id is None:
            return None
        message = await info.context.loaders.message.load(self.record.message_id)
        return Message.from_record(message) if message else None
