"""What the advice warns against, from the reading: the crisis line, no jokes or asks to someone
hurting, no pushing after a no, no scorekeeping in a fight, no 2 a.m. answers to an ex."""

from __future__ import annotations

from ai.coach.reading.model import Reading
from ai.coach.types import Signal


def cautions_for(r: Reading) -> tuple[str, ...]:
    cautions: list[str] = []
    if r.crisis:
        cautions.append("위험해 보이면 자살예방상담전화 109(24시간), 응급 상황이면 112·119에 바로 연락하세요.")
    if r.hurting:
        cautions.append("웃음(ㅋㅋ)이나 장난스러운 이모티콘, 만남 제안은 지금은 빼세요.")
    if r.has(Signal.DECLINE):
        cautions.append("다시 만나자고 조르거나 이유를 캐묻지 마세요.")
    if r.has(Signal.CONFLICT):
        cautions.append("잘잘못을 따지거나 길게 해명하는 말은 피하세요.")
    if r.has(Signal.EX_CONTACT) and r.has(Signal.LATE_NIGHT) and not r.crisis:
        cautions.append("술을 마셨거나 감정이 올라온 새벽이라면 다음 날 답하세요.")
    if r.has(Signal.READ_NO_REPLY, Signal.DRY_REPLY):
        cautions.append("'왜 답이 없어?'처럼 몰아세우는 말은 거리를 더 벌려요.")
    return tuple(cautions)
