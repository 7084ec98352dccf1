"""Which set of reply templates fits: the intent, refined by what the message is about."""

from __future__ import annotations

import re

from ai.coach.local.readings import Intent, IntentReading
from ai.emotion import lexicon as lx
from ai.emotion.types import EmotionLabel, EmotionResult

_VENT_BY_EMOTION = {
    EmotionLabel.TIRED: "VENT_TIRED",
    EmotionLabel.ANNOYANCE: "VENT_ANNOYED",
    EmotionLabel.SADNESS: "VENT_SAD",
    EmotionLabel.HURT: "VENT_SAD",
    EmotionLabel.WORRY: "VENT_WORRY",
    EmotionLabel.EMBARRASSMENT: "VENT_SAD",
}
_DIRECT = {
    Intent.ACCEPTANCE: "ACCEPTANCE",
    Intent.DECLINE: "DECLINE",
    Intent.LATE_NIGHT_CHECKIN: "LATE_NIGHT",
    Intent.COMPLAINT: "COMPLAINT",
    Intent.APOLOGY: "APOLOGY",
    Intent.THANKS: "THANKS",
    Intent.COMPLIMENT: "COMPLIMENT",
    Intent.TEASING: "TEASING",
    Intent.MISSING_YOU: "MISSING_YOU",
    Intent.AFFECTION: "AFFECTION",
}
_FOOD_VERBS = ("먹", "마시")
_SICK = re.compile(r"감기|몸살|아파|아프|열이\s?나|병원|체했")
_PLAN_DETAIL = re.compile(r"몇\s?시|어디서|어디로|어디\s?갈|어디\s?볼|뭐\s?먹을까|뭐\s?할까")
_WEATHER = re.compile(r"비\s?(?:가|와|온|오|내|많이)|장마|소나기|날씨|추워|춥|쌀쌀|더워|덥|눈\s?(?:와|온|오|많이)")


def choose_scene(text: str, intent: IntentReading, emotion: EmotionResult) -> str:
    p = intent.primary
    d = intent.details
    if p is Intent.INVITATION:
        if _PLAN_DETAIL.search(text):
            return "Q_PLAN_DETAIL"
        if "심심" in text and not d.time:
            return "BORED"
        return "INVITATION_INDIRECT" if intent.indirect else "INVITATION"
    if p is Intent.DECLINE and "?" in text and len(d.times) >= 2:
        return "INVITATION"  # 이번 주는 어렵고 대신 다음 주 어때요? -> take the counter-offer
    if p in _DIRECT:
        return _DIRECT[p]
    if p is Intent.VENTING:
        return _vent(emotion)
    if p in (Intent.SHARING_NEWS, Intent.SMALL_TALK) and re.search(r"(?:오늘|내일|낼).{0,4}생일|생일이", text):
        return "BIRTHDAY"
    if p in (Intent.VENTING, Intent.SHARING_NEWS, Intent.SMALL_TALK) and _SICK.search(text):
        return "VENT_TIRED"
    if p is Intent.SHARING_NEWS:
        if emotion.sentiment.name == "NEGATIVE":
            return _vent(emotion)
        if d.activity is not None and d.activity.verb in _FOOD_VERBS and not re.search(r"합격|승진", text):
            return "FOOD"
        return "NEWS"
    if p is Intent.CLOSING:
        if re.search(r"출근할게|일하러|다녀올게|씻고\s?올게|나갈게|이따\s?(?:연락|얘기)|회의\s?들어|수업\s?들어", text):
            return "CLOSING_DAY"
        if intent.late_night or re.search(r"잘\s?자|굿나잇|굿밤|꿈|주무|잘게|자러|졸려|잠", text):
            return "CLOSING_NIGHT"
        return "CLOSING_LATER"
    if p is Intent.GREETING:
        return _greeting(text)
    if p is Intent.QUESTION:
        return _question(text, intent)
    if p is Intent.ACKNOWLEDGEMENT:
        stripped = text.strip()
        if lx.LAUGHTER.fullmatch(re.sub(r"[\s.!~?]", "", stripped) or "x") or re.fullmatch(r"[ㅋㅎ\s.!~?]+", stripped):
            return "ACK_LAUGH"
        return "ACK_DRY"
    # SMALL_TALK
    if _WEATHER.search(text):
        return "WEATHER"
    if d.activity is not None and d.activity.verb in _FOOD_VERBS:
        return "FOOD"
    if emotion.sentiment.name == "NEGATIVE" and emotion.top in _VENT_BY_EMOTION:
        return _vent(emotion)
    return "SMALL_TALK"


def _vent(emotion: EmotionResult) -> str:
    for e in emotion.labels:
        if e.label in _VENT_BY_EMOTION:
            return _VENT_BY_EMOTION[e.label]
    return "VENT_TIRED"


def _greeting(text: str) -> str:
    if re.search(r"(?:밥|점심|저녁|아침).{0,3}(?:먹었|드셨)", text):
        return "Q_ATE"
    if re.search(r"굿모닝|좋은\s?아침|잘\s?잤|일어났|출근\s?잘", text):
        return "GREETING_MORNING"
    if re.search(r"퇴근", text):
        return "GREETING_EVENING"
    return "GREETING"


def _question(text: str, intent: IntentReading) -> str:
    if re.search(r"(?:밥|점심|저녁|아침).{0,3}(?:먹었|드셨|먹음)", text):
        return "Q_ATE"
    if re.search(r"잘\s?들어갔|잘\s?도착|집\s?(?:도착|갔)|들어가셨", text):
        return "Q_HOME"
    if _PLAN_DETAIL.search(text):
        return "Q_PLAN_DETAIL"
    if re.search(r"뭐\s?해|뭐하|뭐\s?하(?:세요|셔|니|냐|고\s?있)", text):
        return "Q_WHAT_DOING"
    if re.search(r"어땠|어떻게\s?보냈|잘\s?지냈|잘\s?보냈|하루\s?어", text):
        return "Q_HOW_DAY"
    if re.search(r"괜찮아|괜찮으세요|괜찮아요|피곤해|피곤하|아파|아프|힘들어|힘드", text):
        return "Q_CONDITION"
    if re.search(r"좋아해|좋아하세요|좋아하는|좋아함|취향|좋아\s?\?", text):
        return "Q_PREFERENCE"
    return "Q_GENERIC"
