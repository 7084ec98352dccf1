"""Benchmark: importing a generated KakaoTalk export end to end through the GraphQL endpoint.

    python -m bench.import_chat [--messages 100000] [--sizes 25000,100000,200000]

Starts PostgreSQL ($DATABASE_URL's server in a fresh database, or an embedded one), runs
`loveq serve` in a subprocess, uploads generated Android exports with a multipart request and
prints messages per second and the server's peak memory (VmHWM) after each import — growing
sizes in one process, so a flat peak shows the import streams. Then writes the same rows with
a bare asyncpg COPY into another room and prints both rates side by side. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import shutil
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import asyncpg
import httpx

from kakao import parse_lines
from services.chat_import import DedupeKeys
from bench.support import database, peak_rss_mb
from tests.support.exports import android_export

IMPORT = """mutation($input: ImportChatInput!) { importChat(input: $input) {
  import { messagesImported duplicatesSkipped } userErrors { code message } } }"""


def graphql(client: httpx.Client, query: str, variables: dict) -> dict:
    body = client.post("/graphql", json={"query": query, "variables": variables}).json()
    if body.get("errors"):
        raise RuntimeError(body["errors"])
    return body["data"]


def new_room(client: httpx.Client) -> str:
    partner = graphql(client, 'mutation { createPartner(input: {name: "지민", relationship: SOME}) { partner { id } } }', {})
    partner_id = partner["createPartner"]["partner"]["id"]
    room = graphql(client, "mutation($p: ID!) { createChatRoom(input: {partnerId: $p, title: \"bench\"}) { chatRoom { id } } }", {"p": partner_id})
    return room["createChatRoom"]["chatRoom"]["id"]


def upload(client: httpx.Client, room_id: str, content: bytes) -> tuple[float, dict]:
    operations = json.dumps({"query": IMPORT, "variables": {"input": {"roomId": room_id, "file": None}}})
    started = time.perf_counter()
    response = client.post(
        "/graphql",
        data={"operations": operations, "map": json.dumps({"0": ["variables.input.file"]})},
        files={"0": ("KakaoTalk_Chat.txt", content, "text/plain")},
    )
    elapsed = time.perf_counter() - started
    payload = response.json()["data"]["importChat"]
    if payload["userErrors"]:
        raise RuntimeError(payload["userErrors"])
    return elapsed, payload["import"]


async def copy_baseline(dsn: str, content: bytes) -> tuple[float, int]:
    """The same rows, parsed beforehand, written with one bare COPY: the floor for writing them."""
    messages, _ = parse_lines(content.decode("utf-8").splitlines())
    keys = DedupeKeys()
    room_id, user_id, now = uuid.uuid4(), uuid.uuid4(), datetime.now(timezone.utc)
    records = [
        (uuid.uuid4(), room_id, user_id, "PARTNER" if m.sender_name == "지민" else "ME", m.sender_name, m.text, m.kind.value,
         m.sent_at.replace(tzinfo=timezone.utc), now, None, keys.key(m.sender_name, m.sent_at.replace(tzinfo=timezone.utc), m.text))
        for m in messages
    ]
    conn = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        await conn.copy_records_to_table(
            "messages", records=records,
            columns=["id", "room_id", "user_id", "sender", "sender_name", "body", "kind", "sent_at", "created_at", "import_id", "dedupe_key"],
        )
        return time.perf_counter() - started, len(records)
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--sizes", default="10000,100000,200000", help="export sizes imported in one server, ascending")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",")} | {args.messages})
    data_dir = Path(tempfile.mkdtemp(prefix="loveq-bench-data-"))
    with database() as dsn:
        env = {**os.environ, "DATABASE_URL": dsn, "LOVEQ_DATA_DIR": str(data_dir), "LOVEQ_LOG_LEVEL": "WARNING",
               "LOVEQ_IMPORT_MAX_MESSAGES": str(max(sizes) + 1), "LOVEQ_IMPORT_MAX_BYTES": str(200 * 1024 * 1024)}
        port = 18000 + os.getpid() % 1000
        server = subprocess.Popen([sys.executable, "-m", "loveq.cli", "serve", "--port", str(port)], env=env)
        try:
            token = subprocess.run([sys.executable, "-m", "loveq.cli", "token", "bench@example.com"], env=env,
                                   capture_output=True, text=True, check=True).stdout.strip()
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"}, timeout=600) as client:
                for _ in range(200):
                    try:
                        if client.get("/readyz").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    time.sleep(0.1)
                upload(client, new_room(client), android_export(200))  # warm-up: Kiwi, pools, imports
                print(f"server peak memory after warm-up: {peak_rss_mb(server.pid):.1f} MB")
                print(f"{'messages':>9} {'MB':>6} {'seconds':>8} {'msg/s':>9} {'peak MB':>8}")
                results = {}
                for size in sizes:
                    content = android_export(size)
                    seconds, stats = upload(client, new_room(client), content)
                    results[size] = (seconds, content)
                    print(f"{size:>9} {len(content) / 1e6:>6.1f} {seconds:>8.2f} {stats['messagesImported'] / seconds:>9,.0f} {peak_rss_mb(server.pid):>8.1f}")
                seconds, content = results[args.messages]
        finally:
            server.terminate()
            server.wait(timeout=60)
        copy_seconds, rows = asyncio.run(copy_baseline(dsn, content))
        print(f"\n{args.messages:,} messages: importChat end to end {seconds:.2f} s ({args.messages / seconds:,.0f} msg/s);"
              f" bare asyncpg COPY of the same {rows:,} rows {copy_seconds:.2f} s ({rows / copy_seconds:,.0f} rows/s);"
              f" ratio {seconds / copy_seconds:.1f}x")
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
