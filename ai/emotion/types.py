"""The vocabulary of emotion analysis: one result type for every analyser and every engine.

The lexicon (`ai.emotion.local_analyzer`) and Amazon Comprehend (`ai.emotion.comprehend`) both
return an `EmotionResult`; the coach stores it with its `CoachResult`, and the local engine reads
it to choose and word its replies. Closed sets are enums; records are frozen.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple


class Sentiment(enum.StrEnum):
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


@dataclass(frozen=True, slots=True, eq=False)
class SentimentScores(Mapping[Sentiment, float]):
    """Shares of each sentiment; they sum to ~1. Also a mapping from `Sentiment`, in enum order,
    and equal to any mapping with the same items."""

    positive: float
    negative: float
    neutral: float
    mixed: float

    def __getitem__(self, sentiment: Sentiment) -> float:
        if sentiment not in Sentiment.__members__:
            raise KeyError(sentiment)
        return getattr(self, Sentiment(sentiment).value.lower())

    def __iter__(self) -> Iterator[Sentiment]:
        return iter(Sentiment)

    def __len__(self) -> int:
        return len(Sentiment)


class EmotionLabelScore(NamedTuple):
    """One domain emotion: ``("EXCITEMENT", "설렘", 0.62)``."""

    key: str  # an `EmotionLabel` value, e.g. EXCITEMENT
    korean: str  # 설렘, 기쁨, 서운함, 걱정, 피곤함 …
    score: float  # 0..1

    @property
    def label(self) -> EmotionLabel:
        return EmotionLabel(self.key)


@dataclass(frozen=True, slots=True)
class EmotionResult:
    sentiment: Sentiment
    scores: Mapping[Sentiment, float]  # every Sentiment present; they sum to ~1
    labels: tuple[EmotionLabelScore, ...]  # strongest first, at most three
    intensity: float  # 0..1
    key_phrases: tuple[str, ...]
    source: str  # "lexicon", "comprehend+lexicon", "lexicon+model", …
    cues: tuple[str, ...] = ()  # what moved a lexicon reading, in Korean, e.g. "부정: 안 피곤하다"

    @property
    def top(self) -> EmotionLabel | None:
        return self.labels[0].label if self.labels else None

    def score_of(self, label: EmotionLabel) -> float:
        return next((s.score for s in self.labels if s.key == label.value), 0.0)
