"""The local engine's replies, planned from the reading rather than picked by keyword.

The lead signal chooses a scene (`scenes_*`); the scene composes SAFE, BALANCED and BOLD from
moves — acknowledge, answer, empathise, propose, set a boundary — in the user's register with
this partner, using the user's own words from `situation` when they gave some. Laughter is added
only where the partner laughs and nobody is hurting."""

from __future__ import annotations

import re
from collections.abc import Callable

from ai.coach.local import scenes_care, scenes_chat, scenes_hurt, scenes_news, scenes_no, scenes_talk, scenes_us, scenes_yes
from ai.coach.local.drafts import Detail, Draft, detail_of
from ai.coach.local.facts import UserFacts, user_facts
from ai.coach.local.voice import Voice, join, voice_for
from ai.coach.reading.lead import lead_signal
from ai.coach.reading.model import Reading
from ai.coach.types import RISK_ORDER, CoachRequest, ReplyOption, Sender, Signal
from ai.korean.particles import josa
from ai.korean.signals import has_laughter

Scene = Callable[[Voice, Reading, Detail], tuple[Draft, Draft, Draft]]

SCENES: dict[Signal, Scene] = {
    Signal.CRISIS: scenes_care.crisis,
    Signal.GRIEF: scenes_care.grief,
    Signal.DISTRESS: scenes_hurt.distress,
    Signal.MASKED_PAIN: scenes_hurt.distress,
    Signal.CONFLICT: scenes_care.conflict,
    Signal.DECLINE: scenes_no.decline,
    Signal.EX_CONTACT: scenes_no.ex_contact,
    Signal.READ_NO_REPLY: scenes_no.distance,
    Signal.DRY_REPLY: scenes_no.distance,
    Signal.RELATIONSHIP_TALK: scenes_us.relationship,
    Signal.INVITATION: scenes_yes.invitation,
    Signal.AFFECTION: scenes_yes.affection,
    Signal.GOOD_NEWS: scenes_news.good_news,
    Signal.APOLOGY: scenes_yes.apology,
    Signal.THANKS: scenes_news.thanks,
    Signal.JOKING: scenes_talk.joking,
    Signal.QUESTION: scenes_talk.question,
    Signal.LATE_NIGHT: scenes_talk.late_night,
    Signal.SMALL_TALK: scenes_chat.small_talk,
}
_CONFIDENCE = {"SAFE": 0.8, "BALANCED": 0.7, "BOLD": 0.55}
# Scenes where laughter would read as not taking the partner seriously.
_SERIOUS = {
    Signal.CRISIS, Signal.GRIEF, Signal.DISTRESS, Signal.MASKED_PAIN, Signal.CONFLICT, Signal.DECLINE,
    Signal.EX_CONTACT, Signal.READ_NO_REPLY, Signal.DRY_REPLY, Signal.RELATIONSHIP_TALK, Signal.APOLOGY,
}


def compose_replies(request: CoachRequest, reading: Reading) -> tuple[ReplyOption, ReplyOption, ReplyOption]:
    mine = [line.text for line in request.history() if line.sender == Sender.ME][-8:]
    voice = voice_for(reading.polite, request.partner.name, seed=f"{request.message}|{request.situation or ''}", my_lines=mine)
    facts = user_facts(request.situation, polite=reading.polite, you=voice.you, name=voice.name)
    lead = lead_signal(reading)
    drafts = SCENES[lead](voice, reading, detail_of(reading, facts, request.partner.interests))
    if lead is not Signal.CRISIS:
        drafts = _with_facts(drafts, facts, closed_door=reading.closed_door)
    drafts = _spread(drafts)
    drafts = _with_laughter(drafts, reading, lead)
    confidence = {risk: value - (0.15 if reading.closed_door and risk == "BOLD" else 0) for risk, value in _CONFIDENCE.items()}
    safe, balanced, bold = (
        ReplyOption(risk, _tidy(draft.text), _particles_after_quotes(draft.why), round(confidence[risk.value], 2))
        for risk, draft in zip(RISK_ORDER, drafts)
    )
    return safe, balanced, bold


def _with_facts(drafts: tuple[Draft, Draft, Draft], facts: UserFacts, *, closed_door: bool) -> tuple[Draft, Draft, Draft]:
    """What the user said they want to tell the partner is in every reply (the levels differ in
    tone, not in facts), and a step they are weighing is in the boldest."""
    if not facts and not facts.offers:
        return drafts
    out = []
    for index, draft in enumerate(drafts):
        text = draft.text
        if draft.told:
            out.append(draft)
            continue
        # SAFE takes the gist; the others all of it, when it fits in a message.
        told = facts.text if index and len(text) + len(facts.text) <= 110 else facts.first
        if facts and not _mentions(text, told):
            if _mentions(text, facts.first):
                told = " ".join(s for s in facts.sentences if not _mentions(text, s))
            # "너무 놀랐어요" opens a reply; "8시쯤 약 사 갈게" closes it.
            text = join(told, text) if _FEELING.search(told) else join(text, told)
        if index == 2 and facts.offers and not closed_door and not _mentions(text, facts.offers[0]):
            text = join(text, facts.offers[0])
        out.append(Draft(text, draft.why))
    return out[0], out[1], out[2]


_FEELING = re.compile(r"놀랐|속상|슬프|슬퍼|걱정|미안|마음이\s*아|보고\s*싶|좋아해|사랑해")


def _mentions(text: str, sentence: str) -> bool:
    key = "".join(sentence.split())[:8]
    return key in "".join(text.split())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CARRIES = re.compile(r"^(?:난|나는|저는|전)\s|\d|[월화수목금토일]요일|[월화수목금토일]욜|주말|내일|모레|오늘|미안|좋아|갈게|괜찮|점심|저녁")


def _spread(drafts: tuple[Draft, Draft, Draft]) -> tuple[Draft, Draft, Draft]:
    """A level that only adds to SAFE repeats all of it ("A. B." / "A. B. C."): it keeps SAFE's
    opening and its own addition ("A. C."), so the three read as three answers."""
    safe, balanced, bold = drafts
    opening = _SENTENCE_END.split(safe.text.strip())
    if len(opening) < 2:
        return drafts

    def spread(draft: Draft) -> Draft:
        text = draft.text.strip()
        if text.startswith(safe.text.strip()) and len(text) > len(safe.text.strip()) + 2:
            kept = [opening[0], *(part for part in opening[1:] if _CARRIES.search(part))]  # a time, a day, a yes, a sorry stay
            return Draft(join(*kept, text[len(safe.text.strip()):].lstrip(" .!?~")), draft.why, draft.told)
        return draft

    return safe, spread(balanced), spread(bold)


def _with_laughter(drafts: tuple[Draft, Draft, Draft], reading: Reading, lead: Signal) -> tuple[Draft, Draft, Draft]:
    """Mirror the partner's laughter in the lighter replies, where nobody is hurting."""
    if lead in _SERIOUS or reading.hurting or reading.closed_door or reading.wish.decline or not has_laughter(reading.message):
        return drafts
    mark = "ㅋㅋ" if "ㅋ" in reading.message else "ㅎㅎ"
    safe, balanced, bold = drafts
    if not has_laughter(safe.text):
        safe = Draft(_append(safe.text, mark), safe.why)
    return safe, balanced, bold


def _append(text: str, mark: str) -> str:
    stripped = text.rstrip()
    if stripped.endswith(("?", "!", ".")) and len(stripped) > 1:
        return f"{stripped[:-1]} {mark}" if stripped.endswith(".") else f"{stripped} {mark}"
    return f"{stripped} {mark}"


_QUOTED_PARTICLE = re.compile(r"'([^']+)'(은|는|이|가|을|를)(?=[\s,])")


def _particles_after_quotes(why: str) -> str:
    """"'당분간'는" -> "'당분간'은": the particle after a quote agrees with the quote's last word."""
    return _QUOTED_PARTICLE.sub(lambda m: f"'{m.group(1)}'{josa(m.group(1), m.group(2))[len(m.group(1)):]}", why)


def _tidy(text: str) -> str:
    return " ".join(text.split())
