"""The signals of the partner's message in its context, and when to answer."""

from __future__ import annotations

import re

from ai.coach.reading import cues, pain
from ai.coach.reading.conversation import facts_of, reply_register
from ai.coach.reading.model import Facts, Reading
from ai.coach.reading.situation import wish_of
from ai.coach.types import CoachRequest, ReplyTiming, Signal, Stage
from ai.korean.signals import has_laughter, is_sticker

# Strongest first: the order the advice and the replies attend to them in.
ORDER = (
    Signal.CRISIS, Signal.GRIEF, Signal.DISTRESS, Signal.MASKED_PAIN, Signal.CONFLICT, Signal.DECLINE,
    Signal.EX_CONTACT, Signal.RELATIONSHIP_TALK, Signal.INVITATION, Signal.AFFECTION, Signal.GOOD_NEWS,
    Signal.APOLOGY, Signal.THANKS, Signal.QUESTION, Signal.READ_NO_REPLY, Signal.DRY_REPLY, Signal.JOKING,
    Signal.LATE_NIGHT, Signal.SMALL_TALK,
)
# Anything of these makes the message more than small talk.
_WEIGHTY = frozenset(ORDER) - {Signal.QUESTION, Signal.JOKING, Signal.LATE_NIGHT, Signal.SMALL_TALK}

Evidence = dict[Signal, tuple[str, ...]]


def read_situation(request: CoachRequest) -> Reading:
    lines = [line.text for line in request.burst] or request.message.splitlines() or [request.message]
    text = "\n".join(lines)
    stage = _stage(request.partner.relationship)
    facts = facts_of(request)
    found: Evidence = {}
    _pain(text, found, invited=facts.user_invited)
    _talk(text, lines, facts, found)
    _context(stage, facts, lines, found)
    signals = tuple(signal for signal in ORDER if signal in found)
    return Reading(
        signals=signals,
        evidence={signal: found[signal] for signal in signals},
        timing=_timing(signals, text, facts),
        polite=reply_register(request, stage),
        stage=stage,
        message=text,
        facts=facts,
        wish=wish_of(request.situation),
        partner_name=request.partner.name,
    )


def _stage(value: str | None) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        return Stage.SOME


def _pain(text: str, found: Evidence, *, invited: bool = False) -> None:
    """Crisis, grief, distress — and laughter over them, or a playful 😭 over nothing much."""
    crisis, grief, distress = pain.crisis(text), pain.grief(text), pain.distress(text)
    good = cues.good_news(text)
    if good and not (crisis or grief or pain.strong_distress(text)):
        distress = ()  # "힘들었는데 드디어 합격": the hard part is over
    if distress and cues.apology(text) and pain.mild_worry_only(distress):
        distress = ()  # "미안해 … 근데 나도 연락 없으면 불안한 건 사실이야": making up, with a need said
    if not distress and re.fullmatch(r"[\sㅠㅜ😭😢.]+", text) and re.search(r"[ㅠㅜ😭😢]{2,}", text):
        distress = ("ㅠㅠ",)  # tears alone, in answer to "how did it go?"
    for signal, evidence in ((Signal.CRISIS, crisis), (Signal.GRIEF, grief), (Signal.DISTRESS, distress or crisis)):
        if evidence:
            found[signal] = evidence
    # an apology with a 😭 is sorry, not playing
    # a ㅠㅠ in answer to the user's invitation is sorry, not playing
    joke = () if good or crisis or grief or invited or pain.strong_distress(text) or cues.apology(text) else pain.joking(text)
    if joke:  # "야근 또 당첨 😭 치킨 사 줘": tired, but playing
        found.pop(Signal.DISTRESS, None)
        found[Signal.JOKING] = joke
    elif crisis or grief or distress:
        if masked := pain.masked(text):
            found[Signal.MASKED_PAIN] = masked


def _talk(text: str, lines: list[str], facts: Facts, found: Evidence) -> None:
    """What the message does: a no, a fight, an invitation, a question, thanks, an apology …"""
    hurting = any(s in found for s in (Signal.CRISIS, Signal.GRIEF, Signal.DISTRESS))
    conflict = cues.conflict(text)
    if conflict and set(conflict) <= {"서운했", "서운해", "서운하다"} and cues.affection(text) and has_laughter(text):
        conflict = ()  # "깨니까 없어서 서운했음ㅋㅋ 보고싶다": missing them, not a fight
    if conflict and (cues.hard_conflict(text) or not cues.apology(text)):
        found[Signal.CONFLICT] = conflict
    decline = cues.decline(text)
    if decline and (cues.strong_decline(text) or facts.user_invited or facts.user_confessed) and not hurting:
        found[Signal.DECLINE] = decline
    declined = Signal.DECLINE in found
    if not declined and (invitation := cues.invitation(text)):
        found[Signal.INVITATION] = invitation
    grieving = Signal.GRIEF in found or Signal.CRISIS in found
    for signal, evidence in (
        (Signal.GOOD_NEWS, () if grieving else cues.good_news(text)),
        (Signal.AFFECTION, () if declined else cues.affection(text)),
        (Signal.RELATIONSHIP_TALK, cues.relationship(text) or cues.confession(text)),
        (Signal.THANKS, () if declined else cues.thanks(text)),
        (Signal.APOLOGY, () if declined else cues.apology(text)),
    ):
        if evidence:
            found[signal] = evidence
    asked = [line for line in cues.questions(lines) if not (Signal.CONFLICT in found and cues.rhetorical(line))]
    asked += [line for line in lines if cues.request(line) and line not in asked]
    if asked:
        found[Signal.QUESTION] = tuple(asked)
    if facts.user_invited and cues.says_yes(lines):
        pass  # "ㅎㅎ 네 좋아요!" to the user's invitation: a yes, not a dry reply
    elif not (found.keys() - {Signal.JOKING}) and (dry := cues.dry(lines)):
        found[Signal.DRY_REPLY] = dry
    elif not found and all(is_sticker(line) for line in lines if line.strip()) and len(facts.user_last_text or "") >= 40:
        found[Signal.DRY_REPLY] = ("이모티콘",)  # a sticker alone, to a long heartfelt message


def _context(stage: Stage, facts: Facts, lines: list[str], found: Evidence) -> None:
    """What the hour, the stage and the history add."""
    if facts.local_time is not None and facts.local_time.hour < 5:
        found[Signal.LATE_NIGHT] = (facts.local_time.strftime("%H:%M"),)
    if stage is Stage.EX:
        found[Signal.EX_CONTACT] = ("전 연인",)
    waited = facts.waited_hours or 0
    if (facts.unanswered >= 2 and waited >= 6) or (facts.unanswered >= 1 and waited >= 24):
        found[Signal.READ_NO_REPLY] = (f"내 메시지 {facts.unanswered}개, {round(waited)}시간",)
        if Signal.DRY_REPLY not in found and (dry := cues.dry(lines[:1])):
            found[Signal.DRY_REPLY] = dry
    if not (found.keys() & _WEIGHTY):
        found[Signal.SMALL_TALK] = ()


def _timing(signals: tuple[Signal, ...], text: str, facts: Facts) -> ReplyTiming:
    has = set(signals).__contains__
    if has(Signal.CRISIS):
        return ReplyTiming.NOW  # safety first, whoever it is and whatever the hour
    if has(Signal.EX_CONTACT) and has(Signal.LATE_NIGHT) and "축하" not in text:
        return ReplyTiming.NOT_NOW
    if has(Signal.CONFLICT) and cues.asks_for_space(text):
        return ReplyTiming.LATER
    if has(Signal.DRY_REPLY) and (has(Signal.READ_NO_REPLY) or len(facts.user_last_text or "") >= 20):
        return ReplyTiming.LATER
    if has(Signal.EX_CONTACT):
        return ReplyTiming.LATER
    return ReplyTiming.NOW
