"""Concrete details a reply can pick up: when (주말, 토요일 저녁), what (영화, 커피), why (야근),
where (합정, 강남역)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.emotion.lexicon import LEXICON
from ai.korean.morph import analyse
from ai.korean.signals import is_media_placeholder


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str  # as written, e.g. "이번 주말", "토요일 저녁"
    adverbial: str  # ready to put before a verb: "이번 주말에", "내일"


@dataclass(frozen=True, slots=True)
class Activity:
    """Something two people can do together, with what it takes to conjugate a proposal."""

    key: str  # canonical noun, e.g. "영화"
    object: str  # what comes before the verb, e.g. "영화", "전시 보러", "맥주 한잔"
    verb: str  # its verb stem, e.g. "보", "가", "하"
    attached: bool = False  # "산책" + "하" -> "산책할래요" (no space)


@dataclass(frozen=True, slots=True)
class MessageDetails:
    """Concrete things found in a message that a reply can pick up."""

    times: tuple[TimeExpression, ...] = ()
    activities: tuple[Activity, ...] = ()
    topics: tuple[str, ...] = ()  # other content nouns (회사, 면접, 비, …)
    causes: tuple[str, ...] = ()  # nouns that explain a mood (야근, 회의, 시험, …)

    @property
    def time(self) -> TimeExpression | None:
        return self.times[0] if self.times else None

    @property
    def activity(self) -> Activity | None:
        return self.activities[0] if self.activities else None


def _a(key: str, obj: str | None = None, verb: str = "하", attached: bool = False) -> Activity:
    return Activity(key, obj or key, verb, attached)


ACTIVITIES: dict[str, Activity] = {
    a.key: a
    for a in [
        _a("영화", "영화", "보"), _a("밥", "밥", "먹"), _a("저녁", "저녁", "먹"), _a("점심", "점심", "먹"),
        _a("커피", "커피", "마시"), _a("카페", "카페", "가"), _a("술", "한잔", "하"),
        _a("맥주", "맥주 한잔", "하"), _a("와인", "와인 한잔", "하"), _a("산책", "산책", "하", True),
        _a("전시", "전시 보러", "가"), _a("전시회", "전시 보러", "가"), _a("공연", "공연 보러", "가"),
        _a("콘서트", "콘서트 가러", "가"), _a("뮤지컬", "뮤지컬 보러", "가"), _a("연극", "연극 보러", "가"),
        _a("드라이브", "드라이브", "가"), _a("맛집", "맛집", "가"), _a("등산", "등산", "가"),
        _a("노래방", "노래방", "가"), _a("여행", "여행", "가"), _a("한강", "한강", "가"),
        _a("러닝", "러닝", "하", True), _a("달리기", "달리기", "하", True), _a("조깅", "조깅", "하", True),
        _a("운동", "운동", "하", True), _a("헬스", "운동", "하", True), _a("요리", "요리", "하", True),
        _a("게임", "게임", "하", True), _a("보드게임", "보드게임", "하", True), _a("쇼핑", "쇼핑", "하", True),
        _a("캠핑", "캠핑", "가"), _a("치킨", "치킨", "먹"), _a("디저트", "디저트", "먹"),
        _a("고기", "고기", "먹"), _a("파스타", "파스타", "먹"), _a("떡볶이", "떡볶이", "먹"),
        _a("책", "책", "읽"), _a("독서", "책", "읽"), _a("사진", "사진 찍으러", "가"),
        _a("클라이밍", "클라이밍", "하", True), _a("테니스", "테니스", "치"), _a("골프", "골프", "치"),
        _a("볼링", "볼링", "치"), _a("수영", "수영", "하", True), _a("자전거", "자전거", "타"),
        _a("피크닉", "피크닉", "가"), _a("방탈출", "방탈출", "하", True), _a("야구", "야구 보러", "가"),
        _a("축구", "축구 보러", "가"), _a("요가", "요가", "하", True), _a("필라테스", "필라테스", "하", True),
        _a("빵", "빵집 투어", "하"), _a("베이킹", "베이킹", "하", True), _a("스키", "스키", "타"),
        _a("보드", "보드", "타"), _a("서핑", "서핑", "하", True), _a("낚시", "낚시", "가"),
    ]
}

# Nouns that explain a mood; shown as a reply would say them.
CAUSES: dict[str, str] = {
    "회사": "회사 일", "야근": "야근", "회의": "회의", "상사": "상사", "팀장": "팀장님", "부장": "부장님",
    "과장": "과장님", "사장": "사장님", "교수": "교수님", "과제": "과제", "시험": "시험", "면접": "면접",
    "발표": "발표", "출근": "출근", "알바": "알바", "업무": "일", "일": "일", "마감": "마감",
    "프로젝트": "프로젝트", "수업": "수업", "손님": "손님", "보고서": "보고서",
    "출장": "출장", "이사": "이사", "공부": "공부", "야간": "야간 근무", "실험": "실험", "논문": "논문",
}

_NOT_TOPICS = frozenset(
    {"시간", "생각", "연락", "진짜", "정말", "오늘", "지금", "때문", "얘기", "말", "사람", "기분", "마음",
     "하루", "우리", "그때", "다음", "이번", "정도", "약속", "답장", "카톡", "문자", "전화", "덕분"}
)

_SHORT_TOPICS = frozenset({"비", "눈", "술", "책", "차", "집", "꽃", "옷", "꿈", "곰", "개", "산", "바다"})

_DAY = r"(?:[월화수목금토일]요일|[월화수목금토일]욜)"
_PART = r"(?:아침|점심|오후|저녁|밤)"
_HOUR = r"\d{1,2}\s?시(?:\s?반|\s?\d{1,2}\s?분)?"
_TIME_PATTERNS = [
    rf"(?:(?:이번|다음|담)\s?주\s?)?(?:오늘|내일|낼|모레|{_DAY})\s?(?:{_PART}\s?)?{_HOUR}",
    rf"(?:이번|다음|담|다다음)\s?주\s?(?:말|{_DAY})(?:\s?{_PART})?",
    r"(?:이번|다음|담)\s?달\s?\d{1,2}\s?일",
    r"(?:이번|다음|담)\s?주",
    rf"{_DAY}(?:\s?{_PART})?",
    rf"(?:오늘|내일|낼|모레)\s?{_PART}",
    r"주말|평일|연휴|휴일|쉬는\s?날",
    r"퇴근\s?(?:후|하고)",
    r"오늘|내일|낼|모레|이따가?|나중에|조만간|언제",
    rf"(?:{_PART}\s?)?{_HOUR}",
    r"크리스마스|생일|기념일|새해",
]
_TIME_RE = re.compile("|".join(f"(?:{p})" for p in _TIME_PATTERNS))
_NO_PARTICLE = re.compile(r"^(?:오늘|내일|낼|모레|이따가?|나중에|조만간|언제)$|하고$")
_PLACE = re.compile(r"[가-힣]{1,4}역|홍대|강남|성수|이태원|한남|연남|여의도|잠실|신촌|합정|건대|종로|을지로|명동|판교|광화문|삼청동|망원|익선동|서촌|압구정|신사|해운대|서면")


def find_place(text: str) -> str | None:
    """A meeting place named in the message (강남역, 성수)."""
    m = _PLACE.search(text)
    return m.group(0) if m else None


def adverbial(time_text: str) -> str:
    t = re.sub(r"\s+", " ", time_text.strip())
    if _NO_PARTICLE.search(t):
        return "내일" if t == "낼" else t
    return t + "에"


def find_times(text: str) -> tuple[TimeExpression, ...]:
    out: list[TimeExpression] = []
    for m in _TIME_RE.finditer(text):
        t = re.sub(r"\s+", " ", m.group(0).strip())
        if re.search(r"시(?: 반|\s?\d+\s?분)?$", t) and not re.search(r"\d", t):
            continue
        if t not in (x.text for x in out):
            out.append(TimeExpression(t, adverbial(t)))
    return tuple(out)


def extract_details(text: str) -> MessageDetails:
    text = "\n".join(line for line in text.splitlines() if not is_media_placeholder(line))  # "사진" is not a plan to take photos
    morphs = analyse(text)
    times = find_times(text)
    time_words = {w for t in times for w in t.text.split()}
    activities: list[Activity] = []
    causes: list[str] = []
    topics: list[str] = []
    for m in morphs:
        if not m.is_noun:
            continue
        word = m.form
        act = ACTIVITIES.get(word)
        if act is not None and word not in time_words:
            if act not in activities:
                activities.append(act)
            continue
        if word in CAUSES:
            if CAUSES[word] not in causes:
                causes.append(CAUSES[word])
            continue
        if word in time_words or (len(word) < 2 and word not in _SHORT_TOPICS) or word in _NOT_TOPICS or word in LEXICON:
            continue
        if word not in topics:
            topics.append(word)
    if "영화" in text and not any(a.key == "영화" for a in activities):
        activities.append(ACTIVITIES["영화"])
    return MessageDetails(times, tuple(activities), tuple(topics[:4]), tuple(causes))
