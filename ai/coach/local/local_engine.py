"""The offline coach: the reading of the situation, its advice, the lexicon's emotion and three
replies composed from the reading, behind the engine interface.

All analysis (Kiwi, the lexicon, the composer) runs in one call on the Kiwi thread
(`ai.korean.kiwi`), so the event loop keeps serving while it works. The drafts are then
streamed exactly like a model's answer: SAFE's text, then BALANCED's, then BOLD's, each as one
`ReplyDelta` per word (with the space after it), yielding to the loop between pieces; then one
`CoachResult`. The same request always gives the same result (``latency_ms`` aside).

No tokens are consumed, so ``input_tokens`` and ``output_tokens`` are 0.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from ai.coach.local.compose import compose_replies
from ai.coach.local.partner_rules import analyse_partner
from ai.coach.reading.advice import advise
from ai.coach.reading.model import Reading
from ai.coach.reading.read import read_situation
from ai.coach.types import (
    RISK_ORDER,
    Advice,
    AdviceReady,
    ChatLine,
    CoachError,
    CoachErrorCode,
    CoachEvent,
    CoachRequest,
    CoachResult,
    PartnerInsight,
    PartnerProfile,
    ReplyDelta,
    ReplyOption,
)
from ai.emotion.local_analyzer import analyze_emotion, warm_up_local_analysis
from ai.emotion.types import EmotionResult
from ai.korean.kiwi import run_on_kiwi_thread
from ai.korean.speech_style import SpeechStyle

log = logging.getLogger(__name__)

LOCAL_MODEL = "loveq-local-1"
_PIECES = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class _Composed:
    emotion: EmotionResult
    reading: Reading
    advice: Advice
    replies: tuple[ReplyOption, ...]


class LocalCoachEngine:
    name = "local"

    def __init__(self, *, model: str = LOCAL_MODEL, piece_delay: float = 0.0) -> None:
        self.model = model
        self._piece_delay = piece_delay  # seconds between streamed pieces; 0 yields to the loop only

    async def warm_up(self) -> None:
        """Load the morphological analyser now (about two seconds, once per process) rather
        than in the first request."""
        await warm_up_local_analysis()

    async def aclose(self) -> None:
        return None

    async def generate(self, request: CoachRequest) -> AsyncIterator[CoachEvent]:
        started = time.monotonic()
        try:
            composed = await run_on_kiwi_thread(_compose, request)
        except Exception as exc:
            # A bug, not bad input; the type is logged, never the text it was working on.
            log.error("local engine failed: %s", type(exc).__name__)
            raise CoachError(CoachErrorCode.MODEL_ERROR, "the local engine could not compose replies") from exc
        yield AdviceReady(composed.advice)
        replies = composed.replies
        for option in replies:
            for piece in _PIECES.findall(option.text):
                yield ReplyDelta(option.risk, piece)
                await asyncio.sleep(self._piece_delay)
        result = CoachResult(
            emotion=composed.emotion,
            intent=composed.advice.summary,
            replies=(replies[0], replies[1], replies[2]),
            engine=self.name,
            model=self.model,
            input_tokens=0,
            output_tokens=0,
            latency_ms=round((time.monotonic() - started) * 1000),
            advice=composed.advice,
            intent_tags=tuple(signal.value for signal in composed.reading.signals),
        )
        log.info("coach generation done: engine=local latency_ms=%d", result.latency_ms)
        yield result

    async def analyze_partner(
        self,
        profile: PartnerProfile,
        partner_messages: Sequence[str],
        partner_style: SpeechStyle | None,
        *,
        history: Sequence[ChatLine] = (),
    ) -> PartnerInsight:
        traits, style, topics, cautions = await run_on_kiwi_thread(
            analyse_partner, profile, list(partner_messages), partner_style, tuple(history)
        )
        return PartnerInsight(traits, style, topics, cautions, self.name, self.model)


def _compose(request: CoachRequest) -> _Composed:
    """Everything CPU-bound, in one call on the Kiwi thread: the reading, the advice, the
    emotion, the replies."""
    reading = read_situation(request)
    replies = compose_replies(request, reading)
    if tuple(r.risk for r in replies) != RISK_ORDER:
        raise RuntimeError("the local composer must give SAFE, BALANCED and BOLD replies in order")
    return _Composed(analyze_emotion(request.message), reading, advise(reading), replies)
