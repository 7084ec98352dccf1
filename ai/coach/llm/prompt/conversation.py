"""The conversation in Korean: the history with its real times (a date line whenever the day
changes, then ``[HH:MM] who: text``), and the partner's message to analyse.

The analysed message is shown once: when it came from the room it is the partner's last burst,
which the history leaves out (`CoachRequest.history`), each line with its time; a pasted
message has no time, and none is made up for it ("now" would be a lie the model reads into).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from ai.coach.llm.prompt.text import data, estimate_tokens
from ai.coach.types import ChatLine, CoachRequest, Sender

HISTORY_TOKEN_BUDGET = 1500
MAX_HISTORY_LINES = 60
MAX_LINE_CHARS = 300
MAX_MESSAGE_CHARS = 2000
_WEEKDAYS = "월화수목금토일"
_SENDERS = {Sender.ME: "나", Sender.OTHER: "다른 사람"}


def day(moment: date) -> str:
    return f"{moment:%Y-%m-%d}({_WEEKDAYS[moment.weekday()]})"


def stamp(moment: datetime) -> str:
    return f"{day(moment)} {moment:%H:%M}"


def history_lines(
    messages: Sequence[ChatLine],
    *,
    partner_name: str,
    budget: int = HISTORY_TOKEN_BUDGET,
    max_lines: int = MAX_HISTORY_LINES,
) -> list[str]:
    """The latest messages as prompt lines, oldest first: newest kept, whole lines only, until
    ``budget`` (estimated tokens) or ``max_lines`` would be exceeded."""
    kept: list[tuple[ChatLine, str]] = []
    used = 0
    for line in reversed(messages):
        text = data(line.text, MAX_LINE_CHARS).replace("\n", " ")
        if not text:
            continue
        who = partner_name if line.sender == Sender.PARTNER else _SENDERS.get(Sender(line.sender), "다른 사람")
        rendered = f"[{line.sent_at:%H:%M}] {who}: {text}" if line.sent_at else f"{who}: {text}"
        cost = estimate_tokens(rendered) + 1 + (8 if line.sent_at and line.sent_at.date() != _date_of(kept) else 0)
        if len(kept) >= max_lines or used + cost > budget:
            break
        kept.append((line, rendered))
        used += cost
    out: list[str] = []
    current: date | None = None
    for line, rendered in reversed(kept):
        if line.sent_at is not None and line.sent_at.date() != current:
            current = line.sent_at.date()
            out.append(f"— {day(current)} —")
        out.append(rendered)
    return out


def _date_of(kept: list[tuple[ChatLine, str]]) -> date | None:
    last = kept[-1][0].sent_at if kept else None
    return last.date() if last else None


def message_section(request: CoachRequest) -> str:
    """``<message>``: the burst line by line with its times, or the pasted text with none."""
    lines = [line for line in request.burst if line.text.strip()]
    if lines and all(line.sent_at for line in lines):
        first = lines[0].sent_at
        assert first is not None
        body = "\n".join(f"[{line.sent_at:%H:%M}] {data(line.text, MAX_LINE_CHARS)}" for line in lines if line.sent_at)
        return f'<message sent_at="{stamp(first)}">\n{body}\n</message>'
    when = f' sent_at="{stamp(request.message_sent_at)}"' if request.message_sent_at else ""
    return f"<message{when}>\n{data(request.message, MAX_MESSAGE_CHARS)}\n</message>"
