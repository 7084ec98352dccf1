"""Conversation figures of one chat room, computed in SQL in a single statement.

`InsightStore.room_insights` reads the room's messages once, in `(sent_at, id)` order, and
returns per-sender counts and medians for the whole window and for each local ISO week. The
scoring that turns them into an interest score lives in `ai.insights`; nothing here judges.

Definitions (all documented in the statement below too):

- Messages: those of the room that readers see — not those of an import still in progress or
  one that failed (the rule of `datastore.stores.messages.VISIBLE`).
- Window: ``start <= sent_at < end``; either bound may be None. The one message just before
  ``start`` (if any) is read as context only: it decides whether the first message of the
  window is a reply (and how fast) or a conversation start, and is never counted itself.
- Conversation start: a message with no message before it, or sent at least ``silence`` after
  the previous message (whoever sent it). Counted for its sender.
- Reply: a ME message right after a PARTNER message, or the reverse, sent less than
  ``silence`` later. Its latency is the gap to that previous message (the last message of the
  other side's burst). A gap of ``silence`` or more is not a slow reply but a new conversation:
  it is excluded from the latency medians (not capped), so a night's sleep never reads as a
  "10-hour reply". OTHER messages (group chats) are neither replies nor replied to.
- Reply to a question: a reply where one of the last three messages of the other side's burst
  asked a question ("뭐해?" followed by "ㅋㅋ" and a sticker still asks). Three, not the whole
  burst, so that one window pass of lag()s suffices; longer bursts are rare in chats.
- Question (TEXT messages only): a ``?``/``？`` outside links, or a Korean interrogative ending
  before trailing laughter, crying, tildes, punctuation, emoticons or emoji — 까/까요 (not the
  causal 니까, but the formal 습니까/입니까/합니까/됩니까/십니까, and not 아까 "earlier"), 나요,
  냐, 니 (not 아니 "no", 언니, 어머니), 어때(요), 뭐해(요), 뭐함, 뭐하세요, 어디야, 누구야, 언제야,
  왜요. Left out on purpose: 래 (나 잘래 is a statement as often as 갈래 is a question), 죠, 지,
  가요 — they need the ``?`` to count.
- Laughter (TEXT only): ``[ㅋㅎ]{2,}`` or a repeated laughing syllable (하하 히히 헤헤 흐흐 크크
  키키 깔깔 낄낄). A single ㅋ is a dry reaction and does not count.
- Emoticon: a KakaoTalk sticker (kind EMOTICON), or a TEXT message with an emoji (the pictograph
  blocks U+1F300–U+1FAFF, U+2600–U+27BF, ⭐ ⭕) or a typed emoticon (^^ ^_^ :) ;) :D >_< -_- ㅡㅡ =_=
  ㅎㅅㅎ ♥ ♡). Crying (ㅠㅠ) is not an emoticon.
- Late night: the local hour in ``timezone`` is 22, 23, 0 or 1 (22:00 to 02:00).
- Length: ``char_length(body)`` of TEXT messages; ``average_length`` is their mean.
- Week: ``date_trunc('week', local time)``, the Monday of the local ISO week.

Cost: one index range scan on ``messages_by_room (room_id, sent_at, id)`` (plus one backward
probe for the context message), the per-message tests once per row, one window pass, and two
aggregations over narrow rows (about 0.5 s for 100,000 messages, see ``bench/insights.py``).
Only standard PostgreSQL that Aurora DSQL accepts: no temporary tables, no functions, and a
UNION ALL of two GROUP BYs over one CTE rather than GROUPING SETS/ROLLUP (which would save one
sort but appear nowhere in DSQL's list of supported SQL).
"""

from __future__ import annotations

import uuid
import zoneinfo
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import cached_property

import asyncpg

# Trailing decorations allowed after an interrogative ending.
_TAIL = r"[[:space:]ㅋㅎㅠㅜ~!.,^;:)(\u2600-\u27BF\U0001F300-\U0001FAFF]*$"
# Candidates first (literal alternatives are cheap to search), then the exceptions among them.
QUESTION_ENDING = r"(까요?|나요|냐|니|어때요?|뭐해요?|뭐함|뭐하세요|어디야|누구야|언제야|왜요)" + _TAIL
NOT_QUESTION_ENDING = r"(([^습입합됩십]|^)니까요?|아까|아니|언니|머니)" + _TAIL
LINK = r"https?://[^[:space:]]+"
# Laughter as LIKE patterns: byte-wise substring tests cost half a regular expression here.
LAUGHTER = ("ㅋㅋ", "ㅎㅎ", "ㅋㅎ", "ㅎㅋ", "하하", "히히", "헤헤", "흐흐", "크크", "키키", "깔깔", "낄낄")
_EMOJI = r"\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55"
EMOTICON = (
    rf"[{_EMOJI}]"
    r"|\^[_.oㅅㅂ-]?\^|[:;]-?[)(DPp]|>[_.ㅅ]?<|-_-|ㅡ[_.]?ㅡ|=_=|[ㅇㅎ][ㅅㅁ_][ㅇㅎ]"
)
# Every character an EMOTICON match contains one of: a one-class test, cheap, that lets only
# about one message in ten reach the alternation.
EMOTICON_HINT = rf"[{_EMOJI}^:;>ㅡ=ㅅㅁ_-]"


def _lit(pattern: str) -> str:
    """A constant regular expression as an SQL string literal (never user input)."""
    return "'" + pattern.replace("'", "''") + "'"


def _question(m: str) -> str:
    """Whether message alias `m` asks something (see the module doc)."""
    return f"""CASE
            WHEN {m}.kind <> 'TEXT' THEN false
            WHEN strpos({m}.body, '?') > 0 OR strpos({m}.body, '？') > 0 THEN
                strpos({m}.body, '://') = 0
                OR regexp_replace({m}.body, {_lit(LINK)}, '', 'g') ~ '[?？]'
            WHEN {m}.body ~ {_lit(QUESTION_ENDING)} THEN {m}.body !~ {_lit(NOT_QUESTION_ENDING)}
            ELSE false
        END"""


QUESTION_BIT, LAUGHTER_BIT, EMOTICON_BIT = 1, 2, 4


def _laughter(m: str) -> str:
    pairs = " OR ".join(f"{m}.body LIKE '%{pair}%'" for pair in LAUGHTER)
    return f"({m}.kind = 'TEXT' AND ({pairs}))"


def _emoticon(m: str) -> str:
    return (
        f"({m}.kind = 'EMOTICON' OR ({m}.kind = 'TEXT' AND {m}.body ~ {_lit(EMOTICON_HINT)}"
        f" AND {m}.body ~ {_lit(EMOTICON)}))"
    )


def signals_sql(m: str) -> str:
    """The signals bitmask of message alias `m` (columns `kind`, `body`), stored at write time."""
    return (
        f"((CASE WHEN {_question(m)} THEN {QUESTION_BIT} ELSE 0 END)"
        f" | (CASE WHEN {_laughter(m)} THEN {LAUGHTER_BIT} ELSE 0 END)"
        f" | (CASE WHEN {_emoticon(m)} THEN {EMOTICON_BIT} ELSE 0 END))::smallint"
    )


def _signal(m: str, bit: int, computed: str) -> str:
    """The stored signal, or the same test computed now for rows written before signals."""
    return f"(CASE WHEN {m}.signals IS NOT NULL THEN ({m}.signals & {bit}) <> 0 ELSE {computed} END)"


# The same rule as `messages.VISIBLE` (an import's messages appear when it completes), written
# as an uncorrelated IN so that it is one hashed lookup rather than a probe per message.
_VISIBLE = (
    "(m.import_id IS NULL OR m.import_id IN (SELECT i.id FROM chat_imports i"
    " WHERE i.user_id = $1 AND i.room_id = r.room_id AND i.status = 'COMPLETED'))"
)

_AGGREGATES = """
    count(*)::int AS message_count,
    count(text_length)::int AS text_count,
    avg(text_length)::float8 AS average_length,
    count(*) FILTER (WHERE question)::int AS question_count,
    count(*) FILTER (WHERE laughter)::int AS laughter_count,
    count(*) FILTER (WHERE emoticon)::int AS emoticon_count,
    count(*) FILTER (WHERE late_night)::int AS late_night_count,
    count(*) FILTER (WHERE starts)::int AS conversations_started,
    count(reply_seconds)::int AS reply_count,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY reply_seconds) AS median_reply_seconds,
    count(question_reply_seconds)::int AS question_reply_count,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY question_reply_seconds)
        AS median_reply_to_question_seconds
"""

# $1 owner, $2 rooms, $3 start, $4 end, $5 silence (interval), $6 time zone name; each room's
# statement runs as a LATERAL subquery over `r.room_id`, so a page of rooms is one statement.
#
# `flagged` is an index range scan, already in (sent_at, id) order, so the one window pass
# needs no sort (when the room is most of the table the planner may prefer a sequential scan
# and a sort of narrow rows); every per-message test runs there once and only narrow rows
# travel further. The context message (the last one before $3) is a one-row InitPlan standing in for
# the missing lag() of the first row. A reply is "to a question" when one of the last three
# messages of the other side's burst asked one (lag 1 to 3, same sender): a question followed
# by "ㅋㅋ" and a sticker still counts, and one window pass suffices.
_ONE_ROOM = f"""
WITH context AS (
    SELECT m.sender, m.sent_at, {_signal('m', QUESTION_BIT, _question('m'))} AS question
    FROM messages m
    WHERE m.user_id = $1 AND m.room_id = r.room_id AND m.sent_at < $3::timestamptz AND {_VISIBLE}
    ORDER BY m.sent_at DESC, m.id DESC
    LIMIT 1
),
flagged AS (
    SELECT m.id, m.sender, m.sent_at,
        CASE WHEN m.kind = 'TEXT' THEN char_length(m.body) END AS text_length,
        {_signal('m', QUESTION_BIT, _question('m'))} AS question,
        {_signal('m', LAUGHTER_BIT, _laughter('m'))} AS laughter,
        {_signal('m', EMOTICON_BIT, _emoticon('m'))} AS emoticon
    FROM messages m
    WHERE m.user_id = $1 AND m.room_id = r.room_id
      AND m.sent_at >= coalesce($3::timestamptz, '-infinity')
      AND m.sent_at < coalesce($4::timestamptz, 'infinity')
      AND {_VISIBLE}
      AND EXISTS (SELECT 1 FROM chat_rooms c WHERE c.id = r.room_id AND c.user_id = $1 AND c.deleted_at IS NULL)
    OFFSET 0  -- a fence: flags are computed once per row, not once per lag() that reads them
),
marked AS (
    SELECT f.sender, f.text_length, f.question, f.laughter, f.emoticon,
        f.sent_at AT TIME ZONE $6::text AS local_at,
        f.sent_at - coalesce(lag(f.sent_at) OVER w, (SELECT sent_at FROM context)) AS gap,
        coalesce(lag(f.sender) OVER w, (SELECT sender FROM context)) AS sender1,
        coalesce(lag(f.question) OVER w, (SELECT question FROM context)) AS question1,
        lag(f.sender, 2) OVER w AS sender2,
        lag(f.question, 2) OVER w AS question2,
        lag(f.sender, 3) OVER w AS sender3,
        lag(f.question, 3) OVER w AS question3
    FROM flagged f
    WINDOW w AS (ORDER BY f.sent_at, f.id)
),
replies AS (
    SELECT k.*,
        CASE WHEN k.sender IN ('ME', 'PARTNER') AND k.sender1 IN ('ME', 'PARTNER')
                  AND k.sender <> k.sender1 AND k.gap < $5::interval
             THEN date_part('epoch', k.gap) END AS reply_seconds,
        (k.question1
         OR (k.question2 AND k.sender2 = k.sender1)
         OR (k.question3 AND k.sender3 = k.sender1 AND k.sender2 = k.sender1)) AS after_question
    FROM marked k
),
facts AS (
    SELECT r.sender, r.text_length, r.question, r.laughter, r.emoticon,
        date_trunc('week', r.local_at)::date AS week_start,
        (r.local_at::time >= '22:00' OR r.local_at::time < '02:00') AS late_night,
        (r.gap IS NULL OR r.gap >= $5::interval) AS starts,
        r.reply_seconds,
        CASE WHEN r.after_question THEN r.reply_seconds END AS question_reply_seconds
    FROM replies r
)
SELECT NULL::date AS week_start, sender, {_AGGREGATES}
FROM facts GROUP BY sender
UNION ALL
SELECT week_start, sender, {_AGGREGATES}
FROM facts GROUP BY week_start, sender
"""

_ROOMS_INSIGHTS = f"""
SELECT r.room_id, x.* FROM unnest($2::uuid[]) AS r(room_id)
CROSS JOIN LATERAL ({_ONE_ROOM}) x
ORDER BY r.room_id, x.week_start NULLS FIRST, x.sender
"""


@dataclass(frozen=True)
class InsightRow:
    """One sender's figures over the window (``week_start`` None) or over one local week."""

    sender: str  # ME | PARTNER | OTHER
    week_start: date | None
    message_count: int
    text_count: int
    average_length: float | None  # mean char_length of TEXT messages
    question_count: int  # of TEXT messages
    laughter_count: int  # of TEXT messages
    emoticon_count: int  # stickers plus TEXT messages with an emoji or emoticon
    late_night_count: int  # all kinds, 22:00-02:00 local
    conversations_started: int
    reply_count: int
    median_reply_seconds: float | None
    question_reply_count: int
    median_reply_to_question_seconds: float | None


def empty_row(sender: str, week_start: date | None = None) -> InsightRow:
    return InsightRow(sender, week_start, 0, 0, None, 0, 0, 0, 0, 0, 0, None, 0, None)


@dataclass(frozen=True)
class RoomInsightRows:
    totals: tuple[InsightRow, ...]  # one per sender present, sender order
    weeks: tuple[InsightRow, ...]  # one per (week, sender) present, oldest week first

    def total(self, sender: str) -> InsightRow:
        """The sender's figures over the window (zeros when the sender wrote nothing)."""
        return next((row for row in self.totals if row.sender == sender), empty_row(sender))

    def week_starts(self) -> list[date]:
        """The Mondays of the weeks with any message, oldest first."""
        return sorted({row.week_start for row in self.weeks if row.week_start is not None})

    def week(self, week_start: date, sender: str) -> InsightRow:
        """The sender's figures in one week (zeros when the sender wrote nothing that week)."""
        return self._by_week.get((week_start, sender)) or empty_row(sender, week_start)

    @cached_property
    def _by_week(self) -> dict[tuple[date | None, str], InsightRow]:
        return {(row.week_start, row.sender): row for row in self.weeks}


_FIELDS = tuple(f.name for f in fields(InsightRow))


def _row(record: asyncpg.Record) -> InsightRow:
    return InsightRow(**{name: record[name] for name in _FIELDS})


class InsightStore:
    """Conversation figures of the owner's rooms. Every statement is scoped to the owner."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def room_insights(
        self,
        room_id: uuid.UUID,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        silence: timedelta = timedelta(hours=6),
        timezone: str = "Asia/Seoul",
    ) -> RoomInsightRows:
        """Figures of one room over ``start <= sent_at < end``; empty for a room that is not the
        owner's (or is deleted), so callers look the room up first to tell "not found" apart."""
        found = await self.rooms_insights([room_id], start=start, end=end, silence=silence, timezone=timezone)
        return found[room_id]

    async def rooms_insights(
        self,
        room_ids: list[uuid.UUID],
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        silence: timedelta = timedelta(hours=6),
        timezone: str = "Asia/Seoul",
    ) -> dict[uuid.UUID, RoomInsightRows]:
        """`room_insights` of several rooms over the same window, in one statement."""
        if silence <= timedelta(0):
            raise ValueError("silence must be positive")
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone: {timezone!r}") from exc
        records = await self._conn.fetch(_ROOMS_INSIGHTS, self._owner, room_ids, start, end, silence, timezone)
        by_room: dict[uuid.UUID, list[InsightRow]] = {room_id: [] for room_id in room_ids}
        for record in records:
            by_room[record["room_id"]].append(_row(record))
        return {
            room_id: RoomInsightRows(
                totals=tuple(row for row in rows if row.week_start is None),
                weeks=tuple(row for row in rows if row.week_start is not None),
            )
            for room_id, rows in by_room.items()
        }
