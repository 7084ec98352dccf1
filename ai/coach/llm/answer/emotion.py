"""The model's own emotion reading (``<emotion>`` in its answer), and how it meets the measured one.

`parse_model_emotion` reads the ``<emotion>`` JSON leniently: ``labels`` as an object of Korean
label to score (the compact form the prompt asks for) or as a list of ``{"label", "score"}``. `combine_with_model` merges a
measured result (`ai.emotion`) with it: the sentiment and its scores stay the measured ones (a
calibrated distribution, which the model does not give); the domain labels are the mean of both
sources' scores (a label only one source saw counts 0 in the other), renormalised over the
strongest three; intensity is the mean of both; key phrases stay the measured ones. The source
becomes ``"<measured>+model"``. `from_model_only` is what is left when the analyser failed.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from ai.emotion.types import EmotionLabel, EmotionLabelScore, EmotionResult, Sentiment

MAX_LABELS = 3
MIN_LABEL_SCORE = 0.1
_BY_KOREAN = {label.korean: label for label in EmotionLabel}


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


@dataclass(frozen=True, slots=True)
class ModelEmotion:
    """The model's own reading of the partner's emotion (optional in the answer)."""

    sentiment: Sentiment | None
    labels: tuple[tuple[str, float], ...]  # (Korean label, score 0..1)
    intensity: float | None


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


def parse_model_emotion(raw: str) -> ModelEmotion | None:
    """The ``<emotion>`` JSON, leniently: unknown keys ignored, scores clamped to 0..1."""
    try:
        data = json.loads(_FENCE.sub("", raw.strip()))
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    sentiment = None
    raw_sentiment = str(data.get("sentiment") or "").strip().upper()
    if raw_sentiment in Sentiment.__members__:
        sentiment = Sentiment(raw_sentiment)
    labels: list[tuple[str, float]] = []
    raw_labels = data.get("labels") or ()
    if isinstance(raw_labels, dict):
        raw_labels = [{"label": key, "score": value} for key, value in raw_labels.items()]
    for item in raw_labels:
        if isinstance(item, dict) and isinstance(item.get("label"), str):
            score = _unit(item.get("score"))
            if item["label"].strip() and score is not None:
                labels.append((item["label"].strip(), score))
    intensity = _unit(data.get("intensity"))
    if sentiment is None and not labels and intensity is None:
        return None
    return ModelEmotion(sentiment, tuple(labels), intensity)


def _unit(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return min(1.0, max(0.0, float(value)))
