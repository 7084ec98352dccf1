"""The reading of the situation (`ai.coach.reading`), in Korean, for the prompt: the signals
with the partner's words behind them, when to answer, the register the replies take (the user's
with this partner), what the history shows, what the user wants, and the rules that follow."""

from __future__ import annotations

from ai.coach.llm.prompt.system import TIMING_NAMES
from ai.coach.llm.prompt.text import data
from ai.coach.reading.model import Facts, Reading, Wish
from ai.coach.types import Signal

SHORT_NAMES: dict[Signal, str] = {
    Signal.DECLINE: "거절", Signal.DISTRESS: "힘듦", Signal.CONFLICT: "다툼", Signal.INVITATION: "만남 제안",
    Signal.QUESTION: "질문", Signal.RELATIONSHIP_TALK: "관계 이야기", Signal.DRY_REPLY: "단답",
    Signal.LATE_NIGHT: "새벽 메시지", Signal.GOOD_NEWS: "좋은 소식", Signal.THANKS: "고마움",
    Signal.APOLOGY: "사과", Signal.AFFECTION: "애정 표현", Signal.EX_CONTACT: "전 연인의 연락",
    Signal.SMALL_TALK: "일상 대화", Signal.CRISIS: "위기(자해 언급)", Signal.JOKING: "장난",
    Signal.MASKED_PAIN: "가린 아픔", Signal.GRIEF: "상실", Signal.READ_NO_REPLY: "읽씹",
}
_WISHES = (
    ("confess", "마음을 고백하고 싶어 함"), ("meet", "만나고 싶어 함"), ("apologize", "사과하거나 화해하고 싶어 함"),
    ("move_on", "정리하거나 거리를 두고 싶어 함"), ("unsure", "자기 마음을 아직 모름"),
    ("ask_again", "거절당한 뒤 다시 물어볼지 고민함"), ("propose", "먼저 제안해도 될지 물음"),
    ("when_to_reply", "언제 답할지 물음"), ("is_it_a_no", "거절인지 물음"),
)


def describe_reading(reading: Reading) -> str:
    lines = [
        "신호: " + (" / ".join(_signal(reading, s) for s in reading.signals) or "일상 대화"),
        f"답할 때: {reading.timing.value} — {TIMING_NAMES[reading.timing]}",
        "답장 말투: " + ("존댓말(해요체)" if reading.polite else "반말") + " — 사용자가 이 상대에게 쓰는 말투",
    ]
    facts = _facts(reading.facts)
    if facts:
        lines.append("대화에서 보이는 것: " + "; ".join(facts))
    wishes = _wishes(reading.wish)
    if wishes:
        lines.append("사용자: " + ", ".join(wishes))
    lines += [f"- {rule}" for rule in _rules(reading)]
    lines += [f"- {data(note, 200)}" for note in reading.notes]
    return "\n".join(lines)


def _signal(reading: Reading, signal: Signal) -> str:
    words = [data(word, 60) for word in reading.evidence.get(signal, ()) if word.strip()][:2]
    said = " ".join(f'"{word}"' for word in words)
    return f"{SHORT_NAMES[signal]}({signal.value})" + (f" {said}" if said else "")


def _facts(facts: Facts) -> list[str]:
    found = []
    if facts.unanswered and facts.waited_hours is not None and facts.waited_hours >= 1:
        found.append(f"사용자의 메시지 {facts.unanswered}개가 {round(facts.waited_hours)}시간 동안 답을 못 받았음")
    if facts.user_invited:
        found.append("사용자가 바로 전에 만나자고 제안했음")
    if facts.user_confessed:
        found.append("사용자가 바로 전에 마음을 표현했음")
    if facts.user_apologized:
        found.append("사용자가 바로 전에 사과했음")
    if facts.local_time is not None and facts.local_time.hour < 5:
        found.append(f"메시지는 새벽 {facts.local_time:%H:%M}에 왔음")
    return found


def _wishes(wish: Wish) -> list[str]:
    return [text for name, text in _WISHES if getattr(wish, name)]


def _rules(reading: Reading) -> list[str]:
    rules = []
    if reading.crisis:
        rules.append("자해 언급: 안전이 먼저. 조언에 자살예방상담전화 109(24시간), 응급하면 112·119. 세 답장 모두 지지의 말")
    if reading.hurting:
        rules.append("상대가 아파하는 중: 답장에 ㅋㅋ·ㅎㅎ·장난스러운 이모지를 쓰지 않음, 만남 제안 없음")
    if reading.closed_door:
        rules.append("거절·아픔·다툼이 있는 상황: 세 답장 모두 부드럽게, bold도 새 제안 없이 더 솔직한 마음이나 지지로")
    if reading.has(Signal.DECLINE) and (reading.wish.confess or reading.wish.meet or reading.wish.ask_again):
        rules.append("사용자가 원하는 것보다 상대의 거절이 먼저: 다시 제안하거나 조르지 않음")
    if reading.wish.question:
        rules.append("recommendation에서 사용자의 질문에 직접 답할 것")
    return rules
