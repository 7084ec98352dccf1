"""Conversation insights and the partner's interest score, from the figures of one room.

Pure functions over the per-sender figures that `datastore.stores.insights` computes in SQL
(anything with the attributes of `SideFigures` will do): no connection, no clock, no randomness.

Rates: ``question_rate`` and ``laughter_rate`` are shares of the side's TEXT messages (a photo
cannot ask or laugh); ``emoticon_rate`` (stickers included) and ``late_night_share`` are shares
of all its messages. Rates are rounded to 4 decimals, ``average_length`` to 2.

The interest score (0-100) estimates how interested the PARTNER seems, in the spirit of
"연애의 과학": every factor compares the partner with the user, because texting tempo and habits
differ from couple to couple — a partner who answers in ten minutes is eager next to a user who
takes an hour, and lukewarm next to one who answers at once. It starts at 50; each factor adds
a bounded number of points; the sum is clamped to 0-100. P is the partner, M the user:

- reply_speed (>= 3 replies each): 6 * log2((M_median + 60) / (P_median + 60)), within +-12.
- question_reply (>= 3 replies to questions each): 3 * log2((M_q_median + 60) / (P_q_median + 60)),
  within +-6.
- initiation (>= 3 conversation starts in all): 30 * (P_starts / all_starts - 0.5), within +-15.
- length (>= 5 text messages each): 6 * log2(P_average_length / M_average_length), within +-8.
- questions (>= 5 text messages each): 40 * (P_question_rate - M_question_rate), within +-8.
- warmth (>= 5 messages each): 15 * (P_warmth - M_warmth), within +-6, where warmth is
  min(1, laughter_rate + emoticon_rate).
- late_night (>= 5 messages each): round(10 * P_late) + round(10 * (P_late - M_late)), within
  -4..+6: talking late at night is a sign in itself, more so when the partner does it more.
- balance (>= 10 messages in all): 40 * (P_messages / all_messages - 0.5), within +-10.

Points are rounded half to even (Python's ``round``) before bounding. The 60-second
pseudo-count in the latency ratios keeps minute-precision exports (where many replies take
"0 seconds") from reading as infinitely fast. A factor whose data is missing is left out.

Low data: the evidence is the messages exchanged, n = P_messages + M_messages. Below 40 the
other factors' sum is shrunk towards 50 in proportion, ``round(sum * n / 40)`` — counting the
user's messages too, since thirty unanswered messages are evidence as well. With fewer than 20
partner messages the score is flagged ``low_confidence``. Either case adds a factor of its
own (``low_data``, effect = the shrinkage, possibly 0) saying so, so that ``50 +
sum(effects)`` is always the score before clamping. Factors are listed by the size of their
effect, largest first (model order on ties), the low-data factor last.

The weekly trend scores each local ISO week with the same model on that week's figures (so a
quiet week drifts towards 50), oldest week first; weeks with no ME or PARTNER message are
absent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

BASE_SCORE = 50
CONFIDENT_PARTNER_MESSAGES = 20
FULL_WEIGHT_MESSAGES = 40
LATENCY_PSEUDO_SECONDS = 60.0


class SideFigures(Protocol):
    message_count: int
    text_count: int
    average_length: float | None
    question_count: int
    laughter_count: int
    emoticon_count: int
    late_night_count: int
    conversations_started: int
    reply_count: int
    median_reply_seconds: float | None
    question_reply_count: int
    median_reply_to_question_seconds: float | None


class RoomFigures(Protocol):
    def total(self, sender: str) -> SideFigures: ...
    def week_starts(self) -> list[date]: ...
    def week(self, week_start: date, sender: str) -> SideFigures: ...


@dataclass(frozen=True)
class SideInsights:
    message_count: int
    median_reply_seconds: float | None
    median_reply_to_question_seconds: float | None
    conversations_started: int
    average_length: float  # 0.0 without text messages
    question_rate: float
    laughter_rate: float
    emoticon_rate: float
    late_night_share: float


@dataclass(frozen=True)
class InterestFactor:
    name: str
    korean_label: str
    effect: int  # signed points added to the score
    detail: str  # Korean, for the user


@dataclass(frozen=True)
class InterestScore:
    score: int
    low_confidence: bool
    factors: tuple[InterestFactor, ...]


@dataclass(frozen=True)
class WeeklyInterest:
    week_start: date  # Monday of the local ISO week
    score: int
    partner_messages: int
    my_messages: int


@dataclass(frozen=True)
class ConversationInsights:
    me: SideInsights
    partner: SideInsights
    other_message_count: int  # group chats: everyone but the user and the partner
    interest_score: int
    low_confidence: bool
    factors: tuple[InterestFactor, ...]
    weekly: tuple[WeeklyInterest, ...]


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def side_insights(side: SideFigures) -> SideInsights:
    return SideInsights(
        message_count=side.message_count,
        median_reply_seconds=side.median_reply_seconds,
        median_reply_to_question_seconds=side.median_reply_to_question_seconds,
        conversations_started=side.conversations_started,
        average_length=round(side.average_length or 0.0, 2),
        question_rate=_share(side.question_count, side.text_count),
        laughter_rate=_share(side.laughter_count, side.text_count),
        emoticon_rate=_share(side.emoticon_count, side.message_count),
        late_night_share=_share(side.late_night_count, side.message_count),
    )


# -- Korean wording ------------------------------------------------------------------------


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}초"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes}분"
    hours, rest = divmod(minutes, 60)
    return f"{hours}시간 {rest}분" if rest else f"{hours}시간"


def _after(seconds: float) -> str:
    return "바로" if seconds < 1 else f"{_duration(seconds)} 만에"


def _percent(rate: float) -> str:
    return f"{round(rate * 100)}%"


def _compare(effect: int, better: str, worse: str, same: str) -> str:
    return better if effect > 0 else worse if effect < 0 else same


# -- the factors ---------------------------------------------------------------------------


def _bounded(points: float, low: int, high: int) -> int:
    return max(low, min(high, round(points)))


def _latency_points(mine: float, theirs: float, per_doubling: float) -> float:
    return per_doubling * math.log2((mine + LATENCY_PSEUDO_SECONDS) / (theirs + LATENCY_PSEUDO_SECONDS))


def _reply_speed(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    if p.reply_count < 3 or m.reply_count < 3:
        return None
    ps, ms = p.median_reply_seconds or 0.0, m.median_reply_seconds or 0.0
    effect = _bounded(_latency_points(ms, ps, 6), -12, 12)
    verdict = _compare(effect, "상대가 더 빨라요", "상대가 더 느려요", "속도가 비슷해요")
    return InterestFactor(
        "reply_speed", "답장 속도", effect, f"상대는 보통 {_after(ps)} 답장해요 (나는 {_after(ms)}). {verdict}."
    )


def _question_reply(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    if p.question_reply_count < 3 or m.question_reply_count < 3:
        return None
    ps = p.median_reply_to_question_seconds or 0.0
    ms = m.median_reply_to_question_seconds or 0.0
    effect = _bounded(_latency_points(ms, ps, 3), -6, 6)
    verdict = _compare(effect, "나보다 빨라요", "나보다 느려요", "나와 비슷해요")
    return InterestFactor(
        "question_reply", "질문에 답하는 속도", effect,
        f"내 질문에는 보통 {_after(ps)} 답해요 (나는 {_after(ms)}). {verdict}.",
    )


def _initiation(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    total = p.conversations_started + m.conversations_started
    if total < 3:
        return None
    effect = _bounded(30 * (p.conversations_started / total - 0.5), -15, 15)
    return InterestFactor(
        "initiation", "먼저 연락", effect,
        f"대화 {total}번 중 {p.conversations_started}번을 상대가 먼저 시작했어요.",
    )


def _length(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    if p.text_count < 5 or m.text_count < 5 or not p.average_length or not m.average_length:
        return None
    effect = _bounded(6 * math.log2(p.average_length / m.average_length), -8, 8)
    verdict = _compare(effect, "상대가 더 길게 써요", "상대가 더 짧게 써요", "길이가 비슷해요")
    return InterestFactor(
        "length", "메시지 길이", effect,
        f"상대 메시지는 평균 {round(p.average_length)}자, 내 메시지는 {round(m.average_length)}자예요. {verdict}.",
    )


def _questions(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    if p.text_count < 5 or m.text_count < 5:
        return None
    pr, mr = p.question_count / p.text_count, m.question_count / m.text_count
    effect = _bounded(40 * (pr - mr), -8, 8)
    return InterestFactor(
        "questions", "질문", effect, f"상대 메시지의 {_percent(pr)}가 질문이에요 (나는 {_percent(mr)})."
    )


def _warmth(side: SideFigures) -> float:
    laughter = side.laughter_count / side.text_count if side.text_count else 0.0
    return min(1.0, laughter + side.emoticon_count / side.message_count)


def _warmth_factor(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    if p.message_count < 5 or m.message_count < 5:
        return None
    pw, mw = _warmth(p), _warmth(m)
    effect = _bounded(15 * (pw - mw), -6, 6)
    return InterestFactor(
        "warmth", "웃음·이모티콘", effect,
        f"상대는 ㅋㅋ·이모티콘을 메시지의 {_percent(pw)}에 써요 (나는 {_percent(mw)}).",
    )


def _late_night(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    if p.message_count < 5 or m.message_count < 5:
        return None
    pl, ml = p.late_night_count / p.message_count, m.late_night_count / m.message_count
    effect = max(-4, min(6, round(10 * pl) + round(10 * (pl - ml))))
    return InterestFactor(
        "late_night", "늦은 밤 대화", effect,
        f"상대 메시지의 {_percent(pl)}가 밤 10시~새벽 2시에 와요 (나는 {_percent(ml)}).",
    )


def _balance(p: SideFigures, m: SideFigures) -> InterestFactor | None:
    total = p.message_count + m.message_count
    if total < 10:
        return None
    share = p.message_count / total
    effect = _bounded(40 * (share - 0.5), -10, 10)
    return InterestFactor(
        "balance", "대화량 균형", effect,
        f"주고받은 메시지 중 {_percent(share)}를 상대가 보냈어요 ({p.message_count}개 대 {m.message_count}개).",
    )


_MODEL: tuple[Callable[[SideFigures, SideFigures], InterestFactor | None], ...] = (
    _reply_speed, _question_reply, _initiation, _length, _questions, _warmth_factor, _late_night, _balance,
)


def score_interest(partner: SideFigures, me: SideFigures) -> InterestScore:
    """The partner's apparent interest, with the factors that moved it (see the module doc)."""
    found = [factor for rule in _MODEL if (factor := rule(partner, me)) is not None]
    order = {factor.name: i for i, factor in enumerate(found)}
    factors = sorted(found, key=lambda f: (-abs(f.effect), order[f.name]))
    raw = sum(f.effect for f in factors)
    theirs, exchanged = partner.message_count, partner.message_count + me.message_count
    low_confidence = theirs < CONFIDENT_PARTNER_MESSAGES
    kept = raw
    notes = []
    if exchanged == 0:
        notes.append("아직 주고받은 메시지가 없어요.")
    elif theirs == 0:
        notes.append("상대 메시지가 아직 없어요.")
    elif low_confidence:
        notes.append(f"상대 메시지가 {theirs}개뿐이라 점수가 정확하지 않을 수 있어요.")
    if exchanged < FULL_WEIGHT_MESSAGES:
        kept = round(raw * exchanged / FULL_WEIGHT_MESSAGES)
    if 0 < exchanged < FULL_WEIGHT_MESSAGES:
        notes.append(
            f"주고받은 메시지가 {exchanged}개뿐이라 점수를 50점 쪽으로 당겼어요 "
            f"({FULL_WEIGHT_MESSAGES}개부터 그대로 반영해요)."
        )
    if notes:
        factors.append(InterestFactor("low_data", "데이터 부족", kept - raw, " ".join(notes)))
    return InterestScore(max(0, min(100, BASE_SCORE + kept)), low_confidence, tuple(factors))


def weekly_interest(rows: RoomFigures) -> tuple[WeeklyInterest, ...]:
    weeks = []
    for week_start in rows.week_starts():
        partner, me = rows.week(week_start, "PARTNER"), rows.week(week_start, "ME")
        if partner.message_count == 0 and me.message_count == 0:
            continue
        score = score_interest(partner, me).score
        weeks.append(WeeklyInterest(week_start, score, partner.message_count, me.message_count))
    return tuple(weeks)


def conversation_insights(rows: RoomFigures) -> ConversationInsights:
    partner, me = rows.total("PARTNER"), rows.total("ME")
    interest = score_interest(partner, me)
    return ConversationInsights(
        me=side_insights(me),
        partner=side_insights(partner),
        other_message_count=rows.total("OTHER").message_count,
        interest_score=interest.score,
        low_confidence=interest.low_confidence,
        factors=interest.factors,
        weekly=weekly_interest(rows),
    )
