"""Three replies, SAFE / BALANCED / BOLD, composed from the readings, both speech styles, the
partner's profile and what the user wants. Deterministic: the same context gives the same drafts.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from ai.coach.local import templates_feelings as _feelings  # noqa: F401  (registers scenes)
from ai.coach.local import templates_talk as _talk  # noqa: F401  (registers scenes)
from ai.coach.local.context import (
    Goals,
    ReplyContext,
    SpeechLevel,
    chat_lines,
    goals_from,
    speech_level,
    stage_group,
    stage_of,
)
from ai.coach.local.expressive import decorate
from ai.coach.local.intent import detect_intent
from ai.coach.local.readings import Intent
from ai.coach.local.scenes import choose_scene
from ai.coach.local.slots import build_slots
from ai.coach.local.style_mirror import blend, measure_habits
from ai.coach.local.templates import SCENES, Template, render
from ai.coach.types import RISK_ORDER, ReplyOption, RiskLevel, Sender, Stage
from ai.emotion.local_analyzer import analyze_emotion
from ai.korean.particles import josa

_RISKS = RISK_ORDER
_BASE_CONFIDENCE = {RiskLevel.SAFE: 0.8, RiskLevel.BALANCED: 0.72, RiskLevel.BOLD: 0.55}
_BOLD_STAGE = {"DATING": 0.15, "SOME": 0.05, "FRIEND": -0.05, "BLIND": -0.05}
_STEPPING_FORWARD = {Intent.INVITATION, Intent.ACCEPTANCE, Intent.MISSING_YOU, Intent.AFFECTION, Intent.COMPLIMENT, Intent.LATE_NIGHT_CHECKIN}
_PULLING_BACK = {Intent.COMPLAINT, Intent.DECLINE, Intent.ACKNOWLEDGEMENT}
_STAGE_NOTE = {
    "DATING": "연인 사이라 조금 더 직진해도 부담이 적어요.",
    "SOME": "썸 단계에서 호감을 확인할 수 있는 한 걸음이에요.",
    "BLIND": "소개팅 단계라 부담스럽지 않은 선에서 한 걸음만 나아갔어요.",
    "FRIEND": "친구 사이의 편안함은 지키면서 둘만의 시간을 늘려요.",
}
_SLOT_NAMES = re.compile(r"<(\w+)")
_NO_PUSH = frozenset({"COMPLAINT", "VENT_SAD", "DECLINE", "ACK_DRY", "CLOSING_NIGHT", "CLOSING_DAY"})


@dataclass(frozen=True, slots=True)
class _Plan:
    scene: str
    polite: bool
    honorific: bool
    group: str
    slots: dict[str, str]
    available: frozenset[str]
    goals: Goals
    level: SpeechLevel
    interest: str | None
    seed: str


def compose_replies(ctx: ReplyContext) -> list[ReplyOption]:
    """Exactly three drafts, in the order SAFE, BALANCED, BOLD."""
    lines = chat_lines(ctx.recent)
    previous_mine = next((l.text for l in reversed(lines) if l.sender == Sender.ME), None)
    emotion = ctx.emotion or analyze_emotion(ctx.message)
    intent = ctx.intent or detect_intent(ctx.message, sent_at=ctx.sent_at, emotion=emotion, previous_mine=previous_mine)
    stage = stage_of(ctx.partner.relationship)
    group = stage_group(stage)
    level = speech_level(ctx, lines, stage)
    goals = goals_from(ctx.situation)
    scene = choose_scene(ctx.message, intent, emotion)
    slots, available, interest = build_slots(ctx, intent, emotion, level, lines, scene)
    plan = _Plan(scene, level.polite, level.honorific, group, slots, available, goals, level, interest, ctx.message)

    chosen = _choose_all(plan)
    texts = [render(tpl.text, polite=plan.polite, honorific=plan.honorific, slots=slots) for tpl in chosen]
    texts = [_with_goals(text, risk, tpl, plan) for text, risk, tpl in zip(texts, _RISKS, chosen)]

    partner_texts = [l.text for l in lines if l.sender == Sender.PARTNER] + [ctx.message]
    my_texts = [l.text for l in lines if l.sender == Sender.ME]
    habits = measure_habits(partner_texts, ctx.partner_style)
    mine = measure_habits(my_texts, ctx.my_style) if (ctx.my_style is not None or my_texts) else None
    habits = blend(habits, mine)
    decorated = decorate(texts, [t.mood for t in chosen], habits, ctx.message)

    drafts = []
    for risk, tpl, deco in zip(_RISKS, chosen, decorated):
        drafts.append(
            ReplyOption(
                risk=risk,
                text=deco.text,
                explanation=_explain(risk, tpl, plan, deco.added, ctx, emotion),
                confidence=_confidence(risk, tpl, plan, intent.primary, intent.confidence, emotion),
            )
        )
    return drafts


# --- choosing templates --------------------------------------------------------------------


def _choose_all(plan: _Plan) -> list[Template]:
    chosen: list[Template] = []
    rendered: set[str] = set()
    for risk in _RISKS:
        options = _ranked(plan, risk)
        pick = next(
            (o for o in options if render(o.text, polite=plan.polite, honorific=plan.honorific, slots=plan.slots) not in rendered),
            options[0],
        )
        chosen.append(pick)
        rendered.add(render(pick.text, polite=plan.polite, honorific=plan.honorific, slots=plan.slots))
    return chosen


def _ranked(plan: _Plan, risk: RiskLevel) -> list[Template]:
    pool = SCENES[plan.scene][risk]
    usable = [t for t in pool if t.needs <= plan.available and not t.avoid & plan.available]
    staged = [t for t in usable if t.stages is None or plan.group in t.stages]
    candidates = staged or usable or [t for t in pool if not t.needs] or pool

    def score(t: Template) -> int:
        s = 10 * len(t.needs)
        if t.stages is not None and plan.group in t.stages:
            s += 5
        if plan.goals.meet and "meet" in t.moves:
            s += 3
        if plan.goals.confess and "confess" in t.moves:
            s += 3
        return s

    best = max(score(t) for t in candidates)
    top = [t for t in candidates if score(t) == best]
    rest = sorted((t for t in candidates if score(t) < best), key=score, reverse=True)
    offset = zlib.crc32(f"{plan.seed}|{plan.scene}|{risk.value}|{plan.group}".encode()) % len(top)
    return top[offset:] + top[:offset] + rest


# --- the user's own goals ------------------------------------------------------------------


def _with_goals(text: str, risk: RiskLevel, tpl: Template, plan: _Plan) -> str:
    r = lambda s: render(s, polite=plan.polite, honorific=plan.honorific)  # noqa: E731
    if plan.goals.late_reply and plan.scene not in ("COMPLAINT", "APOLOGY"):
        text = r("{답장 늦어서 미안해요|답장 늦어서 미안해|답장이 늦어서 죄송해요}!") + " " + text
    if risk is RiskLevel.BOLD and plan.goals.meet and "meet" not in tpl.moves and plan.scene not in _NO_PUSH:
        when = plan.goals.when or r("{이번 주에|이번 주에}")
        text = _join(text, r(
            f"{{{when} 얼굴 보면서 얘기해요, 언제 괜찮아요|{when} 얼굴 보면서 얘기하자, 언제 괜찮아|{when} 얼굴 뵙고 얘기해요, 언제 괜찮으세요}}?"
        ))
    if (
        risk is RiskLevel.BOLD
        and plan.goals.confess
        and "confess" not in tpl.moves
        and plan.group in ("SOME", "FRIEND")
        and plan.scene not in ("COMPLAINT", "VENT_SAD", "DECLINE")
    ):
        text = _join(text, r("{사실 요즘 계속 생각나요|사실 요즘 계속 네 생각 나}"))
    return text


def _join(text: str, more: str) -> str:
    text = text.rstrip(". ")
    return f"{text} {more}" if text.endswith(("?", "!")) else f"{text}. {more}"


# --- explanation and confidence ------------------------------------------------------------


def _explain(risk: RiskLevel, tpl: Template, plan: _Plan, added: tuple[str, ...], ctx: ReplyContext, emotion) -> str:
    parts = [tpl.why]
    used = set(_SLOT_NAMES.findall(tpl.text))
    details = [plan.slots[k] for k in ("time_n", "act", "cause", "num") if k in used or (k == "time_n" and "time" in used)]
    if "act_after" in used or "act_q" in used or "act_past_q" in used or "act_want" in used or "act_may" in used:
        details.append(plan.slots.get("act", ""))
    details = [d for d in dict.fromkeys(details) if d]
    if {"int", "int_want"} & used and plan.interest:
        parts.append(f"상대의 관심사인 {_quoted(plan.interest, '을')} 꺼내 상대가 신나게 답할 거리를 만들었어요.")
    elif details:
        quoted = ", ".join(f"'{d}'" for d in details[:2][:-1])
        last = _quoted(details[:2][-1], "을")
        parts.append(f"메시지에 나온 {quoted + ', ' if quoted else ''}{last} 그대로 받아 구체적으로 답했어요.")
    if risk is RiskLevel.SAFE:
        parts.append(plan.level.reason)
    if risk is RiskLevel.BOLD:
        parts.append(_STAGE_NOTE[plan.group] if stage_of(ctx.partner.relationship) is not Stage.EX else "예전 연인이라면 감정이 앞서지 않게 한 번 더 생각하고 보내세요.")
        if plan.goals.slow:
            parts.append("천천히 가고 싶다고 하셨으니 이 답장은 분위기를 보고 보내세요.")
        elif plan.goals.meet and ("meet" in tpl.moves or plan.scene not in _NO_PUSH):
            parts.append("만나고 싶다고 하셨던 만큼 지금이 제안하기 좋은 타이밍이에요.")
        if plan.goals.confess and "confess" not in tpl.moves and plan.group in ("SOME", "FRIEND") and plan.scene not in ("COMPLAINT", "VENT_SAD", "DECLINE"):
            parts.append("마음을 전하고 싶다고 하셔서 호감을 한 문장 더 담았어요.")
        if plan.scene == "ACK_DRY":
            parts.append("단답이 계속된다면 이후엔 상대가 먼저 연락할 때까지 기다려 보세요.")
    if added:
        token = added[0]
        if token[0] in "ㅠㅜ":
            parts.append(f"상대가 {_quoted(token, '으로')} 감정을 표현해서 같은 온도로 공감했어요.")
        elif token[0] in "ㅋㅎ^":
            parts.append(f"상대가 {_quoted(token, '을')} 자주 써서 웃음 표현을 맞췄어요.")
        else:
            parts.append("상대가 이모지를 쓰는 편이라 하나 곁들였어요.")
    mbti = (ctx.partner.mbti or "").upper()
    if risk is RiskLevel.SAFE and plan.scene.startswith("VENT") and len(mbti) == 4:
        parts.append("감정형(F)이라면 공감 한마디가 특히 힘이 돼요." if mbti[2] == "F" else "사고형(T)이라면 짧고 담백한 위로가 더 편할 수 있어요.")
    return " ".join(parts)


def _quoted(word: str, particle: str) -> str:
    """'러닝'을 — the particle agrees with the word, not with the quote mark."""
    return f"'{word}'" + josa(word, particle)[len(word):]


def _confidence(risk: RiskLevel, tpl: Template, plan: _Plan, primary: Intent, intent_conf: float, emotion) -> float:
    c = _BASE_CONFIDENCE[risk]
    negative = emotion.sentiment.name == "NEGATIVE" and emotion.intensity >= 0.5
    if risk is RiskLevel.BOLD:
        c += _BOLD_STAGE[plan.group]
        if primary in _STEPPING_FORWARD:
            c += 0.1
        if primary in _PULLING_BACK:
            c -= 0.15
        if negative and "meet" in tpl.moves and plan.group != "DATING":
            c -= 0.05
        if plan.goals.slow:
            c -= 0.15
        if plan.goals.meet and "meet" in tpl.moves:
            c += 0.05
    if risk is RiskLevel.SAFE and negative:
        c += 0.05
    if risk is RiskLevel.BALANCED and primary is Intent.ACKNOWLEDGEMENT:
        c -= 0.05
    if tpl.needs:
        c += 0.03
    if intent_conf < 0.5:
        c -= 0.05
    return round(max(0.1, min(0.95, c)), 2)
