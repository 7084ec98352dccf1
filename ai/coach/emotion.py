"""Emotion analysis behind one small interface, and how readings become `EmotionResult`s.

`EmotionAnalyzer` is what the Bedrock engine is given: `LocalEmotionAnalyzer` (our lexicon and
the morphological analyser, offline) or `ai.comprehend.ComprehendAnalyzer` (Amazon Comprehend's
sentiment and key phrases combined with the lexicon's domain labels).

`combine_with_model` merges a measured result with the model's own reading (``<emotion>`` in
its answer): the sentiment and its scores stay the measured ones (a calibrated distribution,
which the model does not give); the domain labels are the mean of both sources' scores (a label
only one source saw counts 0 in the other), renormalised over the strongest three; intensity is
the mean of both; key phrases stay the measured ones. The source becomes ``"<measured>+model"``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ai.coach.model import EmotionLabelScore, EmotionResult, Sentiment
from ai.coach.offload import run_local
from ai.coach.output_parser import ModelEmotion
from ai.local import EmotionLabel, EmotionReading, analyze_emotion

MAX_LABELS = 3
MIN_LABEL_SCORE = 0.1
_BY_KOREAN = {label.korean: label for label in EmotionLabel}


@runtime_checkable
class EmotionAnalyzer(Protocol):
    name: str

    async def analyze(self, text: str) -> EmotionResult: ...

    async def warm_up(self) -> None:
        """Load the morphological analyser now rather than in the first request."""
        ...

    async def aclose(self) -> None: ...


async def warm_up_local_analysis() -> None:
    """Load Kiwi on the local-analysis worker (about two seconds, once per process)."""
    await run_local(analyze_emotion, "안녕하세요")


class LocalEmotionAnalyzer:
    """The lexicon of `ai.local`, run on the local-analysis worker thread."""

    name = "lexicon"

    async def analyze(self, text: str) -> EmotionResult:
        reading = await run_local(analyze_emotion, text)
        return emotion_from_reading(reading)

    async def warm_up(self) -> None:
        await warm_up_local_analysis()

    async def aclose(self) -> None:
        return None


def emotion_from_reading(reading: EmotionReading, *, source: str = "lexicon") -> EmotionResult:
    scores = reading.scores
    return EmotionResult(
        sentiment=Sentiment(reading.sentiment.value),
        scores={
            Sentiment.POSITIVE: scores.positive,
            Sentiment.NEGATIVE: scores.negative,
            Sentiment.NEUTRAL: scores.neutral,
            Sentiment.MIXED: scores.mixed,
        },
        labels=tuple(EmotionLabelScore(e.label.value, e.label.korean, e.score) for e in reading.emotions),
        intensity=reading.intensity,
        key_phrases=tuple(reading.key_phrases),
        source=source,
    )


def label_score(korean: str, score: float) -> EmotionLabelScore | None:
    """A domain label from its Korean name (설렘 -> EXCITEMENT); None outside our closed set."""
    label = _BY_KOREAN.get(korean.strip())
    return EmotionLabelScore(label.value, label.korean, round(score, 3)) if label else None


def combine_with_model(measured: EmotionResult, model: ModelEmotion | None) -> EmotionResult:
    if model is None:
        return measured
    modelled = [s for s in (label_score(k, v) for k, v in model.labels) if s is not None]
    labels = measured.labels
    if modelled:
        merged: dict[str, float] = {}
        korean: dict[str, str] = {}
        for source in (measured.labels, modelled):
            for key, name, score in source:
                merged[key] = merged.get(key, 0.0) + score / 2
                korean[key] = name
        labels = _normalised(merged, korean)
    intensity = measured.intensity
    if model.intensity is not None:
        intensity = round((measured.intensity + model.intensity) / 2, 3)
    return EmotionResult(
        sentiment=measured.sentiment,
        scores=measured.scores,
        labels=labels,
        intensity=intensity,
        key_phrases=measured.key_phrases,
        source=f"{measured.source}+model",
    )


def from_model_only(model: ModelEmotion | None) -> EmotionResult:
    """What is left when the analyser failed: the model's reading, or a neutral blank."""
    sentiment = model.sentiment if model and model.sentiment else Sentiment.NEUTRAL
    scores = {s: (1.0 if s is sentiment else 0.0) for s in Sentiment}
    if model is None:
        return EmotionResult(sentiment, scores, (), 0.0, (), "none")
    modelled = [s for s in (label_score(k, v) for k, v in model.labels) if s is not None]
    labels = _normalised({s.key: s.score for s in modelled}, {s.key: s.korean for s in modelled})
    return EmotionResult(sentiment, scores, labels, model.intensity or 0.0, (), "model")


def _normalised(scores: dict[str, float], korean: dict[str, str]) -> tuple[EmotionLabelScore, ...]:
    order = [label.value for label in EmotionLabel]
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0]) if kv[0] in order else 99))
    top = [(k, v) for k, v in ranked[:MAX_LABELS] if v > 0]
    total = sum(v for _, v in top)
    if not total:
        return ()
    return tuple(
        EmotionLabelScore(k, korean[k], round(v / total, 3)) for k, v in top if v / total >= MIN_LABEL_SCORE
    )
