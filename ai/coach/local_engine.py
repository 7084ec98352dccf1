"""The offline coach: `ai.local`'s emotion, intent and three drafts behind the engine interface.

All analysis (Kiwi, the lexicon, the composer) runs in one call on the local-analysis worker
thread (`ai.coach.offload`), so the event loop keeps serving while it works. The drafts are then
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

from ai.coach.emotion import emotion_from_reading, warm_up_local_analysis
from ai.coach.model import (
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
    RiskLevel,
)
from ai.coach.offload import run_local
from ai.coach.partner_rules import analyse_partner
from ai.local import ReplyContext, Sender, analyze_emotion, compose_replies, detect_intent
from ai.local import ChatLine as LocalLine
from ai.local import PartnerProfile as LocalPartner
from ai.local.types import EmotionReading, IntentReading, ReplyDraft
from ai.speech_style import SpeechStyle

log = logging.getLogger(__name__)

LOCAL_MODEL = "loveq-local-1"
_PIECES = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class _Composed:
    emotion: EmotionReading
    intent: IntentReading
    drafts: tuple[ReplyDraft, ...]


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
            composed = await run_local(_compose, request)
        except Exception as exc:
            # A bug, not bad input; the type is logged, never the text it was working on.
            log.error("local engine failed: %s", type(exc).__name__)
            raise CoachError(CoachErrorCode.MODEL_ERROR, "the local engine could not compose replies") from exc
        replies = tuple(
            ReplyOption(RiskLevel(d.risk.value), d.text, d.explanation, round(min(1.0, max(0.0, d.confidence)), 3))
            for d in composed.drafts
        )
        for option in replies:
            for piece in _PIECES.findall(option.text):
                yield ReplyDelta(option.risk, piece)
                await asyncio.sleep(self._piece_delay)
        result = CoachResult(
            emotion=emotion_from_reading(composed.emotion),
            intent=composed.intent.interpretation,
            replies=(replies[0], replies[1], replies[2]),
            engine=self.name,
            model=self.model,
            input_tokens=0,
            output_tokens=0,
            latency_ms=round((time.monotonic() - started) * 1000),
            intent_tags=tuple(i.value for i in composed.intent.intents),
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
        traits, style, topics, cautions = await run_local(
            analyse_partner, profile, list(partner_messages), partner_style, tuple(history)
        )
        return PartnerInsight(traits, style, topics, cautions, self.name, self.model)


def _compose(request: CoachRequest) -> _Composed:
    """Everything CPU-bound, in one call on the worker thread."""
    lines = [LocalLine(Sender(line.sender), line.text, line.sent_at) for line in request.history()]
    previous_mine = next((line.text for line in reversed(lines) if line.sender is Sender.ME), None)
    emotion = analyze_emotion(request.message)
    intent = detect_intent(
        request.message, sent_at=request.message_sent_at, emotion=emotion, previous_mine=previous_mine
    )
    partner = request.partner
    context = ReplyContext(
        message=request.message,
        intent=intent,
        emotion=emotion,
        partner=LocalPartner(
            name=partner.name,
            stage=partner.relationship,
            interests=tuple(partner.interests),
            mbti=partner.mbti,
            description=partner.description,
            communication_style=partner.communication_style,
        ),
        partner_style=request.partner_style,
        my_style=request.my_style,
        recent=lines,
        situation=request.situation,
        sent_at=request.message_sent_at,
    )
    drafts = tuple(compose_replies(context))
    if [d.risk.value for d in drafts] != ["SAFE", "BALANCED", "BOLD"]:
        raise RuntimeError("the local composer must give SAFE, BALANCED and BOLD drafts in order")
    return _Composed(emotion, intent, drafts)
