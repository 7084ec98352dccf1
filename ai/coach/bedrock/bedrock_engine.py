"""The production coach: Claude on Bedrock, streamed, parsed as it arrives, checked, repaired once.

``generate`` builds the Korean prompt (all user text masked, see `ai.coach.bedrock.prompt`), streams it
through `BedrockConverseClient`, feeds every text delta to `AnswerParser` and yields each
option's text as it is generated. The emotion analyser runs concurrently with the model.

An invalid final answer gets one repair: a second request carrying the first answer and the
precise validation problems, asking for the complete answer again in the same format (and for
the replies that were fine to be repeated word for word). The repair's text is streamed through
a gate so that nothing the consumer already has is sent twice: per option, repair text is held
back while it repeats what was streamed, and only what goes beyond it is released (an option
the first answer never reached streams in full). If the repair rewrites an option that had
already been streamed, that option's stream stops where it was, and the final `CoachResult`,
which is always authoritative, carries the corrected text. A repair that is invalid too ends in
``CoachError(INVALID_OUTPUT)``.

Bedrock failures map onto `CoachError` with the same code (``INVALID_RESPONSE``, an undecodable
stream, becomes ``MODEL_ERROR``). ``after_first_chunk`` is true when Bedrock had sent text or
this engine had yielded a `ReplyDelta`. Retrying throttling before the first chunk is the
client's job. ``total_timeout`` bounds a whole attempt on top of the client's idle timeout.

Closing or cancelling the consumer closes the upstream HTTP stream (Bedrock stops generating)
and cancels the emotion analysis. Logs carry codes, counts and timings, never text.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ai.coach.bedrock.client import BedrockConverseClient
from ai.coach.bedrock.errors import BedrockStreamError
from ai.coach.bedrock.events import StreamCompleted, TextDelta
from ai.coach.bedrock.model_emotion import ModelEmotion, combine_with_model, from_model_only
from ai.coach.bedrock.output_parser import AnswerParser, OutputValidationError, ValidAnswer, validate
from ai.coach.bedrock.partner_prompt import (
    InsightValidationError,
    build_partner_prompt,
    insight_repair_instruction,
    parse_insight,
)
from ai.coach.bedrock.prompt import RECENT_TOKEN_BUDGET, build_prompt, repair_instruction
from ai.coach.reading.advice import advise
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
    EmotionResult,
    PartnerInsight,
    PartnerProfile,
    ReplyDelta,
    RiskLevel,
)
from ai.emotion.analyzer import EmotionAnalyzer
from ai.korean.kiwi import run_on_kiwi_thread
from ai.korean.speech_style import SpeechStyle
from ai.privacy import mask_personal_data

log = logging.getLogger(__name__)

_CODES = {
    "THROTTLED": CoachErrorCode.THROTTLED,
    "TIMEOUT": CoachErrorCode.TIMEOUT,
    "MODEL_ERROR": CoachErrorCode.MODEL_ERROR,
    "UNAVAILABLE": CoachErrorCode.UNAVAILABLE,
    "INVALID_RESPONSE": CoachErrorCode.MODEL_ERROR,
}


@dataclass
class _Gate:
    """What the consumer has received per option, and what the current attempt has produced."""

    shown: dict[RiskLevel, str] = field(default_factory=lambda: {r: "" for r in RISK_ORDER})
    produced: dict[RiskLevel, str] = field(default_factory=lambda: {r: "" for r in RISK_ORDER})
    diverged: set[RiskLevel] = field(default_factory=set)

    @property
    def any_shown(self) -> bool:
        return any(self.shown.values())

    def next_attempt(self) -> None:
        self.produced = {r: "" for r in RISK_ORDER}
        self.diverged = set()

    def admit(self, delta: ReplyDelta) -> ReplyDelta | None:
        risk = delta.risk
        produced = self.produced[risk] = self.produced[risk] + delta.text
        if risk in self.diverged:
            return None
        shown = self.shown[risk]
        if len(produced) <= len(shown):
            if not shown.startswith(produced):
                self.diverged.add(risk)
            return None
        if not produced.startswith(shown):
            self.diverged.add(risk)
            return None
        self.shown[risk] = produced
        return ReplyDelta(risk, produced[len(shown) :])


@dataclass
class _Attempt:
    parser: AnswerParser = field(default_factory=AnswerParser)
    raw: list[str] = field(default_factory=list)
    completed: StreamCompleted | None = None


class BedrockCoachEngine:
    name = "bedrock"

    def __init__(
        self,
        client: BedrockConverseClient,
        emotion: EmotionAnalyzer,
        *,
        max_tokens: int = 1500,
        temperature: float = 0.7,
        total_timeout: float | None = 90.0,
        recent_token_budget: int = RECENT_TOKEN_BUDGET,
        insight_max_tokens: int = 1000,
        insight_temperature: float = 0.3,
    ) -> None:
        self._client = client
        self._emotion = emotion
        self._max_tokens = max_tokens
        self._temperature = temperature
        self._total_timeout = total_timeout
        self._recent_token_budget = recent_token_budget
        self._insight_max_tokens = insight_max_tokens
        self._insight_temperature = insight_temperature

    @property
    def model(self) -> str:
        return self._client.model_id

    async def warm_up(self) -> None:
        await self._emotion.warm_up()

    async def aclose(self) -> None:
        """Close the Bedrock client and the emotion analyser (the engine owns both)."""
        try:
            await self._client.aclose()
        finally:
            await self._emotion.aclose()

    # generation

    async def generate(self, request: CoachRequest) -> AsyncIterator[CoachEvent]:
        started = time.monotonic()
        advice = advise(await run_on_kiwi_thread(read_situation, request))
        yield AdviceReady(advice)
        prompt = build_prompt(request, recent_token_budget=self._recent_token_budget)
        emotion_task = asyncio.create_task(self._emotion.analyze(request.message))
        gate = _Gate()
        attempts: list[_Attempt] = []
        try:
            messages: list[dict[str, Any]] = [{"role": "user", "content": prompt.user}]
            answer: ValidAnswer | None = None
            for number in (1, 2):
                attempt = _Attempt()
                attempts.append(attempt)
                gate.next_attempt()
                # aclosing: if our consumer stops, the upstream stream closes now, not at GC.
                async with contextlib.aclosing(self._stream(prompt.system, messages, attempt, gate)) as deltas:
                    async for delta in deltas:
                        yield delta
                try:
                    answer = validate(attempt.parser.finish())
                    break
                except OutputValidationError as invalid:
                    cut_off = attempt.completed is not None and attempt.completed.stop_reason == "max_tokens"
                    log.warning(
                        "coach answer invalid (attempt %d, stop_reason=%s): %s",
                        number, attempt.completed.stop_reason if attempt.completed else None, invalid,
                    )
                    if number == 2:
                        raise CoachError(
                            CoachErrorCode.INVALID_OUTPUT,
                            f"the model's answer was invalid, and so was its repair: {invalid}",
                            gate.any_shown,
                        ) from None
                    messages = [
                        messages[0],
                        {"role": "assistant", "content": _replayed(attempt.raw)},
                        {"role": "user", "content": repair_instruction(invalid.problems, cut_off=cut_off)},
                    ]
            assert answer is not None
            emotion = await self._emotion_result(emotion_task, answer.emotion)
            result = self._result(answer, emotion, advice, attempts, started)
            log.info(
                "coach generation done: engine=bedrock attempts=%d input_tokens=%d output_tokens=%d latency_ms=%d",
                len(attempts), result.input_tokens, result.output_tokens, result.latency_ms,
            )
            yield result
        finally:
            # Cancel it if still running, and collect its outcome either way, so a failure
            # of the analysis is never left unretrieved when the generation itself failed.
            emotion_task.cancel()
            await asyncio.gather(emotion_task, return_exceptions=True)

    def _result(
        self, answer: ValidAnswer, emotion: EmotionResult, advice: Advice, attempts: list[_Attempt], started: float
    ) -> CoachResult:
        return CoachResult(
            emotion=emotion,
            intent=answer.intent,
            replies=answer.replies,
            engine=self.name,
            model=self.model,
            input_tokens=sum(a.completed.input_tokens for a in attempts if a.completed),
            output_tokens=sum(a.completed.output_tokens for a in attempts if a.completed),
            latency_ms=round((time.monotonic() - started) * 1000),
            advice=advice,
        )

    async def _stream(
        self, system: str, messages: list[dict[str, Any]], attempt: _Attempt, gate: _Gate
    ) -> AsyncIterator[ReplyDelta]:
        events = self._events(system, messages, self._max_tokens, self._temperature, gate)
        async with contextlib.aclosing(events):
            async for event in events:
                if isinstance(event, TextDelta):
                    attempt.raw.append(event.text)
                    for delta in attempt.parser.feed(event.text):
                        admitted = gate.admit(delta)
                        if admitted is not None:
                            yield admitted
                else:
                    attempt.completed = event

    async def _events(
        self, system: str, messages: list[dict[str, Any]], max_tokens: int, temperature: float, gate: _Gate | None
    ) -> AsyncIterator[TextDelta | StreamCompleted]:
        """The client's events under our deadline, with its errors as `CoachError`s."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._total_timeout if self._total_timeout else None
        text_seen = False
        stream = self._client.stream(system, messages, max_tokens=max_tokens, temperature=temperature)
        async with contextlib.aclosing(stream) as events:
            while True:
                try:
                    async with asyncio.timeout_at(deadline):
                        event = await anext(events)
                except StopAsyncIteration:
                    return
                except TimeoutError:
                    shown = gate.any_shown if gate else False
                    raise CoachError(
                        CoachErrorCode.TIMEOUT, f"no complete answer within {self._total_timeout}s", text_seen or shown
                    ) from None
                except BedrockStreamError as exc:
                    shown = gate.any_shown if gate else False
                    aws = f" [{exc.aws_code}]" if exc.aws_code else ""
                    after = exc.after_first_chunk or shown
                    raise CoachError(_CODES[exc.code.value], f"{exc.message}{aws}", after) from exc
                if isinstance(event, TextDelta):
                    text_seen = True
                yield event

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
        messages: list[dict[str, Any]] = [{"role": "user", "content": prompt.user}]
        for number in (1, 2):
            raw = await self._collect(prompt.system, messages)
            try:
                fields = parse_insight(raw)
            except InsightValidationError as invalid:
                log.warning("partner insight invalid (attempt %d): %s", number, invalid)
                if number == 2:
                    raise CoachError(
                        CoachErrorCode.INVALID_OUTPUT,
                        f"the model's partner analysis was invalid, and so was its repair: {invalid}",
                    ) from None
                messages = [
                    messages[0],
                    {"role": "assistant", "content": _replayed([raw])},
                    {"role": "user", "content": insight_repair_instruction(invalid.problems)},
                ]
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

    async def _collect(self, system: str, messages: list[dict[str, Any]]) -> str:
        parts = []
        events = self._events(system, messages, self._insight_max_tokens, self._insight_temperature, None)
        async with contextlib.aclosing(events):
            async for event in events:
                if isinstance(event, TextDelta):
                    parts.append(event.text)
        return "".join(parts)


def _replayed(raw: Sequence[str]) -> str:
    """The invalid answer as it goes back to the model: masked like any text we send (it can
    only echo masked input, but nothing unmasked should leave by accident), never blank."""
    text = mask_personal_data("".join(raw)).strip()
    return text or "(빈 답변)"
