"""bench/abuse.py's data: the accounts whose rooms make requests expensive (big rooms written
with COPY as bench/insights.py does, rooms of long messages, pages of analyses) and the
bystander's small account."""

from __future__ import annotations

import base64
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import httpx

from bench.insights import _fill
from datastore.database import connect_postgres
from datastore.stores.insights import signals_sql

BYSTANDER_QUERY = "{ viewer { id } }"
KST = timezone(timedelta(hours=9))


def _local_id(global_id: str) -> uuid.UUID:
    return uuid.UUID(base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode().split(":", 1)[1])


def _global_id(type_name: str, value: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{value}".encode()).decode().rstrip("=")


async def _gql(client: httpx.AsyncClient, query: str, variables: dict | None = None) -> dict:
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    body = response.json()
    if body.get("errors"):
        raise RuntimeError(f"{query[:80]}: {body['errors']}")
    return body["data"]


_WORDS = ["오늘", "진짜", "너무", "보고", "싶다", "ㅋㅋㅋ", "주말에", "뭐해?", "맛있는", "거", "먹자", "😊", "그치", "응응"]


def _long_text(i: int, chars: int) -> str:
    """A message of `chars` characters: Korean, some laughter and a question, varied per row."""
    rng = random.Random(i)
    text = " ".join(rng.choices(_WORDS, k=chars // 2 + 1))
    return text[:chars]


@dataclass
class Account:
    email: str
    token: str
    user_id: uuid.UUID = field(default=uuid.UUID(int=0))
    partner: str = ""
    big_rooms: list[str] = field(default_factory=list)  # global IDs, newest first
    long_rooms: list[str] = field(default_factory=list)
    big_message: str = ""  # a message of the first big room
    big_analysis: str = ""  # an analysis of the first big room


async def make_account(url: str, email: str, token: str) -> Account:
    account = Account(email, token)
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=120) as client:
        account.user_id = _local_id((await _gql(client, BYSTANDER_QUERY))["viewer"]["id"])
    return account


async def fill_attacker(url: str, dsn: str, account: Account, *, rooms: int, big_rooms: int, messages: int,
                         text_chars: int, seed: int) -> dict[str, float]:
    """Rooms up to the page cap with a page of long messages and one of analyses each, then the
    big rooms (created last, so they are the newest: `chatRooms(first: k)` starts with them)."""
    timings: dict[str, float] = {}
    began = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {account.token}"}, timeout=300) as client:
        partner = await _gql(client, 'mutation { createPartner(input: {name: "지민", relationship: SOME, interests: ["러닝"]}) { partner { id } } }')
        account.partner = partner["createPartner"]["partner"]["id"]
        long_count = max(0, rooms - big_rooms)
        for start in range(0, long_count, 25):  # 25 aliased mutations a request, under the alias cap
            aliased = " ".join(
                f'r{i}: createChatRoom(input: {{partnerId: "{account.partner}", title: "긴 방 {i}"}}) {{ chatRoom {{ id }} }}'
                for i in range(start, min(long_count, start + 25))
            )
            data = await _gql(client, f"mutation {{ {aliased} }}")
            account.long_rooms += [data[key]["chatRoom"]["id"] for key in sorted(data, key=lambda k: int(k[1:]))]
        timings["rooms via the API"] = time.perf_counter() - began

        # One analysis made by the service (the local engine), then copied into every room.
        template_room = account.long_rooms[0] if account.long_rooms else None
        if template_room is not None:
            await _gql(client, 'mutation($r: ID!) { addMessages(input: {roomId: $r, messages: [{sender: PARTNER,'
                       ' text: "이번 주말에 뭐 해요? ㅎㅎ 같이 영화 볼래요?", sentAt: "2026-01-10T20:05:00+09:00"}]}) { userErrors { code } } }',
                       {"r": template_room})
            made = await _gql(client, 'mutation($r: ID!) { analyzeMessage(input: {roomId: $r}) { analysis { id } userErrors { code message } } }',
                              {"r": template_room})
            if made["analyzeMessage"]["userErrors"]:
                raise RuntimeError(made["analyzeMessage"]["userErrors"])
            template_analysis = _local_id(made["analyzeMessage"]["analysis"]["id"])

    began = time.perf_counter()
    db = await connect_postgres(dsn, min_size=1, max_size=2)
    try:
        big_ids = []
        for b in range(big_rooms):
            room_id, _ = await _fill(db, account.user_id, messages, seed + b)
            big_ids.append(room_id)
        account.big_rooms = [_global_id("ChatRoom", r) for r in reversed(big_ids)]
        timings["big rooms (COPY)"] = time.perf_counter() - began
        began = time.perf_counter()
        async with db.connection() as conn:
            created = datetime.now(UTC)
            long_ids = [_local_id(r) for r in account.long_rooms]
            rows = []
            for r, room_id in enumerate(long_ids):
                start = datetime(2025, 6, 1, tzinfo=KST) + timedelta(days=r)
                for i in range(100):
                    rows.append((uuid.uuid4(), room_id, account.user_id, "PARTNER" if i % 2 else "ME",
                                 "지민" if i % 2 else "나", _long_text(r * 100 + i, text_chars), "TEXT",
                                 start + timedelta(minutes=i), None, created))
            await conn.copy_records_to_table(
                "messages", records=rows,
                columns=["id", "room_id", "user_id", "sender", "sender_name", "body", "kind", "sent_at", "import_id", "created_at"],
            )
            all_rooms = big_ids + long_ids
            await conn.execute(f"UPDATE messages m SET signals = {signals_sql('m')} WHERE m.room_id = ANY($1::uuid[])", all_rooms)
            await conn.execute(
                """UPDATE chat_rooms c SET message_count = s.n, last_message_at = s.last
                   FROM (SELECT room_id, count(*) AS n, max(sent_at) AS last FROM messages
                         WHERE room_id = ANY($1::uuid[]) GROUP BY room_id) s
                   WHERE c.id = s.room_id""",
                all_rooms,
            )
            # 100 copies of the analysis the service made, in every room (big and long alike).
            if long_ids:
                columns = [r["column_name"] for r in await conn.fetch(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'analyses' ORDER BY ordinal_position")]
                chosen = {"id": "gen_random_uuid()", "room_id": "r.id", "message_id": "NULL",
                          "created_at": "a.created_at - g * interval '1 second'"}
                select = ", ".join(chosen.get(c, f"a.{c}") for c in columns)
                await conn.execute(
                    f"""INSERT INTO analyses ({', '.join(columns)})
                        SELECT {select} FROM analyses a, generate_series(1, 100) g, chat_rooms r
                        WHERE a.id = $1 AND r.id = ANY($2::uuid[])""",
                    template_analysis, all_rooms,
                )
            account.big_message = _global_id("Message", await conn.fetchval(
                "SELECT id FROM messages WHERE room_id = $1 ORDER BY sent_at DESC LIMIT 1", big_ids[-1]))
            account.big_analysis = _global_id("Analysis", await conn.fetchval(
                "SELECT id FROM analyses WHERE room_id = $1 LIMIT 1", big_ids[-1]))
        timings["long messages, signals, analyses"] = time.perf_counter() - began
    finally:
        await db.close()
    return timings


async def fill_bystander(url: str, account: Account) -> None:
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {account.token}"}, timeout=60) as client:
        partner = await _gql(client, 'mutation { createPartner(input: {name: "서연", relationship: DATING, interests: []}) { partner { id } } }')
        await _gql(client, 'mutation($p: ID!) { createChatRoom(input: {partnerId: $p, title: "우리"}) { chatRoom { id } } }',
                   {"p": partner["createPartner"]["partner"]["id"]})
