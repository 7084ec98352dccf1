"""One Korean sentence on what the partner most likely means, built from the intent, the
emotion and the concrete details of the message."""

from __future__ import annotations

import re
from collections.abc import Callable

from ai.coach.local.details import NEWS_WORDS, conjugate
from ai.coach.local.readings import Intent, IntentReading
from ai.emotion.types import EmotionLabel, EmotionResult
from ai.korean.particles import josa

# How a state reads before a noun: "많이 피곤한 상태".
_STATE = {
    EmotionLabel.TIRED: "많이 지친",
    EmotionLabel.ANNOYANCE: "짜증이 난",
    EmotionLabel.SADNESS: "속상한",
    EmotionLabel.WORRY: "걱정이 많은",
    EmotionLabel.HURT: "서운한",
}

_SICK = re.compile(r"감기|몸살|아파|아프|열이\s?나|병원|체했")
_ALTERNATIVE = re.compile(r"대신|다음\s?주|다른\s?날|언제\s?(?:괜찮|돼)|[월화수목금토일]요일은|주말은|그\s?다음|다음에\s?꼭")


def interpret(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    p = reading.primary
    if p in _PLAIN:
        return _PLAIN[p]
    return _BY_INTENT.get(p, _small_talk)(reading, emotion, text)


_PLAIN = {
    Intent.ACCEPTANCE: "상대가 제안을 흔쾌히 받아들였어요, 이제 시간과 장소만 정하면 돼요.",
    Intent.LATE_NIGHT_CHECKIN: "늦은 밤에 먼저 연락한 건 지금 당신과 이야기하고 싶다는 신호일 가능성이 커요.",
    Intent.MISSING_YOU: "상대가 보고 싶다고 솔직하게 마음을 표현하고 있어요, 같은 마음이라면 확실하게 답해 주세요.",
    Intent.AFFECTION: "상대가 좋아하는 마음을 직접 표현하고 있어요, 진지하게 받아 주는 게 중요해요.",
    Intent.COMPLIMENT: "상대가 당신을 칭찬하며 호감을 드러내고 있어요.",
    Intent.TEASING: "상대가 장난을 치며 편하게 다가오고 있어요, 친해졌다는 표시예요.",
}


def _invitation(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    d = reading.details
    if reading.indirect:
        when = d.time.text if d.time else "요즘"
        if "심심" in text and not d.time:
            return "심심하다고 먼저 말하는 건 같이 시간을 보내자는 신호일 수 있어요."
        return f"상대가 {josa(when, '을')} 물으면서 만나자고 돌려서 제안하고 있을 가능성이 커요."
    if re.search(r"몇\s?시|어디서|어디로|어디\s?갈|뭐\s?먹을까|뭐\s?할까", text):
        return "상대가 만날 시간과 장소를 구체적으로 정하려고 해요, 만남에 적극적이라는 신호예요."
    t = d.time.adverbial + " " if d.time else ""
    act = d.activity
    what = conjugate(act, "lets", polite=False) + "고" if act else "만나자고"
    return f"상대가 {t}{'같이 ' if act else ''}{what} 먼저 제안하고 있어요, 만나고 싶다는 분명한 신호예요."


def _decline(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    if _ALTERNATIVE.search(text):
        return "이번엔 어렵다고 했지만 다른 때를 언급해서 거절보다는 일정 조율에 가까워요."
    return "상대가 이번 제안은 어렵다고 완곡하게 말하고 있어요, 다시 제안하기 전에 상대가 먼저 날짜를 말하는지 지켜보세요."


def _complaint(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    about = "연락 문제로 " if re.search(r"연락|답장|카톡|전화", text) else ""
    return f"상대가 {about}서운함을 느끼고 있어요, 변명보다 마음을 먼저 알아주길 바라고 있어요."


def _venting(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    if re.fullmatch(r"[ㅠㅜ\s.!?~]+", text.strip()):
        return "말 대신 ㅠㅠ만 보낸 건 속상한 일이 있다는 신호일 수 있어요, 무슨 일인지 먼저 물어봐 주세요."
    if _SICK.search(text):
        return _SICK_READING
    top = emotion.top
    state = _STATE.get(top, "힘든")
    causes = sorted(reading.details.causes, key=lambda c: c.endswith("님") == (top is EmotionLabel.TIRED))
    cause = f"{causes[0]} 때문에 " if causes else ""
    return f"{cause}{state} 상태라 해결책보다 공감과 위로를 바라고 있어요."


def _news(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    if _SICK.search(text):
        return _SICK_READING
    if "생일" in text:
        return "생일을 먼저 알려 준 건 축하받고 싶고 당신이 챙겨 주길 기대한다는 뜻이에요."
    if emotion.sentiment.name == "NEGATIVE":
        return "상대가 안 좋은 일을 털어놓으며 위로받고 싶어 해요."
    d = reading.details
    news = min((w for w in NEWS_WORDS if w in text), key=text.index, default=None)  # first in the text
    subject = d.activity.key if d.activity else news or (d.topics[0] if d.topics else None)
    what = f"{subject} " if subject else ""
    return f"상대가 {what}소식을 먼저 나누며 같이 반응해 주길 바라고 있어요."


def _thanks(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    deep = "진심으로 " if emotion.intensity >= 0.55 else ""
    return f"상대가 {deep}고마움을 전하고 있어요, 가볍게 받아 주면서 대화를 이어갈 기회예요."


def _apology(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    about = "답장이 늦은 걸 " if re.search(r"늦|답장|연락", text) else ""
    return f"상대가 {about}미안해하고 있어요, 괜찮다고 편하게 받아 주길 바라고 있어요."


def _closing(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    why = "피곤해서 " if emotion.top is EmotionLabel.TIRED else ""
    return f"상대가 {why}오늘 대화를 마무리하려고 해요, 따뜻하게 인사해 주면 충분해요."


def _greeting(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    when = "아침 " if re.search(r"아침|굿모닝|잘\s?잤|일어났", text) else ""
    return f"상대가 먼저 {when}안부를 건네며 대화를 시작하고 싶어 해요."


def _acknowledgement(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    if re.fullmatch(r"[ㅋㅎ\s!~.]+", text.strip()):
        return "웃음으로만 답했어요, 대화는 즐겁지만 이어갈 말을 찾는 중일 수 있어요."
    return "짧은 단답이라 지금은 바쁘거나 대화에 크게 집중하지 못하는 상태일 수 있어요."


def _asking(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    return _question(text, _topic(reading))


def _small_talk(reading: IntentReading, emotion: EmotionResult, text: str) -> str:
    topic = _topic(reading)
    about = f"{topic} 이야기로 " if topic else ""
    return f"상대가 {about}일상을 나누며 대화를 이어가고 싶어 해요."


def _topic(reading: IntentReading) -> str | None:
    topics = reading.details.topics
    return topics[0] if topics else None


_SICK_READING = "몸이 안 좋아서 걱정해 주고 챙겨 주길 바라고 있어요."
_BY_INTENT: dict[Intent, Callable[[IntentReading, EmotionResult, str], str]] = {
    Intent.INVITATION: _invitation,
    Intent.DECLINE: _decline,
    Intent.COMPLAINT: _complaint,
    Intent.VENTING: _venting,
    Intent.SHARING_NEWS: _news,
    Intent.THANKS: _thanks,
    Intent.APOLOGY: _apology,
    Intent.CLOSING: _closing,
    Intent.GREETING: _greeting,
    Intent.QUESTION: _asking,
    Intent.ACKNOWLEDGEMENT: _acknowledgement,
}


def _question(text: str, topic: str | None) -> str:
    if re.search(r"뭐\s?해|뭐하|뭐\s?하세요", text):
        return "상대가 지금 뭐 하는지 물으며 대화를 이어가고 싶어 해요."
    if re.search(r"(?:밥|점심|저녁).{0,3}(?:먹었|드셨)", text):
        return "밥은 먹었는지 챙기는 건 관심이 있다는 가벼운 표현이에요."
    if re.search(r"어땠|어떻게\s?보냈|잘\s?지냈|잘\s?들어갔", text):
        return "상대가 당신의 하루를 궁금해하며 관심을 보이고 있어요."
    if re.search(r"피곤|괜찮|아파|힘들", text):
        return "상대가 당신의 상태를 걱정하며 챙기고 있어요."
    if topic:
        return f"상대가 {topic}에 대해 궁금해하고 있어요, 성의 있게 답하고 되물어 주면 좋아요."
    return "상대가 당신에 대해 궁금해하고 있어요, 답하면서 같은 질문을 돌려주면 대화가 이어져요."
