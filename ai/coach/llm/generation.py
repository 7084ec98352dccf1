"""One analysis on a model: the first answer and at most one repair, the advice sent before any
reply, reply text streamed through the `ReplyGate`.

The advice: as soon as the parser has the whole advice block it is checked
(`ai.coach.llm.answer.advice`); valid, it goes out as `AdviceReady` at once; invalid or
missing, the local advice (`ai.coach.reading.advice.advise`) goes out in its place, so that the
replies can stream behind it, and the problem goes into the repair. The final advice is the one
shown when it was the model's, else the repair's when valid, else the local one: bad advice
never costs the user the replies.

The replies: an invalid answer (a missing or empty element, a reply the reading forbids: ㅋㅋ
to someone grieving, a new invitation after a no) gets one repair, a second request carrying
the first answer and the precise problems, asking for the complete answer again with the parts
that were fine repeated word for word. Replies that were valid the first time stand (they are
what the user saw) even if the repair words them otherwise; with no valid replies after the
repair, the generation ends in ``CoachError(INVALID_OUTPUT)``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

from ai.coach.llm.answer.advice import check_advice
from ai.coach.llm.answer.check import CheckedAnswer, check_answer
from ai.coach.llm.answer.emotion import ModelEmotion
from ai.coach.llm.answer.parser import ADVICE_COMPLETE, AnswerParser
from ai.coach.llm.calls import model_events
from ai.coach.llm.client import ModelRequest, StreamingModel, Turn
from ai.coach.llm.events import StreamCompleted, TextDelta
from ai.coach.llm.gate import ReplyGate
from ai.coach.llm.prompt.system import repair_instruction
from ai.coach.llm.prompt.text import Prompt
from ai.coach.reading.model import Reading
from ai.coach.types import Advice, AdviceReady, CoachError, CoachErrorCode, ReplyDelta, ReplyOption
from ai.privacy import mask_personal_data

log = logging.getLogger(__name__)


@dataclass
class Attempt:
    parser: AnswerParser = field(default_factory=AnswerParser)
    raw: list[str] = field(default_factory=list)
    completed: StreamCompleted | None = None


@dataclass
class Generation:
    client: StreamingModel
    prompt: Prompt
    reading: Reading
    fallback: Advice  # the local advice
    max_tokens: int
    temperature: float | None
    total_timeout: float | None
    gate: ReplyGate = field(default_factory=ReplyGate)
    attempts: list[Attempt] = field(default_factory=list)
    shown_advice: Advice | None = None
    model_advice_shown: bool = False
    checked: CheckedAnswer | None = None
    replies: tuple[ReplyOption, ...] = ()  # the first valid replies
    emotion: ModelEmotion | None = None

    async def events(self) -> AsyncIterator[AdviceReady | ReplyDelta]:
        """AdviceReady, then ReplyDeltas; afterwards `replies`, `final_advice()` and `emotion`
        hold the answer."""
        turns = (Turn("user", self.prompt.user),)
        for number in (1, 2):
            attempt = Attempt()
            self.attempts.append(attempt)
            self.gate.next_attempt()
            async with contextlib.aclosing(self._stream(turns, attempt)) as events:
                async for event in events:
                    yield event
            checked = self.checked = check_answer(attempt.parser.finish(), self.reading)
            self.emotion = checked.emotion or self.emotion
            if not checked.reply_problems and not self.replies:
                self.replies = checked.replies
            if not checked.problems:
                break
            cut_off = attempt.completed is not None and attempt.completed.cut_off
            log.warning(
                "coach answer invalid (attempt %d, stop_reason=%s): %s",
                number, attempt.completed.stop_reason if attempt.completed else None, "; ".join(checked.problems),
            )
            if number == 2:
                if not self.replies:
                    raise CoachError(
                        CoachErrorCode.INVALID_OUTPUT,
                        f"the model's answer was invalid, and so was its repair: {'; '.join(checked.reply_problems)}",
                        self._shown(),
                    )
                break  # only the advice is wrong: the local advice stands in
            turns = (
                turns[0],
                Turn("assistant", replayed(attempt.raw)),
                Turn("user", repair_instruction(checked.problems, cut_off=cut_off)),
            )
        if self.shown_advice is None:
            self.shown_advice = self.final_advice()
            yield AdviceReady(self.shown_advice)

    def final_advice(self) -> Advice:
        if self.model_advice_shown and self.shown_advice is not None:
            return self.shown_advice
        if self.checked is not None and self.checked.advice is not None:
            return self.checked.advice
        return self.fallback

    def _shown(self) -> bool:
        return self.gate.any_shown or self.shown_advice is not None

    async def _stream(self, turns: Sequence[Turn], attempt: Attempt) -> AsyncIterator[AdviceReady | ReplyDelta]:
        request = ModelRequest(self.prompt.system, tuple(turns), self.max_tokens, self.temperature)
        events = model_events(self.client, request, total_timeout=self.total_timeout, shown=self._shown)
        async with contextlib.aclosing(events):
            async for event in events:
                if not isinstance(event, TextDelta):
                    attempt.completed = event
                    continue
                attempt.raw.append(event.text)
                for parsed in attempt.parser.feed(event.text):
                    if parsed is ADVICE_COMPLETE:
                        if self.shown_advice is None:
                            yield AdviceReady(self._first_advice(attempt))
                    elif isinstance(parsed, ReplyDelta) and (admitted := self.gate.admit(parsed)) is not None:
                        yield admitted

    def _first_advice(self, attempt: Attempt) -> Advice:
        advice, problems = check_advice(attempt.parser.fields, self.reading)
        if advice is None:
            log.warning("coach advice invalid, the local advice is shown: %s", "; ".join(problems))
        self.model_advice_shown = advice is not None
        self.shown_advice = advice or self.fallback
        return self.shown_advice


def replayed(raw: Sequence[str]) -> str:
    """The invalid answer as it goes back to the model: masked like any text we send (it can
    only echo masked input, but nothing unmasked should leave by accident), never blank."""
    text = mask_personal_data("".join(raw)).strip()
    return text or "(빈 답변)"
