"""Domain values <-> the JSON they are stored as (TEXT columns, for DSQL).

Used by the stores only: a JSON column is encoded where it is written and decoded once where
its row is read, so the layers above see typed values.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from dataclasses import asdict, fields
from typing import TypeVar

from ai.coach.types import (
    Advice,
    EmotionLabelScore,
    EmotionResult,
    PartnerInsight,
    ReplyOption,
    ReplyTiming,
    RiskLevel,
    Sentiment,
    Signal,
)
from ai.korean.speech_style import Formality, SpeechStyle

E = TypeVar("E", bound=enum.Enum)


def _members(kind: type[E]) -> Callable[[object], E]:
    """`kind(value)` through a dict: an Enum call is a few microseconds, and a page of 100
    rooms' analyses makes 100,000 of them. An unknown value fails as the call does."""
    by_value = {member.value: member for member in kind}

    def member(value: object) -> E:
        found = by_value.get(value)  # type: ignore[call-overload]
        return found if found is not None else kind(value)

    return member


_sentiment = _members(Sentiment)
_risk = _members(RiskLevel)
_timing = _members(ReplyTiming)
_SIGNALS = {signal.value: signal for signal in Signal}


def emotion_to_json(emotion: EmotionResult) -> str:
    return json.dumps(
        {
            "sentiment": emotion.sentiment.value,
            "scores": {sentiment.value: score for sentiment, score in emotion.scores.items()},
            "labels": [list(label) for label in emotion.labels],
            "intensity": emotion.intensity,
            "key_phrases": list(emotion.key_phrases),
            "source": emotion.source,
        },
        ensure_ascii=False,
    )


def emotion_from_json(text: str) -> EmotionResult:
    data = json.loads(text)
    return EmotionResult(
        sentiment=_sentiment(data["sentiment"]),
        scores={_sentiment(key): value for key, value in data["scores"].items()},
        labels=tuple(EmotionLabelScore(*label) for label in data["labels"]),
        intensity=data["intensity"],
        key_phrases=tuple(data["key_phrases"]),
        source=data["source"],
    )


def replies_to_json(replies: tuple[ReplyOption, ...]) -> str:
    return json.dumps(
        [{"risk": r.risk.value, "text": r.text, "explanation": r.explanation, "confidence": r.confidence} for r in replies],
        ensure_ascii=False,
    )


def replies_from_json(text: str) -> tuple[ReplyOption, ...]:
    return tuple(
        ReplyOption(_risk(item["risk"]), item["text"], item["explanation"], item["confidence"])
        for item in json.loads(text)
    )


def insight_to_json(insight: PartnerInsight) -> str:
    return json.dumps(
        {
            "personality_traits": list(insight.personality_traits),
            "communication_style": insight.communication_style,
            "topics_that_work": list(insight.topics_that_work),
            "cautions": list(insight.cautions),
            "engine": insight.engine,
            "model": insight.model,
        },
        ensure_ascii=False,
    )


def insight_from_json(text: str) -> PartnerInsight:
    data = json.loads(text)
    return PartnerInsight(
        personality_traits=tuple(data["personality_traits"]),
        communication_style=data["communication_style"],
        topics_that_work=tuple(data["topics_that_work"]),
        cautions=tuple(data["cautions"]),
        engine=data["engine"],
        model=data["model"],
    )


def style_to_json(style: SpeechStyle) -> str:
    data = asdict(style)
    data["formality"] = style.formality.value
    return json.dumps(data, ensure_ascii=False)


def style_from_json(text: str) -> SpeechStyle:
    data = json.loads(text)
    known = {f.name for f in fields(SpeechStyle)}
    values = {name: value for name, value in data.items() if name in known}
    values["formality"] = Formality(values["formality"])
    for name in ("examples", "frequent_expressions", "frequent_emoji"):
        values[name] = tuple(values.get(name, ()))
    return SpeechStyle(**values)


def advice_to_json(advice: Advice) -> str:
    return json.dumps(
        {
            "summary": advice.summary,
            "signals": [signal.value for signal in advice.signals],
            "timing": advice.timing.value,
            "recommendation": advice.recommendation,
            "cautions": list(advice.cautions),
        },
        ensure_ascii=False,
    )


def advice_from_json(text: str) -> Advice:
    data = json.loads(text)
    return Advice(
        summary=data["summary"],
        signals=tuple(_SIGNALS[value] for value in data["signals"] if value in _SIGNALS),
        timing=_timing(data["timing"]),
        recommendation=data["recommendation"],
        cautions=tuple(data["cautions"]),
    )
