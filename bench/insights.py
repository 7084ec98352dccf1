"""Benchmark: conversation insights over one 100,000-message room.

    python -m bench.insights [--messages 100000] [--noise 100000] [--runs 15] [--seed 7] [--no-analyze]

Uses $DATABASE_URL's server (in a fresh database, dropped afterwards) or else an embedded
PostgreSQL in a temporary directory. Applies the migrations, generates a realistic room
(two people, bursts and silences, questions, ㅋㅋ, stickers and emoji, late nights, minute
precision as in a KakaoTalk export) plus other owners' rooms as noise, writes them with
asyncpg's COPY, then times `InsightStore.room_insights` and the scoring: the first call and
the median of the following runs. Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone


from ai.insights import conversation_insights
from bench.support import database
from datastore.database import Database, connect_postgres
from datastore.ids import message_ids
from datastore.migrate import migrate
from datastore.stores.insights import InsightStore, signals_sql

KST = timezone(timedelta(hours=9))

_OPENERS = ["뭐해?", "뭐해", "자?", "점심 뭐 먹었어?", "오늘 어땠어?", "나 지금 퇴근!", "굿모닝 ☀️", "보고 싶다"]
_TEXTS = [
    "ㅋㅋㅋㅋ 진짜?", "ㅋㅋㅋ", "헐 대박", "아 진짜 웃기다 ㅋㅋ", "그치 ㅎㅎ", "응응", "나도 그렇게 생각해",
    "오늘 회사에서 완전 정신없었어 회의만 세 개 ㅠㅠ", "주말에 뭐 할까?", "거기 맛있대?", "좋아 ^^",
    "아 그거 봤어? 완전 재밌더라", "배고프다", "언제 시간 돼?", "알겠어~", "ㅎㅎ 고마워", "그럼 내일 보자!",
    "어디야?", "밥은 먹었니", "피곤하다 ㅠ", "내가 갈게", "좋아요 😊", "헐 ㅋㅋㅋ 미쳤다", "음 글쎄",
    "그 영화 같이 볼래?", "요즘 너무 바빠서 연락을 잘 못 했네 미안해", "아니", "ㅇㅇ", "웅", "괜찮아?",
    "진짜 오랜만에 푹 잤어", "비 온대 우산 챙겨", "이거 어때", "잘 자 🌙", "너는?", "흠 ㅋ",
]
_MEDIA = [("사진", "PHOTO"), ("이모티콘", "EMOTICON"), ("동영상", "VIDEO"), ("https://example.com/a?b=1", "LINK")]


def generate_room(count: int, seed: int, start: datetime) -> Iterator[tuple[str, str, str, datetime]]:
    """(sender, body, kind, sent_at) in time order, minute precision as a KakaoTalk export."""
    rng = random.Random(seed)
    now = start
    made = 0
    while made < count:
        # Silence until the next conversation: mostly a few hours, sometimes a night or more.
        now += timedelta(minutes=rng.choice([20, 60, 180, 400, 480, 720, 1200]) * rng.uniform(0.5, 1.5))
        # People talk more in the evening and at night (local time).
        hour = (now.astimezone(KST)).hour
        if 3 <= hour < 8 and rng.random() < 0.8:
            now += timedelta(hours=8 - hour)
        sender = "PARTNER" if rng.random() < 0.45 else "ME"
        first = True
        for _ in range(max(2, int(rng.expovariate(1 / 60)))):
            burst = 1 + int(rng.expovariate(1 / 1.2))
            for i in range(burst):
                if first:
                    body, kind = rng.choice(_OPENERS), "TEXT"
                    first = False
                elif rng.random() < 0.08:
                    body, kind = rng.choice(_MEDIA)
                else:
                    body, kind = rng.choice(_TEXTS), "TEXT"
                yield sender, body, kind, now.replace(second=0, microsecond=0)
                made += 1
                if made >= count:
                    return
                now += timedelta(seconds=rng.uniform(2, 40))
            # The other side answers: the partner a little slower, sometimes much slower.
            median = 150 if sender == "ME" else 90
            now += timedelta(seconds=min(5 * 3600, rng.lognormvariate(0, 1.2) * median))
            sender = "ME" if sender == "PARTNER" else "PARTNER"


def _records(room_id: uuid.UUID, owner: uuid.UUID, import_id: uuid.UUID, rows, created: datetime):
    for sender, body, kind, sent_at in rows:
        name = "나" if sender == "ME" else "지민"
        yield (message_ids(room_id, 1)[0], room_id, owner, sender, name, body, kind, sent_at, import_id, created)


async def _fill(db: Database, owner: uuid.UUID, count: int, seed: int) -> tuple[uuid.UUID, float]:
    """A room whose messages came from one completed import, as after `importChat`."""
    import_id = uuid.uuid4()
    start = datetime(2025, 1, 6, tzinfo=KST)
    created = datetime.now(timezone.utc)

    async def make_room(uow):
        partner = await uow.partners.create({"name": "지민", "relationship": "SOME", "interests": []})
        room = await uow.chat_rooms.create(partner_id=partner.id, title="벤치마크")
        await uow.imports.start(import_id, room_id=room.id, file_name="bench.txt", blob_key=None, raw_expires_at=None)
        return room.id

    room_id = await db.run(make_room, owner=owner)
    rows = list(_records(room_id, owner, import_id, generate_room(count, seed, start), created))
    began = time.perf_counter()
    async with db.connection() as conn:
        await conn.copy_records_to_table(
            "messages",
            records=rows,
            columns=["id", "room_id", "user_id", "sender", "sender_name", "body", "kind", "sent_at",
                     "import_id", "created_at"],
        )
    copy_seconds = time.perf_counter() - began
    await db.run(
        lambda uow: uow.imports.complete(
            import_id, format="ANDROID", imported=len(rows), duplicates=0, not_understood=0, nul_removed=0,
            first_at=rows[0][7], last_at=rows[-1][7],
        ),
        owner=owner,
    )
    return room_id, copy_seconds


async def bench(dsn: str, *, messages: int, noise: int, runs: int, seed: int, analyze: bool) -> None:
    db = await connect_postgres(dsn, min_size=1, max_size=2)
    try:
        await migrate(db)
        owner = uuid.uuid4()
        room_id, copy_seconds = await _fill(db, owner, messages, seed)
        print(f"room: {messages:,} messages (one completed import) written by COPY in {copy_seconds * 1000:.0f} ms")
        noise_rooms = 9 if noise else 0
        for i in range(noise_rooms):
            await _fill(db, uuid.uuid4(), noise // noise_rooms, seed + 1 + i)
        if noise:
            print(f"noise: {noise:,} messages in {noise_rooms} rooms of other owners")
        if analyze:
            # A bulk load leaves the planner without statistics until autovacuum comes by; a
            # service in use has them. (A maintenance command, not application SQL.)
            async with db.connection() as conn:
                await conn.execute("ANALYZE messages")

        async def call():
            return await db.read(lambda uow: InsightStore(uow.conn, owner).room_insights(room_id), owner=owner)

        # Rows as a bare COPY writes them carry no stored signals: insights compute them on read.
        on_read_ms = []
        for _ in range(max(3, runs // 3)):
            began = time.perf_counter()
            await call()
            on_read_ms.append((time.perf_counter() - began) * 1000)
        print(f"room_insights with signals computed on read, median of {len(on_read_ms)}: {statistics.median(on_read_ms):.1f} ms")
        # The service stores each message's signals when it writes it (migration 0004).
        async with db.connection() as conn:
            await conn.execute(f"UPDATE messages m SET signals = {signals_sql('m')} WHERE m.room_id = $1", room_id)
            await conn.execute("VACUUM ANALYZE messages")  # the UPDATE left a dead copy of every row

        began = time.perf_counter()
        rows = await call()
        first_ms = (time.perf_counter() - began) * 1000
        query_ms, score_ms = [], []
        for _ in range(runs):
            began = time.perf_counter()
            rows = await call()
            query_ms.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            insights = conversation_insights(rows)
            score_ms.append((time.perf_counter() - began) * 1000)

        last = max(row.week_start for row in rows.weeks)
        since = datetime.combine(last - timedelta(weeks=3), datetime.min.time(), KST)
        month_ms = []
        for _ in range(5):
            began = time.perf_counter()
            month = await db.read(
                lambda uow: InsightStore(uow.conn, owner).room_insights(room_id, start=since), owner=owner
            )
            month_ms.append((time.perf_counter() - began) * 1000)

        counted = sum(row.message_count for row in rows.totals)
        query = statistics.median(query_ms)
        scoring = statistics.median(score_ms)
        print(f"result: {len(rows.totals)} sender rows, {len(rows.weeks)} week rows, {len(insights.weekly)} weeks scored")
        print("with the signals stored at write time, as the service writes messages:")
        print(f"room_insights, first call: {first_ms:.1f} ms")
        print(f"room_insights, median of {runs}: {query:.1f} ms (min {min(query_ms):.1f}, max {max(query_ms):.1f})"
              f" = {counted / query * 1000:,.0f} messages/s")
        print(f"scoring (conversation_insights), median of {runs}: {scoring:.2f} ms")
        print(f"query + scoring: {query + scoring:.1f} ms for {counted:,} messages")
        print(f"last 4 weeks only ({sum(r.message_count for r in month.totals):,} messages),"
              f" median of 5: {statistics.median(month_ms):.1f} ms")
        p, m = insights.partner, insights.me
        print(f"interest score {insights.interest_score}; partner median reply {p.median_reply_seconds} s,"
              f" mine {m.median_reply_seconds} s; factors: "
              + ", ".join(f"{f.name} {f.effect:+d}" for f in insights.factors))
    finally:
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--noise", type=int, default=100_000, help="messages in other owners' rooms")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-analyze", action="store_true", help="skip ANALYZE after the bulk load")
    args = parser.parse_args()
    options = dict(
        messages=args.messages, noise=args.noise, runs=args.runs, seed=args.seed, analyze=not args.no_analyze
    )

    with database() as dsn:
        asyncio.run(bench(dsn, **options))

if __name__ == "__main__":
    main()
