"""What the conversation around the message shows: the user's messages left unanswered and for
how long, what the user last said (an invitation, a confession, an apology), and the register
the user speaks in with this person."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from ai.coach.reading.model import Facts
from ai.coach.types import ChatLine, CoachRequest, Sender, Stage
from ai.korean.morph import sentences
from ai.korean.politeness import detect_polite
from ai.korean.speech_style import Formality, SpeechStyle

_INVITED = re.compile(
    r"(?:볼래|갈래|먹을래|만날래|할래|보실래|가실래|드실래|하실래|시간\s*(?:돼|되|괜찮|있)|같이\s*(?:가|먹|보)|"
    r"보자|가자|먹자|만나자|약속|데이트|한잔|한\s*번\s*더\s*(?:보|만나|뵙)|(?:가는|하는|보는|먹는)\s*거\s*어때)"
)
_CONFESSED = re.compile(r"좋아(?:해|한다|하는\s*것\s*같|하게\s*됐|합니다)|사귀자|사귈래|만나\s*볼래|마음이\s*있")
_APOLOGIZED = re.compile(r"미안|죄송|잘못했")


def facts_of(request: CoachRequest) -> Facts:
    history = request.history()
    mine = _unanswered(history)
    sent_at = request.message_sent_at or (request.burst[0].sent_at if request.burst else None)
    waited = None
    if mine and sent_at is not None and mine[0].sent_at is not None:
        waited = (sent_at - mine[0].sent_at).total_seconds() / 3600
    recent_mine = " ".join(line.text for line in _last_of(history, Sender.ME, 3))
    return Facts(
        unanswered=len(mine),
        waited_hours=waited,
        user_invited=bool(_INVITED.search(recent_mine)),
        user_confessed=bool(_CONFESSED.search(recent_mine)),
        user_apologized=bool(_APOLOGIZED.search(recent_mine)),
        user_last_text=next((line.text for line in reversed(history) if line.sender == Sender.ME), None),
        local_time=sent_at,
        history_lines=len(history),
        partner_earlier="\n".join(line.text for line in history[-12:] if line.sender == Sender.PARTNER),
    )


def _unanswered(history: Sequence[ChatLine]) -> list[ChatLine]:
    """The user's messages at the end of the history, after the partner last spoke."""
    run: list[ChatLine] = []
    for line in reversed(history):
        if line.sender != Sender.ME:
            break
        run.append(line)
    return run[::-1]


def _last_of(history: Sequence[ChatLine], sender: Sender, count: int) -> list[ChatLine]:
    return [line for line in history if line.sender == sender][-count:]


_SWITCH_TO_BANMAL = re.compile(r"말\s*(?:편하게|놓|놔)|반말\s*(?:해|하자|할까|써)")


def reply_register(request: CoachRequest, stage: Stage) -> bool:
    """Whether the user's replies take 존댓말: how the user speaks in this relationship now (their
    last message, else their latest ones here), else their measured style with this partner,
    else the account-wide style, else the partner's register, else what the stage suggests."""
    history = request.history()
    mine = _last_of(history, Sender.ME, 6)
    if _agreed_on_banmal(history):
        return False
    for texts in ([mine[-1].text] if mine else [], [line.text for line in mine[-4:]]):
        polite = _last_decisive(texts)
        if polite is not None:
            return polite
    for style in (request.my_style, request.account_style):
        measured = _style_polite(style)
        if measured is not None:
            return measured
    partner = detect_polite([line.text for line in _last_of(history, Sender.PARTNER, 6)] + [request.message])
    if partner is not None:
        return partner
    return stage is Stage.BLIND_DATE


def _last_decisive(texts: list[str]) -> bool | None:
    """The register of the latest sentence that shows one, over `texts` read from the end."""
    for text in reversed(texts):
        for sentence in reversed(sentences(text)):
            if sentence.polite is not None:
                return sentence.polite
        polite = detect_polite([text])
        if polite is not None:
            return polite
    return None


def _agreed_on_banmal(history: Sequence[ChatLine]) -> bool:
    """They agreed to drop 존댓말 ("말 편하게 할까요?"), and the partner has since."""
    for index, line in enumerate(history):
        if _SWITCH_TO_BANMAL.search(line.text):
            after = [later.text for later in history[index + 1 :] if later.sender == Sender.PARTNER]
            return bool(after) and detect_polite(after) is False
    return False


def _style_polite(style: SpeechStyle | None) -> bool | None:
    if style is None or style.message_count < 5:
        return None
    return style.formality in (Formality.FORMAL, Formality.SEMI_FORMAL)


def hours_between(earlier: datetime | None, later: datetime | None) -> float | None:
    if earlier is None or later is None:
        return None
    return (later - earlier).total_seconds() / 3600
