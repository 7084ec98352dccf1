"""Answering a playful complaint ("다이어트 3일 차에 케이크 한 판 먹었어요 😭", "롤 10연패 실화냐",
"야근 확정 😭 치킨 먹고 싶다") in kind: laugh with them, take their side, and — for BOLD — a
small treat or plan that shows you care. What the joke is about decides the words; a joke is
never answered as if it were distress."""

from __future__ import annotations

import re

from ai.coach.local.voice import Line, Voice
from ai.korean.particles import josa

_CRAVING = re.compile(r"([가-힣]{1,5})\s*(?:먹고\s*싶|땡긴|땡겨|당긴|당겨)")
_ATE = re.compile(r"([가-힣]{1,5})(?:\s*한\s*(?:판|통|봉지|마리|그릇))?\s*(?:다\s*)?(?:먹었|먹어\s*버렸|해치웠)")
_STREAK = re.compile(r"(\d+)\s*연패")
_LOSING = re.compile(r"또\s*졌|졌어|졌다|패배|털렸")
_OVERTIME = re.compile(r"야근|철야|주말\s*출근|특근")
_NOT_FOOD = frozenset({"진짜", "너무", "오늘", "그냥", "다", "또", "나", "저", "차에", "일", "못", "안", "아침도", "밥도", "아무것도"})
_STOCKS = re.compile(r"주식|코인|마이너스|-\s*\d+\s*%|물렸|떡락|한강\s*(?:라면|가)")


def lines_for(v: Voice, message: str, topics: tuple[str, ...] = ()) -> tuple[str, str, str]:
    """(the laugh, BALANCED's addition, BOLD's addition)."""
    if _STOCKS.search(message):
        return _stocks(v)
    craving = _food(_CRAVING, message)
    if craving:
        return _craving(v, craving, bool(_OVERTIME.search(message)))
    ate = _food(_ATE, message)
    if ate:
        return _indulged(v, ate)
    streak = _STREAK.search(message)
    if streak or _LOSING.search(message):
        return _losing(v, streak.group(1) if streak else None)
    if _WEIGHT.search(message):
        return _weight(v)
    overtime = bool(_OVERTIME.search(message))
    return _generic(v, overtime, morning=bool(re.search(r"아침|출근", message)), topic="야근" if overtime else _topic(topics))


_WEIGHT = re.compile(r"살\s*(?:엄청|많이|좀|너무)?\s*쪘|살찌|살\s*빠지")
_NOT_TOPICS = frozenset({"확정", "야근", "오늘", "진짜", "지금", "나", "저", "아저씨", "아줌마", "사람", "회사", "출근", "퇴근", "자리", "옆자리", "우리"})


def _topic(topics: tuple[str, ...]) -> str | None:
    """What the joke is about, to say it back ("짝짝이 운동화 신고 출근함 😭" -> 짝짝이)."""
    for word in topics:
        if word not in _NOT_TOPICS and len(word) >= 2:
            return word
    return None


def _weight(v: Voice) -> tuple[str, str, str]:
    return (
        v.say(Line("ㅋㅋㅋ 하나도 티 안 나는데요?", "ㅋㅋㅋ 하나도 티 안 나는데?")),
        v.say(Line("맛있게 먹었으면 된 거예요 ㅋㅋ", "맛있게 먹었으면 된 거야 ㅋㅋ")),
        v.say(Line("다음엔 저랑 반씩 나눠 먹어요, 그럼 반만 찌잖아요 ㅋㅋ", "다음엔 나랑 반씩 나눠 먹자, 그럼 반만 찌잖아 ㅋㅋ")),
    )


def _food(pattern: re.Pattern[str], message: str) -> str | None:
    for found in pattern.finditer(message):
        word = found.group(1)
        if word not in _NOT_FOOD and len(word) >= 2 and not word.endswith(("차에", "에서", "도")):
            return word
    return None


def _craving(v: Voice, food: str, overtime: bool) -> tuple[str, str, str]:
    laugh = v.say(Line("ㅋㅋㅋ 야근엔 {f}", "ㅋㅋㅋ 야근엔 {f}"), f=josa(food, "이죠" if v.polite else "이지")) if overtime else v.say(
        Line("ㅋㅋㅋ 갑자기 {f} 땡기는 날 있죠", "ㅋㅋㅋ {f} 땡기는 날 있지"), f=food)
    middle = v.say(Line("야근 힘내요, 끝나면 {f} 꼭 시켜 먹어요.", "야근 힘내, 끝나면 {f} 꼭 시켜 먹어."), f=food) if overtime else v.say(
        Line("오늘은 참지 말고 {f} 드세요.", "오늘은 참지 말고 {f} 먹어."), f=food)
    bold = v.say(Line("{f} 제가 쏠게요!", "{f} 내가 쏠게!"), f=josa(food, "은"))
    if overtime:
        bold = v.say(Line("야근 끝나면 {f} 제가 쏠게요!", "야근 끝나면 {f} 내가 쏠게!"), f=josa(food, "은"))
    return laugh, middle, bold


def _indulged(v: Voice, food: str) -> tuple[str, str, str]:
    laugh = v.one("joke-ate", [
        Line("ㅋㅋㅋ {f} 앞에서는 어쩔 수 없죠", "ㅋㅋㅋ {f} 앞에서는 어쩔 수 없지"),
        Line("ㅋㅋㅋ 맛있는 걸 어떡해요", "ㅋㅋㅋ 맛있는 걸 어떡해"),
    ], f=food)
    middle = v.say(Line("의지 박약 아니에요, {f} 너무 맛있었던 거예요.", "의지 박약 아니야, {f} 너무 맛있었던 거야."), f=josa(food, "이"))
    bold = v.say(Line("다음엔 {f} 저랑 반씩 나눠 먹어요 ㅋㅋ", "다음엔 {f} 나랑 반씩 나눠 먹자 ㅋㅋ"), f=food)
    return laugh, middle, bold


def _stocks(v: Voice) -> tuple[str, str, str]:
    return (
        v.say(Line("ㅋㅋㅋ 한강 라면은 너무 갔어요", "ㅋㅋㅋ 한강 라면은 너무 갔다")),
        v.say(Line("오늘 저녁은 제가 살게요, 기운 내요.", "오늘 저녁은 내가 살게, 기운 내.")),
        v.say(Line("오늘은 제가 쏠게요. 대신 밥 먹을 땐 주식 얘기 금지예요 ㅋㅋ", "오늘은 내가 쏜다. 대신 밥 먹을 땐 주식 얘기 금지 ㅋㅋ")),
    )


def _losing(v: Voice, streak: str | None) -> tuple[str, str, str]:
    laugh = v.say(Line("ㅋㅋㅋ {n}연패면 오늘은 운이 없는 날이네요", "ㅋㅋㅋ {n}연패는 레전드다"), n=streak) if streak else v.say(
        Line("ㅋㅋㅋ 아 또요?", "ㅋㅋㅋ 아 또?"))
    middle = v.say(Line("오늘은 접고 푹 쉬어요, 내일은 이길 거예요.", "오늘은 접고 자라 ㅋㅋ 내일은 이긴다"))
    bold = v.say(Line("다음엔 같이 해요, 제가 캐리할게요 ㅋㅋ", "다음 판 나랑 듀오 ㄱ? 내가 캐리한다 ㅋㅋ"))
    return laugh, middle, bold


def _generic(v: Voice, overtime: bool, *, morning: bool = False, topic: str | None = None) -> tuple[str, str, str]:
    laugh = v.say(Line("ㅋㅋㅋ {t} 어떡해요", "ㅋㅋㅋ {t} 어떡해"), t=topic) if topic else v.one("joke-laugh", [
        Line("아 진짜 웃프네요 ㅋㅋ", "아 진짜 웃프다 ㅋㅋ"), Line("ㅋㅋㅋ 어떡해요", "ㅋㅋㅋ 어떡해"),
    ])
    middle = v.say(Line("야근까지 하느라 진짜 고생했어요.", "야근까지 하느라 진짜 고생했다.")) if overtime else v.one("joke-middle", [
        Line("아침부터 고생 많았네요 ㅋㅋ", "아침부터 고생 많았네 ㅋㅋ"), Line("그래도 오늘 하루 화이팅이에요!", "그래도 오늘 하루 화이팅!"),
    ]) if morning else v.say(Line("그래도 오늘 하루 화이팅이에요!", "그래도 오늘 하루 화이팅!"))
    bold = v.one("joke-bold", [
        Line("이따 맛있는 거 먹고 기분 풀어요!", "이따 맛있는 거 먹고 기분 풀자!"),
        Line("오늘은 제가 커피 살게요 ㅋㅋ", "오늘은 내가 커피 쏜다 ㅋㅋ"),
    ])
    return laugh, middle, bold

