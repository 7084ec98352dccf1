"""The whole answer, checked: the advice (`advice`), the replies and the reading's rules
(`replies`), the emotion reading (`emotion`, optional: a bad one is only a warning).

Problems are kept apart by where they are, because the engine treats them differently: bad
replies make the answer unusable, while bad advice can fall back on the local advice after the
repair (see `ai.coach.llm.generation`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.coach.llm.answer.advice import check_advice
from ai.coach.llm.answer.emotion import ModelEmotion, parse_model_emotion
from ai.coach.llm.answer.format import ADVICE_TAGS, EMOTION_TAG
from ai.coach.llm.answer.parser import ParsedAnswer
from ai.coach.llm.answer.replies import check_replies, rule_problems
from ai.coach.reading.model import Reading
from ai.coach.types import Advice, ReplyOption

_TAG = re.compile(r"<(\w+)>")


@dataclass(frozen=True, slots=True)
class CheckedAnswer:
    advice: Advice | None
    advice_problems: tuple[str, ...]
    replies: tuple[ReplyOption, ...]  # all three, in order, when reply_problems is empty
    reply_problems: tuple[str, ...]
    emotion: ModelEmotion | None
    warnings: tuple[str, ...]

    @property
    def problems(self) -> tuple[str, ...]:
        return (*self.advice_problems, *self.reply_problems)


def check_answer(parsed: ParsedAnswer, reading: Reading) -> CheckedAnswer:
    fields = parsed.fields
    advice_problems: list[str] = []
    reply_problems: list[str] = []
    warnings = list(parsed.warnings)
    for problem in parsed.problems:
        tag = _TAG.search(problem)
        name = tag.group(1) if tag else ""
        (warnings if name == EMOTION_TAG else advice_problems if name in ADVICE_TAGS else reply_problems).append(problem)
    advice, problems = check_advice(fields, reading)
    advice_problems += problems
    replies, problems = check_replies(fields)
    reply_problems += problems + rule_problems(replies, reading)
    emotion = None
    if raw := fields.get(EMOTION_TAG):
        emotion = parse_model_emotion(raw)
        if emotion is None:
            warnings.append("<emotion> is not the JSON asked for; ignored")
    return CheckedAnswer(
        advice=advice if not advice_problems else None,
        advice_problems=tuple(dict.fromkeys(advice_problems)),
        replies=replies,
        reply_problems=tuple(dict.fromkeys(reply_problems)),
        emotion=emotion,
        warnings=tuple(warnings),
    )
