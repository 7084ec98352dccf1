"""What a scene composes: three drafts (SAFE, BALANCED, BOLD), each a message and why it fits,
and the details of the conversation the scenes draw on."""

from __future__ import annotations

from dataclasses import dataclass

from ai.coach.local.details import ACTIVITIES, extract_details, find_place
from ai.coach.local.facts import UserFacts
from ai.coach.reading.model import Reading
from ai.coach.reading.quotes import whole_words
from ai.coach.types import Signal
from ai.korean.signals import is_media_placeholder
from ai.privacy import mask_personal_data


@dataclass(frozen=True, slots=True)
class Draft:
    text: str
    why: str  # Korean: why this reply, for this conversation
    told: bool = False  # the scene already put the user's own words, its own way: add nothing


@dataclass(frozen=True, slots=True)
class Detail:
    """What the partner's message mentions that a reply can pick up."""

    quote: str  # the partner's key words, for explanations ("당분간 시간 내기 어려울 것 같아요")
    time: str | None  # "내일 저녁", "토요일"
    activity: str | None  # "파스타", "영화"
    cause: str | None  # why they feel as they do: "시험", "야근"
    place: str | None  # where, when the message names it: "합정", "강남역"
    facts: UserFacts  # what the user told the coach to say
    outing: str | None = None  # something the partner likes doing, as "going to": "러닝하러", "영화 보러"
    topics: tuple[str, ...] = ()  # other content nouns of the message (짝짝이, 운동화, …)


# Why the partner feels as they do, most telling first ("2차 준비 … 시험 잘 보고" is the exam).
_CAUSES = ("시험", "면접", "야근", "훈련", "과제", "발표", "마감", "공부", "이사", "장례", "수술", "병원", "회사 일", "회사",
           "출근", "근무", "알바", "준비")


# How an activity goes with 가다 ("러닝하러 갈래?", "영화 보러 갈래?", "카페 갈래?").
_GOING = {"보": "보러", "하": "하러", "먹": "먹으러", "마시": "마시러", "치": "치러", "타": "타러", "읽": "읽으러",
          "뛰": "뛰러", "걷": "걸으러", "가": ""}


def outing_for(interests: tuple[str, ...]) -> str | None:
    """The first of the partner's interests that two people can go and do together."""
    for interest in interests:
        activity = ACTIVITIES.get(interest.strip()) or next(
            (a for key, a in ACTIVITIES.items() if len(key) >= 2 and key in interest), None)
        if activity is None:
            continue
        going = _GOING.get(activity.verb, "하러")
        if not going:
            return activity.object
        return f"{activity.object}{going}" if activity.attached else f"{activity.object} {going}"
    return None


def detail_of(reading: Reading, facts: UserFacts, interests: tuple[str, ...] = ()) -> Detail:
    found = extract_details(reading.message)
    cause = next((word for word in _CAUSES if word in reading.message), None)
    return Detail(
        quote=_key_words(reading),
        time=found.time.text if found.time else None,
        activity=found.activity.key if found.activity else _named_activity(
            "\n".join(line for line in reading.message.splitlines() if not is_media_placeholder(line))),
        cause=cause or (found.causes[0] if found.causes else None),
        place=find_place(reading.message),
        outing=outing_for(interests),
        topics=found.topics,
        facts=facts,
    )


def _named_activity(text: str) -> str | None:
    """An activity the analyser split ("방탈출" read as 방 + 탈출), found by its name."""
    return next((key for key in sorted(ACTIVITIES, key=len, reverse=True) if len(key) >= 2 and key in text), None)


def _key_words(reading: Reading) -> str:
    """The line of the partner's message that carries the lead signal, short enough to quote,
    with personal data masked (an explanation never repeats an address or a code)."""
    for signal in reading.signals:
        for word in reading.evidence.get(signal, ()):
            line = next((l.strip() for l in reading.message.splitlines() if word and word in l), None)
            if line:
                return mask_personal_data(line if len(line) <= 30 else whole_words(line, word))
    worded = [l.strip() for l in reading.message.splitlines() if l.strip() and not is_media_placeholder(l)]
    first = worded[0] if worded else (reading.message.strip().splitlines()[0] if reading.message.strip() else "")
    return mask_personal_data(first[:30])


def has(reading: Reading, *signals: Signal) -> bool:
    return reading.has(*signals)

