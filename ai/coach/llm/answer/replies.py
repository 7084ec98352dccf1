"""The three replies of the model's answer, checked: each present, non-empty, short enough,
with its reason and a confidence in 0..1, the three different; and the reading's hard rules:
no laughter or playful emoji where someone is hurting, and no invitation after a no or in grief
or a crisis (BOLD then means more honesty or support, never a new ask). The prompt asks for the
same in a fight or in distress; there the check would misread too many gentle sentences ("천천히
생각해 보자") as invitations, so it is left to the prompt.

Problems are in English, for the repair prompt and the logs; no reply text is quoted.
"""

from __future__ import annotations

import math

from ai.coach.llm.answer.format import CONF, REPLY_TAGS, WHY
from ai.coach.reading import cues
from ai.coach.reading.model import Reading
from ai.coach.types import ReplyOption, Signal
from ai.korean.signals import has_laughter

MAX_REPLY_CHARS = 500
# Laughing, winking, partying: wrong in a reply to grief, distress or a crisis.
PLAYFUL_EMOJI = frozenset("😂🤣😆😁😄😃😀😜😝😛🤪😋😎🥳🎉🤭😏✌😉🙃🤗💃🕺")
_NO_ASKS = (Signal.DECLINE, Signal.GRIEF, Signal.CRISIS)


def check_replies(fields: dict[str, str]) -> tuple[tuple[ReplyOption, ...], list[str]]:
    problems: list[str] = []
    replies: list[ReplyOption] = []
    for name, risk in REPLY_TAGS.items():
        text = fields.get(name)
        reason = fields.get(f"{name}{WHY}")
        if text is None:
            problems.append(f"<{name}> is missing")
        elif not text:
            problems.append(f"<{name}> is empty")
        elif len(text) > MAX_REPLY_CHARS:
            problems.append(f"<{name}> is {len(text)} characters long; a chat reply must stay under {MAX_REPLY_CHARS}")
        if reason is None:
            problems.append(f"<{name}{WHY}> is missing")
        elif not reason:
            problems.append(f"<{name}{WHY}> is empty")
        confidence = _confidence(name, fields.get(f"{name}{CONF}"), problems)
        if text and reason and confidence is not None:
            replies.append(ReplyOption(risk, text, reason, confidence))
    if len(replies) == 3:
        names = list(REPLY_TAGS)
        for i in range(3):
            for j in range(i + 1, 3):
                if replies[i].text == replies[j].text:
                    problems.append(f"<{names[i]}> and <{names[j]}> are the same reply; the three options must differ")
    return tuple(replies), problems


def rule_problems(replies: tuple[ReplyOption, ...], reading: Reading) -> list[str]:
    """What the reading forbids, per reply."""
    problems: list[str] = []
    for reply in replies:
        name = reply.risk.value.lower()
        if reading.hurting and (has_laughter(reply.text) or PLAYFUL_EMOJI.intersection(reply.text)):
            problems.append(
                f"<{name}> laughs (ㅋㅋ, ㅎㅎ or a playful emoji) although the partner is hurting; no laughter here"
            )
        if reading.has(*_NO_ASKS) and cues.invitation(reply.text):
            problems.append(
                f"<{name}> proposes to meet or do something although the partner said no or is grieving; "
                "every reply stays gentle and asks for nothing (BOLD: more honesty or support)"
            )
    return problems


def _confidence(name: str, raw: str | None, problems: list[str]) -> float | None:
    tag = f"<{name}{CONF}>"
    if raw is None:
        problems.append(f"{tag} is missing")
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        problems.append(f"{tag} must be a number between 0 and 1, got something else")
        return None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        problems.append(f"{tag} must be between 0 and 1, got {value}")
        return None
    return value
