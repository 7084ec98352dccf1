"""The coach's vocabulary, shared by every engine: what goes into a generation and what comes out.

Every engine (local, Bedrock) speaks these types and nothing else, so the service maps one set
of types onto GraphQL and no engine translates between models. Closed sets are enums (string
enums, so a stored "ME" or "SOME" compares equal to its member); records are frozen dataclasses
holding tuples, not lists, so a result can be shared between tasks without being changed under
anyone's feet. The emotion types are `ai.emotion.types`' and are re-exported here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from ai.emotion.types import EmotionLabelScore, EmotionResult, Sentiment
from ai.korean.speech_style import SpeechStyle

__all__ = [
    "RISK_ORDER", "Advice", "AdviceReady", "ChatLine", "CoachError", "CoachErrorCode", "CoachEvent", "CoachRequest",
    "CoachResult", "EmotionLabelScore", "EmotionResult", "PartnerInsight", "PartnerProfile", "ReplyDelta",
    "ReplyOption", "ReplyTiming", "RiskLevel", "Sender", "Sentiment", "Signal", "Stage", "UserProfile",
]


class RiskLevel(enum.StrEnum):
    SAFE = "SAFE"  # 안전형
    BALANCED = "BALANCED"  # 균형형
    BOLD = "BOLD"  # 대담형


RISK_ORDER: tuple[RiskLevel, RiskLevel, RiskLevel] = (RiskLevel.SAFE, RiskLevel.BALANCED, RiskLevel.BOLD)


class Stage(enum.StrEnum):
    """Where the relationship is (`PartnerProfile.relationship`)."""

    SOME = "SOME"
    BLIND_DATE = "BLIND_DATE"
    DATING = "DATING"
    FRIEND = "FRIEND"
    EX = "EX"
    CRUSH = "CRUSH"


class Sender(enum.StrEnum):
    ME = "ME"
    PARTNER = "PARTNER"
    OTHER = "OTHER"


class Signal(enum.StrEnum):
    """What is going on in the partner's message, read in its context."""

    DECLINE = "DECLINE"  # a no, or a polite "not now" (당분간 바빠서, 응원할게요)
    DISTRESS = "DISTRESS"  # they are hurting: a hard day, bad news, exhaustion
    CONFLICT = "CONFLICT"  # a fight, blame, hurt aimed at the user
    INVITATION = "INVITATION"  # a proposal to meet or do something, open or veiled
    QUESTION = "QUESTION"  # something to answer
    RELATIONSHIP_TALK = "RELATIONSHIP_TALK"  # "우리 무슨 사이야?", where this is going
    DRY_REPLY = "DRY_REPLY"  # 단답: ㅇㅇ, 응, ㅋ
    LATE_NIGHT = "LATE_NIGHT"  # sent in the small hours
    GOOD_NEWS = "GOOD_NEWS"
    THANKS = "THANKS"
    APOLOGY = "APOLOGY"
    AFFECTION = "AFFECTION"  # 보고 싶다, 좋아해
    EX_CONTACT = "EX_CONTACT"  # an ex reaching out
    SMALL_TALK = "SMALL_TALK"
    CRISIS = "CRISIS"  # words of self-harm: safety first
    JOKING = "JOKING"  # playful exaggeration (a joking 😭)
    MASKED_PAIN = "MASKED_PAIN"  # ㅋㅋ or 괜찮아 over something painful
    GRIEF = "GRIEF"  # a death, a loss
    READ_NO_REPLY = "READ_NO_REPLY"  # 읽씹: the user's messages went unanswered for long


class ReplyTiming(enum.StrEnum):
    NOW = "NOW"  # answer now
    LATER = "LATER"  # wait a little (until tomorrow, or give them space)
    NOT_NOW = "NOT_NOW"  # better not to answer now, or not to chase


@dataclass(frozen=True, slots=True)
class Advice:
    """The coach's reading before any reply: what is probably going on and what to do."""

    summary: str  # Korean: what is probably going on
    signals: tuple[Signal, ...]
    timing: ReplyTiming
    recommendation: str  # Korean: what to do (and the answer to the user's own question)
    cautions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReplyOption:
    risk: RiskLevel
    text: str  # the message the user could send
    explanation: str  # why it fits, in Korean
    confidence: float  # 0..1


@dataclass(frozen=True, slots=True)
class PartnerInsight:
    personality_traits: tuple[str, ...]
    communication_style: str
    topics_that_work: tuple[str, ...]
    cautions: tuple[str, ...]
    engine: str
    model: str


@dataclass(frozen=True, slots=True)
class PartnerProfile:
    """The partner, as far as the user described them. Only what is known needs to be given."""

    name: str | None = None
    relationship: str | None = None  # a Stage: SOME, BLIND_DATE, DATING, FRIEND, EX, CRUSH
    age: int | None = None
    mbti: str | None = None
    description: str | None = None
    interests: tuple[str, ...] = ()
    communication_style: str | None = None  # the user's own words about how they talk
    insight: PartnerInsight | None = None


@dataclass(frozen=True, slots=True)
class UserProfile:
    """The user, as far as they told us. Optional everywhere."""

    nickname: str | None = None
    gender: str | None = None  # FEMALE, MALE, NON_BINARY, UNDISCLOSED
    age: int | None = None
    mbti: str | None = None
    bio: str | None = None


@dataclass(frozen=True, slots=True)
class ChatLine:
    sender: Sender  # or its name: a stored "ME" compares equal to Sender.ME
    text: str
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CoachRequest:
    message: str  # the partner's message to analyse
    # In the user's local time (late night is judged by it); None for a pasted message, whose
    # time nobody knows (it is not "now").
    message_sent_at: datetime | None = None
    situation: str | None = None  # the user's own words about what is going on / what they want
    partner: PartnerProfile
    partner_style: SpeechStyle | None = None
    my_style: SpeechStyle | None = None  # the user's own style with this partner, when measured
    account_style: SpeechStyle | None = None  # the user's style over all their chats (a fallback)
    recent_messages: tuple[ChatLine, ...] = ()  # the room's latest messages, oldest first
    insights_summary: str | None = None
    me: UserProfile | None = None
    # The partner's last lines sent together (a burst), when they came from the room: the
    # message above is their text, joined. Empty for a pasted message.
    burst: tuple[ChatLine, ...] = ()

    def history(self) -> tuple[ChatLine, ...]:
        """``recent_messages`` without the analysed message: without the burst when it came from
        the room, or a trailing copy of a pasted message."""
        lines = self.recent_messages
        if self.burst and lines[-len(self.burst):] == self.burst:
            return lines[: -len(self.burst)]
        if lines and lines[-1].sender == Sender.PARTNER and lines[-1].text.strip() == self.message.strip():
            return lines[:-1]
        return lines


@dataclass(frozen=True, slots=True)
class ReplyDelta:
    """A piece of one option's text, as it is generated. Per risk, the pieces concatenate to
    the option's final text (see the engines for the one exception, a repaired answer)."""

    risk: RiskLevel
    text: str


@dataclass(frozen=True, slots=True)
class AdviceReady:
    """The advice, streamed before any reply text."""

    advice: Advice


@dataclass(frozen=True, slots=True)
class CoachResult:
    emotion: EmotionResult
    intent: str  # what the partner likely means, one or two Korean sentences
    replies: tuple[ReplyOption, ReplyOption, ReplyOption]  # SAFE, BALANCED, BOLD
    engine: str  # "local" | "bedrock" | "openai"
    model: str
    input_tokens: int
    output_tokens: int
    latency_ms: int
    advice: Advice
    intent_tags: tuple[str, ...] = field(default=())  # e.g. ("INVITATION", "QUESTION"); may be empty

    def __post_init__(self) -> None:
        risks = tuple(option.risk for option in self.replies)
        if risks != RISK_ORDER:
            raise ValueError(f"replies must be exactly SAFE, BALANCED, BOLD in order, got {risks}")

    def reply(self, risk: RiskLevel) -> ReplyOption:
        return self.replies[RISK_ORDER.index(risk)]


CoachEvent = AdviceReady | ReplyDelta | CoachResult


class CoachErrorCode(enum.StrEnum):
    INVALID_OUTPUT = "INVALID_OUTPUT"  # the model's answer stayed unusable after one repair
    THROTTLED = "THROTTLED"
    TIMEOUT = "TIMEOUT"
    UNAVAILABLE = "UNAVAILABLE"
    MODEL_ERROR = "MODEL_ERROR"


class CoachError(Exception):
    """A generation that did not complete.

    ``after_first_chunk`` is true when a ``ReplyDelta`` (or, on Bedrock, any model text) had
    already gone out before the failure. ``message`` never carries prompt or reply text.
    """

    def __init__(self, code: CoachErrorCode | str, message: str, after_first_chunk: bool = False) -> None:
        super().__init__(message)
        self.code = CoachErrorCode(code)
        self.message = message
        self.after_first_chunk = after_first_chunk

    def __str__(self) -> str:
        where = "after the first chunk" if self.after_first_chunk else "before the first chunk"
        return f"{self.code.value} {where}: {self.message}"
