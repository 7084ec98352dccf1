"""Slot values for the templates: details of the message, the partner's interests and name,
each already in the chosen speech level."""

from __future__ import annotations

import re

from ai.coach.local.context import ReplyContext, SpeechLevel, partner_name
from ai.coach.local.details import VERBS, activity_for, conjugate, extract_details, find_place
from ai.coach.local.readings import Activity, Intent, IntentReading, MessageDetails, TimeExpression
from ai.coach.local.templates import render
from ai.coach.types import ChatLine, Sender
from ai.emotion.types import EmotionLabel, EmotionResult
from ai.korean.names import vocative


def build_slots(
    ctx: ReplyContext,
    intent: IntentReading,
    emotion: EmotionResult,
    level: SpeechLevel,
    lines: list[ChatLine],
    scene: str,
) -> tuple[dict[str, str], frozenset[str], str | None]:
    """Slot values, the set of needs they satisfy (slots and flags such as "rain"), and the
    interest chosen for this reply."""
    d = intent.details
    slots: dict[str, str] = {}
    have: set[str] = set()
    time = _add_time(intent, scene, slots, have)
    act = d.activity
    if act is not None:
        _add_activity(d, act, level, slots, have)
    interest = _add_interest(ctx.partner.interests, act, level.polite, slots, have)
    if d.causes:
        _add_cause(d.causes, emotion, slots, have)
    _add_subject(ctx.message, intent, act, lines, slots, have)
    _add_address(partner_name(ctx), ctx.message, level, slots)
    have.update(k for k, v in _flags(ctx.message, emotion, time).items() if v)
    return slots, frozenset(have), interest


def _add_time(intent: IntentReading, scene: str, slots: dict[str, str], have: set[str]) -> TimeExpression | None:
    d = intent.details
    counter = scene == "INVITATION" and intent.primary is Intent.DECLINE
    if counter:
        have.add("counter")
    time = d.times[-1] if counter and d.times else d.time
    if time:
        slots.update(time=time.adverbial, time_n=time.text)
        have.add("time")
    slots["alt_time"] = _alternative_time(d.time.text if d.time else "")
    have.add("alt_time")
    return time


def _add_activity(d: MessageDetails, act: Activity, level: SpeechLevel, slots: dict[str, str], have: set[str]) -> None:
    slots.update(_activity_slots(act, level.polite, level.honorific))
    have.add("act")
    if act.key in _OPEN_CHOICE:
        have.add("act_q")  # 영화 -> which film? 밥 -> what food? (not asked of 치킨 or 한강)
    food = next((a for a in d.activities[1:] if a.verb in ("먹", "마시")), None)
    if food is not None:
        slots["food2"] = food.key  # 한강 가서 치킨 먹자: the plan is complete, pick up the food
        have.add("food2")


def _add_interest(
    interests: tuple[str, ...], act: Activity | None, polite: bool, slots: dict[str, str], have: set[str]
) -> str | None:
    interest, interest_act = _pick_interest(interests, act)
    if interest:
        slots["int"] = interest
        have.add("interest")
        if interest_act is not None:
            slots["int_want"] = conjugate(interest_act, "want", polite)
            slots["int_lets"] = conjugate(interest_act, "lets", polite)
            slots["int_nom"] = _nominal(interest_act)
            have.add("interest_act")
    return interest


def _add_cause(causes: tuple[str, ...], emotion: EmotionResult, slots: dict[str, str], have: set[str]) -> None:
    people = [c for c in causes if _is_person(c)]
    tasks = [c for c in causes if not _is_person(c)]
    tired = emotion.top is EmotionLabel.TIRED
    cause = (tasks or people)[0] if tired else (people or tasks)[0]
    slots["cause"] = cause
    have.add("cause")
    have.add("cause_person" if _is_person(cause) else "cause_task")


def _add_subject(
    message: str,
    intent: IntentReading,
    act: Activity | None,
    lines: list[ChatLine],
    slots: dict[str, str],
    have: set[str],
) -> None:
    """What the message is about: the topic, a place, a number."""
    d = intent.details
    topic = act.key if act is not None else (d.topics[0] if d.topics else None)
    if intent.primary is Intent.ACKNOWLEDGEMENT:
        topic = _earlier_topic(lines, message)
    if topic:
        slots["topic"] = topic
        have.add("topic")

    place = find_place(message)
    if place:
        slots["place"] = place
        have.add("place")

    num = re.search(r"\d+(?:\.\d+)?\s?(?:km|킬로|키로|kg|시간|분|등|점|개|번|층)", message)
    if num:
        slots["num"] = num.group(0)
        have.add("num")


def _add_address(name: str | None, message: str, level: SpeechLevel, slots: dict[str, str]) -> None:
    """How the reply addresses the partner, and how it says 좋아해 / 사랑해."""
    polite, hon = level.polite, level.honorific

    def r(template: str) -> str:
        return render(template, polite=polite, honorific=hon)

    if polite:
        slots["you"] = f"{name} 씨는" if name else ""
    else:
        slots["you"] = "너는"
    slots["voc"] = vocative(name, polite=polite) + ", " if name else ""
    slots["love"] = r("{사랑해요|사랑해}") if "사랑" in message else r("{좋아해요|좋아해}")


def _flags(text: str, emotion: EmotionResult, time: TimeExpression | None) -> dict[str, bool]:
    return {
        "tired": emotion.score_of(EmotionLabel.TIRED) > 0.3 or "피곤" in text or "졸려" in text,
        "date_thanks": bool(re.search(r"즐거|재밌|재미있|좋은\s?시간|어제|오늘\s?(?:정말|진짜|너무)|만나서", text)),
        "rain": bool(re.search(r"비\s?(?:가|와|온|오|내|많이)|장마|소나기", text)),
        "cold": bool(re.search(r"추워|춥|쌀쌀|눈\s?(?:와|온|오)", text)),
        "contact": bool(re.search(r"연락|답장|카톡|전화|읽씹", text)),
        "home": bool(re.search(r"들어왔|들어갔|도착|집\s?왔", text)),
        "news": bool(re.search(r"합격|승진|붙었|통과|취업|당첨|성공|완주|1등|우승", text)),
        "sick": bool(re.search(r"감기|몸살|아파|아프|열이\s?나|병원|체했", text)),
        "clock": bool(time and re.search(r"\d\s?시", time.text)),
    }


_OPEN_CHOICE = frozenset(
    {"영화", "공연", "전시", "전시회", "뮤지컬", "연극", "콘서트", "밥", "저녁", "점심", "맛집", "커피", "카페", "술", "맥주", "와인", "여행", "드라이브"}
)


def _is_person(cause: str) -> bool:
    return cause.endswith("님") or cause in ("상사", "손님")


def _activity_slots(act: Activity, polite: bool, hon: bool) -> dict[str, str]:
    def r(template: str) -> str:
        return render(template, polite=polite, honorific=hon)

    a = VERBS[act.verb][2]
    sep = "" if act.attached else " "
    food = act.verb in ("먹",)
    drink = act.verb == "마시" or act.key in ("카페", "술", "맥주", "와인")
    watch = act.verb == "보" or "보러" in act.object
    if watch:
        q = r("{혹시 보고 싶은 거 있어요|혹시 보고 싶은 거 있어|혹시 보고 싶은 거 있으세요}?")
        past = r("{뭐 봤어요? 재밌었어요|뭐 봤어? 재밌었어|뭐 보셨어요? 재밌으셨어요}?")
    elif food:
        q = r("{뭐 먹고 싶은 거 있어요|뭐 먹고 싶은 거 있어|뭐 드시고 싶은 거 있으세요}?")
        past = r("{어디서 먹었어요? 맛있었어요|어디서 먹었어? 맛있었어|어디서 드셨어요? 맛있으셨어요}?")
    elif drink:
        q = r("{가 보고 싶은 곳 있어요|가 보고 싶은 곳 있어|가 보고 싶은 곳 있으세요}?")
        past = r("{어디로 갔어요? 분위기 좋았어요|어디로 갔어? 분위기 좋았어|어디로 가셨어요? 분위기 좋았어요}?")
    else:
        q = r("{어디로 갈까요? 가고 싶은 데 있어요|어디로 갈까? 가고 싶은 데 있어|어디로 갈까요? 가고 싶은 데 있으세요}?")
        past = r("{어디서 했어요? 힘들지 않았어요|어디서 했어? 힘들지 않았어|어디서 하셨어요? 힘들지 않으셨어요}?")
        if act.verb == "뛰" or act.key in ("러닝", "달리기", "조깅"):
            past = r("{어디서 뛰었어요? 힘들지 않았어요|어디서 뛰었어? 힘들지 않았어|어디서 뛰셨어요? 힘들지 않으셨어요}?")
    if food:
        nxt = r("{카페도 가요|카페도 가자}")
    elif drink:
        nxt = r("{저녁도 같이 먹어요|저녁도 같이 먹자}")
    else:
        nxt = r("{맛있는 것도 먹어요|맛있는 것도 먹자}")
    stem_go = _after_form(act)
    return {
        "act": act.key,
        "act_want": conjugate(act, "want", polite),
        "act_lets": conjugate(act, "lets", polite),
        "act_may": f"{act.object}{sep}{a}도",
        "act_after": stem_go,
        "act_next": nxt,
        "act_q": q,
        "act_past_q": past,
    }


def _nominal(act: Activity) -> str:
    """러닝하기, 등산 가기, 영화 보기."""
    sep = "" if act.attached else " "
    return f"{act.object}{sep}{act.verb}기"


def _after_form(act: Activity) -> str:
    """영화 보고 나서, 밥 먹고 나서, 러닝하고 나서."""
    stem = "가" if act.object.endswith(("보러", "가러", "찍으러")) else act.verb
    sep = "" if act.attached else " "
    obj = act.object
    if stem == "가" and obj.endswith("보러"):
        obj, stem = obj[: -len(" 보러")], "보"
    return f"{obj}{sep}{stem}고 나서"


def _pick_interest(interests: tuple[str, ...], act: Activity | None) -> tuple[str | None, Activity | None]:
    items = [i.strip() for i in interests or () if i and i.strip()]
    if not items:
        return None, None
    if act is not None:
        for i in items:
            if activity_for(i) == act:
                return i, act
    for i in items:
        a = activity_for(i)
        if a is not None:
            return i, a
    return items[0], None


def _earlier_topic(lines: list[ChatLine], current: str) -> str | None:
    """The last thing the partner talked about before this message (for reviving a dry reply)."""
    for line in reversed(lines):
        if line.sender != Sender.PARTNER or line.text == current:
            continue
        d = extract_details(line.text)
        if d.activity:
            return d.activity.key
        if d.causes:
            return d.causes[0]
        if d.topics:
            return d.topics[0]
    return None


def _alternative_time(time_text: str) -> str:
    if re.search(r"오늘|이따", time_text):
        return "내일"
    if "내일" in time_text or "낼" in time_text:
        return "이번 주말"
    if "평일" in time_text:
        return "주말"
    if "다음 주" in time_text:
        return "그다음 주"
    return "다음 주"
