"""Conversation figures of one chat room, computed in SQL in a single statement.

`InsightStore.room_insights` reads the room's messages once, in `(sent_at, id)` order, and
returns per-sender counts and medians for the whole window and for each local ISO week. The
scoring that turns them into an interest score lives in `ai.insights`; nothing here judges.

Definitions (all documented in the statement below too):

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
- Reply to a question: a reply where the other side asked a question since the replier's own
  last message (the question need not be the very last message of the burst: "뭐해?" followed
  by "ㅋㅋ" still asks).
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
probe for the context message), two window passes over rows already in order, and two
aggregations over the window's rows. Only standard PostgreSQL that Aurora DSQL accepts: no
temporary tables, no GROUPING SETS (a UNION ALL of two GROUP BYs over one CTE instead).
"""

from __future__ import annotations

import uuid
import zoneinfo
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

import asyncpg

SENDERS = ("ME", "PARTNER", "OTHER")

# Trailing decorations allowed after an interrogative ending.
_TAIL = r"[[:space:]ㅋㅎㅠㅜ~!.,^;:)(\u2600-\u27BF\U0001F300-\U0001FAFF]*$"
_ENDINGS = (
    r"(([^니아]|[습입합됩십]니)까요?|나요|냐|[^아언머]니|어때요?|뭐해요?|뭐함|뭐하세요"
    r"|어디야|누구야|언제야|왜요)"
)
QUESTION_ENDING = _ENDINGS + _TAIL
QUESTION_MARK = r"[?？]"
LINK = r"https?://[^[:space:]]+"
LAUGHTER = r"[ㅋㅎ]{2,}|하하|히히|헤헤|흐흐|크크|키키|깔깔|낄낄"
EMOTICON = (
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]"
    r"|\^[_.oㅅㅂ-]?\^|[:;]-?[)(DPp]|>[_.ㅅ]?<|-_-|ㅡ[_.]?ㅡ|=_=|[ㅇㅎ][ㅅㅁ_][ㅇㅎ]"
)


def _lit(pattern: str) -> str:
    """A constant regular expression as an SQL string literal (never user input)."""
    return "'" + pattern.replace("'", "''") + "'"


_AGGREGATES = """
    count(*)::int AS message_count,
    count(*) FILTER (WHERE kind = 'TEXT')::int AS text_count,
    (avg(char_length(body)) FILTER (WHERE kind = 'TEXT'))::float8 AS average_length,
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

# $1 owner, $2 room, $3 start, $4 end, $5 silence (interval), $6 time zone name.
_ROOM_INSIGHTS = f"""
WITH room AS (
    SELECT c.id FROM chat_rooms c WHERE c.id = $2 AND c.user_id = $1 AND c.deleted_at IS NULL
),
picked AS (
    SELECT m.id, m.sender, m.body, m.kind, m.sent_at, true AS counted
    FROM room r JOIN messages m ON m.room_id = r.id
    WHERE m.user_id = $1
      AND m.sent_at >= coalesce($3::timestamptz, '-infinity')
      AND m.sent_at < coalesce($4::timestamptz, 'infinity')
    UNION ALL
    -- context only: the last message before the window (none when $3 is NULL)
    (SELECT m.id, m.sender, m.body, m.kind, m.sent_at, false AS counted
     FROM room r JOIN messages m ON m.room_id = r.id
     WHERE m.user_id = $1 AND m.sent_at < $3::timestamptz
     ORDER BY m.sent_at DESC, m.id DESC
     LIMIT 1)
),
marked AS (
    SELECT p.*,
        row_number() OVER w AS rn,
        lag(p.sender) OVER w AS prev_sender,
        p.sent_at - lag(p.sent_at) OVER w AS gap,
        (p.kind = 'TEXT' AND (
            (p.body ~ {_lit(QUESTION_MARK)}
             AND (p.body !~ 'https?://'
                  OR regexp_replace(p.body, {_lit(LINK)}, '', 'g') ~ {_lit(QUESTION_MARK)}))
            OR p.body ~ {_lit(QUESTION_ENDING)}
        )) AS question
    FROM picked p
    WINDOW w AS (ORDER BY p.sent_at, p.id)
),
threaded AS (
    -- the position of each side's latest message and latest question before this row
    SELECT k.*,
        max(CASE WHEN k.sender = 'ME' THEN k.rn END) OVER before AS my_last,
        max(CASE WHEN k.sender = 'PARTNER' THEN k.rn END) OVER before AS partner_last,
        max(CASE WHEN k.sender = 'ME' AND k.question THEN k.rn END) OVER before AS my_last_question,
        max(CASE WHEN k.sender = 'PARTNER' AND k.question THEN k.rn END) OVER before
            AS partner_last_question
    FROM marked k
    WINDOW before AS (ORDER BY k.sent_at, k.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
replies AS (
    SELECT t.*,
        CASE WHEN t.sender IN ('ME', 'PARTNER') AND t.prev_sender IN ('ME', 'PARTNER')
                  AND t.sender <> t.prev_sender AND t.gap < $5::interval
             THEN extract(epoch FROM t.gap)::float8 END AS latency,
        CASE t.sender
            WHEN 'ME' THEN t.partner_last_question > coalesce(t.my_last, 0)
            WHEN 'PARTNER' THEN t.my_last_question > coalesce(t.partner_last, 0)
            ELSE false
        END AS after_question
    FROM threaded t
    WHERE t.counted
),
facts AS (
    SELECT r.sender, r.kind, r.body, r.question,
        date_trunc('week', r.sent_at AT TIME ZONE $6::text)::date AS week_start,
        (r.gap IS NULL OR r.gap >= $5::interval) AS starts,
        r.latency AS reply_seconds,
        CASE WHEN r.after_question THEN r.latency END AS question_reply_seconds,
        (r.kind = 'TEXT' AND r.body ~ {_lit(LAUGHTER)}) AS laughter,
        (r.kind = 'EMOTICON' OR (r.kind = 'TEXT' AND r.body ~ {_lit(EMOTICON)})) AS emoticon,
        (extract(hour FROM r.sent_at AT TIME ZONE $6::text) >= 22
         OR extract(hour FROM r.sent_at AT TIME ZONE $6::text) < 2) AS late_night
    FROM replies r
)
SELECT NULL::date AS week_start, sender, {_AGGREGATES}
FROM facts GROUP BY sender
UNION ALL
SELECT week_start, sender, {_AGGREGATES}
FROM facts GROUP BY week_start, sender
ORDER BY week_start NULLS FIRST, sender
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
        return next((row for row in self.totals if row.sender == sender), empty_row(sender))

    def week_starts(self) -> list[date]:
        return sorted({row.week_start for row in self.weeks if row.week_start is not None})

    def week(self, week_start: date, sender: str) -> InsightRow:
        return next(
            (row for row in self.weeks if row.week_start == week_start and row.sender == sender),
            empty_row(sender, week_start),
        )


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
        if silence <= timedelta(0):
            raise ValueError("silence must be positive")
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone: {timezone!r}") from exc
        records = await self._conn.fetch(
            _ROOM_INSIGHTS, self._owner, room_id, start, end, silence, timezone
        )
        rows = [_row(record) for record in records]
        return RoomInsightRows(
            totals=tuple(row for row in rows if row.week_start is None),
            weeks=tuple(row for row in rows if row.week_start is not None),
        )
