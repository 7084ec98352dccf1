"""The local engine's vocabulary: closed sets as enums, readings and drafts as frozen dataclasses.

Nothing here depends on the GraphQL layer; the service maps these onto its own types by name.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Sentiment(enum.Enum):
    POSITIVE = "POSITIVE"
    NEGATIVE = "NEGATIVE"
    NEUTRAL = "NEUTRAL"
    MIXED = "MIXED"


class EmotionLabel(enum.Enum):
    """Emotions that mean something in a dating chat. The value is the English key."""

    EXCITEMENT = "EXCITEMENT"  # 설렘
    JOY = "JOY"  # 기쁨
    AFFECTION = "AFFECTION"  # 호감
    GRATITUDE = "GRATITUDE"  # 고마움
    LONGING = "LONGING"  # 그리움
    HURT = "HURT"  # 서운함
    WORRY = "WORRY"  # 걱정
    TIRED = "TIRED"  # 피곤함
    ANNOYANCE = "ANNOYANCE"  # 짜증
    SADNESS = "SADNESS"  # 슬픔
    SORRY = "SORRY"  # 미안함
    EMBARRASSMENT = "EMBARRASSMENT"  # 당황
    INDIFFERENCE = "INDIFFERENCE"  # 무관심

    @property
    def korean(self) -> str:
        return _KOREAN_LABELS[self]

    @property
    def polarity(self) -> float:
        """-1 (negative) .. +1 (positive); 0 counts towards neutral."""
        return _POLARITY[self]


_KOREAN_LABELS = {
    EmotionLabel.EXCITEMENT: "설렘",
    EmotionLabel.JOY: "기쁨",
    EmotionLabel.AFFECTION: "호감",
    EmotionLabel.GRATITUDE: "고마움",
    EmotionLabel.LONGING: "그리움",
    EmotionLabel.HURT: "서운함",
    EmotionLabel.WORRY: "걱정",
    EmotionLabel.TIRED: "피곤함",
    EmotionLabel.ANNOYANCE: "짜증",
    EmotionLabel.SADNESS: "슬픔",
    EmotionLabel.SORRY: "미안함",
    EmotionLabel.EMBARRASSMENT: "당황",
    EmotionLabel.INDIFFERENCE: "무관심",
}

_POLARITY = {
    EmotionLabel.EXCITEMENT: 1.0,
    EmotionLabel.JOY: 1.0,
    EmotionLabel.AFFECTION: 1.0,
    EmotionLabel.GRATITUDE: 1.0,
    EmotionLabel.LONGING: 0.8,
    EmotionLabel.HURT: -1.0,
    EmotionLabel.WORRY: -0.8,
    EmotionLabel.TIRED: -0.8,
    EmotionLabel.ANNOYANCE: -1.0,
    EmotionLabel.SADNESS: -1.0,
    EmotionLabel.SORRY: -0.8,
    EmotionLabel.EMBARRASSMENT: -0.7,
    EmotionLabel.INDIFFERENCE: 0.0,
}


@dataclass(frozen=True, slots=True)
class SentimentScores:
    """Shares of each sentiment; they sum to 1."""

    positive: float
    negative: float
    neutral: float
    mixed: float


@dataclass(frozen=True, slots=True)
class EmotionScore:
    label: EmotionLabel
    score: float  # share of the emotional evidence, 0..1


@dataclass(frozen=True, slots=True)
class EmotionReading:
    sentiment: Sentiment
    scores: SentimentScores
    emotions: tuple[EmotionScore, ...]  # strongest first, at most three
    intensity: float  # 0..1
    key_phrases: tuple[str, ...]  # at most five, in order of appearance
    cues: tuple[str, ...] = ()  # what moved the reading, in Korean, e.g. "부정: 안 피곤하다"

    @property
    def top(self) -> EmotionLabel | None:
        return self.emotions[0].label if self.emotions else None

    def score_of(self, label: EmotionLabel) -> float:
        return next((e.score for e in self.emotions if e.label is label), 0.0)


class Intent(enum.Enum):
    QUESTION = "QUESTION"
    INVITATION = "INVITATION"
    ACCEPTANCE = "ACCEPTANCE"  # yes to the user's proposal
    DECLINE = "DECLINE"  # no / not now to a proposal
    THANKS = "THANKS"
    APOLOGY = "APOLOGY"
    COMPLAINT = "COMPLAINT"  # 서운함 or blame aimed at the user
    VENTING = "VENTING"  # a hard day, aimed at something else
    GREETING = "GREETING"
    LATE_NIGHT_CHECKIN = "LATE_NIGHT_CHECKIN"
    SHARING_NEWS = "SHARING_NEWS"
    COMPLIMENT = "COMPLIMENT"
    TEASING = "TEASING"
    MISSING_YOU = "MISSING_YOU"
    AFFECTION = "AFFECTION"  # 좋아해 / 사랑해
    CLOSING = "CLOSING"  # good night, talk later
    ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT"  # 응, ㅇㅇ, 그래: a dry short answer
    SMALL_TALK = "SMALL_TALK"

    @property
    def korean(self) -> str:
        return _INTENT_KOREAN[self]


_INTENT_KOREAN = {
    Intent.QUESTION: "질문",
    Intent.INVITATION: "제안·약속",
    Intent.ACCEPTANCE: "수락",
    Intent.DECLINE: "거절·미룸",
    Intent.THANKS: "감사",
    Intent.APOLOGY: "사과",
    Intent.COMPLAINT: "서운함 표현",
    Intent.VENTING: "하소연",
    Intent.GREETING: "인사",
    Intent.LATE_NIGHT_CHECKIN: "늦은 밤 연락",
    Intent.SHARING_NEWS: "소식 공유",
    Intent.COMPLIMENT: "칭찬",
    Intent.TEASING: "장난",
    Intent.MISSING_YOU: "보고 싶음",
    Intent.AFFECTION: "애정 표현",
    Intent.CLOSING: "마무리 인사",
    Intent.ACKNOWLEDGEMENT: "짧은 대답",
    Intent.SMALL_TALK: "일상 대화",
}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str  # as written, e.g. "이번 주말", "토요일 저녁"
    adverbial: str  # ready to put before a verb: "이번 주말에", "내일"


@dataclass(frozen=True, slots=True)
class Activity:
    """Something two people can do together, with what it takes to conjugate a proposal."""

    key: str  # canonical noun, e.g. "영화"
    object: str  # what comes before the verb, e.g. "영화", "전시 보러", "맥주 한잔"
    verb: str  # a stem from details.VERBS, e.g. "보", "가", "하"
    attached: bool = False  # "산책" + "하" -> "산책할래요" (no space)


@dataclass(frozen=True, slots=True)
class MessageDetails:
    """Concrete things found in a message that a reply can pick up."""

    times: tuple[TimeExpression, ...] = ()
    activities: tuple[Activity, ...] = ()
    topics: tuple[str, ...] = ()  # other content nouns (회사, 면접, 비, …)
    causes: tuple[str, ...] = ()  # nouns that explain a mood (야근, 회의, 시험, …)

    @property
    def time(self) -> TimeExpression | None:
        return self.times[0] if self.times else None

    @property
    def activity(self) -> Activity | None:
        return self.activities[0] if self.activities else None


@dataclass(frozen=True, slots=True)
class IntentHit:
    intent: Intent
    score: float  # 0..1
    evidence: tuple[str, ...]  # the words or rule that triggered it


@dataclass(frozen=True, slots=True)
class IntentReading:
    primary: Intent
    confidence: float
    secondary: tuple[IntentHit, ...]
    evidence: tuple[str, ...]  # the primary intent's evidence
    interpretation: str  # one Korean sentence: what the partner likely means
    reply_expected: bool
    details: MessageDetails = field(default_factory=MessageDetails)
    indirect: bool = False  # e.g. "주말에 뭐 해요?" as a veiled invitation
    late_night: bool = False

    @property
    def intents(self) -> tuple[Intent, ...]:
        return (self.primary, *(h.intent for h in self.secondary))

    def has(self, intent: Intent) -> bool:
        return intent in self.intents


class RiskLevel(enum.Enum):
    SAFE = "SAFE"
    BALANCED = "BALANCED"
    BOLD = "BOLD"


class Stage(enum.Enum):
    SOME = "SOME"
    BLIND_DATE = "BLIND_DATE"
    DATING = "DATING"
    FRIEND = "FRIEND"
    EX = "EX"
    CRUSH = "CRUSH"


class Sender(enum.Enum):
    ME = "ME"
    PARTNER = "PARTNER"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class ChatLine:
    sender: Sender
    text: str
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReplyDraft:
    risk: RiskLevel
    text: str
    explanation: str  # Korean: why this reply fits
    confidence: float  # 0..1
