"""Our own Korean emotion lexicon for dating chats.

Entries are dictionary forms as produced by :func:`ai.korean.morph.lemmas` (``피곤하다``,
``보다 싶다`` for 보고 싶다), each mapped to one domain emotion with a weight in 0..1 and,
where it means something, what the negated form expresses (``안 설레`` reads as 무관심).
Surface patterns cover what the analyser does not see as words: laughter and crying jamo,
emoji, text emoticons, chat slang and the dry one-word answers that, in a dating chat, read as
low interest. Polarity lives on the labels (:class:`ai.emotion.types.EmotionLabel`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.emotion.types import EmotionLabel as E


@dataclass(frozen=True, slots=True)
class Entry:
    lemmas: tuple[str, ...]
    label: E
    weight: float
    negated: tuple[E, float] | None = None  # what "안/못 …", "…지 않다", "… 없다" mean instead
    needs_person: bool = False  # 보고 싶다 is 그리움 only without a thing as its object


def _entries() -> list[Entry]:
    def e(words: str, label: E, weight: float, negated: tuple[E, float] | None = None, *, person: bool = False) -> Entry:
        return Entry(tuple(words.split()), label, weight, negated, person)

    return [
        # 설렘
        e("설레다", E.EXCITEMENT, 1.0, (E.INDIFFERENCE, 0.7)),
        e("설렘", E.EXCITEMENT, 1.0),
        e("두근거리다", E.EXCITEMENT, 1.0),
        e("두근두근", E.EXCITEMENT, 1.0),
        e("떨리다", E.EXCITEMENT, 0.7),
        e("기대되다", E.EXCITEMENT, 0.9, (E.INDIFFERENCE, 0.5)),
        e("기대하다", E.EXCITEMENT, 0.7),
        e("기대", E.EXCITEMENT, 0.6),
        e("심쿵", E.EXCITEMENT, 1.0),
        # 기쁨
        e("기분 좋다", E.JOY, 1.0, (E.SADNESS, 0.8)),
        e("기분 나쁘다", E.HURT, 0.8),
        e("좋다", E.JOY, 0.6, (E.SADNESS, 0.5)),
        e("행복하다", E.JOY, 1.0, (E.SADNESS, 0.7)),
        e("기쁘다", E.JOY, 1.0, (E.SADNESS, 0.5)),
        e("즐겁다", E.JOY, 0.9, (E.INDIFFERENCE, 0.5)),
        e("재밌다", E.JOY, 0.8, (E.INDIFFERENCE, 0.6)),
        e("재미있다", E.JOY, 0.8, (E.INDIFFERENCE, 0.6)),
        e("신나다", E.JOY, 0.9),
        e("웃기다", E.JOY, 0.6),
        e("뿌듯하다", E.JOY, 0.9),
        e("다행", E.JOY, 0.6),
        e("최고", E.JOY, 0.7),
        e("맛있다", E.JOY, 0.5, (E.INDIFFERENCE, 0.3)),
        e("축하하다", E.JOY, 0.8),
        e("합격하다", E.JOY, 0.9),
        e("합격", E.JOY, 0.8),
        e("감동", E.GRATITUDE, 0.7),
        e("만족하다", E.JOY, 0.6),
        e("괜찮다", E.JOY, 0.3, (E.WORRY, 0.6)),
        e("편하다", E.JOY, 0.3),
        # 호감
        e("좋아하다", E.AFFECTION, 0.7, (E.INDIFFERENCE, 0.8)),
        e("사랑하다", E.AFFECTION, 1.0),
        e("사랑", E.AFFECTION, 0.8),
        e("마음 들다", E.AFFECTION, 0.9, (E.INDIFFERENCE, 0.6)),
        e("호감", E.AFFECTION, 1.0),
        e("관심", E.AFFECTION, 0.4, (E.INDIFFERENCE, 1.0)),
        e("멋있다", E.AFFECTION, 0.8),
        e("멋지다", E.AFFECTION, 0.8),
        e("예쁘다", E.AFFECTION, 0.8),
        e("귀엽다", E.AFFECTION, 0.8),
        e("잘생기다", E.AFFECTION, 0.8),
        e("매력", E.AFFECTION, 0.8),
        e("착하다", E.AFFECTION, 0.6),
        e("다정하다", E.AFFECTION, 0.7),
        e("센스", E.AFFECTION, 0.6),
        # 고마움
        e("고맙다", E.GRATITUDE, 1.0),
        e("감사하다", E.GRATITUDE, 1.0),
        e("감사", E.GRATITUDE, 0.9),
        e("덕분", E.GRATITUDE, 0.7),
        e("땡큐", E.GRATITUDE, 0.8),
        # 그리움
        e("보다 싶다", E.LONGING, 1.0, (E.HURT, 0.6), person=True),
        e("그립다", E.LONGING, 0.9),
        e("그리워하다", E.LONGING, 0.9),
        e("생각나다", E.LONGING, 0.6),
        # 서운함
        e("서운하다", E.HURT, 1.0),
        e("섭섭하다", E.HURT, 1.0),
        e("삐지다", E.HURT, 0.8),
        e("너무하다", E.HURT, 0.9),
        e("실망", E.HURT, 0.9),
        e("실망하다", E.HURT, 0.9),
        e("실망스럽다", E.HURT, 0.9),
        e("상처", E.HURT, 0.9),
        e("서럽다", E.HURT, 0.7),
        e("무시하다", E.HURT, 0.7),
        # 걱정
        e("걱정", E.WORRY, 0.9),
        e("걱정되다", E.WORRY, 1.0),
        e("걱정하다", E.WORRY, 0.8),
        e("불안하다", E.WORRY, 0.9),
        e("긴장되다", E.WORRY, 0.6),
        e("무섭다", E.WORRY, 0.6),
        e("신경 쓰이다", E.WORRY, 0.6),
        e("조심하다", E.WORRY, 0.3),
        # 피곤함
        e("피곤하다", E.TIRED, 1.0),
        e("피곤", E.TIRED, 0.9),
        e("지치다", E.TIRED, 1.0),
        e("힘들다", E.TIRED, 0.9),
        e("졸리다", E.TIRED, 0.8),
        e("녹초", E.TIRED, 1.0),
        e("야근", E.TIRED, 0.6),
        e("야근하다", E.TIRED, 0.6),
        e("귀찮다", E.TIRED, 0.5),
        e("바쁘다", E.TIRED, 0.4),
        e("감기", E.TIRED, 0.6),
        e("몸살", E.TIRED, 0.8),
        # 짜증
        e("짜증", E.ANNOYANCE, 1.0),
        e("짜증 나다", E.ANNOYANCE, 1.0),
        e("화 나다", E.ANNOYANCE, 1.0),
        e("열 받다", E.ANNOYANCE, 1.0),
        e("스트레스 받다", E.ANNOYANCE, 0.9),
        e("짜증나다", E.ANNOYANCE, 1.0),
        e("짜증스럽다", E.ANNOYANCE, 1.0),
        e("화나다", E.ANNOYANCE, 1.0),
        e("화", E.ANNOYANCE, 0.6),
        e("빡치다", E.ANNOYANCE, 1.0),
        e("열받다", E.ANNOYANCE, 1.0),
        e("스트레스", E.ANNOYANCE, 0.8),
        e("답답하다", E.ANNOYANCE, 0.8),
        e("어이없다", E.ANNOYANCE, 0.8),
        e("싫다", E.ANNOYANCE, 0.7),
        e("최악", E.ANNOYANCE, 0.9),
        # 슬픔
        e("슬프다", E.SADNESS, 1.0),
        e("우울하다", E.SADNESS, 1.0),
        e("속상하다", E.SADNESS, 0.9),
        e("눈물", E.SADNESS, 0.8),
        e("울다", E.SADNESS, 0.8),
        e("외롭다", E.SADNESS, 0.8),
        e("아프다", E.SADNESS, 0.6),
        e("허전하다", E.SADNESS, 0.7),
        e("망하다", E.SADNESS, 0.8),
        # 미안함
        e("미안하다", E.SORRY, 1.0),
        e("미안", E.SORRY, 1.0),
        e("죄송하다", E.SORRY, 1.0),
        e("죄송", E.SORRY, 1.0),
        e("잘못하다", E.SORRY, 0.7),
        # 당황
        e("당황", E.EMBARRASSMENT, 1.0),
        e("당황하다", E.EMBARRASSMENT, 1.0),
        e("당황스럽다", E.EMBARRASSMENT, 1.0),
        e("놀라다", E.EMBARRASSMENT, 0.6),
        e("헐", E.EMBARRASSMENT, 0.5),
        e("부끄럽다", E.EMBARRASSMENT, 0.8),
        e("창피하다", E.EMBARRASSMENT, 0.8),
        e("쑥스럽다", E.EMBARRASSMENT, 0.7),
        e("민망하다", E.EMBARRASSMENT, 0.8),
        e("어색하다", E.EMBARRASSMENT, 0.7),
        e("멘붕", E.EMBARRASSMENT, 0.9),
        # 무관심
        e("별로", E.INDIFFERENCE, 0.5),
        e("재미없다", E.INDIFFERENCE, 0.8),
        e("상관없다", E.INDIFFERENCE, 0.7),
        e("아무거나", E.INDIFFERENCE, 0.4),
    ]


LEXICON: dict[str, list[Entry]] = {}
for _entry in _entries():
    LEXICON.setdefault(_entry.lemmas[0], []).append(_entry)
for _list in LEXICON.values():
    _list.sort(key=lambda x: -len(x.lemmas))

# 안 / 못 before a predicate; 않다 / 못하다 / 말다 / 없다 after it.
NEGATORS_BEFORE = frozenset({"안", "못", "전혀"})
NEGATORS_AFTER = frozenset({"않다", "못하다", "말다", "없다"})

# Multipliers for the next (or, in chat, the previous) emotional word.
INTENSIFIERS: dict[str, float] = {
    "너무": 1.5, "진짜": 1.5, "정말": 1.5, "완전": 1.5, "엄청": 1.5, "많이": 1.4,
    "넘": 1.4, "되게": 1.4, "겁나": 1.5, "아주": 1.4, "매우": 1.4, "제일": 1.4, "진심": 1.5,
    "레알": 1.5, "개": 1.6, "핵": 1.6, "존나": 1.6, "졸라": 1.5, "무지": 1.4, "굉장히": 1.4,
    "몹시": 1.4, "꽤": 1.2, "계속": 1.2, "자꾸": 1.2,
    "좀": 0.7, "조금": 0.7, "약간": 0.7, "살짝": 0.7,
}

# Objects that make 보고 싶다 about a person (너 보고 싶어), not a thing (영화 보고 싶어).
PERSON_WORDS = frozenset({"너", "당신", "자기", "오빠", "언니", "누나", "형", "쌤", "님", "얼굴"})


@dataclass(frozen=True, slots=True)
class SurfacePattern:
    pattern: re.Pattern[str]
    label: E
    weight: float
    cue: str


def _p(regex: str, label: E, weight: float, cue: str) -> SurfacePattern:
    return SurfacePattern(re.compile(regex), label, weight, cue)


SURFACE = [
    _p(r"대박", E.JOY, 0.6, "대박"),
    _p(r"아싸|앗싸|야호", E.JOY, 0.8, "환호"),
    _p(r"짱", E.JOY, 0.5, "짱"),
    _p(r"심쿵", E.EXCITEMENT, 1.0, "심쿵"),
    _p(r"보고시퍼|보구\s?싶|보고파", E.LONGING, 1.0, "보고 싶음"),
    _p(r"왜\s*(?:\S+\s*){0,3}?(?:연락|답장|전화|카톡)\s*(?:\S+\s*){0,2}?(?:안|없|못)", E.HURT, 1.0, "연락에 대한 서운함"),
    _p(r"(?:연락|답장|카톡)\s*(?:이|도)?\s*(?:왜\s*)?(?:이렇게|너무|계속)?\s*(?:늦|없)", E.HURT, 0.7, "연락이 늦음"),
    _p(r"에휴|하아+|후우+|하\.\.\.", E.TIRED, 0.6, "한숨"),
    _p(r"쏘리|쏴리|sorry", E.SORRY, 0.8, "쏘리"),
    _p(r"thx|thanks|고마버|고맙당", E.GRATITUDE, 0.8, "고마움 표현"),
    _p(r"됐거든|됐어\s*$|됐다\s*$", E.HURT, 0.6, "됐어"),
]

EMOTICONS = [
    _p(r"ㅡㅡ|-_-", E.ANNOYANCE, 0.8, "ㅡㅡ"),
    _p(r";;+", E.EMBARRASSMENT, 0.6, ";;"),
    _p(r"\^\^|\^_\^|\^\^;?|:\)", E.JOY, 0.4, "^^"),
    _p(r"♥|♡|<3", E.AFFECTION, 0.8, "하트"),
]

LAUGHTER = re.compile(r"[ㅋ]{1,}|[ㅎ]{2,}|(?<![가-힣])ㅎ(?![가-힣])|크크+|키키+|하하+|히히+|흐흐+|헤헤+|캬캬+")
CRYING = re.compile(r"[ㅠㅜ]{1,}|흑흑+|엉엉|훌쩍")

# Emoji: the first matching group wins for each character.
EMOJI: list[tuple[str, E, float]] = [
    ("😍🥰😘💕💖💗💓💞❤️❤🧡💛💚💙💜🤍💘😻", E.AFFECTION, 0.9),
    ("😊☺🙂😄😁😆😀😃🤗😎🥳🎉👍👏✨", E.JOY, 0.6),
    ("😂🤣", E.JOY, 0.8),
    ("😳🫣", E.EMBARRASSMENT, 0.6),
    ("😅", E.EMBARRASSMENT, 0.4),
    ("😢😭🥲😿💔", E.SADNESS, 0.8),
    ("🥺", E.HURT, 0.5),
    ("😡😠🤬😤🙄", E.ANNOYANCE, 0.8),
    ("😴🥱😪😮‍💨", E.TIRED, 0.8),
    ("😟😰😥😨", E.WORRY, 0.7),
    ("🙏", E.GRATITUDE, 0.5),
]
EMOJI_CHARS = re.compile(
    "[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\u2665\u263A]\uFE0F?"
)

# One-word answers that, on their own, read as low interest in a dating chat.
DRY_REPLIES: dict[str, float] = {
    "ㅇㅇ": 1.0, "ㅇ": 1.0, "응": 0.8, "어": 0.8, "엉": 0.6, "웅": 0.5, "ㅇㅋ": 0.8,
    "오키": 0.6, "오케이": 0.6, "ok": 0.7, "그래": 0.8, "그래요": 0.7, "그러자": 0.4,
    "네": 0.8, "넹": 0.4, "넵": 0.6, "예": 0.8, "알겠어": 0.8, "알겠어요": 0.7, "알았어": 0.8,
    "알겠습니다": 0.7, "그렇구나": 0.6, "그렇군요": 0.6, "아그래": 0.7, "아그래요": 0.6,
    "그래서": 0.6, "몰라": 0.5, "글쎄": 0.6, "글쎄요": 0.6, "음": 0.7, "흠": 0.7, "ㄴㄴ": 0.6,
    "아니": 0.5, "됐어": 0.6,
}


def dry_key(text: str) -> str:
    """The message reduced to letters, for the dry-reply check (``"그래."`` -> ``"그래"``)."""
    return re.sub(r"[\s.!?~…,]+", "", text).lower()
