"""The coach: three replies (SAFE, BALANCED, BOLD) with emotion and intent, from one of two
engines behind one interface.

- `model`: the engine-neutral types (`CoachRequest`, `ReplyDelta`, `CoachResult`, `CoachError` …).
- `engine`: the `CoachEngine` protocol.
- `local_engine` / `bedrock_engine`: the offline engine and Claude on Bedrock.
- `prompt`, `output_parser`, `partner_prompt`: Bedrock's prompt and answer format.
- `emotion`: the `EmotionAnalyzer` protocol and the local analyser (Comprehend's is in
  `ai.comprehend`).
- `factory`: building all of it from settings.
"""

from ai.coach.emotion import EmotionAnalyzer, LocalEmotionAnalyzer
from ai.coach.engine import CoachEngine

from ai.coach.model import (
    RISK_ORDER,
    ChatLine,
    CoachError,
    CoachErrorCode,
    CoachEvent,
    CoachRequest,
    CoachResult,
    EmotionLabelScore,
    EmotionResult,
    PartnerInsight,
    PartnerProfile,
    ReplyDelta,
    ReplyOption,
    RiskLevel,
    Sentiment,
    UserProfile,
)

__all__ = [
    "RISK_ORDER", "ChatLine", "CoachEngine", "CoachError", "CoachErrorCode", "CoachEvent", "CoachRequest",
    "CoachResult", "EmotionAnalyzer", "EmotionLabelScore", "EmotionResult", "LocalEmotionAnalyzer", "PartnerInsight", "PartnerProfile", "ReplyDelta", "ReplyOption",
    "RiskLevel", "Sentiment", "UserProfile",
]
