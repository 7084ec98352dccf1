"""The advice block of the model's answer, checked against the closed sets and the reading.

Problems (in English, for the repair prompt and the logs; no text of the answer is quoted):
a missing or empty summary or recommendation, or one without Korean; signals outside `Signal`
or none at all; a timing outside `ReplyTiming`; and, when the reading found words of self-harm,
advice that does not point to 자살예방상담전화 109. Cautions are optional, one per line.

When the reading found a crisis the model left out of its signals, CRISIS is put first: safety
comes first whatever the model read (a correction, not a problem).
"""

from __future__ import annotations

import re

from ai.coach.reading.model import Reading
from ai.coach.types import Advice, ReplyTiming, Signal

MAX_TEXT_CHARS = 600
MAX_CAUTIONS = 5
CRISIS_LINE = "109"
_HANGUL = re.compile(r"[가-힣]")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")


def check_advice(fields: dict[str, str], reading: Reading) -> tuple[Advice | None, list[str]]:
    """The advice and no problem, or None and every problem found."""
    problems: list[str] = []
    summary = _korean_text(fields, "summary", problems)
    recommendation = _korean_text(fields, "recommendation", problems)
    signals = _signals(fields.get("signals"), problems)
    timing = _timing(fields.get("timing"), problems)
    cautions = _cautions(fields.get("cautions"))
    if reading.crisis and not any(CRISIS_LINE in text for text in (summary, recommendation, *cautions)):
        problems.append(
            "the partner's message speaks of self-harm: the advice must point to 자살예방상담전화 109 "
            "(24 hours; 112 or 119 in an emergency)"
        )
    if problems or timing is None:
        return None, problems
    if reading.crisis and Signal.CRISIS not in signals:
        signals = (Signal.CRISIS, *signals)
    return Advice(summary, signals, timing, recommendation, cautions), []


def _korean_text(fields: dict[str, str], tag: str, problems: list[str]) -> str:
    text = fields.get(tag)
    if text is None:
        problems.append(f"<{tag}> is missing")
        return ""
    if not text:
        problems.append(f"<{tag}> is empty")
    elif not _HANGUL.search(text):
        problems.append(f"<{tag}> must be written in Korean")
    elif len(text) > MAX_TEXT_CHARS:
        problems.append(f"<{tag}> is {len(text)} characters long; keep it under {MAX_TEXT_CHARS}")
    return text


def _signals(raw: str | None, problems: list[str]) -> tuple[Signal, ...]:
    if raw is None:
        problems.append("<signals> is missing")
        return ()
    names = [name.strip().upper() for name in re.split(r"[\s,;|/]+", raw) if name.strip()]
    unknown = [name for name in names if name not in Signal.__members__]
    if unknown:
        problems.append(
            f"<signals> holds {len(unknown)} name(s) outside the list; use only: {', '.join(Signal.__members__)}"
        )
    known = tuple(dict.fromkeys(Signal(name) for name in names if name in Signal.__members__))
    if not names:
        problems.append("<signals> is empty; name at least one signal from the list")
    return known


def _timing(raw: str | None, problems: list[str]) -> ReplyTiming | None:
    if raw is None:
        problems.append("<timing> is missing")
        return None
    value = raw.strip().upper().replace(" ", "_")
    if value not in ReplyTiming.__members__:
        problems.append(f"<timing> must be one of {', '.join(ReplyTiming.__members__)}")
        return None
    return ReplyTiming(value)


def _cautions(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    lines = (_BULLET.sub("", line).strip() for line in raw.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line))[:MAX_CAUTIONS]
