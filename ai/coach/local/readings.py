"""What the local engine reads in a message beyond its emotion: the intent, with its evidence,
and the concrete details (times, activities, topics, causes) a reply can pick up.

The emotion reading is `ai.emotion.types.EmotionResult`, shared with every analyser.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Intent(enum.Enum):
    QUESTION = "QUESTION"
    INVITATION = "INVITATION"
    ACCEPTANCE = "ACCEPTANCE"  # yes to the user's proposal
    DECLINE = "DECLINE"  # no / not now to a proposal
    THANKS = "THANKS"
    APOLOGY = "APOLOGY"
    COMPLAINT = "COMPLAINT"  # 서운함 or blame aimed at the user
    VENTING = "VENTING"  # a hard day, aimed at something else
    GREETING = "GREETING"
    LATE_NIGHT_CHECKIN = "LATE_NIGHT_CHECKIN"
    SHARING_NEWS = "SHARING_NEWS"
    COMPLIMENT = "COMPLIMENT"
    TEASING = "TEASING"
    MISSING_YOU = "MISSING_YOU"
    AFFECTION = "AFFECTION"  # 좋아해 / 사랑해
    CLOSING = "CLOSING"  # good night, talk later
    ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT"  # 응, ㅇㅇ, 그래: a dry short answer
    SMALL_TALK = "SMALL_TALK"

    @property
    def korean(self) -> str:
        return _INTENT_KOREAN[self]


_INTENT_KOREAN = {
    Intent.QUESTION: "질문",
    Intent.INVITATION: "제안·약속",
    Intent.ACCEPTANCE: "수락",
    Intent.DECLINE: "거절·미룸",
    Intent.THANKS: "감사",
    Intent.APOLOGY: "사과",
    Intent.COMPLAINT: "서운함 표현",
    Intent.VENTING: "하소연",
    Intent.GREETING: "인사",
    Intent.LATE_NIGHT_CHECKIN: "늦은 밤 연락",
    Intent.SHARING_NEWS: "소식 공유",
    Intent.COMPLIMENT: "칭찬",
    Intent.TEASING: "장난",
    Intent.MISSING_YOU: "보고 싶음",
    Intent.AFFECTION: "애정 표현",
    Intent.CLOSING: "마무리 인사",
    Intent.ACKNOWLEDGEMENT: "짧은 대답",
    Intent.SMALL_TALK: "일상 대화",
}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str  # as written, e.g. "이번 주말", "토요일 저녁"
    adverbial: str  # ready to put before a verb: "이번 주말에", "내일"


@dataclass(frozen=True, slots=True)
class Activity:
    """Something two people can do together, with what it takes to conjugate a proposal."""

    key: str  # canonical noun, e.g. "영화"
    object: str  # what comes before the verb, e.g. "영화", "전시 보러", "맥주 한잔"
    verb: str  # a stem from details.VERBS, e.g. "보", "가", "하"
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


@dataclass(frozen=True, slots=True)
class IntentHit:
    intent: Intent
    score: float  # 0..1
    evidence: tuple[str, ...]  # the words or rule that triggered it


@dataclass(frozen=True, slots=True)
class IntentReading:
    primary: Intent
    confidence: float
    secondary: tuple[IntentHit, ...]
    evidence: tuple[str, ...]  # the primary intent's evidence
    interpretation: str  # one Korean sentence: what the partner likely means
    reply_expected: bool
    details: MessageDetails = field(default_factory=MessageDetails)
    indirect: bool = False  # e.g. "주말에 뭐 해요?" as a veiled invitation
    late_night: bool = False

    @property
    def intents(self) -> tuple[Intent, ...]:
        return (self.primary, *(h.intent for h in self.secondary))

    def has(self, intent: Intent) -> bool:
        return intent in self.intents
