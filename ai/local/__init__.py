"""The local engine: offline, deterministic Korean emotion analysis, intent detection and reply
composition for dating chats.

    emotion = analyze_emotion(text)
    intent = detect_intent(text, sent_at=..., emotion=emotion, previous_mine=...)
    drafts = compose_replies(ReplyContext(message=text, intent=intent, emotion=emotion, ...))
"""

from .context import PartnerProfile, ReplyContext
from .emotion import analyze_emotion
from .intent import detect_intent
from .replies import compose_replies
from .style import StyleLike, StyleSnapshot
from .types import (
    Activity,
    ChatLine,
    EmotionLabel,
    EmotionReading,
    EmotionScore,
    Intent,
    IntentHit,
    IntentReading,
    MessageDetails,
    ReplyDraft,
    RiskLevel,
    Sender,
    Sentiment,
    SentimentScores,
    Stage,
    TimeExpression,
)

__all__ = [
    "Activity", "ChatLine", "EmotionLabel", "EmotionReading", "EmotionScore", "Intent", "IntentHit",
    "IntentReading", "MessageDetails", "PartnerProfile", "ReplyContext", "ReplyDraft", "RiskLevel", "Sender",
    "Sentiment", "SentimentScores", "Stage", "StyleLike", "StyleSnapshot", "TimeExpression", "analyze_emotion",
    "compose_replies", "detect_intent",
]
