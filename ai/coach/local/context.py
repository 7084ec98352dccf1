"""What the composer is given, and the decisions that follow from it before any wording:
the relationship stage, who said what recently, which speech level to use and what the user wants."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ai.coach.local.details import find_times
from ai.coach.local.readings import IntentReading
from ai.coach.local.style_mirror import StyleLike, formality_is_formal, formality_is_polite
from ai.coach.types import ChatLine, PartnerProfile, Sender, Stage
from ai.emotion.types import EmotionResult
from ai.korean.names import given_name
from ai.korean.politeness import detect_polite


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """Everything a reply can draw on. Only ``message`` is required; the readings are computed
    when not given (using the user's last message from ``recent`` as context)."""

    message: str
    intent: IntentReading | None = None
    emotion: EmotionResult | None = None
    partner: PartnerProfile = field(default_factory=PartnerProfile)
    partner_style: StyleLike | None = None
    my_style: StyleLike | None = None
    recent: Sequence[ChatLine | tuple[Any, str, datetime | None]] = ()  # oldest first
    situation: str | None = None
    sent_at: datetime | None = None  # of ``message``, in the user's local time


def stage_of(value: Any) -> Stage | None:
    if value is None:
        return None
    name = str(getattr(value, "name", None) or value).upper()
    return Stage.__members__.get(name)


def stage_group(stage: Stage | None) -> str:
    """Templates are written for four situations; the others borrow the nearest one."""
    if stage is Stage.DATING:
        return "DATING"
    if stage in (Stage.BLIND_DATE, Stage.EX):
        return "BLIND"
    if stage is Stage.FRIEND:
        return "FRIEND"
    return "SOME"  # SOME, CRUSH, unknown


def chat_lines(recent: Sequence[Any]) -> list[ChatLine]:
    out = []
    for item in recent:
        if isinstance(item, ChatLine):
            out.append(item)
            continue
        sender, text, *rest = item
        name = str(getattr(sender, "name", None) or sender).upper()
        out.append(ChatLine(Sender.__members__.get(name, Sender.OTHER), str(text), rest[0] if rest else None))
    return out


@dataclass(frozen=True, slots=True)
class SpeechLevel:
    polite: bool
    honorific: bool
    reason: str  # Korean, for the explanation


_HONORIFIC_MARKS = re.compile(r"습니다|ㅂ니다|십니까|으세요|하세요|시나요|셨어요|셨나요|드려요|계세요")


def speech_level(ctx: ReplyContext, lines: list[ChatLine], stage: Stage | None) -> SpeechLevel:
    mine = [l.text for l in lines if l.sender == Sender.ME][-8:]
    theirs = [*(l.text for l in lines if l.sender == Sender.PARTNER)][-8:] + [ctx.message]
    partner_formal = formality_is_formal(getattr(ctx.partner_style, "formality", None)) or bool(
        _HONORIFIC_MARKS.search(" ".join(theirs[-3:]))
    )
    group = stage_group(stage)

    def level(polite: bool, reason: str) -> SpeechLevel:
        return SpeechLevel(polite, polite and (group == "BLIND" or partner_formal), reason)

    own = detect_polite(mine)
    if own is not None:
        return level(own, f"최근 대화에서 직접 {'존댓말' if own else '반말'}을 써 와서 그 말투를 그대로 이어갔어요.")
    partner = formality_is_polite(getattr(ctx.partner_style, "formality", None)) if ctx.partner_style else None
    if partner is None:
        # A lone "ㅇㅇ" or "네" from a blind date is too thin to switch speech level on.
        partner = detect_polite(theirs, min_sentences=2 if group == "BLIND" else 1)
    if partner is not None:
        word = "존댓말" if partner else "반말"
        return level(partner, f"상대가 {word}을 써서 답장도 {word}로 맞췄어요.")
    own_style = formality_is_polite(getattr(ctx.my_style, "formality", None)) if ctx.my_style else None
    if own_style is not None:
        return level(own_style, f"평소 말투에 맞춰 {'존댓말' if own_style else '반말'}로 썼어요.")
    default = group not in ("DATING", "FRIEND")
    return level(default, f"아직 말투를 판단할 단서가 적어 {'무난한 존댓말' if default else '편한 반말'}로 썼어요.")


@dataclass(frozen=True, slots=True)
class Goals:
    meet: bool = False
    confess: bool = False
    slow: bool = False
    late_reply: bool = False
    reconcile: bool = False
    when: str | None = None  # a time the user named, ready to use: "다음 주에"


def goals_from(situation: str | None) -> Goals:
    """What the user said they want, from their own words (``situation``)."""
    s = situation or ""
    times = find_times(s)
    return Goals(
        meet=bool(re.search(r"만나|약속|데이트|애프터|보고\s?싶|만남", s)),
        confess=bool(re.search(r"고백|사귀|마음을\s?전|좋아한다고|진지하게", s)),
        slow=bool(re.search(r"천천히|부담|거리\s?두|조심|급하|질척|선\s?넘", s)),
        late_reply=bool(re.search(r"늦게\s?(?:답|봤|확인)|답장.{0,6}늦|읽씹|연락.{0,6}못|답을\s?못", s)),
        reconcile=bool(re.search(r"싸웠|싸움|다퉜|화해|화났", s)),
        when=times[0].adverbial if times and times[0].text not in ("언제", "나중에") else None,
    )


def partner_name(ctx: ReplyContext) -> str | None:
    return given_name(ctx.partner.name)
