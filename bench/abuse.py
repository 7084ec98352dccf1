"""Benchmark: no request can stall the service (issue 8).

    python -m bench.abuse [--seconds 20] [--attackers 4] [--messages 50000] [--baseline 10]
                          [--big-rooms 2] [--text-chars 5000] [--solo] [--bystander-interval S]

One `loveq serve` worker on a fresh database: $DATABASE_URL's server, or an embedded
PostgreSQL when it is unset. Its limits are the defaults unless the environment sets them
(e.g. `LOVEQ_MAX_QUERY_COST=5000 python -m bench.abuse`): the attack documents follow.

Each attacker has an account of its own (so a per-user rate limit alone does not refuse
everything) holding the data that makes requests expensive: `--big-rooms` rooms of
`--messages` messages (one completed import, written with COPY as bench/insights.py does,
signals stored), then rooms up to the page cap, each with a page of messages of
`--text-chars` characters (the longest a message may be) and a page of analyses (copies of one
the local coach made). The bystander has an account with one partner and one room.

The attack documents are the most expensive ones the limits still admit: the size of each
(page size, IDs in `nodes`, aliased insight windows, repeated selections) is the largest whose
static cost — loveq.query_cost, the server's own rule — is within LOVEQ_MAX_QUERY_COST (and
within the token and alias limits). Kinds: nested connections (rooms x messages, the issue's
rooms x partner x rooms x messages, a page of messages each with an async field), `nodes` with
one room repeated (its messages; the big rooms' insights), insights over many aliased windows
(one path; several paths at once), pages of analyses, a document of repeated selections, an
anonymous 900 KB document, and a client that sends the insight windows and hangs up at 300 ms.

Phases: with `--solo`, each kind alone first (its time, the worker's CPU, the longest
event-loop stall, how many statements it ran at once, how long statements went on after the
answer or the hang-up); then the bystander alone for `--baseline` seconds; then `--attackers`
clients, each cycling through the kinds as fast as answers come, for `--seconds` (a request
still running then is cut off: the client hangs up), while the bystander sends
`{ viewer { id } }` one after the other, no faster than its rate limit allows. Throughout, a
prober sends GET /healthz every 20 ms: it does no I/O, so its latency is the worker's
event-loop stall. The attackers run in a process of their own so that reading their answers
does not slow the bystander's client.

Printed: the documents (size, cost), the bystander's p50/p95/p99/max alone and under attack,
the /healthz stall, the attackers' outcomes per kind and code, the longest request, the
worker's CPU, and whether the goals hold: bystander p99 under 250 ms; no request keeps the
worker busy over 2 s (judged on the event loop's longest stall, and on requests' wall time).
Asserts nothing: the machine is shared and noisy; read the figures side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import statistics
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import httpx
from graphql import DocumentNode, FieldNode, GraphQLError, Visitor, parse, visit

from bench.abuse_data import BYSTANDER_QUERY, Account, fill_attacker, fill_bystander, make_account
from bench.support import database, issuer, loveq_server, peak_rss_mb, percentile
from loveq.query_cost import document_cost
from loveq.schema import SchemaLimits, build_schema
from loveq.settings import load_settings

CUT = "still running at the end (hung up)"
P99_GOAL_MS = 250.0
BUSY_GOAL_S = 2.0


# ---------------------------------------------------------------------------------------------
# The attack documents


@dataclass
class Attack:
    kind: str
    query: str
    variables: dict[str, Any]
    cost: float
    size: int  # the count that was maximised (page size, IDs, windows, repeats)
    anonymous: bool = False
    hang_up_after: float | None = None  # seconds; the client disconnects then

    @property
    def body(self) -> bytes:
        return json.dumps({"query": self.query, "variables": self.variables}, ensure_ascii=False).encode()


class Costs:
    def __init__(self, env: dict[str, str]) -> None:
        settings = load_settings(env)
        self.limit = settings.guards.max_query_cost
        self.max_page = settings.max_page_size
        self.limits = SchemaLimits(max_depth=settings.max_query_depth, max_cost=self.limit,
                                   max_page_size=self.max_page, introspection=settings.introspection)
        self.schema = build_schema(self.limits)._schema

    def of(self, query: str, variables: dict[str, Any]) -> float:
        """The static cost, or infinity when the parser's token limit refuses the document."""
        try:
            document = parse(query, max_tokens=self.limits.max_tokens)
        except GraphQLError:
            return math.inf
        if _aliases(document) > self.limits.max_aliases:
            return math.inf
        return document_cost(self.schema, document, None, variables, max_page_size=self.max_page)

    def largest(self, build: Callable[[int], tuple[str, dict[str, Any]]], hi: int, lo: int = 1) -> tuple[int, str, dict, float]:
        """The largest n in [lo, hi] whose document costs at most the limit (cost grows with n);
        when none does, the smallest (it is sent all the same, and refused)."""
        query, variables = build(lo)
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            query, variables = build(mid)
            cost = self.of(query, variables)
            if cost <= self.limit:
                best = (mid, query, variables, cost)
                lo = mid + 1
            else:
                hi = mid - 1
        if best is None:
            return lo, query, variables, self.of(query, variables)
        return best


def _aliases(document: DocumentNode) -> int:
    class Count(Visitor):
        found = 0

        def enter_field(self, node: FieldNode, *_: Any) -> None:
            if node.alias is not None:
                Count.found += 1

    visit(document, Count())
    return Count.found


def _window(i: int) -> str:
    """Distinct `from` instants before any message: every window reads the whole room."""
    return (datetime(2001, 1, 1, tzinfo=UTC) + timedelta(seconds=i)).isoformat()


def attacks(account: Account, costs: Costs) -> list[Attack]:
    cap = costs.max_page
    made: list[Attack] = []

    def add(kind: str, build: Callable[[int], tuple[str, dict]], hi: int, **extra: Any) -> Attack:
        n, query, variables, cost = costs.largest(build, hi)
        attack = Attack(kind, query, variables, cost, n, **extra)
        made.append(attack)
        return attack

    # Nested connections: as many rooms as the limit admits, each with a full page of its longest messages.
    add("rooms x messages", lambda n: (
        f"{{ chatRooms(first: {n}) {{ edges {{ node {{ id messages(first: {cap}) {{ edges {{ node {{ id text sentAt sender }} }} }} }} }} }} }}", {}), cap)
    # The issue's 194-byte document, scaled down to the limit.
    add("rooms x partner x rooms x messages", lambda n: (
        (f"{{ chatRooms(first: {n}) {{ edges {{ node {{ id partner {{ chatRooms(first: {n}) {{ edges {{ node {{ id"
         f" messages(first: {n}) {{ edges {{ node {{ id text }} }} }} }} }} }} }} }} }} }} }}"), {}), cap)
    # Every message with an async field: one coroutine per item.
    add("messages x chatRoom (async fields)", lambda n: (
        f"{{ chatRooms(first: {n}) {{ edges {{ node {{ messages(first: {cap}) {{ edges {{ node {{ chatRoom {{ id }} }} }} }} }} }} }} }}", {}), cap)
    # `nodes` with the same long room repeated: the loader reads it once, the answer repeats it.
    add("nodes: same room x messages", lambda n: (
        f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on ChatRoom {{ messages(first: {cap}) {{ edges {{ node {{ text }} }} }} }} }} }}",
        {"ids": [account.long_rooms[0]] * n}), 100)
    # `nodes` with the big rooms repeated, insights on each.
    add("nodes: big rooms x insights", lambda n: (
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on ChatRoom { insights { interestScore } } } }",
        {"ids": (account.big_rooms * n)[:n]}), 100)
    # Insights over many aliased windows: one statement per window (over all the big rooms).
    windows = add("insights: aliased windows", lambda n: (
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on ChatRoom { "
        + " ".join(f'w{i}: insights(from: "{_window(i)}") {{ interestScore }}' for i in range(n))
        + " } } }", {"ids": account.big_rooms}), 29)

    # The same windows reached by several paths at once: each path's batch is its own statement.
    def parallel(n: int) -> tuple[str, dict]:
        def w(path: int) -> str:
            return " ".join(f'w{path}_{i}: insights(from: "{_window(1000 * path + i)}") {{ interestScore }}' for i in range(n))
        query = (
            "query($ids: [ID!]!, $msg: ID!, $an: ID!, $p: ID!) {"
            f" a: nodes(ids: $ids) {{ ... on ChatRoom {{ {w(0)} }} }}"
            f" b: chatRooms(first: {len(account.big_rooms)}) {{ edges {{ node {{ {w(1)} }} }} }}"
            f" c: node(id: $msg) {{ ... on Message {{ chatRoom {{ {w(2)} }} }} }}"
            f" d: node(id: $an) {{ ... on Analysis {{ chatRoom {{ {w(3)} }} }} }}"
            f" e: chatRooms(partnerId: $p, first: 1) {{ edges {{ node {{ partner {{ name }} }} }} }}"
            f" f: nodes(ids: [$msg]) {{ ... on Message {{ chatRoom {{ partner {{ chatRooms(first: 1) {{ edges {{ node {{ {w(4)} }} }} }} }} }} }} }}"
            " }"
        )
        return query, {"ids": account.big_rooms[:1], "msg": account.big_message, "an": account.big_analysis, "p": account.partner}

    add("insights: parallel paths", parallel, 29)
    # Pages of analyses: every row's JSON (emotion, replies, advice) is decoded.
    add("rooms x analyses", lambda n: (
        f"{{ chatRooms(first: {n}) {{ edges {{ node {{ analyses(first: {cap}) {{ edges {{ node {{ id intent }} }} }} }} }} }} }}", {}), cap)

    # A large valid document: the same selection repeated (validation compares every pair).
    def repeated(n: int) -> tuple[str, dict]:
        return "{ " + " ".join("viewer { id profile { nickname bio } }" for _ in range(n)) + " }", {}

    add("repeated selections (large document)", repeated, 5000)
    # Without a token: a document near the body limit, refused before it is parsed.
    junk = "{ " + " ".join("viewer { id }" for _ in range(900_000 // 14)) + " }"
    made.append(Attack("anonymous 900 KB document", junk, {}, math.nan, 900_000 // 14, anonymous=True))
    # The costliest insights request, sent by a client that hangs up after 300 ms.
    made.append(Attack("hangs up mid-request", windows.query, windows.variables, windows.cost, windows.size, hang_up_after=0.3))
    return made


# ---------------------------------------------------------------------------------------------
# Sending


def _code(status: int, body: bytes) -> str:
    try:
        parsed = json.loads(body)
    except ValueError:
        return f"HTTP {status} (not JSON)"
    errors = parsed.get("errors") if isinstance(parsed, dict) else None
    if errors:
        codes = sorted({(e.get("extensions") or {}).get("code", "NO CODE") for e in errors})
        return "+".join(codes) + (" (partial data)" if parsed.get("data") else "")
    return "ok"


async def _hang_up(url: str, attack: Attack, token: str) -> tuple[str, int]:
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    body = attack.body
    writer.write(
        f"POST /graphql HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    )
    await writer.drain()
    try:
        head = await asyncio.wait_for(reader.read(200), attack.hang_up_after)
        code = "answered before the hang-up " + head.split(b"\r\n", 1)[0].decode(errors="replace")
    except TimeoutError:
        code = "hung up"
    writer.close()
    return code, len(body)


async def send(client: httpx.AsyncClient, url: str, attack: Attack, token: str) -> tuple[str, float, int]:
    began = time.perf_counter()
    try:
        if attack.hang_up_after is not None:
            code, size = await _hang_up(url, attack, token)
            return code, time.perf_counter() - began, size
        headers = {"Content-Type": "application/json"}
        if not attack.anonymous:
            headers["Authorization"] = f"Bearer {token}"
        response = await client.post("/graphql", content=attack.body, headers=headers)
        return _code(response.status_code, response.content), time.perf_counter() - began, len(response.content)
    except httpx.TimeoutException:
        return "client timeout", time.perf_counter() - began, 0
    except (httpx.TransportError, OSError) as exc:
        return f"connection error ({type(exc).__name__})", time.perf_counter() - began, 0


async def _attack_loop(url: str, attacks_: list[Attack], token: str, offset: int, until: float, timeout: float) -> list[tuple]:
    records = []
    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        i = offset
        while time.time() < until:
            attack = attacks_[i % len(attacks_)]
            started = time.time()
            try:  # a request still running when the run ends is cut off: the client hangs up
                code, seconds, size = await asyncio.wait_for(send(client, url, attack, token), until - started)
            except TimeoutError:
                code, seconds, size = CUT, time.time() - started, 0
            records.append((attack.kind, code, seconds, size, started))
            i += 1
    return records


def ready() -> None:
    """Run once in the attackers' process so that it is up (and has imported this module) first."""


def run_attackers(url: str, plans: list[tuple[list[Attack], str]], start: float, until: float, timeout: float) -> list[tuple]:
    """In a process of its own: every attacker cycles through its documents from `start` to
    `until` (wall-clock times)."""

    async def all_of_them() -> list[tuple]:
        await asyncio.sleep(max(0.0, start - time.time()))
        results = await asyncio.gather(*(
            _attack_loop(url, attacks_, token, offset * 3, until, timeout) for offset, (attacks_, token) in enumerate(plans)
        ))
        return [r for records in results for r in records]

    return asyncio.run(all_of_them())


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Probe:
    latencies: list[float] = field(default_factory=list)
    failures: Counter = field(default_factory=Counter)


async def bystander(url: str, token: str, stop: asyncio.Event, interval: float) -> Probe:
    """`{ viewer { id } }` one after the other, starting one every `interval` seconds at most
    (a well-behaved client stays within its rate limit) or at once when the last was late."""
    probe = Probe()
    body = json.dumps({"query": BYSTANDER_QUERY}).encode()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        next_at = time.perf_counter()
        while not stop.is_set():
            began = time.perf_counter()
            try:
                response = await client.post("/graphql", content=body, headers=headers)
                code = _code(response.status_code, response.content)
            except httpx.HTTPError as exc:
                code = type(exc).__name__
            probe.latencies.append(time.perf_counter() - began)
            if code != "ok":
                probe.failures[code] += 1
            next_at = max(next_at + interval, time.perf_counter())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), next_at - time.perf_counter())
    return probe


async def healthz(url: str, stop: asyncio.Event, every: float = 0.02) -> Probe:
    probe = Probe()
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        while not stop.is_set():
            began = time.perf_counter()
            try:
                await client.get("/healthz")
            except httpx.HTTPError as exc:
                probe.failures[type(exc).__name__] += 1
            probe.latencies.append(time.perf_counter() - began)
            await asyncio.sleep(every)
    return probe


async def _active_statements(admin: asyncpg.Connection, database_name: str) -> int:
    return await admin.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()",
        database_name,
    )


def cpu_seconds(pid: int) -> float:
    """User and system CPU the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _work_after(admin: asyncpg.Connection, database_name: str, limit: float = 60.0) -> float:
    """How long the database goes on running statements (none of which anyone waits for now):
    until none has been seen for a second (a loader may be between two statements)."""
    began = time.perf_counter()
    last_seen = began
    while time.perf_counter() - last_seen < 1.0 and time.perf_counter() - began < limit:
        if await _active_statements(admin, database_name):
            last_seen = time.perf_counter()
        await asyncio.sleep(0.05)
    return last_seen - began


async def solo(url: str, pid: int, attack: Attack, token: str, admin: asyncpg.Connection, database_name: str,
               timeout: float) -> dict:
    """One request of one kind alone: its time, the worker's CPU, the longest event-loop stall
    while it ran, the statements it ran at once, and how long statements went on after the
    answer (or the hang-up)."""
    stop = asyncio.Event()
    prober = asyncio.create_task(healthz(url, stop, every=0.01))
    most = 0

    async def watch() -> None:
        nonlocal most
        while not stop.is_set():
            most = max(most, await _active_statements(admin, database_name))
            await asyncio.sleep(0.01)

    watcher = asyncio.create_task(watch())
    cpu = cpu_seconds(pid)
    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        code, seconds, size = await send(client, url, attack, token)
    cpu = cpu_seconds(pid) - cpu
    stop.set()
    await watcher
    after = await _work_after(admin, database_name)
    stall = max((await prober).latencies, default=float("nan"))
    return {"code": code, "seconds": seconds, "cpu": cpu, "bytes": size, "statements": most, "stall": stall,
            "after": after}


def _row(label: str, values: list[float], failures: Counter | None = None) -> str:
    ms = [v * 1000 for v in values]
    failed = sum((failures or Counter()).values())
    return (f"{label:<34} {len(ms):>6} {percentile(ms, 50):>8.1f} {percentile(ms, 95):>8.1f} {percentile(ms, 99):>8.1f}"
            f" {max(ms, default=float('nan')):>8.1f} {failed:>7}")


async def measure(url: str, seconds: float, token: str, interval: float) -> tuple[Probe, Probe]:
    stop = asyncio.Event()
    tasks = [asyncio.create_task(bystander(url, token, stop, interval)), asyncio.create_task(healthz(url, stop))]
    await asyncio.sleep(seconds)
    stop.set()
    by, hz = await asyncio.gather(*tasks)
    return by, hz


# ---------------------------------------------------------------------------------------------


async def run(args: argparse.Namespace, dsn: str) -> None:
    with loveq_server(dsn) as (process, url, env):
        costs = Costs(env)
        guards = load_settings(env).guards
        tokens = issuer(env)
        run_id = uuid.uuid4().hex[:6]
        print(f"one worker at {url}; limits: cost {guards.max_query_cost:,}, page {costs.max_page}, request timeout"
              f" {guards.request_timeout_seconds:g} s, statement timeout {guards.statement_timeout_seconds:g} s, response"
              f" {guards.max_response_bytes:,} B, rate {guards.rate_per_minute}/min burst {guards.rate_burst};"
              f" tokens {costs.limits.max_tokens}, aliases {costs.limits.max_aliases}, depth {costs.limits.max_depth}")

        began = time.perf_counter()
        attackers = await asyncio.gather(*(
            make_account(url, f"attacker{i}-{run_id}@example.com", tokens.issue(f"attacker{i}-{run_id}@example.com"))
            for i in range(args.attackers)
        ))
        victim = await make_account(url, f"bystander-{run_id}@example.com", tokens.issue(f"bystander-{run_id}@example.com"))
        await fill_bystander(url, victim)
        timings: dict[str, float] = defaultdict(float)
        for i, account in enumerate(attackers):
            for name, spent in (await fill_attacker(
                url, dsn, account, rooms=costs.max_page, big_rooms=args.big_rooms, messages=args.messages,
                text_chars=args.text_chars, seed=7 + 10 * i,
            )).items():
                timings[name] += spent
        admin = await asyncpg.connect(dsn)
        try:
            await admin.execute("VACUUM ANALYZE")
        finally:
            await admin.close()
        print(f"data: {args.attackers} attackers, each with {args.big_rooms} rooms of {args.messages:,} messages, "
              f"{costs.max_page - args.big_rooms} rooms of 100 messages of {args.text_chars:,} characters, "
              f"100 analyses in every room; made in {time.perf_counter() - began:.0f} s ("
              + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()) + ")")

        plans = [(attacks(account, costs), account.token) for account in attackers]
        print()
        print(f"{'attack document (most costly admitted)':<40} {'size':>5} {'cost':>7} {'bytes':>8}")
        for attack in plans[0][0]:
            cost = "-" if math.isnan(attack.cost) else f"{attack.cost:,.0f}"
            over = "  (over the limit at any size)" if attack.cost > costs.limit else ""
            print(f"{attack.kind:<40} {attack.size:>5} {cost:>7} {len(attack.body):>8,}{over}")

        timeout = guards.request_timeout_seconds + 30
        interval = args.bystander_interval or 60 / guards.rate_per_minute * 1.1
        database_name = urlsplit(dsn).path.lstrip("/")
        admin = await asyncpg.connect(dsn)
        try:
            # Warm the worker (imports, caches).
            await measure(url, 1.0, victim.token, interval)
            if args.solo:
                print()
                print("each kind alone (one request, nothing else running):")
                print(f"{'kind':<40} {'seconds':>8} {'cpu s':>6} {'stall ms':>9} {'stmts':>6} {'after s':>8} {'bytes':>11}  code")
                for attack in plans[0][0]:
                    r = await solo(url, process.pid, attack, plans[0][1], admin, database_name, timeout)
                    print(f"{attack.kind:<40} {r['seconds']:>8.2f} {r['cpu']:>6.2f} {r['stall'] * 1000:>9.0f}"
                          f" {r['statements']:>6} {r['after']:>8.1f} {r['bytes']:>11,}  {r['code']}")
                print("(cpu: the worker's CPU for it; stall: the longest /healthz answer while it ran; stmts: most"
                      " statements active at once; after: how long statements went on after the answer or the hang-up)")
                await asyncio.sleep(2)

            base_by, base_hz = await measure(url, args.baseline, victim.token, interval)
            load_before = os.getloadavg()[0]

            loop = asyncio.get_running_loop()
            with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
                await loop.run_in_executor(pool, ready)
                start = time.time() + 0.2
                until = start + args.seconds
                attacking = loop.run_in_executor(pool, run_attackers, url, plans, start, until, timeout)
                await asyncio.sleep(start - time.time())
                cpu = cpu_seconds(process.pid)
                attack_by, attack_hz = await measure(url, args.seconds, victim.token, interval)
                cpu = cpu_seconds(process.pid) - cpu
                load_during = os.getloadavg()[0]
                records = await attacking
            after = await _work_after(admin, database_name)
        finally:
            await admin.close()

        print()
        print(f"{'bystander { viewer { id } }':<34} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'failed':>7}")
        print(_row(f"alone ({args.baseline:g} s)", base_by.latencies, base_by.failures))
        print(_row(f"under attack ({args.seconds:g} s, {args.attackers} attackers)", attack_by.latencies, attack_by.failures))
        print(_row("GET /healthz (loop stall), alone", base_hz.latencies, base_hz.failures))
        print(_row("GET /healthz (loop stall), attack", attack_hz.latencies, attack_hz.failures))
        if attack_by.failures:
            print("bystander failures under attack: " + ", ".join(f"{c} x{n}" for c, n in attack_by.failures.items()))
        print(f"(the bystander starts a request every {interval * 1000:.0f} ms at most, within its rate limit;"
              f" /healthz is asked every 20 ms and does no I/O: its latency is the event loop's stall."
              f" Load average {load_before:.1f} before the attack, {load_during:.1f} at its end, on {os.cpu_count()} CPUs)")

        print()
        print(f"attackers' outcomes ({len(records)} requests in {args.seconds:g} s):")
        print(f"{'kind':<40} {'code':<44} {'count':>6} {'p50 s':>7} {'max s':>7}")
        by_kind: dict[tuple[str, str], list[float]] = defaultdict(list)
        for kind, code, seconds, _size, _started in records:
            by_kind[(kind, code)].append(seconds)
        order = [a.kind for a in plans[0][0]]
        for (kind, code), spent in sorted(by_kind.items(), key=lambda item: (order.index(item[0][0]), item[0][1])):
            print(f"{kind:<40} {code:<44} {len(spent):>6} {statistics.median(spent):>7.2f} {max(spent):>7.2f}")
        totals = Counter(code for _k, code, *_ in records)
        print("all kinds: " + ", ".join(f"{code} {n}" for code, n in totals.most_common()))

        answered = [r for r in records if r[1] != "hung up"]  # the cut ones count: they ran that long at least
        longest = max(answered, key=lambda r: r[2], default=None)
        over = Counter(r[0] for r in answered if r[2] > BUSY_GOAL_S)
        stall = max(attack_hz.latencies, default=float("nan"))
        p99 = percentile(attack_by.latencies, 99) * 1000
        print()
        if longest is not None:
            print(f"longest attacker request: {longest[2]:.2f} s ({longest[0]}, {longest[1]}); requests over"
                  f" {BUSY_GOAL_S:g} s: {sum(over.values())} of {len(answered)}"
                  + (" (" + ", ".join(f"{k} {n}" for k, n in over.most_common()) + ")" if over else ""))
        print(f"longest event-loop stall seen by /healthz under attack: {stall * 1000:.0f} ms")
        print(f"the worker's CPU during the attack: {cpu:.1f} s in {args.seconds:g} s;"
              f" database statements went on {after:.1f} s after the last attacker hung up")
        print(f"server peak memory: {peak_rss_mb(process.pid):.0f} MB")
        print(f"goal: bystander p99 under {P99_GOAL_MS:.0f} ms: {'met' if p99 < P99_GOAL_MS else 'NOT met'} ({p99:.0f} ms)")
        print(f"goal: no request keeps the worker busy over {BUSY_GOAL_S:g} s:"
              f" event loop {'met' if stall <= BUSY_GOAL_S else 'NOT met'} (longest stall {stall:.2f} s);"
              f" wall time {'met' if not over else 'NOT met'} (longest request {longest[2] if longest else float('nan'):.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="how long the attack lasts")
    parser.add_argument("--attackers", type=int, default=4)
    parser.add_argument("--messages", type=int, default=50_000, help="messages in each big room")
    parser.add_argument("--big-rooms", type=int, default=2, help="rooms of --messages messages per attacker")
    parser.add_argument("--text-chars", type=int, default=5000, help="length of the long rooms' messages")
    parser.add_argument("--baseline", type=float, default=10, help="seconds of the bystander alone")
    parser.add_argument("--solo", action="store_true", help="first time each kind of request alone")
    parser.add_argument("--bystander-interval", type=float, default=None,
                        help="seconds between the bystander's requests (default: 10%% under its rate limit)")
    args = parser.parse_args()
    with database() as dsn:
        asyncio.run(run(args, dsn))


if __name__ == "__main__":
    main()
