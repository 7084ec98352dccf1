"""`ModelCoachEngine`: the coach on any language model reachable through a `StreamingModel`.

``generate`` reads the situation (`ai.coach.reading`, on the Korean analyser's thread), builds
the Korean prompt from the request and the reading (all user text masked), and runs one
`Generation`: the advice first, each option's text as it is generated, at most one repair. The
emotion analyser runs concurrently with the model; its reading is merged with the model's.

Client failures map onto `CoachError` with the same code (an unreadable stream becomes
``MODEL_ERROR``); ``after_first_chunk`` is true when the model had sent text or the consumer had
received anything. Retrying before the first chunk is the client's job; ``total_timeout``
bounds each request on top of the client's idle timeout.

Closing or cancelling the consumer closes the upstream HTTP stream (the server stops
generating) and cancels the emotion analysis. Logs carry codes, counts and timings, never text.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence

from ai.coach.llm.answer.emotion import ModelEmotion, combine_with_model, from_model_only
from ai.coach.llm.calls import model_events
from ai.coach.llm.client import ModelRequest, StreamingModel, Turn
from ai.coach.llm.events import TextDelta
from ai.coach.llm.generation import Generation, replayed
from ai.coach.llm.partner_prompt import (
    InsightValidationError,
    build_partner_prompt,
    insight_repair_instruction,
    parse_insight,
)
from ai.coach.llm.prompt.build import build_prompt
from ai.coach.llm.prompt.conversation import HISTORY_TOKEN_BUDGET
from ai.coach.reading.advice import advise
from ai.coach.reading.read import read_situation
from ai.coach.types import (
    ChatLine,
    CoachError,
    CoachErrorCode,
    CoachEvent,
    CoachRequest,
    CoachResult,
    EmotionResult,
    PartnerInsight,
    PartnerProfile,
)
from ai.emotion.analyzer import EmotionAnalyzer
from ai.korean.kiwi import run_on_kiwi_thread
from ai.korean.speech_style import SpeechStyle

log = logging.getLogger(__name__)


class ModelCoachEngine:
    def __init__(
        self,
        client: StreamingModel,
        emotion: EmotionAnalyzer,
        *,
        max_tokens: int = 2500,
        temperature: float | None = None,
        total_timeout: float | None = 90.0,
        history_budget: int = HISTORY_TOKEN_BUDGET,
        insight_max_tokens: int = 1000,
    ) -> None:
        self._client = client
        self._emotion = emotion
        self._max_tokens = max_tokens
        self._temperature = temperature
        self._total_timeout = total_timeout
        self._history_budget = history_budget
        self._insight_max_tokens = insight_max_tokens

    @property
    def name(self) -> str:
        return self._client.provider

    @property
    def model(self) -> str:
        return self._client.model_id

    async def warm_up(self) -> None:
        await self._emotion.warm_up()

    async def aclose(self) -> None:
        """Close the model client and the emotion analyser (the engine owns both)."""
        try:
            await self._client.aclose()
        finally:
            await self._emotion.aclose()

    # generation

    async def generate(self, request: CoachRequest) -> AsyncIterator[CoachEvent]:
        started = time.monotonic()
        reading = await run_on_kiwi_thread(read_situation, request)
        prompt = build_prompt(request, reading, history_budget=self._history_budget)
        emotion_task = asyncio.create_task(self._emotion.analyze(request.message))
        run = Generation(
            self._client, prompt, reading, advise(reading),
            max_tokens=self._max_tokens, temperature=self._temperature, total_timeout=self._total_timeout,
        )
        try:
            # aclosing: if our consumer stops, the upstream stream closes now, not at GC.
            async with contextlib.aclosing(run.events()) as events:
                async for event in events:
                    yield event
            emotion = await self._emotion_result(emotion_task, run.emotion)
            yield self._result(run, emotion, started)
        finally:
            # Cancel it if still running, and collect its outcome either way, so a failure of
            # the analysis is never left unretrieved when the generation itself failed.
            emotion_task.cancel()
            await asyncio.gather(emotion_task, return_exceptions=True)

    def _result(self, run: Generation, emotion: EmotionResult, started: float) -> CoachResult:
        advice = run.final_advice()
        done = [a.completed for a in run.attempts if a.completed]
        result = CoachResult(
            emotion=emotion,
            intent=advice.summary,
            replies=(run.replies[0], run.replies[1], run.replies[2]),
            engine=self.name,
            model=self.model,
            input_tokens=sum(c.input_tokens for c in done),
            output_tokens=sum(c.output_tokens for c in done),
            latency_ms=round((time.monotonic() - started) * 1000),
            advice=advice,
            intent_tags=tuple(signal.value for signal in advice.signals),
        )
        log.info(
            "coach generation done: engine=%s attempts=%d input_tokens=%d cache_read_tokens=%d cache_write_tokens=%d "
            "output_tokens=%d latency_ms=%d model_advice=%s",
            self.name, len(run.attempts), result.input_tokens, sum(c.cache_read_tokens for c in done),
            sum(c.cache_write_tokens for c in done), result.output_tokens, result.latency_ms, run.final_advice() is not run.fallback,
        )
        return result

    async def _emotion_result(self, task: asyncio.Task[EmotionResult], model: ModelEmotion | None) -> EmotionResult:
        try:
            measured = await task
        except Exception as exc:  # the analysis is secondary: the replies still stand
            log.warning("emotion analysis failed (%s); using the model's reading", type(exc).__name__)
            return from_model_only(model)
        return combine_with_model(measured, model)

    # partner analysis

    async def analyze_partner(
        self,
        profile: PartnerProfile,
        partner_messages: Sequence[str],
        partner_style: SpeechStyle | None,
        *,
        history: Sequence[ChatLine] = (),
    ) -> PartnerInsight:
        prompt = build_partner_prompt(profile, partner_messages, partner_style, history=history)
        turns: tuple[Turn, ...] = (Turn("user", prompt.user),)
        for number in (1, 2):
            raw = await self._collect(ModelRequest(prompt.system, turns, self._insight_max_tokens, self._temperature))
            try:
                fields = parse_insight(raw)
            except InsightValidationError as invalid:
                log.warning("partner insight invalid (attempt %d): %s", number, invalid)
                if number == 2:
                    raise CoachError(
                        CoachErrorCode.INVALID_OUTPUT,
                        f"the model's partner analysis was invalid, and so was its repair: {invalid}",
                    ) from None
                turns = (turns[0], Turn("assistant", replayed([raw])), Turn("user", insight_repair_instruction(invalid.problems)))
                continue
            return PartnerInsight(
                personality_traits=fields.personality_traits,
                communication_style=fields.communication_style,
                topics_that_work=fields.topics_that_work,
                cautions=fields.cautions,
                engine=self.name,
                model=self.model,
            )
        raise AssertionError("unreachable")

    async def _collect(self, request: ModelRequest) -> str:
        parts = []
        events = model_events(self._client, request, total_timeout=self._total_timeout)
        async with contextlib.aclosing(events):
            async for event in events:
                if isinstance(event, TextDelta):
                    parts.append(event.text)
        return "".join(parts)
